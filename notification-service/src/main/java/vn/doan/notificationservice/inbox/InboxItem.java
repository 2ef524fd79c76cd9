package vn.doan.notificationservice.inbox;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A notification in one person's in-app inbox; its id is the delivery's. {@code storedAt} is the wall-clock
 * time it was written, which the live streams of every instance poll for.
 */
@Document("inbox")
public record InboxItem(@Id String id, @Indexed String recipientId, String unitId, String kind, String subject, String body, Instant createdAt,
        @Indexed Instant storedAt, boolean read) {
}
