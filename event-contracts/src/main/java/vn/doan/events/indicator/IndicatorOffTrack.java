package vn.doan.events.indicator;

import java.math.BigDecimal;
import java.time.Instant;
import vn.doan.events.plan.IndicatorKind;

/**
 * An indicator of a unit's subtree fell off track; {@code department} is who follows it (e.g. BTG). {@code value} and
 * {@code target} are what was compared: percents, or for a count the share of the reporting units that reached the count
 * against 100 (every unit). {@code measure} says what they measure, so that an alert can state the target as the plan
 * wrote it; absent in alerts published before it was added.
 */
public record IndicatorOffTrack(String planId, String periodId, String unitId, String indicatorCode, String department, BigDecimal value,
        BigDecimal target, Instant at, Measure measure) {

    /** An alert without its measure. */
    public IndicatorOffTrack(String planId, String periodId, String unitId, String indicatorCode, String department, BigDecimal value,
            BigDecimal target, Instant at) {
        this(planId, periodId, unitId, indicatorCode, department, value, target, at, null);
    }

    /**
     * The indicator's kind; its target in force for the period in the plan's own terms (3 for "ít nhất 3 buổi", 85 for
     * "85%", the lower bound of a range, with {@code targetMax} its upper bound); the subtree's summed count (counts only),
     * its reporting units and how many of them reached the target themselves.
     */
    public record Measure(IndicatorKind kind, BigDecimal indicatorTarget, BigDecimal targetMax, long count, int reportingUnits, int unitsMet) {
    }
}
