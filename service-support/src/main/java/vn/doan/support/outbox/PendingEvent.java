package vn.doan.support.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import vn.doan.events.EventCodec;
import vn.doan.events.EventEnvelope;
import vn.doan.events.EventType;

/**
 * An event waiting in the {@code outbox} array of the document whose change it announces. It is
 * written in the same MongoDB update as that change and removed once Kafka has acknowledged it. It keeps the
 * correlation id of the request that caused it, which the relay puts in the record's {@code correlation-id} header.
 * Writers give {@link Outbox} their {@link Event}s, and it builds these.
 */
public record PendingEvent(String eventId, String topic, String key, String json, Instant createdAt, String correlationId) {

    /** The envelope as the relay will send it, with {@code key} as the Kafka key (the subject, or a key of its own for a compacted topic). */
    static PendingEvent of(EventEnvelope envelope, String key) {
        String topic = EventType.ofType(envelope.type()).orElseThrow().topic();
        return new PendingEvent(envelope.id(), topic, key, EventCodec.toJson(envelope), envelope.time().toInstant(),
                org.slf4j.MDC.get(vn.doan.web.CorrelationIdFilter.MDC_KEY));
    }

    /** The bytes the relay will hand to Kafka for this event: value, key and headers of the very record it sends. */
    public int recordBytes() {
        ProducerRecord<String, byte[]> record = OutboxRelay.record(topic, key, json, correlationId);
        int headers = 0;
        for (Header header : record.headers()) {
            headers += header.key().getBytes(StandardCharsets.UTF_8).length + header.value().length;
        }
        return record.value().length + (key == null ? 0 : key.getBytes(StandardCharsets.UTF_8).length) + headers;
    }
}
