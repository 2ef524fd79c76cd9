package vn.doan.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import vn.doan.events.Topics;
import vn.doan.support.test.Backends;

/**
 * Where the services create the topics (the local stack, compose), each gets the retention Kubernetes declares for it,
 * not the broker's default of 7 days: on the real broker, for a topic it creates and for one that was there before.
 */
class KafkaTopicsConfigTest {

    static final String SEVEN_DAYS = String.valueOf(TimeUnit.DAYS.toMillis(7));

    @Test
    void everyTopicKeepsItsRecordsAsLongAsKubernetesDeclaresOnTheRealBroker() throws Exception {
        String brokers = Backends.embedded().kafkaBootstrap();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
            // the reports topic as a laptop's data directory may hold it: created before, with the broker's 7 days
            if (admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(Topics.REPORTS)) {
                admin.incrementalAlterConfigs(Map.of(topic(Topics.REPORTS), List.of(new AlterConfigOp(
                        new ConfigEntry("retention.ms", SEVEN_DAYS), AlterConfigOp.OpType.SET)))).all().get(30, TimeUnit.SECONDS);
            } else {
                admin.createTopics(List.of(new NewTopic(Topics.REPORTS, 3, (short) 1).configs(Map.of("retention.ms", SEVEN_DAYS))))
                        .all().get(30, TimeUnit.SECONDS);
            }
            assertThat(retention(admin, Topics.REPORTS, SEVEN_DAYS)).isEqualTo(SEVEN_DAYS);

            new KafkaTopicsConfig(brokers, 3, (short) 1).afterPropertiesSet();

            assertThat(retention(admin, Topics.REPORTS, "-1")).as("set on the topic that was there").isEqualTo("-1");
            Map<String, Config> configs = configs(admin, Topics.ALL);
            for (String topic : Topics.ALL) {
                assertThat(configs.get(topic).get("retention.ms").value()).as(topic).isEqualTo(String.valueOf(KafkaTopicsConfig.RETENTION_MS.get(topic)));
            }
            assertThat(configs.get(Topics.ORG_UNITS).get("retention.ms").value()).isEqualTo("31536000000");
            assertThat(configs.get(Topics.PROGRESS).get("cleanup.policy").value()).isEqualTo("compact");
        }
    }

    @Test
    void theRetentionsAreThoseOfKubernetesKafkaTopics() throws IOException {
        Map<String, Object> declared = new HashMap<>();
        for (Object doc : new Yaml().loadAll(Files.readString(Path.of("../deploy/k8s/base/kafka-topics.yaml")))) {
            Map<?, ?> spec = (Map<?, ?>) ((Map<?, ?>) doc).get("spec");
            declared.put(String.valueOf(spec.get("topicName")), ((Map<?, ?>) spec.get("config")).get("retention.ms"));
        }
        assertThat(KafkaTopicsConfig.RETENTION_MS.keySet()).containsExactlyInAnyOrderElementsOf(Topics.ALL);
        KafkaTopicsConfig.RETENTION_MS.forEach((topic, retention) -> assertThat(((Number) declared.get(topic)).longValue()).as(topic).isEqualTo(retention));
    }

    /** The topic's retention once it is {@code expected}, or after 10 s: the broker applies a change once its metadata log has it. */
    private static String retention(Admin admin, String topic, String expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        String retention = configs(admin, List.of(topic)).get(topic).get("retention.ms").value();
        while (!expected.equals(retention) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            retention = configs(admin, List.of(topic)).get(topic).get("retention.ms").value();
        }
        return retention;
    }

    /** The topics' configurations, once the broker knows every one of them (a topic just created: a few milliseconds). */
    private static Map<String, Config> configs(Admin admin, List<String> topics) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!admin.listTopics().names().get(30, TimeUnit.SECONDS).containsAll(topics) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        Map<ConfigResource, Config> described = admin.describeConfigs(topics.stream().map(KafkaTopicsConfigTest::topic).toList())
                .all().get(30, TimeUnit.SECONDS);
        Map<String, Config> byTopic = new HashMap<>();
        described.forEach((resource, config) -> byTopic.put(resource.name(), config));
        return byTopic;
    }

    private static ConfigResource topic(String name) {
        return new ConfigResource(ConfigResource.Type.TOPIC, name);
    }
}
