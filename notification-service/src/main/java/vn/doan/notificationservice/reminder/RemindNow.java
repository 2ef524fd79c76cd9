package vn.doan.notificationservice.reminder;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;
import vn.doan.events.EventCodec;
import vn.doan.events.UnitPeriod;
import vn.doan.notificationservice.catalog.Catalog;
import vn.doan.notificationservice.catalog.Plan;
import vn.doan.notificationservice.catalog.Unit;
import vn.doan.notificationservice.catalog.Units;
import vn.doan.support.web.ApiProblem;

/**
 * A reminder an upper level sends by hand ("đôn đốc") to a unit that has not reported: the same Vietnamese texts and people
 * as the scheduled reminders, at most once per unit, period and day (the ids carry the day), so a second click the same day
 * sends nothing and answers the reminder already recorded. The unit must be expected to report the period in the period's tree
 * ({@link Unit#inTreeOf}), as the sweep reminds it.
 */
@Service
class RemindNow {

    static final String RULE = "manual";

    private final Catalog catalog;
    private final Units units;
    private final ReminderSweep sweep;
    private final MongoTemplate mongo;
    private final Clock clock;

    RemindNow(Catalog catalog, Units units, ReminderSweep sweep, MongoTemplate mongo, Clock clock) {
        this.catalog = catalog;
        this.units = units;
        this.sweep = sweep;
        this.mongo = mongo;
        this.clock = clock;
    }

    record Sent(Reminder reminder, boolean created) {
    }

    Sent remind(String planId, String periodId, String unitId) {
        Plan plan = catalog.plan(planId).orElseThrow(() -> ApiProblem.notFound("reminder.plan-unknown", "planId",
                "No plan " + planId + ".", "Không tìm thấy kế hoạch " + planId + "."));
        Plan.Period period = plan.period(periodId).orElseThrow(() -> ApiProblem.notFound("reminder.period-unknown", "periodId",
                "Plan " + plan.number() + " has no period " + periodId + ".", "Kế hoạch " + plan.number() + " không có kỳ báo cáo " + periodId + "."));
        Unit known = units.unit(unitId).orElseThrow(() -> ApiProblem.notFound("reminder.unit-unknown",
                "unitId", "No unit " + unitId + ".", "Không tìm thấy đơn vị " + unitId + "."));
        Unit unit = known.inTreeOf(period.firstDay(), period.lastDay())
                .filter(u -> period.reportingLevels().contains(u.level()) && u.ancestorIds() != null && u.ancestorIds().contains(plan.issuingUnitId()))
                .orElseThrow(() -> ApiProblem.invalid("reminder.unit-not-expected", "unitId", known.name() + " does not report " + period.label()
                        + " under plan " + plan.number() + ".", known.name() + " không phải báo cáo " + period.label() + " theo Kế hoạch "
                        + plan.number() + "."));
        if (catalog.submitted(planId, periodId, unitId)) {
            throw ApiProblem.conflict("reminder.already-reported", "unitId", unit.name() + " has already reported " + period.label() + ".",
                    unit.name() + " đã nộp " + period.label() + ", không cần nhắc.");
        }
        LocalDate today = LocalDate.now(clock.withZone(EventCodec.ZONE));
        String occasion = RULE + "-" + today;
        String id = Reminder.key(new UnitPeriod(planId, periodId, unitId), occasion, period.dueDate());
        Reminder earlier = mongo.findById(id, Reminder.class);
        if (earlier != null) {
            return new Sent(earlier, false);
        }
        return sweep.send(id, occasion, RULE, plan, period, unit, today, clock.instant()).map(sent -> new Sent(sent, true))
                .orElseGet(() -> new Sent(mongo.findById(id, Reminder.class), false));
    }
}
