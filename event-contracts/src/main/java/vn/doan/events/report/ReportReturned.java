package vn.doan.events.report;

import java.time.Instant;

/**
 * The upper level returned a unit's report for revision, saying why. {@code submittedBy} is the subject of the
 * login that submitted the returned version, so its author can be told; optional (null when the producer did not set it).
 */
public record ReportReturned(String reportId, int version, String planId, String unitId, String periodId, String reason,
        String returnedBy, Instant returnedAt, String submittedBy) {

    public ReportReturned(String reportId, int version, String planId, String unitId, String periodId, String reason, String returnedBy,
            Instant returnedAt) {
        this(reportId, version, planId, unitId, periodId, reason, returnedBy, returnedAt, null);
    }
}
