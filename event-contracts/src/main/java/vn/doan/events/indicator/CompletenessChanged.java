package vn.doan.events.indicator;

import java.time.Instant;

/** The number of reports submitted in a unit's subtree for a period changed (on time and late). */
public record CompletenessChanged(String planId, String periodId, String unitId, int submitted, int onTime, int late, Instant at) {
}
