package vn.doan.reportservice.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.doan.events.report.ReportSubmitted;
import vn.doan.support.outbox.PendingEvent;

/**
 * A unit's report for one plan and period. The latest version is in force; every submitted version is
 * kept in {@code versions}. Its ReportSubmitted events wait in {@code outbox}, written with the report.
 */
@Document("reports")
@CompoundIndex(name = "one_per_unit_and_period", def = "{'planId': 1, 'unitId': 1, 'periodId': 1}", unique = true)
public record Report(
        @Id String id,
        String planId,
        String unitId,
        String periodId,
        int version,
        List<ReportSubmitted.Value> values,
        Instant submittedAt,
        LocalDate dueDate,
        int daysLate,
        List<Version> versions,
        List<PendingEvent> outbox) {

    /** One submitted version, for the audit trail. */
    public record Version(int version, List<ReportSubmitted.Value> values, Instant submittedAt, int daysLate, String idempotencyKey) {
    }

    ReportSubmitted submitted() {
        return new ReportSubmitted(id, version, planId, unitId, periodId, submittedAt, dueDate, daysLate, values);
    }
}
