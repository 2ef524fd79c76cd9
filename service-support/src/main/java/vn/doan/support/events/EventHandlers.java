package vn.doan.support.events;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.messaging.Message;

/**
 * A consumer of one topic, written as a handler per event type:
 * {@code EventInput.handlers("Unit events").runsOf(UnitCreated.class, tree::created).on(UnitRenamed.class, tree::renamed)}.
 * It takes a poll ({@link #accept}), decodes it ({@link EventInput#decode(List)}: what is no event or of a type this
 * build does not know is logged and skipped) and hands each event to the handler of its type in the poll's order: a run
 * of consecutive events of a {@link #runsOf} type as one list (a whole imported tree is one bulk write), every other event
 * on its own. Events of a type without a handler are passed over. The whole poll is handed over again until it succeeds
 * ({@link EventInput#untilDone}); every handler takes the same event twice without effect.
 */
public final class EventHandlers implements Consumer<List<byte[]>> {

    private final String what;
    private final Map<Class<?>, Consumer<List<Object>>> runs = new LinkedHashMap<>();
    private final Map<Class<?>, Consumer<Object>> single = new LinkedHashMap<>();

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

    /** The same handlers for a binding that takes one record at a time. */
    public Consumer<Message<byte[]>> perRecord() {
        return message -> accept(List.of(message.getPayload()));
    }

    @Override
    public void accept(List<byte[]> poll) {
        List<Object> events = EventInput.decode(poll);
        EventInput.untilDone(what, () -> handOver(events));
    }

    private void handOver(List<Object> events) {
        List<Object> run = new ArrayList<>();
        for (Object event : events) {
            if (!run.isEmpty() && run.get(0).getClass() != event.getClass()) {
                runs.get(run.get(0).getClass()).accept(run);
                run = new ArrayList<>();
            }
            if (runs.containsKey(event.getClass())) {
                run.add(event);
            } else if (single.containsKey(event.getClass())) {
                single.get(event.getClass()).accept(event);
            }
        }
        if (!run.isEmpty()) {
            runs.get(run.get(0).getClass()).accept(run);
        }
    }
}
