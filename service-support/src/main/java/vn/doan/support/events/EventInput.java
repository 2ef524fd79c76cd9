package vn.doan.support.events;

import com.mongodb.MongoException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteConcernException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import vn.doan.events.EventCodec;

/**
 * What every consumer does with what it polls. Work that fails because a back end is out of reach (MongoDB unreachable,
 * a write conflict) is retried on the consumer's thread, waiting 0.5 s and doubling up to 30 s, and never given up: the
 * event is fine, the back end comes back ({@link #backEndOutOfReach}). Any other failure is tried {@link #ATTEMPTS} times: it fails the same way at
 * every attempt (a bug, data the code cannot take), and waiting would stop the partition with every later record behind
 * it; then {@link GaveUp} goes to the listener container, whose error handler moves the record to its dead-letter topic
 * ({@link DeadLetters}). All the work is idempotent, so events applied again change nothing.
 */
public final class EventInput {

    private static final Logger log = LoggerFactory.getLogger(EventInput.class);
    static final Duration FIRST_WAIT = Duration.ofMillis(500);
    static final Duration LONGEST_WAIT = Duration.ofSeconds(30);
    /** Attempts at work that fails for another reason than an unreachable back end. */
    static final int ATTEMPTS = 3;

    private EventInput() {
    }

    /** A consumer of a poll with a handler per event type, see {@link EventHandlers}; {@code what} names the work in the log. */
    public static EventHandlers handlers(String what) {
        return new EventHandlers(what);
    }

    /** The event's data, or empty for an event type this build does not know (a newer producer). */
    static Optional<Object> read(byte[] payload) {
        try {
            return EventCodec.data(EventCodec.fromJson(payload));
        } catch (RuntimeException e) {
            throw new NotAnEvent(e, payload);
        }
    }

    /**
     * Runs {@code work} until it completes, waiting longer after each failure; gives up with {@link GaveUp} after
     * {@link #ATTEMPTS} failures that are not an unreachable back end.
     */
    public static void untilDone(String what, Runnable work) {
        long wait = FIRST_WAIT.toMillis();
        int failedForGood = 0;
        for (int attempt = 1; ; attempt++) {
            try {
                work.run();
                if (attempt > 1) {
                    log.info("{} done at attempt {}", what, attempt);
                }
                return;
            } catch (RuntimeException e) {
                if (!backEndOutOfReach(e) && ++failedForGood >= ATTEMPTS) {
                    log.error("{} failed {} times, giving up: {}", what, failedForGood, e.toString());
                    throw new GaveUp(what, e);
                }
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

    /**
     * A failure that says nothing about the event: MongoDB out of reach or busy, electing a new primary (a replica set
     * answers "not primary" or "node is recovering" for seconds), short of its write concern, a write that raced another.
     */
    static boolean backEndOutOfReach(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TransientDataAccessException || t instanceof DataAccessResourceFailureException
                    || t instanceof RecoverableDataAccessException || t instanceof MongoSocketException || t instanceof MongoTimeoutException
                    || t instanceof MongoNotPrimaryException || t instanceof MongoNodeIsRecoveringException
                    || t instanceof MongoWriteConcernException
                    || t instanceof MongoException mongo && (mongo.hasErrorLabel(MongoException.TRANSIENT_TRANSACTION_ERROR_LABEL)
                            || mongo.hasErrorLabel("RetryableWriteError"))) {
                return true;
            }
        }
        return false;
    }

    /** A record whose value is not a CloudEvents envelope of ours: it can never be processed. */
    public static final class NotAnEvent extends RuntimeException {

        NotAnEvent(RuntimeException why, byte[] payload) {
            super("not an event (" + why.getMessage() + "): " + start(payload), why);
        }

        private static String start(byte[] payload) {
            String text = new String(payload, StandardCharsets.UTF_8);
            return text.substring(0, Math.min(200, text.length()));
        }
    }

    /** Work that failed {@link #ATTEMPTS} times for a reason that waiting does not remove; its cause is the last failure. */
    public static final class GaveUp extends RuntimeException {

        GaveUp(String what, RuntimeException cause) {
            super(what + " failed " + ATTEMPTS + " times: " + cause, cause);
        }
    }
}
