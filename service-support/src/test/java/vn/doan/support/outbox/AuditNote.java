package vn.doan.support.outbox;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A stored document that produces no events: the relay leaves its collection alone. */
@Document("outbox_test_notes")
record AuditNote(@Id String id, String text) {
}
