package vn.doan.notificationservice;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Testcontainers;
import vn.doan.support.test.Backends;

/** The same tests on real Kafka and MongoDB images (GreenMail stays in-process); skipped where no Docker engine runs. */
@Testcontainers(disabledWithoutDocker = true)
class NotificationDeliveryContainersTest extends NotificationDeliveryIntegrationTests {

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        Backends.containers().register(registry, "notification_delivery_containers_test");
    }

    @Override
    String kafkaBootstrap() {
        return Backends.containers().kafkaBootstrap();
    }
}
