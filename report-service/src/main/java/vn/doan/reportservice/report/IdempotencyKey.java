package vn.doan.reportservice.report;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A client's idempotency key, claimed before the report is written: it fixes the report id and version
 * the request produces, so a retry (or a request racing its own retry) finds them instead of creating
 * a second report. {@code request} is the request's canonical form, to refuse a key reused for another.
 */
@Document("idempotency_keys")
record IdempotencyKey(@Id String key, String reportId, int version, String request) {
}
