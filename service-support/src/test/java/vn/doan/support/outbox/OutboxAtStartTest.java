package vn.doan.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.doan.events.EventCodec;
import vn.doan.events.EventEnvelope;
import vn.doan.events.Topics;
import vn.doan.events.plan.UnitDissolved;
import vn.doan.support.test.Backends;
import vn.doan.support.test.KafkaTestClient;

/**
 * A service started as Spring Boot starts it, on the real in-process Kafka broker and the MongoDB wire server: the relay
 * drains the collections of the document classes marked {@link PublishesEvents}, with no collection configured, and its
 * first run finds the events a stopped instance left there before any new write.
 */
class OutboxAtStartTest {

    /** An application whose package holds the marked {@link GrassrootsUnit} and the unmarked {@link AuditNote}. */
    @Configuration
    @AutoConfigurationPackage
    static class Application {
        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }

        @Bean
        EventCodec eventCodec() {
            return new EventCodec("/plan-service", Clock.system(EventCodec.ZONE));
        }
    }

    @Test
    void eventsAStoppedInstanceLeftInAMarkedCollectionReachKafkaAtStart() throws Exception {
        String database = "outbox_at_start_" + UUID.randomUUID().toString().substring(0, 8);
        String xuanThang = "xuan-thang-" + UUID.randomUUID();
        EventEnvelope dissolved = new EventCodec("/plan-service", Clock.system(EventCodec.ZONE))
                .wrap(new UnitDissolved(xuanThang, LocalDate.of(2026, 1, 1), "Sáp nhập"), xuanThang);
        try (MongoClient client = MongoClients.create(Backends.embedded().mongoUri())) {
            client.getDatabase(database).getCollection("outbox_test_units").insertOne(new Document("_id", xuanThang)
                    .append("name", "Đoàn xã Xuân Thắng").append("outbox", List.of(left(dissolved))));
            client.getDatabase(database).getCollection("outbox_test_notes").insertOne(new Document("_id", "note-" + xuanThang)
                    .append("outbox", List.of(left(dissolved))));

            new ApplicationContextRunner()
                    .withConfiguration(AutoConfigurations.of(MongoAutoConfiguration.class, DataMongoAutoConfiguration.class,
                            OutboxConfig.class))
                    .withUserConfiguration(Application.class)
                    .withPropertyValues("spring.mongodb.uri=" + Backends.embedded().mongoUri(),
                            "spring.mongodb.database=" + database,
                            "spring.cloud.stream.kafka.binder.brokers=" + Backends.embedded().kafkaBootstrap(),
                            "doan.outbox.interval=50ms", "doan.outbox.sweep-interval=1h")
                    .run(context -> {
                        assertThat(context).hasNotFailed();
                        try (KafkaTestClient kafka = new KafkaTestClient(Backends.embedded().kafkaBootstrap(), "/test")) {
                            List<ConsumerRecord<String, String>> arrived = kafka.read(Topics.ORG_UNITS, Duration.ofSeconds(20),
                                    read -> read.stream().anyMatch(r -> xuanThang.equals(r.key())));
                            assertThat(arrived.stream().filter(r -> xuanThang.equals(r.key())).map(r -> KafkaTestClient.envelope(r).id()))
                                    .containsExactly(dissolved.id());
                        }
                        await(() -> client.getDatabase(database).getCollection("outbox_test_units")
                                .find(new Document("_id", xuanThang)).first().getList("outbox", Document.class).isEmpty());
                        Thread.sleep(500);
                    });
            assertThat(client.getDatabase(database).getCollection("outbox_test_notes").find().first().getList("outbox", Document.class))
                    .as("an unmarked collection is not the relay's").hasSize(1);
        }
    }

    /** The event as a writer stored it in an outbox. */
    private static Document left(EventEnvelope envelope) {
        return new Document("eventId", envelope.id()).append("topic", Topics.ORG_UNITS).append("key", envelope.subject())
                .append("json", EventCodec.toJson(envelope)).append("createdAt", Date.from(envelope.time().toInstant()));
    }

    private static void await(java.util.function.BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 10 s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
