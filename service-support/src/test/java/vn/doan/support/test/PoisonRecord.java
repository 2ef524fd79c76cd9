package vn.doan.support.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import vn.doan.support.events.DeadLetterReplay;
import vn.doan.support.events.DeadLetters;
import vn.doan.support.events.EventInput;
import vn.doan.support.outbox.OutboxRelay;

/**
 * A record sent on purpose to a service's binding that can never be processed (a CloudEvents envelope cut short), and
 * where it must end up: the binding's dead-letter topic, with its origin, reason and correlation id, counted; and back on
 * its topic when the operator replays it (where it fails again, for it is still broken).
 */
public final class PoisonRecord {

    public static final String VALUE = "{\"specversion\":\"1.0\",\"type\":";

    private final String topic;
    private final String group;
    private final RecordMetadata sent;
    private final String correlationId;

    private PoisonRecord(String topic, String group, RecordMetadata sent, String correlationId) {
        this.topic = topic;
        this.group = group;
        this.sent = sent;
        this.correlationId = correlationId;
    }

    /** Sends it to {@code topic} under {@code key}, as a request with {@code correlationId} would have; {@code group} consumes it. */
    public static PoisonRecord send(String topic, String group, String key, String correlationId) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                Backends.embedded().kafkaBootstrap(), ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, VALUE);
            record.headers().add(OutboxRelay.CORRELATION_HEADER, correlationId.getBytes(StandardCharsets.UTF_8));
            return new PoisonRecord(topic, group, producer.send(record).get(), correlationId);
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    public int partition() {
        return sent.partition();
    }

    public String deadLetterTopic() {
        return DeadLetters.topicOf(topic, group);
    }

    /**
     * It is in the dead-letter topic, once, with its origin, reason and correlation id, and counted for {@code service};
     * the operator's replay puts it back, where it fails again: two dead letters, counted twice.
     */
    public void assertDeadLetteredAndReplayed(String service, MeterRegistry registry, DeadLetterReplay replay) {
        try (KafkaTestClient kafka = new KafkaTestClient(Backends.embedded().kafkaBootstrap(), "/test")) {
            List<ConsumerRecord<String, String>> deadLetters = kafka.read(deadLetterTopic(), Duration.ofSeconds(30), read -> !read.isEmpty());
            assertThat(deadLetters).singleElement().satisfies(deadLetter -> {
                assertThat(deadLetter.value()).isEqualTo(VALUE);
                assertThat(headers(deadLetter)).containsEntry("kafka_dlt-original-topic", topic)
                        .containsEntry(DeadLetters.SERVICE_HEADER, service)
                        .containsEntry(DeadLetters.ORIGIN_HEADER, topic + "/" + sent.partition() + "@" + sent.offset())
                        .containsEntry(DeadLetters.EXCEPTION_HEADER, EventInput.NotAnEvent.class.getName())
                        .containsEntry(OutboxRelay.CORRELATION_HEADER, correlationId);
                assertThat(headers(deadLetter).get(DeadLetters.REASON_HEADER)).startsWith("not an event (");
            });
            awaitCounted(service, registry, 1.0);

            assertThat(replay.waiting()).containsEntry(deadLetterTopic(), 1L);
            assertThat(replay.replay(deadLetterTopic())).containsEntry("replayed", 1);
            assertThat(kafka.read(deadLetterTopic(), Duration.ofSeconds(30), read -> read.size() >= 2)).as("failed again after the replay")
                    .hasSize(2);
            awaitCounted(service, registry, 2.0);
        }
    }

    /** The counter goes up just after the dead letter is written: waits a little for it. */
    private void awaitCounted(String service, MeterRegistry registry, double expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (counted(service, registry) < expected && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        assertThat(counted(service, registry)).as("doan_events_dead_lettered_total of " + topic).isEqualTo(expected);
    }

    private double counted(String service, MeterRegistry registry) {
        return registry.get("doan.events.dead.lettered").tag("service", service).tag("topic", topic).counter().count();
    }

    private static Map<String, String> headers(ConsumerRecord<String, String> record) {
        Map<String, String> headers = new HashMap<>();
        record.headers().forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
        return headers;
    }
}
