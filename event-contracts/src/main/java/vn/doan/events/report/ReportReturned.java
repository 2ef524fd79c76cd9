package vn.doan.events.report;

import java.time.Instant;

/** The upper level returned a unit's report for revision, saying why. */
public record ReportReturned(String reportId, int version, String planId, String unitId, String periodId, String reason,
        String returnedBy, Instant returnedAt) {
}
