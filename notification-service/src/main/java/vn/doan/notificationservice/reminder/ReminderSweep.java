package vn.doan.notificationservice.reminder;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import io.micrometer.core.instrument.MeterRegistry;
import vn.doan.events.EventCodec;
import vn.doan.events.UnitPeriod;
import vn.doan.notificationservice.catalog.Catalog;
import vn.doan.notificationservice.catalog.Plan;
import vn.doan.notificationservice.catalog.Unit;
import vn.doan.notificationservice.catalog.Units;
import vn.doan.notificationservice.notice.Notices;
import vn.doan.notificationservice.rules.ReminderRules;

/**
 * Looks at every reporting period of every plan in force and reminds each expected unit that has not
 * submitted, by the rule in force today: a notification to its people (and, once late, its upper level)
 * and an entry in the unit's reminder log. Deterministic ids make both exactly once.
 */
@Service
public class ReminderSweep {

    private static final Logger log = LoggerFactory.getLogger(ReminderSweep.class);

    private final Catalog catalog;
    private final Units units;
    private final MongoTemplate mongo;
    private final ReminderRules rules;
    private final Clock clock;
    private final MeterRegistry registry;
    private final Notices notices;

    ReminderSweep(Catalog catalog, Units units, MongoTemplate mongo, ReminderRules rules, Clock clock, MeterRegistry registry, Notices notices) {
        this.catalog = catalog;
        this.units = units;
        this.mongo = mongo;
        this.rules = rules;
        this.clock = clock;
        this.registry = registry;
        this.notices = notices;
    }

    /** Runs the sweep; returns how many reminders it recorded. */
    @Scheduled(fixedDelayString = "${doan.reminders.interval:1m}")
    public int sweep() {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(EventCodec.ZONE));
        if (rules.quiet(now.toLocalTime())) {
            return 0;
        }
        LocalDate today = now.toLocalDate();
        int recorded = 0;
        for (Plan plan : catalog.plansInForce()) {
            for (Plan.Period period : plan.schedule()) {
                Optional<String> rule = rules.ruleFor(period.dueDate(), today);
                if (rule.isPresent()) {
                    recorded += remind(plan, period, rule.get(), today, now.toInstant());
                }
            }
        }
        if (recorded > 0) {
            log.info("Recorded {} reminders", recorded);
        }
        return recorded;
    }

    private int remind(Plan plan, Plan.Period period, String rule, LocalDate today, Instant now) {
        int recorded = 0;
        for (Unit unit : units.expectedUnits(plan.issuingUnitId(), period.reportingLevels(), period.firstDay(), period.lastDay())) {
            String id = Reminder.key(new UnitPeriod(plan.id(), period.periodId(), unit.id()), rule, period.dueDate());
            if (catalog.submitted(plan.id(), period.periodId(), unit.id())
                    || mongo.exists(Query.query(Criteria.where("_id").is(id)), Reminder.class)) {
                continue;
            }
            if (send(id, rule, rule, plan, period, unit, today, now).isPresent()) {
                recorded++;
            }
        }
        return recorded;
    }

    /**
     * Tells the unit (the notification's id carries {@code occasion}, so a retry tells nobody twice), then records the
     * reminder {@code id} under {@code rule} in the unit's log, which ends the retries; empty when another replica (or
     * click) recorded it first.
     */
    Optional<Reminder> send(String id, String occasion, String rule, Plan plan, Plan.Period period, Unit unit, LocalDate today,
            Instant now) {
        String message = notices.reminder(plan, period, unit, occasion, today);
        Reminder reminder = new Reminder(id, unit.id(), unit.name(), plan.id(), plan.number(), period.periodId(), period.dueDate(), rule,
                message, now, false);
        try {
            mongo.insert(reminder);
        } catch (DuplicateKeyException anotherWasFirst) {
            return Optional.empty();
        }
        registry.counter("doan.reminders.sent", "rule", rule).increment();
        return Optional.of(reminder);
    }
}
