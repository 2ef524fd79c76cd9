package vn.doan.indicatorservice.rollup;

import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.doan.events.UnitPlacements;
import vn.doan.events.report.ReportSubmitted;
import vn.doan.indicatorservice.replica.PlanDefinition;
import vn.doan.indicatorservice.replica.UnitNode;

/** A report with what it needs from the plan and the tree: the period it is for and where its unit stood in that period. */
record Placed(ReportSubmitted report, PlanDefinition plan, PlanDefinition.Period period, UnitNode unit, UnitPlacements.Placement placement) {

    private static final Logger log = LoggerFactory.getLogger(Placed.class);

    /**
     * The report placed in its period's tree; empty if its plan no longer has the period (nothing to count it in).
     *
     * @throws NotYetKnown if the plan, the unit or one of its ancestors has not arrived yet
     */
    static Optional<Placed> of(ReportSubmitted report, Lookups lookups) {
        PlanDefinition plan = lookups.plan(report.planId()).orElseThrow(() -> new NotYetKnown("plan " + report.planId()));
        PlanDefinition.Period period = plan.period(report.periodId()).orElse(null);
        if (period == null) {
            log.warn("Report {} names period {} that plan {} no longer has; ignored", report.reportId(), report.periodId(), report.planId());
            return Optional.empty();
        }
        UnitNode unit = lookups.unit(report.unitId()).orElseThrow(() -> new NotYetKnown("unit " + report.unitId()));
        UnitPlacements.Placement placement = unit.placementFor(period.from());
        for (String ancestor : placement.ancestorIds()) {
            lookups.unit(ancestor).orElseThrow(() -> new NotYetKnown("ancestor " + ancestor));
        }
        return Optional.of(new Placed(report, plan, period, unit, placement));
    }

    /** The id of the unit's document for the report's period. */
    String key() {
        return Rollup.key(report.planId(), report.periodId(), report.unitId());
    }

    /** The unit's own values as this report states them. */
    Rollup.Own own() {
        List<Rollup.ReportedValue> values = report.values().stream()
                .map(v -> new Rollup.ReportedValue(v.indicatorCode(), v.numerator(), v.denominator(), v.doneOn())).toList();
        return new Rollup.Own(report.reportId(), report.version(), values, report.submittedAt(), report.daysLate(),
                Contribution.of(plan, period, unit.level(), report));
    }

    /** The unit's first document for the period, holding this report's values alone. */
    Rollup created(Rollup.Own own) {
        return new Rollup(key(), report.planId(), report.periodId(), period.from(), report.unitId(), placement.parentId(), own, java.util.Map.of(),
                own.totals(), 1, null, null, null);
    }
}
