package vn.doan.support.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Moves pending events from the {@code outbox} arrays of the given collections to Kafka, in the order
 * they were written per document, and removes each one only after the broker acknowledged it. When
 * Kafka is down the events stay where they are and the relay tries again on its next run; a crash
 * between send and removal sends an event twice, which every consumer tolerates.
 */
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 200;

    private final MongoTemplate mongo;
    private final StreamBridge streamBridge;
    private final List<String> collections;
    private final AtomicLong backlog = new AtomicLong();

    public OutboxRelay(MongoTemplate mongo, StreamBridge streamBridge, List<String> collections, MeterRegistry registry) {
        this.mongo = mongo;
        this.streamBridge = streamBridge;
        this.collections = collections;
        Gauge.builder("doan.outbox.backlog", backlog, AtomicLong::get)
                .description("Documents whose events are not yet on Kafka")
                .register(registry);
    }

    @Scheduled(fixedDelayString = "${doan.outbox.interval:200ms}")
    public void relay() {
        long remaining = 0;
        for (String collection : collections) {
            remaining += relay(collection);
        }
        backlog.set(remaining);
    }

    /** Sends one batch from a collection; returns how many documents still hold pending events. */
    long relay(String collection) {
        Query pending = new Query(Criteria.where("outbox.0").exists(true));
        try {
            for (Document doc : mongo.find(pending.limit(BATCH).with(Sort.by("_id")), Document.class, collection)) {
                sendAll(doc, collection);
            }
            return mongo.count(new Query(Criteria.where("outbox.0").exists(true)), collection);
        } catch (RuntimeException e) {
            log.warn("Outbox relay of {} paused, will retry: {}", collection, e.getMessage());
            return backlog.get();
        }
    }

    private void sendAll(Document doc, String collection) {
        for (Document event : doc.getList("outbox", Document.class)) {
            Message<byte[]> message = MessageBuilder
                    .withPayload(event.getString("json").getBytes(StandardCharsets.UTF_8))
                    .setHeader(KafkaHeaders.KEY, event.getString("key").getBytes(StandardCharsets.UTF_8))
                    .setHeader("contentType", "application/json")
                    .build();
            if (!streamBridge.send(event.getString("topic"), message)) {
                throw new IllegalStateException("Kafka did not take event " + event.getString("eventId"));
            }
            mongo.updateFirst(new Query(Criteria.where("_id").is(doc.get("_id"))),
                    new Update().pull("outbox", new Document("eventId", event.getString("eventId"))), collection);
        }
    }
}
