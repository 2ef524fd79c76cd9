package vn.doan.notificationservice.reminder;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;
import vn.doan.events.EventCodec;
import vn.doan.events.UnitPeriod;
import vn.doan.notificationservice.catalog.Catalog;
import vn.doan.notificationservice.catalog.Plan;
import vn.doan.notificationservice.notice.Notices;
import vn.doan.support.web.ApiProblem;

/**
 * A reminder an upper level sends by hand ("đôn đốc") to a unit that has not reported: the same Vietnamese texts and people
 * as the scheduled reminders, at most once per unit, period and day (the ids carry the day), so a second click the same day
 * sends nothing and answers the reminder already recorded.
 */
@Service
class RemindNow {

    static final String RULE = "manual";

    private final Catalog catalog;
    private final Notices notices;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final MeterRegistry registry;

    RemindNow(Catalog catalog, Notices notices, MongoTemplate mongo, Clock clock, MeterRegistry registry) {
        this.catalog = catalog;
        this.notices = notices;
        this.mongo = mongo;
        this.clock = clock;
        this.registry = registry;
    }

    record Sent(Reminder reminder, boolean created) {
    }

    Sent remind(String planId, String periodId, String unitId) {
        Plan plan = catalog.plan(planId).orElseThrow(() -> ApiProblem.notFound("reminder.plan-unknown", "planId",
                "No plan " + planId + ".", "Không tìm thấy kế hoạch " + planId + "."));
        Plan.Period period = plan.period(periodId).orElseThrow(() -> ApiProblem.notFound("reminder.period-unknown", "periodId",
                "Plan " + plan.number() + " has no period " + periodId + ".", "Kế hoạch " + plan.number() + " không có kỳ báo cáo " + periodId + "."));
        Catalog.Unit unit = catalog.unit(unitId).filter(Catalog.Unit::active).orElseThrow(() -> ApiProblem.notFound("reminder.unit-unknown",
                "unitId", "No unit " + unitId + ".", "Không tìm thấy đơn vị " + unitId + "."));
        if (!period.reportingLevels().contains(unit.level()) || unit.ancestorIds() == null || !unit.ancestorIds().contains(plan.issuingUnitId())) {
            throw ApiProblem.invalid("reminder.unit-not-expected", "unitId", unit.name() + " does not report "
                    + period.label() + " under plan " + plan.number() + ".", unit.name() + " không phải báo cáo " + period.label()
                    + " theo Kế hoạch " + plan.number() + ".");
        }
        if (catalog.submitted(planId, periodId, unitId)) {
            throw ApiProblem.conflict("reminder.already-reported", "unitId", unit.name() + " has already reported " + period.label() + ".",
                    unit.name() + " đã nộp " + period.label() + ", không cần nhắc.");
        }
        LocalDate today = LocalDate.now(clock.withZone(EventCodec.ZONE));
        String rule = RULE + "-" + today;
        String id = Reminder.key(new UnitPeriod(planId, periodId, unitId), rule, period.dueDate());
        Reminder earlier = mongo.findById(id, Reminder.class);
        if (earlier != null) {
            return new Sent(earlier, false);
        }
        // the notification first (its id carries the day too, so a retry tells nobody twice), then the log entry
        String message = notices.reminder(plan, period, unit, rule, today);
        Reminder reminder = new Reminder(id, unitId, unit.name(), planId, plan.number(), periodId, period.dueDate(), RULE, message,
                clock.instant(), false);
        try {
            mongo.insert(reminder);
        } catch (DuplicateKeyException sameClickElsewhere) {
            return new Sent(mongo.findById(id, Reminder.class), false);
        }
        registry.counter("doan.reminders.sent", "rule", RULE).increment();
        return new Sent(reminder, true);
    }
}
