package vn.doan.authserver.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.doan.events.Topics;
import vn.doan.events.plan.UnitCreated;
import vn.doan.events.plan.UnitLevel;
import vn.doan.support.events.DeadLetterReplay;
import vn.doan.support.test.Backends;
import vn.doan.support.test.KafkaTestClient;
import vn.doan.support.test.PoisonRecord;

/**
 * auth-server's consumer of unit events on the real broker: a record that can never be processed goes to its dead-letter
 * topic, and the unit created after it on the same partition is learnt; the operator's replay puts it back.
 */
class PoisonUnitEventTest extends UsersTestBase {

    static final String XUAN_LAP = "cs-xuanlap";

    @Autowired
    MeterRegistry registry;
    @Autowired
    DeadLetterReplay replay;

    @Test
    void aRecordThatIsNoEventIsDeadLetteredAndTheUnitAfterItOnItsPartitionIsLearnt() throws InterruptedException {
        PoisonRecord poison = PoisonRecord.send(Topics.ORG_UNITS, "auth-server-users-test", XUAN_LAP, "corr-xuanlap");
        try (KafkaTestClient kafka = new KafkaTestClient(Backends.embedded().kafkaBootstrap(), "/plan-service")) {
            kafka.publish(new UnitCreated(XUAN_LAP, "CS-THOXUAN-4", "Đoàn xã Xuân Lập", UnitLevel.GRASSROOTS, "xa", THO_XUAN,
                    List.of(PROVINCE, THO_XUAN), LocalDate.of(2025, 7, 1)), XUAN_LAP);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (units.unit(XUAN_LAP).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(units.unit(XUAN_LAP)).as("the unit after the poison record, on its partition").isPresent();
        poison.assertDeadLetteredAndReplayed("auth-server", registry, replay);
    }
}
