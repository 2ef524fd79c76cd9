package vn.doan.events.indicator;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The latest progress of a unit's whole subtree on one plan's period, after a change. Published on the
 * compacted topic doan.indicator.progress.v1 with the key {@code unitId|planId|periodId}, so the topic
 * keeps the latest state of every unit, plan and period. {@code rev} grows with every change. {@code reportsReturned} counts
 * reports returned for revision and not yet resubmitted, apart from the submitted ones (optional: 0 when absent).
 */
public record ProgressUpdated(String planId, String periodId, String unitId, String unitName, long rev, Instant computedAt,
        int reportsSubmitted, int reportsOnTime, int reportsLate, List<Indicator> indicators, int reportsReturned) {

    public ProgressUpdated(String planId, String periodId, String unitId, String unitName, long rev, Instant computedAt,
            int reportsSubmitted, int reportsOnTime, int reportsLate, List<Indicator> indicators) {
        this(planId, periodId, unitId, unitName, rev, computedAt, reportsSubmitted, reportsOnTime, reportsLate, indicators, 0);
    }

    /**
     * One indicator of the subtree: value compared with the target (a percent, see indicator-service), and status. What a
     * dashboard shows beside it, optional (null in events written before they existed, and for kinds they do not apply to):
     * {@code unitsMet} — reporting units that reached a count themselves (counts, ranges); {@code unitsBelow},
     * {@code unitsWithin}, {@code unitsAbove} — where the reporting units' counts fall against a range; {@code milestonesOnTime},
     * {@code milestonesLate} — units that did a milestone by its deadline, or after it.
     */
    public record Indicator(String code, long numerator, long denominator, int reportingUnits, BigDecimal value, BigDecimal target,
            String status, Integer unitsMet, Integer unitsBelow, Integer unitsWithin, Integer unitsAbove, Integer milestonesOnTime,
            Integer milestonesLate) {

        /** Without the breakdown, as written before it existed. */
        public Indicator(String code, long numerator, long denominator, int reportingUnits, BigDecimal value, BigDecimal target,
                String status) {
            this(code, numerator, denominator, reportingUnits, value, target, status, null, null, null, null, null, null);
        }
    }

    public String key() {
        return unitId + "|" + planId + "|" + periodId;
    }
}
