package vn.doan.support.outbox;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A stored document whose changes produce events, as a service's would be. */
@Document("outbox_test_units")
record GrassrootsUnit(@Id String id, String code, String name) implements PublishesEvents {
}
