package vn.doan.support.events;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.messaging.Message;

/**
 * A consumer of one topic, written as a handler per event type:
 * {@code EventInput.handlers("Unit events").runsOf(UnitCreated.class, tree::created).on(UnitRenamed.class, tree::renamed)}.
 * It takes a poll ({@link #accept}), decodes it and hands each event to the handler of its type in the poll's order: a run
 * of consecutive events of a {@link #runsOf} type as one list (a whole imported tree is one bulk write), every other event
 * on its own; the events of an {@link #all} type (or of a group of types) together, in the poll's order, after the others,
 * handler by handler in the order they were registered, whichever type comes first in the poll (indicator-service applies
 * a poll's submissions before its returns, so that a return finds the version it returns). Events of a type this build does not know or
 * without a handler are passed over.
 * <p>
 * A record that can never be processed does not stop its partition: the poll is handed over again until it succeeds
 * ({@link EventInput#untilDone}); when it gives up (not for an unreachable back end), the events are handed over one at a
 * time to find the first that fails, and that record, like a record that is no event at all, is named to the listener
 * container ({@link BatchListenerFailedException}) once the events before it are done. The container's error handler
 * ({@link DeadLetters}) commits those, moves the failed record to the dead-letter topic and goes on with the records after
 * it. Every handler takes the same event twice without effect.
 */
public final class EventHandlers implements Consumer<List<byte[]>> {

    private final String what;
    private final Map<Class<?>, Consumer<List<Object>>> runs = new LinkedHashMap<>();
    private final Map<Class<?>, Consumer<Object>> single = new LinkedHashMap<>();
    private final Map<Class<?>, Consumer<List<Object>>> together = new LinkedHashMap<>();

    EventHandlers(String what) {
        this.what = what;
    }

    /** Each event of {@code type} on its own. */
    @SuppressWarnings("unchecked")
    public <T> EventHandlers on(Class<T> type, Consumer<? super T> handler) {
        single.put(type, (Consumer<Object>) handler);
        return this;
    }

    /** Each run of consecutive events of {@code type} as one list. */
    @SuppressWarnings("unchecked")
    public <T> EventHandlers runsOf(Class<T> type, Consumer<List<T>> handler) {
        runs.put(type, events -> handler.accept((List<T>) events));
        return this;
    }

    /** All the events of {@code type} in the poll as one list, after the events of the other types. */
    @SuppressWarnings("unchecked")
    public <T> EventHandlers all(Class<T> type, Consumer<List<T>> handler) {
        together.put(type, events -> handler.accept((List<T>) events));
        return this;
    }

    /**
     * All the events of any of {@code types} in the poll as one list, in the poll's order, after the events of the other
     * types: for events whose order among each other counts (the last alert of an indicator wins, whichever its type).
     */
    public EventHandlers all(List<Class<?>> types, Consumer<List<Object>> handler) {
        types.forEach(type -> together.put(type, handler));
        return this;
    }

    /** The same handlers for a binding that takes one record at a time. */
    public Consumer<Message<byte[]>> perRecord() {
        return message -> accept(List.of(message.getPayload()));
    }

    @Override
    public void accept(List<byte[]> poll) {
        List<Polled> events = new ArrayList<>();
        for (int position = 0; position < poll.size(); position++) {
            Optional<Object> event;
            try {
                event = EventInput.read(poll.get(position));
            } catch (EventInput.NotAnEvent notAnEvent) {
                handOverOrFindTheFailure(events);
                throw new BatchListenerFailedException(what + ": record " + position + " of the poll is no event", notAnEvent, position);
            }
            if (event.isPresent()) {
                events.add(new Polled(position, event.get()));
            }
        }
        handOverOrFindTheFailure(events);
    }

    private void handOverOrFindTheFailure(List<Polled> events) {
        try {
            EventInput.untilDone(what, () -> handOver(events));
        } catch (EventInput.GaveUp gaveUp) {
            for (Polled event : events) {
                try {
                    EventInput.untilDone(what + ", one event at a time", () -> handOver(List.of(event)));
                } catch (EventInput.GaveUp failed) {
                    throw new BatchListenerFailedException(what + ": record " + event.position() + " of the poll failed", failed.getCause(),
                            event.position());
                }
            }
        } finally {
            ConsumedRecords.handlingPoll();
        }
    }

    private void handOver(List<Polled> events) {
        List<Polled> run = new ArrayList<>();
        // the handlers of all-types in the order they were registered, whichever type comes first in the poll
        Map<Consumer<List<Object>>, List<Polled>> collected = new LinkedHashMap<>();
        together.values().forEach(handler -> collected.putIfAbsent(handler, new ArrayList<>()));
        for (Polled event : events) {
            Class<?> type = event.data().getClass();
            if (!run.isEmpty() && run.get(0).data().getClass() != type) {
                handOver(runs.get(run.get(0).data().getClass()), run);
                run = new ArrayList<>();
            }
            if (runs.containsKey(type)) {
                run.add(event);
            } else if (single.containsKey(type)) {
                ConsumedRecords.handling(List.of(event.position()));
                single.get(type).accept(event.data());
            } else if (together.containsKey(type)) {
                collected.get(together.get(type)).add(event);
            }
        }
        if (!run.isEmpty()) {
            handOver(runs.get(run.get(0).data().getClass()), run);
        }
        collected.forEach((handler, polled) -> {
            if (!polled.isEmpty()) {
                handOver(handler, polled);
            }
        });
    }

    private static void handOver(Consumer<List<Object>> handler, List<Polled> events) {
        ConsumedRecords.handling(events.stream().map(Polled::position).toList());
        handler.accept(events.stream().map(Polled::data).toList());
    }

    /** An event and its position in the poll. */
    private record Polled(int position, Object data) {
    }
}
