package vn.doan.localstack;

import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.junit.jupiter.Testcontainers;
import vn.doan.support.test.Backends;

/** The same slice on real Kafka and MongoDB images; skipped where no Docker engine runs. */
@Testcontainers(disabledWithoutDocker = true)
class EndToEndContainersTest extends EndToEndTests {

    @BeforeAll
    static void start() {
        Backends backends = Backends.containers();
        startServices(backends.kafkaBootstrap(), backends.mongoUri());
    }
}
