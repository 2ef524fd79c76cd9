package vn.doan.support.outbox;

import java.util.Objects;
import vn.doan.events.EventType;

/**
 * What a change produces: the event's data (a record of event-contracts, whose class names its type and topic), the
 * unit it is about (the envelope's {@code subject}) and the Kafka key — the subject, unless the event has a key of its
 * own (e.g. {@code ProgressUpdated} on its compacted topic). Aggregates return these; {@link Outbox} stores them with the
 * change.
 */
public record Event(Object data, String subject, String key) {

    public Event {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(subject, "subject");
        EventType.of(data.getClass());
    }

    /** Keyed by the unit it is about. */
    public Event(Object data, String subject) {
        this(data, subject, subject);
    }
}
