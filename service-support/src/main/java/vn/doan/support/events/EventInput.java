package vn.doan.support.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.doan.events.EventCodec;

/**
 * What every consumer does with what it polls. A payload that is not one of our events is logged and skipped: it would
 * fail the same way at every attempt. The work on the rest is done until it succeeds: a failure such as MongoDB being
 * unreachable is retried on the consumer's thread, waiting 0.5 s and doubling up to 30 s, and never skipped — the binder
 * logs a failed poll and commits it, which would lose every event in it. All the work is idempotent, so events applied
 * again (after the group moved the partition to another instance while this one waited) change nothing.
 */
public final class EventInput {

    private static final Logger log = LoggerFactory.getLogger(EventInput.class);
    static final Duration FIRST_WAIT = Duration.ofMillis(500);
    static final Duration LONGEST_WAIT = Duration.ofSeconds(30);

    private EventInput() {
    }

    /** A consumer of a poll with a handler per event type, see {@link EventHandlers}; {@code what} names the work in the log. */
    public static EventHandlers handlers(String what) {
        return new EventHandlers(what);
    }

    /** The event's data, or empty for an event type this build does not know or a payload that is no event at all (logged). */
    public static Optional<Object> decode(byte[] payload) {
        try {
            return EventCodec.data(EventCodec.fromJson(payload));
        } catch (RuntimeException notAnEvent) {
            String text = new String(payload, StandardCharsets.UTF_8);
            log.error("Skipped a record that is not an event: {} — {}", notAnEvent.getMessage(), text.substring(0, Math.min(200, text.length())));
            return Optional.empty();
        }
    }

    /** The data of every event in a poll, in order, leaving out what {@link #decode(byte[])} leaves out. */
    public static List<Object> decode(List<byte[]> payloads) {
        return payloads.stream().flatMap(payload -> decode(payload).stream()).toList();
    }

    /** Runs {@code work} until it completes, waiting longer after each failure. */
    public static void untilDone(String what, Runnable work) {
        long wait = FIRST_WAIT.toMillis();
        for (int attempt = 1; ; attempt++) {
            try {
                work.run();
                if (attempt > 1) {
                    log.info("{} done at attempt {}", what, attempt);
                }
                return;
            } catch (RuntimeException e) {
                log.warn("{} failed (attempt {}), trying again in {} ms: {}", what, attempt, wait, e.toString());
            }
            try {
                Thread.sleep(wait);
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(what + " interrupted while waiting to try again", stopping);
            }
            wait = Math.min(wait * 2, LONGEST_WAIT.toMillis());
        }
    }
}
