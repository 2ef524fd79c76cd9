package vn.doan.notificationservice;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.doan.support.test.Backends;

/** On the in-process Kafka broker (KRaft), MongoDB wire server and GreenMail. */
class NotificationDeliveryEmbeddedTest extends NotificationDeliveryIntegrationTests {

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        Backends.embedded().register(registry, "notification_delivery_test");
    }

    @Override
    String kafkaBootstrap() {
        return Backends.embedded().kafkaBootstrap();
    }
}
