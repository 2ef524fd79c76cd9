package vn.doan.support.outbox;

/**
 * A change whose event Kafka would never take: its record ({@link PendingEvent#recordBytes()}) is larger than
 * {@code doan.outbox.max-event-bytes}. Thrown before anything is written.
 */
public class EventTooLarge extends RuntimeException {

    private final transient Event event;
    private final int bytes;
    private final int limit;

    EventTooLarge(Event event, int bytes, int limit) {
        super(event.data().getClass().getSimpleName() + " about " + event.subject() + " would be a record of " + bytes
                + " bytes, more than the " + limit + " the outbox accepts");
        this.event = event;
        this.bytes = bytes;
        this.limit = limit;
    }

    public Event event() {
        return event;
    }

    public int bytes() {
        return bytes;
    }

    public int limit() {
        return limit;
    }
}
