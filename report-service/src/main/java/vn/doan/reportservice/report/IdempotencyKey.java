package vn.doan.reportservice.report;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import tools.jackson.databind.json.JsonMapper;
import vn.doan.support.web.ApiProblem;

/**
 * A client's idempotency key, claimed before the report is written: for a new report it fixes the id the request
 * produces, so a retry (or a request racing its own retry) finds it instead of creating a second report; a submitted
 * version names its key ({@link Report#submittedWith}), so a retried submission finds that. {@code request} is the
 * request's canonical form, to refuse a key reused for another.
 */
@Document("idempotency_keys")
record IdempotencyKey(@Id String key, String reportId, String request) {

    private static final JsonMapper CANONICAL = JsonMapper.builder().build();

    /** The canonical form of a request: what it does and to what. */
    static String request(Object... request) {
        return CANONICAL.writeValueAsString(request);
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
