package vn.doan.notificationservice.delivery;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.doan.support.outbox.PublishesEvents;

/**
 * One notification to one recipient over one channel, with the text already rendered in the recipient's
 * language. Its id is {@code notificationId|recipientId|channel}, so it exists once however often it is
 * created. PENDING → SENT, or RETRYING (with {@code nextAttemptAt}) and finally DEAD; CANCELLED when the
 * unit submitted before it went out. A sweep claims it with a lease ({@code owner}, {@code leaseUntil})
 * so that one instance sends it. Its {@code NotificationSent} / {@code NotificationFailed} events wait in
 * {@code outbox}, written in the same update as the state. A sent delivery is removed 90 days after it went out
 * (TTL index); dead letters stay until retried.
 */
@Document("deliveries")
@CompoundIndex(name = "due", def = "{'state': 1, 'nextAttemptAt': 1}")
public record Delivery(
        @Id String id,
        String notificationId,
        String kind,
        @Indexed String unitId,
        @Indexed String stopKey,
        String recipientId,
        ChannelType channel,
        String address,
        String language,
        String subject,
        String body,
        State state,
        int attempts,
        Instant nextAttemptAt,
        Instant leaseUntil,
        String owner,
        String lastError,
        Instant createdAt,
        @Indexed(expireAfter = "90d") Instant sentAt) implements PublishesEvents {

    public enum State { PENDING, RETRYING, SENT, DEAD, CANCELLED }

    public static String key(String notificationId, String recipientId, ChannelType channel) {
        return notificationId + "|" + recipientId + "|" + channel;
    }
}
