package vn.doan.support.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import vn.doan.events.EventCodec;

/**
 * The {@link Outbox} writers use and the relay behind it. The relay drains the collections of the stored document
 * classes marked {@link PublishesEvents}, read from Spring Data's mapping context (Spring Boot registers the
 * application's {@code @Document} classes there at start). It talks to
 * Kafka with the plain Apache Kafka producer rather than StreamBridge: it needs the acknowledgement of each record of a
 * pipelined batch before it may remove the batch from MongoDB. The producer is made at the first send, so a service with
 * nothing to publish opens no connection for it.
 */
@AutoConfiguration
@EnableScheduling
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxConfig {

    @Bean(destroyMethod = "close")
    @Lazy
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
    OutboxRelay outboxRelay(MongoTemplate mongo, @Lazy Producer<String, byte[]> outboxProducer, OutboxProperties properties,
            MeterRegistry registry) {
        return new OutboxRelay(mongo, outboxProducer, collections(mongo), properties.sweepInterval(), registry);
    }

    @Bean
    Outbox outbox(MongoTemplate mongo, OutboxRelay outboxRelay, EventCodec codec, OutboxProperties properties) {
        return new Outbox(mongo, outboxRelay, codec, properties.maxEventBytes());
    }

    /** The collections of the marked document classes. */
    static List<String> collections(MongoTemplate mongo) {
        Set<String> collections = new LinkedHashSet<>();
        mongo.getConverter().getMappingContext().getPersistentEntities().stream()
                .filter(entity -> PublishesEvents.class.isAssignableFrom(entity.getType()))
                .forEach(entity -> collections.add(entity.getCollection()));
        return List.copyOf(collections);
    }
}
