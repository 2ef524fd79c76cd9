package vn.doan.support.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code doan.outbox.sweep-interval} (default 1 min): how often the relay searches the collections of the document
 * classes marked {@link PublishesEvents}, besides sending
 * at once what writers point it to (see {@link OutboxRelay#wake}). Writers name every document they give events,
 * so the search only finds what a stopped instance left; it reads every document of the collections (a national
 * tree is 300,000 of them), so searching every few seconds would cost the MongoDB server a large share of its work.
 * {@code doan.outbox.max-event-bytes} (default 1,000,000): the largest record (value, key and headers, see
 * {@link PendingEvent#recordBytes()}) a service may store for the relay. It stays below the producer's
 * {@code max.request.size} ({@link #MAX_REQUEST_BYTES}, Kafka's default) and the broker's {@code message.max.bytes}
 * (1,048,588 by default), leaving 48 KiB for the record batch's own framing (a setting closer than 16 KiB to
 * {@code max.request.size} stops the service at start); a service refuses a change whose event is larger, since
 * Kafka would never take it.
 */
@ConfigurationProperties("doan.outbox")
public record OutboxProperties(Duration sweepInterval, Integer maxEventBytes) {

    /** The producer's {@code max.request.size}: Kafka's default, set explicitly so that the limit above stays below it. */
    public static final int MAX_REQUEST_BYTES = 1_048_576;

    public OutboxProperties {
        sweepInterval = sweepInterval == null ? Duration.ofMinutes(1) : sweepInterval;
        maxEventBytes = maxEventBytes == null ? 1_000_000 : maxEventBytes;
        if (maxEventBytes >= MAX_REQUEST_BYTES - 16_384) {
            throw new IllegalArgumentException("doan.outbox.max-event-bytes must stay below the producer's max.request.size ("
                    + MAX_REQUEST_BYTES + ") with room for the record batch's framing; it is " + maxEventBytes);
        }
    }
}
