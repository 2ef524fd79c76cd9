package vn.doan.reportservice.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.doan.events.report.ReportAccepted;
import vn.doan.events.report.ReportReturned;
import vn.doan.events.report.ReportSubmitted;
import vn.doan.support.outbox.PublishesEvents;

/**
 * A unit's report for one plan and period: draft → submitted → (returned → resubmitted)* → accepted.
 * {@code version} counts submissions; every submitted version is kept in {@code versions}, every change of
 * status in {@code transitions} (who, when, why). Its events are stored with it by the {@code Outbox}.
 */
@Document("reports")
@CompoundIndex(name = "one_per_unit_and_period", def = "{'planId': 1, 'unitId': 1, 'periodId': 1}", unique = true)
public record Report(
        @Id String id,
        String planId,
        String unitId,
        String periodId,
        Status status,
        int version,
        List<Value> values,
        Sections sections,
        List<String> links,
        List<Attachment> attachments,
        Instant submittedAt,
        LocalDate dueDate,
        int daysLate,
        List<Version> versions,
        List<Transition> transitions) implements PublishesEvents {

    public enum Status {
        DRAFT, SUBMITTED, RETURNED, RESUBMITTED, ACCEPTED;

        boolean editable() {
            return this == DRAFT || this == RETURNED;
        }

        boolean underReview() {
            return this == SUBMITTED || this == RESUBMITTED;
        }
    }

    /**
     * A reported value: numerator and denominator for shares and rates; the numerator alone for counts; 1 or 0 for a
     * yes/no; for a milestone 1 with the date it was done ({@code doneOn}), or 0.
     */
    public record Value(String indicatorCode, long numerator, Long denominator, LocalDate doneOn) {
    }

    /** The text of a report: "Kết quả", "Hạn chế, nguyên nhân", "Đề xuất, kiến nghị". */
    public record Sections(String results, String shortcomings, String proposals) {
    }

    /** Evidence stored in GridFS: a photo or a PDF, with its SHA-256. */
    public record Attachment(String id, String filename, String contentType, long size, String sha256, Instant uploadedAt) {
    }

    /** One submitted version, for the audit trail. */
    public record Version(int version, List<Value> values, Sections sections, Instant submittedAt, int daysLate,
            String submittedBy, String idempotencyKey) {
    }

    public record Transition(Status from, Status to, String by, Instant at, String reason) {
    }

    /* The events a report's changes produce: the one place that maps a report to the contracts it publishes. */

    ReportSubmitted submitted() {
        List<ReportSubmitted.Value> published = values.stream()
                .map(v -> new ReportSubmitted.Value(v.indicatorCode(), v.numerator(), v.denominator(), v.doneOn())).toList();
        return new ReportSubmitted(id, version, planId, unitId, periodId, submittedAt, dueDate, daysLate, published, submittedBy());
    }

    ReportReturned returned(String reason, String by, Instant at) {
        return new ReportReturned(id, version, planId, unitId, periodId, reason, by, at, submittedBy());
    }

    ReportAccepted accepted(String by, Instant at) {
        return new ReportAccepted(id, version, planId, unitId, periodId, by, at);
    }

    /** Whether a submitted version was stored by the request with this idempotency key. */
    boolean submittedWith(String idempotencyKey) {
        return versions != null && versions.stream().anyMatch(v -> idempotencyKey.equals(v.idempotencyKey()));
    }

    /** The subject of the login that submitted the current version, or null before the first submission. */
    String submittedBy() {
        return versions == null || versions.isEmpty() ? null : versions.get(versions.size() - 1).submittedBy();
    }
}
