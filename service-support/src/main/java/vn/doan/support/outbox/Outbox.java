package vn.doan.support.outbox;

import com.mongodb.bulk.BulkWriteResult;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.bson.Document;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import vn.doan.events.EventCodec;

/**
 * Writes a change and the events it produces in one MongoDB write — the events go into the {@code outbox} array of the
 * document that changed — and then points the relay to the document, which moves the events to Kafka. Each event is
 * wrapped in its CloudEvents envelope here, with the topic of its type and the correlation id of the request; one
 * larger than {@code doan.outbox.max-event-bytes} is refused ({@link EventTooLarge}) before anything is written.
 * Writers name no codec, topic, collection or relay.
 */
public class Outbox {

    /** Operations per bulk write: a national tree is imported in writes of this many units. */
    static final int BULK_CHUNK = 1000;

    private final MongoTemplate mongo;
    private final OutboxRelay relay;
    private final EventCodec codec;
    private final int maxEventBytes;

    public Outbox(MongoTemplate mongo, OutboxRelay relay, EventCodec codec, int maxEventBytes) {
        this.mongo = mongo;
        this.relay = relay;
        this.codec = codec;
        this.maxEventBytes = maxEventBytes;
    }

    /**
     * Applies {@code update}, with {@code events} added to the document's outbox, to the document {@code query} finds;
     * returns the document as changed, or null when the query found none (nothing is written then).
     */
    public <T extends PublishesEvents> T update(Query query, Update update, Class<T> type, List<Event> events) {
        List<Document> pending = pending(events);
        if (!pending.isEmpty()) {
            update.push("outbox").each(pending.toArray());
        }
        T changed = mongo.findAndModify(query, update, FindAndModifyOptions.options().returnNew(true), type);
        if (changed != null && !pending.isEmpty()) {
            relay.wake(mongo.getCollectionName(type), mongo.getConverter().getMappingContext().getRequiredPersistentEntity(type)
                    .getIdentifierAccessor(changed).getRequiredIdentifier());
        }
        return changed;
    }

    /**
     * Inserts {@code document} with {@code events} as its outbox (empty when there are none); returns it. The relay is
     * pointed to it even when the insert failed: one whose answer was lost may be stored, and one not stored holds nothing to send.
     */
    public <T extends PublishesEvents> T insert(T document, List<Event> events) {
        Document stored = stored(document, pending(events));
        String collection = mongo.getCollectionName(document.getClass());
        try {
            mongo.insert(stored, collection);
        } finally {
            if (!events.isEmpty()) {
                relay.wake(collection, stored.get("_id"));
            }
        }
        return document;
    }

    /** Inserts and updates of documents of {@code type} in bulk writes, the relay pointed to them after the last. */
    public <T extends PublishesEvents> Bulk<T> bulk(Class<T> type) {
        return new Bulk<>(type);
    }

    /**
     * Inserts and updates by id, collected and then written in order, {@value #BULK_CHUNK} to a bulk write; every event is
     * checked as it is added, so a refused one leaves nothing written. A write that fails stops the rest and leaves what
     * earlier writes stored (the caller undoes it, e.g. by import id); the relay is pointed to the documents only once all
     * were written.
     */
    public final class Bulk<T extends PublishesEvents> {

        private final Class<T> type;
        private final List<Consumer<BulkOperations>> operations = new ArrayList<>();
        private final Set<Object> withEvents = new LinkedHashSet<>();

        private Bulk(Class<T> type) {
            this.type = type;
        }

        public Bulk<T> insert(T document, List<Event> events) {
            Document stored = stored(document, pending(events));
            operations.add(bulk -> bulk.insert(stored));
            if (!events.isEmpty()) {
                withEvents.add(stored.get("_id"));
            }
            return this;
        }

        /** {@code byId} names the document by {@code _id}, with any further conditions. */
        public Bulk<T> update(Query byId, Update update, List<Event> events) {
            Object id = byId.getQueryObject().get("_id");
            if (id == null || id instanceof Document) {
                throw new IllegalArgumentException("A bulk update names its document by _id: " + byId);
            }
            List<Document> pending = pending(events);
            if (!pending.isEmpty()) {
                update.push("outbox").each(pending.toArray());
                withEvents.add(id);
            }
            operations.add(bulk -> bulk.updateOne(byId, update));
            return this;
        }

        /** How many inserts and updates were added. */
        public int size() {
            return operations.size();
        }

        /** Writes everything; returns how many documents were inserted or found by their update's query. */
        public int execute() {
            int written = write(false);
            wakeAll();
            return written;
        }

        /**
         * Tries every write even when some fail — for writers racing others on the same documents (an insert another
         * writer made first, an update conditional on a revision that moved on), who then redo what did not take effect.
         * Returns how many documents were inserted or found by their update's query; the relay is pointed to every
         * document given events, written or not (one not written holds nothing to send).
         */
        public int executeRacing() {
            try {
                return write(true);
            } finally {
                wakeAll();
            }
        }

        /**
         * Tries every write even when some fail, as {@link #executeRacing()}, and returns the positions (counted from 0 in
         * the order the writes were added) of those that failed: an insert whose id or unique key another document holds,
         * an update that would break a unique index. An update whose query found nothing did not fail.
         */
        public Set<Integer> executeRacingFailures() {
            Set<Integer> failed = new java.util.TreeSet<>();
            try {
                write(true, failed);
                return failed;
            } finally {
                wakeAll();
            }
        }

        private int write(boolean racing) {
            return write(racing, new java.util.TreeSet<>());
        }

        /**
         * The operations, {@value #BULK_CHUNK} to a bulk write: ordered, or unordered and counting what took effect when
         * racing, the positions of those that failed added to {@code failed}.
         */
        private int write(boolean racing, Set<Integer> failed) {
            int written = 0;
            for (int from = 0; from < operations.size(); from += BULK_CHUNK) {
                BulkOperations bulk = mongo.bulkOps(racing ? BulkOperations.BulkMode.UNORDERED : BulkOperations.BulkMode.ORDERED, type);
                operations.subList(from, Math.min(operations.size(), from + BULK_CHUNK)).forEach(operation -> operation.accept(bulk));
                BulkWriteResult result;
                try {
                    result = bulk.execute();
                } catch (BulkOperationException raced) {
                    if (!racing) {
                        throw raced;
                    }
                    result = raced.getResult();
                    int offset = from;
                    raced.getErrors().forEach(error -> failed.add(offset + error.getIndex()));
                }
                written += result.getInsertedCount() + result.getMatchedCount();
            }
            return written;
        }

        private void wakeAll() {
            String collection = mongo.getCollectionName(type);
            withEvents.forEach(id -> relay.wake(collection, id));
        }
    }

    /** The document as the template would store it, with {@code pending} as its outbox. */
    private Document stored(Object document, List<Document> pending) {
        Document stored = new Document();
        mongo.getConverter().write(document, stored);
        if (stored.get("_id") == null) {
            throw new IllegalArgumentException("A document given events needs its id before it is stored: " + document.getClass().getName());
        }
        stored.put("outbox", pending);
        return stored;
    }

    /** The events as the relay reads them from an outbox; throws if one is too large for Kafka. */
    private List<Document> pending(List<Event> events) {
        List<Document> pending = new ArrayList<>(events.size());
        for (Event event : events) {
            PendingEvent record = PendingEvent.of(codec.wrap(event.data(), event.subject()), event.key());
            int bytes = record.recordBytes();
            if (bytes > maxEventBytes) {
                throw new EventTooLarge(event, bytes, maxEventBytes);
            }
            Document stored = new Document("eventId", record.eventId()).append("topic", record.topic()).append("key", record.key())
                    .append("json", record.json()).append("createdAt", Date.from(record.createdAt()));
            if (record.correlationId() != null) {
                stored.append("correlationId", record.correlationId());
            }
            pending.add(stored);
        }
        return pending;
    }
}
