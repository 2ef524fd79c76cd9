package vn.doan.support.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The relay talks to Kafka with the plain Apache Kafka producer rather than StreamBridge: it needs the
 * acknowledgement of each record of a pipelined batch before it may remove the batch from MongoDB.
 */
@AutoConfiguration
@EnableScheduling
@ConditionalOnProperty("doan.outbox.collections")
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxConfig {

    @Bean(destroyMethod = "close")
    Producer<String, byte[]> outboxProducer(@Value("${spring.cloud.stream.kafka.binder.brokers}") String brokers) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15000,
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, OutboxProperties.MAX_REQUEST_BYTES),
                new StringSerializer(), new ByteArraySerializer());
    }

    @Bean
    OutboxRelay outboxRelay(MongoTemplate mongo, Producer<String, byte[]> outboxProducer, OutboxProperties properties,
            MeterRegistry registry) {
        return new OutboxRelay(mongo, outboxProducer, properties.collections(), properties.sweepInterval(), registry);
    }
}
