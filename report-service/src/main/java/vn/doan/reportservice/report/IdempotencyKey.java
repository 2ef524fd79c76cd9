package vn.doan.reportservice.report;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A client's idempotency key, claimed before the report is written: for a new report it fixes the id the request
 * produces, so a retry (or a request racing its own retry) finds it instead of creating a second report; a submitted
 * version names its key ({@link Report#submittedWith}), so a retried submission finds that. {@code request} is the
 * request's canonical form, to refuse a key reused for another.
 */
@Document("idempotency_keys")
record IdempotencyKey(@Id String key, String reportId, String request) {
}
