package vn.doan.support;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
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
 * and break per-unit order), and gives each its retention ({@link #RETENTION_MS}, as Kubernetes' KafkaTopics
 * declare it; a topic that exists gets it set too): the broker's default of 7 days would delete the plans and
 * reports the read models are rebuilt from. Clusters whose topics are declared by operators set
 * {@code doan.kafka.create-topics=false}.
 */
@AutoConfiguration
@ConditionalOnProperty(name = "doan.kafka.create-topics", matchIfMissing = true)
public class KafkaTopicsConfig implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(KafkaTopicsConfig.class);
    private static final long FOREVER = -1;
    /** How long each topic keeps its records, in ms: plans and reports for ever, the tree a year, alerts and deliveries 90 days. */
    public static final Map<String, Long> RETENTION_MS = Map.of(
            Topics.ORG_UNITS, TimeUnit.DAYS.toMillis(365),
            Topics.PLANS, FOREVER,
            Topics.REPORTS, FOREVER,
            Topics.PROGRESS, FOREVER,
            Topics.INDICATOR_ALERTS, TimeUnit.DAYS.toMillis(90),
            Topics.NOTIFICATION_DELIVERIES, TimeUnit.DAYS.toMillis(90));

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
                String retention = String.valueOf(RETENTION_MS.get(topic));
                try {
                    NewTopic newTopic = new NewTopic(topic, partitions, replication).configs(Map.of(
                            "cleanup.policy", Topics.COMPACTED.contains(topic) ? "compact" : "delete", "retention.ms", retention));
                    admin.createTopics(List.of(newTopic)).all().get(30, TimeUnit.SECONDS);
                    log.info("Created topic {} with {} partitions", topic, partitions);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Could not create topic " + topic, e.getCause());
                    }
                    keep(admin, topic, retention);
                } catch (TimeoutException e) {
                    throw new IllegalStateException("Kafka at " + brokers + " did not answer within 30 s", e);
                }
            }
        }
    }

    /** Sets the retention of a topic that exists, created before it had one (a laptop's data directory). */
    private void keep(Admin admin, String topic, String retention) throws InterruptedException {
        try {
            admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, topic),
                    List.of(new AlterConfigOp(new ConfigEntry("retention.ms", retention), AlterConfigOp.OpType.SET))))
                    .all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not set the retention of " + topic, e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka at " + brokers + " did not answer within 30 s", e);
        }
    }
}
