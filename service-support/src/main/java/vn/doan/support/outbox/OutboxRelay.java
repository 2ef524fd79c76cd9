package vn.doan.support.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Moves pending events from the {@code outbox} arrays of the given collections to Kafka and removes
 * each one only after the broker acknowledged it. Events of one document go out in the order they were
 * written; documents are taken in no particular order (per-unit order lives inside each document). A batch is sent at once and then awaited, so the
 * producer can pipeline it. When Kafka is down the events stay where they are and the next run tries
 * again; a crash between acknowledgement and removal sends an event twice, which every consumer
 * tolerates (events carry ids and versions). An event Kafka refuses for good (larger than the producer's
 * {@code max.request.size} or the topic's {@code max.message.bytes}, an invalid topic) would block its batch forever:
 * it is moved, with the reason, to the {@code outboxDead} array of its document, counted ({@code doan.outbox.unsendable})
 * and logged at ERROR, and the rest of the batch goes on. Services refuse such events before storing them
 * ({@link OutboxProperties#maxEventBytes()}); this is the last guard.
 *
 * <p>Writers name the documents they have just given events ({@link #wake}, which {@link Outbox} calls after each write); the relay fetches those by id at
 * its next run, without searching. Every {@code sweep-interval} it also searches every document for events
 * nobody named: left by a crash, by another replica, or written while Kafka was down. Without an index a
 * search reads the whole collection (as mongo-java-server does), so searching on every run would make each
 * run cost as much as the collection is large.
 */
public class OutboxRelay {

    /** CloudEvents Kafka binding, structured mode: the record value is the whole event. */
    static final String CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";
    /** The correlation id of the request that caused the event, when there was one. */
    public static final String CORRELATION_HEADER = "correlation-id";
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 1000;
    private static final int REPLY = 20;

    private final MongoTemplate mongo;
    private final Producer<String, byte[]> producer;
    private final Set<String> collections = ConcurrentHashMap.newKeySet();
    private final long sweepNanos;
    private final Map<String, Set<Object>> named = new ConcurrentHashMap<>();
    /** What the last search of whole collections could not send. */
    private final AtomicLong sweptBacklog = new AtomicLong();
    /** Named documents a run has taken and not yet sent or given back. */
    private final AtomicLong inFlight = new AtomicLong();
    private final Counter published;
    private final Counter unsendableEvents;
    private long lastSweep;

    public OutboxRelay(MongoTemplate mongo, Producer<String, byte[]> producer, List<String> collections, Duration sweepInterval,
            MeterRegistry registry) {
        this.mongo = mongo;
        this.producer = producer;
        this.collections.addAll(collections);
        this.sweepNanos = sweepInterval.toNanos();
        this.lastSweep = System.nanoTime() - sweepNanos;
        Gauge.builder("doan.outbox.backlog", this, OutboxRelay::backlog)
                .description("Documents whose events are not yet on Kafka")
                .register(registry);
        this.published = Counter.builder("doan.outbox.published").description("Events moved from the outbox to Kafka")
                .register(registry);
        this.unsendableEvents = Counter.builder("doan.outbox.unsendable")
                .description("Events Kafka refused for good (e.g. too large), moved to the outboxDead array of their document")
                .register(registry);
    }

    /**
     * The document {@code id} of {@code collection} has just been given events: send them at the next run; the
     * collection is searched from then on too. {@link Outbox} calls this after its writes.
     */
    void wake(String collection, Object id) {
        collections.add(collection);
        named.computeIfAbsent(collection, c -> ConcurrentHashMap.newKeySet()).add(id);
    }

    @Scheduled(fixedDelayString = "${doan.outbox.interval:200ms}")
    public void relay() {
        boolean sweep = System.nanoTime() - lastSweep >= sweepNanos;
        if (sweep) {
            lastSweep = System.nanoTime();
        }
        long remaining = 0;
        for (String collection : collections) {
            drainNamed(collection);
            if (sweep) {
                remaining += drain(collection);
            }
        }
        if (sweep) {
            sweptBacklog.set(remaining);
        }
    }

    /** Documents waiting for Kafka as far as the relay knows now: named ones (from the moment they are named) and the last search's. */
    private double backlog() {
        return sweptBacklog.get() + inFlight.get() + named.values().stream().mapToLong(Set::size).sum();
    }

    /** Sends the events of the documents writers named, fetched by id; gives back to the next run what it could not send. */
    private void drainNamed(String collection) {
        Set<Object> ids = named.getOrDefault(collection, Set.of());
        List<Object> taken = new ArrayList<>();
        for (Object id : ids) {
            if (ids.remove(id)) {
                taken.add(id);
            }
        }
        inFlight.addAndGet(taken.size());
        try {
            sendNamed(collection, taken);
        } finally {
            inFlight.addAndGet(-taken.size());
        }
    }

    private void sendNamed(String collection, List<Object> taken) {
        for (int from = 0; from < taken.size(); from += BATCH) {
            List<Object> chunk = taken.subList(from, Math.min(taken.size(), from + BATCH));
            try {
                // by _id alone, which any MongoDB server answers from its index; documents already sent are left out here
                Query named = new Query(Criteria.where("_id").in(chunk));
                named.fields().include("outbox");
                List<Document> batch = read(named, collection).stream()
                        .filter(doc -> !doc.getList("outbox", Document.class, List.of()).isEmpty()).toList();
                if (!batch.isEmpty()) {
                    send(batch, collection);
                }
            } catch (RuntimeException e) {
                log.warn("Outbox relay of {} paused, will retry: {}", collection, e.getMessage());
                taken.subList(from, taken.size()).forEach(id -> wake(collection, id));
                return;
            }
        }
    }

    /**
     * Sends batches from one collection until it is empty or Kafka refuses; returns what is left. Only the outbox is read:
     * a thousand whole documents (a parent's roll-up holds its children's snapshots) can exceed what one reply carries.
     */
    private long drain(String collection) {
        Query pending = new Query(Criteria.where("outbox.0").exists(true)).limit(BATCH);
        pending.fields().include("outbox");
        try {
            List<Document> batch = read(pending, collection);
            while (!batch.isEmpty()) {
                send(batch, collection);
                if (batch.size() < BATCH) {
                    break;
                }
                batch = read(pending, collection);
            }
            return 0;
        } catch (RuntimeException e) {
            log.warn("Outbox relay of {} paused, will retry: {}", collection, e.getMessage());
            return mongo.count(new Query(Criteria.where("outbox.0").exists(true)), collection);
        }
    }

    /**
     * The documents {@code query} finds, in replies of {@value #REPLY} documents: outboxes that grew while Kafka was away
     * (a roll-up announced at every poll) can make a thousand of them larger than one reply of the wire protocol (48 MB).
     */
    private List<Document> read(Query query, String collection) {
        try (java.util.stream.Stream<Document> read = mongo.stream(query.cursorBatchSize(REPLY), Document.class, collection)) {
            return read.toList();
        }
    }

    private void send(List<Document> batch, String collection) {
        List<List<Future<RecordMetadata>>> acks = new ArrayList<>();
        for (Document doc : batch) {
            List<Future<RecordMetadata>> docAcks = new ArrayList<>();
            for (Document event : doc.getList("outbox", Document.class)) {
                docAcks.add(producer.send(record(event.getString("topic"), event.getString("key"), event.getString("json"),
                        event.getString("correlationId"))));
            }
            acks.add(docAcks);
        }
        producer.flush();
        BulkOperations removals = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
        int sent = 0;
        int dead = 0;
        for (int i = 0; i < batch.size(); i++) {
            List<Document> events = batch.get(i).getList("outbox", Document.class);
            List<Document> unsendable = new ArrayList<>();
            for (int j = 0; j < events.size(); j++) {
                Throwable refused = await(acks.get(i).get(j));
                if (refused != null) {
                    unsendable.add(deadLetter(events.get(j), refused, collection, batch.get(i).get("_id")));
                }
            }
            List<String> ids = events.stream().map(e -> e.getString("eventId")).toList();
            Update update = new Update().pull("outbox", new Document("eventId", new Document("$in", ids)));
            if (!unsendable.isEmpty()) {
                update.push("outboxDead").each(unsendable.toArray());
            }
            removals.updateOne(new Query(Criteria.where("_id").is(batch.get(i).get("_id"))), update);
            sent += ids.size() - unsendable.size();
            dead += unsendable.size();
        }
        removals.execute();
        published.increment(sent);
        unsendableEvents.increment(dead);
    }

    /** The record an event goes out as: its CloudEvents JSON as the value (structured mode), keyed, with its headers. */
    static ProducerRecord<String, byte[]> record(String topic, String key, String json, String correlationId) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, json.getBytes(StandardCharsets.UTF_8));
        record.headers().add("content-type", CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        if (correlationId != null) {
            record.headers().add(CORRELATION_HEADER, correlationId.getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    /**
     * Waits for Kafka's answer: null once acknowledged, the cause if the record can never be sent as it is; throws, so
     * the whole batch stays and is tried again, when Kafka may take it later (broker down, timeout, leader moving).
     */
    private static Throwable await(Future<RecordMetadata> ack) {
        try {
            ack.get(30, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException e) {
            if (neverSendable(e.getCause())) {
                return e.getCause();
            }
            throw new IllegalStateException("Kafka did not acknowledge: " + e.getMessage(), e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Refusals of the record itself, which no retry changes: too large for the producer or the topic, a malformed topic or record. */
    private static boolean neverSendable(Throwable cause) {
        return cause instanceof RecordTooLargeException || cause instanceof RecordBatchTooLargeException
                || cause instanceof InvalidTopicException || cause instanceof InvalidRecordException;
    }

    /** The event as it was, with why and when Kafka refused it, for the {@code outboxDead} array of its document. */
    private Document deadLetter(Document event, Throwable refused, String collection, Object documentId) {
        String reason = refused.getClass().getName() + ": " + refused.getMessage();
        log.error("Outbox event {} (topic {}, key {}, {} bytes) of {} {} can never be sent; moved to outboxDead: {}",
                event.getString("eventId"), event.getString("topic"), event.getString("key"), event.getString("json").getBytes(StandardCharsets.UTF_8).length, collection, documentId, reason);
        return new Document(event).append("reason", reason).append("failedAt", new java.util.Date());
    }
}
