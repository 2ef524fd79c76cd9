package vn.doan.indicatorservice.rollup;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import vn.doan.events.EventCodec;
import vn.doan.indicatorservice.replica.PlanDefinition;
import vn.doan.indicatorservice.replica.Plans;
import vn.doan.indicatorservice.replica.Tree;

/**
 * Statuses move with the calendar as well as with data: the linear expectation grows every day, and an
 * indicator not achieved by the end of its period is off track the day after. Each night this looks at
 * every unit's progress in periods under way or ended within {@value #GRACE_DAYS} days and announces
 * those whose statuses differ from what was last announced (IndicatorOffTrack, TargetAchieved,
 * ProgressUpdated), once: the announcement records the statuses it announced.
 */
@Service
public class TimeStatuses {

    private static final Logger log = LoggerFactory.getLogger(TimeStatuses.class);
    static final int GRACE_DAYS = 31;

    private final MongoTemplate mongo;
    private final Plans plans;
    private final Tree tree;
    private final Announcer announcer;
    private final Clock clock;

    TimeStatuses(MongoTemplate mongo, Plans plans, Tree tree, Announcer announcer, Clock clock) {
        this.mongo = mongo;
        this.plans = plans;
        this.tree = tree;
        this.announcer = announcer;
        this.clock = clock;
    }

    /** Returns how many units' progress it announced. */
    @Scheduled(cron = "${doan.progress.time-statuses-cron:0 5 0 * * *}", zone = "Asia/Ho_Chi_Minh")
    public int announceStatusesMovedByTime() {
        LocalDate today = LocalDate.now(clock.withZone(EventCodec.ZONE));
        Lookups lookups = Lookups.of(plans, tree);
        int announced = 0;
        Query started = Rollup.lean(Query.query(Criteria.where("periodFrom").lte(today)), List.of());
        try (Stream<Rollup> docs = mongo.stream(started, Rollup.class)) {
            for (Rollup doc : (Iterable<Rollup>) docs::iterator) {
                Optional<PlanDefinition.Period> period = lookups.plan(doc.planId()).flatMap(plan -> plan.period(doc.periodId()));
                if (period.isPresent() && !today.isAfter(period.get().to().plusDays(GRACE_DAYS))
                        && announcer.announceIfTimeMovedStatuses(doc, lookups)) {
                    announced++;
                }
            }
        }
        log.info("Statuses moved by time on {}: {} units announced", today, announced);
        return announced;
    }
}
