package vn.doan.events.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A unit submitted (version 1) or resubmitted (version 2, 3 …) its report for a plan and period.
 * A later version replaces the values of the earlier ones; it never adds to them.
 */
public record ReportSubmitted(
        String reportId,
        int version,
        String planId,
        String unitId,
        String periodId,
        Instant submittedAt,
        LocalDate dueDate,
        int daysLate,
        List<Value> values) {

    /** A reported value: numerator and denominator for shares and rates, numerator alone for counts. */
    public record Value(String indicatorCode, long numerator, Long denominator) {
    }
}
