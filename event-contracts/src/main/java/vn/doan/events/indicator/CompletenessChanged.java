package vn.doan.events.indicator;

import java.time.Instant;

/**
 * The number of reports in a unit's subtree for a period changed: submitted (on time and late) and, apart from them,
 * {@code returned} (reports the upper level returned for revision and not yet resubmitted; their figures are out of the
 * roll-up). {@code returned} is optional: absent (0) in events of producers that did not count it.
 */
public record CompletenessChanged(String planId, String periodId, String unitId, int submitted, int onTime, int late, Instant at,
        int returned) {

    public CompletenessChanged(String planId, String periodId, String unitId, int submitted, int onTime, int late, Instant at) {
        this(planId, periodId, unitId, submitted, onTime, late, at, 0);
    }
}
