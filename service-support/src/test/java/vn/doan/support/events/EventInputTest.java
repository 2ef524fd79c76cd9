package vn.doan.support.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketOpenException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.UncategorizedMongoDbException;

class EventInputTest {

    @Test
    void workIsDoneAgainAfterEachFailureOfTheBackEndPastTheAttemptsGivenToOtherFailures() {
        AtomicInteger attempts = new AtomicInteger();
        long start = System.nanoTime();

        EventInput.untilDone("Test work", () -> {
            if (attempts.incrementAndGet() <= EventInput.ATTEMPTS) {
                throw new DataAccessResourceFailureException("MongoDB unreachable", new MongoSocketOpenException("refused", new ServerAddress()));
            }
        });

        assertThat(attempts).hasValue(EventInput.ATTEMPTS + 1);
        assertThat((System.nanoTime() - start) / 1_000_000).as("waited 0.5 s, 1 s, then 2 s").isGreaterThanOrEqualTo(3_500);
    }

    @Test
    void anUnreachableOrFailingOverMongoDbIsTheBackEndAndABugOrABadValueIsNot() {
        ServerAddress primary = new ServerAddress("mongo-1", 27017);
        assertThat(EventInput.backEndOutOfReach(new UncategorizedMongoDbException("not primary",
                new MongoNotPrimaryException(new BsonDocument("code", new BsonInt32(10107)), primary)))).isTrue();
        assertThat(EventInput.backEndOutOfReach(new DataAccessResourceFailureException("timed out",
                new MongoTimeoutException("no server chosen in 5000 ms")))).isTrue();
        assertThat(EventInput.backEndOutOfReach(new OptimisticLockingFailureException("revision moved on"))).isTrue();
        assertThat(EventInput.backEndOutOfReach(new DuplicateKeyException("E11000 duplicate key"))).isFalse();
        assertThat(EventInput.backEndOutOfReach(new ArithmeticException("long overflow"))).isFalse();
        assertThat(EventInput.backEndOutOfReach(new IllegalStateException("wrapped", new NullPointerException()))).isFalse();
    }

    @Test
    void workThatFailsForAnotherReasonIsGivenUpAfterItsAttempts() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> EventInput.untilDone("Test work", () -> {
            attempts.incrementAndGet();
            throw new ArithmeticException("long overflow");
        })).isInstanceOf(EventInput.GaveUp.class).hasCauseInstanceOf(ArithmeticException.class);

        assertThat(attempts).hasValue(3);
    }
}
