package vn.doan.support.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import vn.doan.events.EventCodec;
import vn.doan.events.plan.UnitRenamed;

class EventInputTest {

    private static final EventCodec CODEC = new EventCodec("/plan-service", Clock.system(EventCodec.ZONE));

    private static byte[] json(Object event, String unitId) {
        return EventCodec.toJson(CODEC.wrap(event, unitId)).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void recordsThatAreNoEventAreLeftOutAndTheOthersKeepTheirOrder() {
        UnitRenamed first = new UnitRenamed("u1", "Chi đoàn 1", "Chi đoàn Khu phố 1", LocalDate.of(2026, 1, 1));
        UnitRenamed second = new UnitRenamed("u2", "Chi đoàn 2", "Chi đoàn Khu phố 2", LocalDate.of(2026, 1, 1));

        List<Object> events = EventInput.decode(List.of(json(first, "u1"), "{not json".getBytes(StandardCharsets.UTF_8),
                "{\"specversion\":\"1.0\"}".getBytes(StandardCharsets.UTF_8), json(second, "u2")));

        assertThat(events).containsExactly(first, second);
    }

    @Test
    void workIsDoneAgainAfterEachFailureUntilItSucceeds() {
        AtomicInteger attempts = new AtomicInteger();
        long start = System.nanoTime();

        EventInput.untilDone("Test work", () -> {
            if (attempts.incrementAndGet() < 3) {
                throw new IllegalStateException("MongoDB unreachable");
            }
        });

        assertThat(attempts).hasValue(3);
        assertThat((System.nanoTime() - start) / 1_000_000).as("waited 0.5 s, then 1 s").isGreaterThanOrEqualTo(1_500);
    }
}
