package vn.doan.events.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A unit submitted (version 1) or resubmitted (version 2, 3 …) its report for a plan and period.
 * A later version replaces the values of the earlier ones; it never adds to them. {@code submittedBy} is
 * the subject of the login that submitted; optional (null when the producer did not set it).
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
        List<Value> values,
        String submittedBy) {

    public ReportSubmitted(String reportId, int version, String planId, String unitId, String periodId, Instant submittedAt,
            LocalDate dueDate, int daysLate, List<Value> values) {
        this(reportId, version, planId, unitId, periodId, submittedAt, dueDate, daysLate, values, null);
    }

    /**
     * A reported value: numerator and denominator for shares and rates; the numerator alone for counts;
     * 1 or 0 for a yes/no; for a milestone 1 with the date it was done ({@code doneOn}), or 0.
     */
    public record Value(String indicatorCode, long numerator, Long denominator, LocalDate doneOn) {

        public Value(String indicatorCode, long numerator, Long denominator) {
            this(indicatorCode, numerator, denominator, null);
        }
    }
}
