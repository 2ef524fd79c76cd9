package vn.doan.reportservice.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.doan.events.EventCodec;
import vn.doan.events.report.ReportAccepted;
import vn.doan.events.report.ReportReturned;
import vn.doan.events.report.ReportSubmitted;
import vn.doan.support.outbox.PublishesEvents;

/**
 * A unit's report for one plan and period: draft → submitted → (returned → resubmitted)* → accepted.
 * {@code version} counts submissions; every submitted version is kept in {@code versions}, every change of
 * status in {@code transitions} (who, when, why); the idempotency key of every request that created or changed it in
 * {@code idempotencyKeys} (unique across reports: an array of strings, the multikey unique index mongo-java-server
 * enforces too) and with the fingerprint of its request in {@code idempotentRequests}. Its events are stored with it by
 * the {@code Outbox}.
 */
@Document("reports")
@CompoundIndex(name = "one_per_unit_and_period", def = "{'planId': 1, 'unitId': 1, 'periodId': 1}", unique = true)
@CompoundIndex(name = "one_report_per_idempotency_key", def = "{'idempotencyKeys': 1}", unique = true, sparse = true)
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
        List<Transition> transitions,
        List<String> idempotencyKeys,
        List<IdempotencyKey> idempotentRequests) implements PublishesEvents {

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

    /** A new draft of the submission, due on {@code dueDate}, created by the request with {@code key}. */
    static Report draft(String id, ReportService.Submission s, LocalDate dueDate, String actor, Instant now, IdempotencyKey key) {
        return new Report(id, s.planId(), s.unitId(), s.periodId(), Status.DRAFT, 0, list(s.values()), s.sections(), list(s.links()),
                List.of(), null, dueDate, 0, List.of(), List.of(new Transition(null, Status.DRAFT, actor, now, null)), List.of(key.key()),
                List.of(key));
    }

    /** The report with other values, to be submitted. */
    Report withValues(List<Value> newValues) {
        return new Report(id, planId, unitId, periodId, status, version, newValues, sections, links, attachments, submittedAt, dueDate,
                daysLate, versions, transitions, idempotencyKeys, idempotentRequests);
    }

    /** The report as submitted: next version, timeliness in Vietnam's calendar days, audit entry and transition. */
    Report submitted(Status to, String actor, String key, Instant now) {
        int next = version + 1;
        int late = (int) Math.max(0, ChronoUnit.DAYS.between(dueDate, now.atZone(EventCodec.ZONE).toLocalDate()));
        return new Report(id, planId, unitId, periodId, to, next, values, sections, links, attachments, now, dueDate, late,
                append(versions, new Version(next, values, sections, now, late, actor, key)),
                append(transitions, new Transition(status, to, actor, now, null)), idempotencyKeys, idempotentRequests);
    }

    private static <T> List<T> append(List<T> list, T item) {
        List<T> copy = new ArrayList<>(list == null ? List.of() : list);
        copy.add(item);
        return copy;
    }

    private static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : list;
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

    /**
     * Whether the request with {@code key} created or changed the report before (its retry gets the same answer); a key
     * that did so for another request is refused, naming {@code field}.
     */
    boolean repeatedBy(IdempotencyKey key, String field) {
        for (IdempotencyKey earlier : list(idempotentRequests)) {
            if (earlier.key().equals(key.key())) {
                if (!earlier.request().equals(key.request())) {
                    throw IdempotencyKey.reused(field);
                }
                return true;
            }
        }
        return false;
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
