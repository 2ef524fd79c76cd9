package vn.doan.support;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import vn.doan.events.Topics;

/**
 * Creates the contract's topics, if missing, before any binding starts, so that every topic has its
 * full partition count from the first record on (growing it later would move keys to other partitions
 * and break per-unit order). Clusters whose topics are declared by operators set
 * {@code doan.kafka.create-topics=false}.
 */
@AutoConfiguration
@ConditionalOnProperty(name = "doan.kafka.create-topics", matchIfMissing = true)
public class KafkaTopicsConfig implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(KafkaTopicsConfig.class);

    private final String brokers;
    private final int partitions;
    private final short replication;

    KafkaTopicsConfig(@Value("${spring.cloud.stream.kafka.binder.brokers}") String brokers,
            @Value("${spring.cloud.stream.kafka.binder.min-partition-count:3}") int partitions,
            @Value("${spring.cloud.stream.kafka.binder.replication-factor:1}") short replication) {
        this.brokers = brokers;
        this.partitions = partitions;
        this.replication = replication;
    }

    @Override
    public void afterPropertiesSet() throws InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
            for (String topic : Topics.ALL) {
                try {
                    NewTopic newTopic = new NewTopic(topic, partitions, replication);
                    if (Topics.COMPACTED.contains(topic)) {
                        newTopic.configs(Map.of("cleanup.policy", "compact"));
                    }
                    admin.createTopics(java.util.List.of(newTopic)).all().get(30, TimeUnit.SECONDS);
                    log.info("Created topic {} with {} partitions", topic, partitions);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Could not create topic " + topic, e.getCause());
                    }
                } catch (TimeoutException e) {
                    throw new IllegalStateException("Kafka at " + brokers + " did not answer within 30 s", e);
                }
            }
        }
    }
}
