package vn.doan.indicatorservice.progress;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import vn.doan.events.EventCodec;
import vn.doan.events.indicator.CompletenessChanged;
import vn.doan.events.indicator.IndicatorOffTrack;
import vn.doan.events.indicator.ProgressUpdated;
import vn.doan.events.indicator.TargetAchieved;
import vn.doan.events.plan.PlanIssued;
import vn.doan.indicatorservice.plan.Plans;
import vn.doan.support.outbox.PendingEvent;

/**
 * Announces a rollup's new progress: ProgressUpdated with the whole subtree's state, and TargetAchieved,
 * IndicatorOffTrack or CompletenessChanged when those changed since the last announcement. The events and
 * the record of what was announced are one update of the rollup document, conditional on its revision;
 * any later touch of a document whose announced revision lags announces it, so nothing stays unsaid.
 * Statuses that change only because time passes are announced by {@link TimeStatuses} each night.
 */
@Service
class Announcer {

    private final MongoTemplate mongo;
    private final ProgressQuery query;
    private final Plans plans;
    private final EventCodec codec;
    private final Clock clock;

    Announcer(MongoTemplate mongo, ProgressQuery query, Plans plans, EventCodec codec, Clock clock) {
        this.mongo = mongo;
        this.query = query;
        this.plans = plans;
        this.codec = codec;
        this.clock = clock;
    }

    void announce(Rollup doc) {
        if (doc != null && !upToDate(doc)) {
            query.view(doc).ifPresent(progress -> publish(doc, progress));
        }
    }

    /**
     * Announces a document whose statuses moved only because time passed (ON_TRACK → AT_RISK as the period
     * goes by, → OFF_TRACK once it is over) since its last announcement; returns whether it did.
     */
    boolean announceIfTimeMovedStatuses(Rollup doc) {
        return query.view(doc).filter(progress -> !upToDate(doc) || !statuses(progress).equals(doc.announcedStatuses()))
                .map(progress -> publish(doc, progress)).orElse(false);
    }

    private static boolean upToDate(Rollup doc) {
        return doc.announcedRev() != null && doc.announcedRev() >= doc.rev();
    }

    private static Map<String, String> statuses(ProgressQuery.UnitProgress progress) {
        Map<String, String> statuses = new LinkedHashMap<>();
        progress.indicators().forEach(i -> statuses.put(i.code(), i.subtree().status().name()));
        return statuses;
    }

    private boolean publish(Rollup doc, ProgressQuery.UnitProgress progress) {
        Instant now = Instant.now(clock);
        Totals reports = ProgressQuery.reports(doc).orElse(new Totals(Contribution.REPORTS, 0, 0, 0, 0, 0, 0, 0, 0, 0));
        List<ProgressUpdated.Indicator> indicators = progress.indicators().stream().map(i -> new ProgressUpdated.Indicator(i.code(),
                i.subtree().numerator(), i.subtree().denominator(), i.subtree().reportingUnits(), i.subtree().value(), i.subtree().target(),
                i.subtree().status().name())).toList();
        ProgressUpdated updated = new ProgressUpdated(doc.planId(), doc.periodId(), doc.unitId(), progress.unitName(), doc.rev(), now,
                reports.units(), reports.onTime(), reports.late(), indicators);
        List<PendingEvent> events = new ArrayList<>();
        events.add(PendingEvent.of(codec.wrap(updated, doc.unitId()), updated.key()));
        Map<String, String> statuses = statuses(progress);
        Map<String, String> before = doc.announcedStatuses() == null ? Map.of() : doc.announcedStatuses();
        for (ProgressQuery.IndicatorProgress indicator : progress.indicators()) {
            if (statuses.get(indicator.code()).equals(before.get(indicator.code()))) {
                continue;
            }
            if (indicator.subtree().status() == Progress.Status.ACHIEVED) {
                events.add(PendingEvent.of(codec.wrap(new TargetAchieved(doc.planId(), doc.periodId(), doc.unitId(), indicator.code(),
                        indicator.subtree().value(), indicator.subtree().target(), now), doc.unitId())));
            } else if (indicator.subtree().status() == Progress.Status.OFF_TRACK) {
                events.add(PendingEvent.of(codec.wrap(new IndicatorOffTrack(doc.planId(), doc.periodId(), doc.unitId(), indicator.code(),
                        department(doc.planId(), indicator.code()), indicator.subtree().value(), indicator.subtree().target(), now),
                        doc.unitId())));
            }
        }
        List<Integer> counts = List.of(reports.units(), reports.onTime(), reports.late());
        if (!Objects.equals(counts, doc.announcedReports())) {
            events.add(PendingEvent.of(codec.wrap(new CompletenessChanged(doc.planId(), doc.periodId(), doc.unitId(), reports.units(),
                    reports.onTime(), reports.late(), now), doc.unitId())));
        }
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(doc.id()).and("rev").is(doc.rev())),
                new Update().set("announcedRev", doc.rev()).set("announcedStatuses", statuses).set("announcedReports", counts)
                        .push("outbox").each(events.toArray()), Rollup.class).getModifiedCount() == 1;
    }

    private String department(String planId, String code) {
        return plans.find(planId).flatMap(p -> p.plan().indicators().stream().filter(i -> i.code().equals(code)).findFirst())
                .map(PlanIssued.Indicator::department).orElse(null);
    }
}
