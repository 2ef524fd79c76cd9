package vn.doan.support.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import vn.doan.support.test.Backends;
import vn.doan.support.test.Connections;

/**
 * Where operators declare the topics (Kubernetes: kafka-topics.yaml, {@code DOAN_KAFKA_CREATE_TOPICS=false}), setting up a
 * binding's dead-letter topic makes no round trip to Kafka: a broker address that counts its connections sees none, and the
 * topic is still the one the replay offers. On the real broker, only the service that creates topics creates it.
 */
class DeadLetterTopicsTest {

    static final String REPORTS = "doan.report.reports.v1";

    @Test
    void withTopicsDeclaredByOperatorsNoConnectionIsMadeToSetUpADeadLetterTopic() throws IOException {
        try (Connections broker = new Connections()) {
            String brokers = "127.0.0.1:" + broker.port();
            DeadLetters deadLetters = new DeadLetters("notification-service", brokers, new DeadLetters.Topics(false, 24, (short) 3),
                    new SimpleMeterRegistry());
            try {
                deadLetters.configure(container(brokers), REPORTS, "notification-service");

                assertThat(deadLetters.topics()).containsExactly("doan.report.reports.v1.notification-service.dlt");
                assertThat(broker.accepted).as("connections to the broker").hasValue(0);
            } finally {
                deadLetters.destroy();
            }
        }
    }

    @Test
    void onTheRealBrokerTheDeadLetterTopicIsCreatedOnlyWhereTheServiceCreatesTopics() throws Exception {
        String brokers = Backends.embedded().kafkaBootstrap();
        String group = "deadletter-topics-" + UUID.randomUUID().toString().substring(0, 8);
        for (boolean create : new boolean[] {false, true}) {
            DeadLetters deadLetters = new DeadLetters(group, brokers, new DeadLetters.Topics(create, 3, (short) 1), new SimpleMeterRegistry());
            try {
                deadLetters.configure(container(brokers), REPORTS, group + "-" + create);
            } finally {
                deadLetters.destroy();
            }
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).filteredOn(topic -> topic.contains(group))
                    .containsExactly(REPORTS + "." + group + "-true.dlt");
        }
    }

    private static KafkaMessageListenerContainer<byte[], byte[]> container(String brokers) {
        DefaultKafkaConsumerFactory<byte[], byte[]> consumers = new DefaultKafkaConsumerFactory<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        return new KafkaMessageListenerContainer<>(consumers, new ContainerProperties(REPORTS));
    }
}
