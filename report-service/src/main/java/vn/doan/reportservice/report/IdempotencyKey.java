package vn.doan.reportservice.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;
import org.bson.Document;
import tools.jackson.databind.json.JsonMapper;
import vn.doan.reportservice.catalog.PlanView;
import vn.doan.support.web.ApiProblem;

/**
 * A client's idempotency key and the request it was sent with, kept on the report the request created or changed, in the
 * same write ({@link Report#idempotencyKeys()}, unique across reports, and {@link Report#idempotentRequests()}): a second
 * request with the key fails to store, and one read then finds the report that holds it. {@code request} is the SHA-256 of the request's canonical
 * form, to tell a retry (the same request: the same answer) from a key reused for another request (refused).
 */
public record IdempotencyKey(String key, String request) {

    private static final JsonMapper CANONICAL = JsonMapper.builder().build();
    /**
     * Where keys were claimed before they were kept on the reports, one document per key: {@code _id} the key, {@code reportId}
     * the report its request created, {@code request} the request's canonical form. Read only when a report stands in a
     * request's way, so that a retry sent across that change still gets its answer.
     */
    static final String CLAIMED_BEFORE = "idempotency_keys";

    /** The key sent in {@code field} for the request: what it does and to what. Refuses a missing key or one over 200 characters. */
    static IdempotencyKey of(String key, String field, Object... request) {
        check(key, field);
        return new IdempotencyKey(key, sha256(CANONICAL.writeValueAsString(request)));
    }

    private static String sha256(String canonical) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What a new report of this request met when it did not store: {@code holder}, the report that holds the key, and
     * {@code unitsReport}, the unit's report for the period (either may be null). Returns the report this very request
     * created before, whose retry gets the same answer, or null when neither stands in the way. Refuses, naming
     * {@code field}, a key reused for another request and a second report of the unit. {@code claimedBefore} gives the key's
     * document in {@value #CLAIMED_BEFORE}, asked for only when the unit's report stands in the way and holds no key of
     * this request.
     */
    Report earlierReport(Report holder, Report unitsReport, Supplier<Document> claimedBefore, PlanView.ReportingPeriod period,
            String field) {
        if (holder != null && holder.repeatedBy(this, field)) {
            return holder;
        }
        if (unitsReport == null) {
            return null;
        }
        if (createdBefore(claimedBefore.get(), unitsReport, field)) {
            return unitsReport;
        }
        throw ReportRules.alreadySubmitted(period, unitsReport.id());
    }

    /**
     * Whether {@code report}, which stands in this request's way, was created by this very request before keys were kept on
     * reports ({@code claimed}: the key's document in {@value #CLAIMED_BEFORE}, null when it has none). A key claimed there for
     * another request or another report is refused, naming {@code field}.
     */
    private boolean createdBefore(Document claimed, Report report, String field) {
        if (claimed == null) {
            return false;
        }
        if (!report.id().equals(claimed.getString("reportId")) || !request.equals(sha256(claimed.getString("request")))) {
            throw reused(field);
        }
        return true;
    }

    /** Refuses a missing key, or one over 200 characters, sent in {@code field}. */
    static void check(String key, String field) {
        if (key == null || key.isBlank() || key.length() > 200) {
            throw ApiProblem.invalid("report.idempotency-key-missing", field,
                    "Send an Idempotency-Key (at most 200 characters) so that a retry cannot submit twice.",
                    "Cần gửi khóa Idempotency-Key (tối đa 200 ký tự) để tránh nộp trùng khi gửi lại.");
        }
    }

    static ApiProblem reused(String field) {
        return ApiProblem.invalid("report.idempotency-key-reused", field,
                "This Idempotency-Key was already used for a different request.",
                "Khóa Idempotency-Key này đã được dùng cho một yêu cầu khác.");
    }
}
