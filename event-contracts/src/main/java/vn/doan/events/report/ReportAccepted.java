package vn.doan.events.report;

import java.time.Instant;

/** The upper level accepted a unit's report in the given version. */
public record ReportAccepted(String reportId, int version, String planId, String unitId, String periodId, String acceptedBy,
        Instant acceptedAt) {
}
