package vn.doan.events.indicator;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The latest progress of a unit's whole subtree on one plan's period, after a change. Published on the
 * compacted topic doan.indicator.progress.v1 with the key {@code unitId|planId|periodId}, so the topic
 * keeps the latest state of every unit, plan and period. {@code rev} grows with every change. {@code reportsReturned} counts
 * reports returned for revision and not yet resubmitted, apart from the submitted ones (optional: 0 when absent).
 * {@code unitsExpected} counts the units of the subtree the period expects a report from (indicator-service's README,
 * "Who is expected to report"), in the tree as it stood at {@code computedAt}; {@code unitsMissing} those of them with
 * neither a report in force nor a returned one: missing once the period's due date has passed, not yet due before it
 * (optional: null in events written before they existed).
 */
public record ProgressUpdated(String planId, String periodId, String unitId, String unitName, long rev, Instant computedAt,
        int reportsSubmitted, int reportsOnTime, int reportsLate, List<Indicator> indicators, int reportsReturned, Integer unitsExpected,
        Integer unitsMissing) {

    public ProgressUpdated(String planId, String periodId, String unitId, String unitName, long rev, Instant computedAt,
            int reportsSubmitted, int reportsOnTime, int reportsLate, List<Indicator> indicators) {
        this(planId, periodId, unitId, unitName, rev, computedAt, reportsSubmitted, reportsOnTime, reportsLate, indicators, 0);
    }

    /** Without the expected and missing units, as written before they existed. */
    public ProgressUpdated(String planId, String periodId, String unitId, String unitName, long rev, Instant computedAt,
            int reportsSubmitted, int reportsOnTime, int reportsLate, List<Indicator> indicators, int reportsReturned) {
        this(planId, periodId, unitId, unitName, rev, computedAt, reportsSubmitted, reportsOnTime, reportsLate, indicators, reportsReturned,
                null, null);
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
