package vn.doan.support.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * The operator's way back for dead letters, once the cause is fixed: {@code GET /actuator/deadletters} tells how many wait
 * in each of the service's dead-letter topics, {@code POST /actuator/deadletters {"topic": "<dead-letter topic>"}}
 * (administrator only) puts each waiting one back on its original topic, with its key, value and correlation id, and
 * marks it replayed (the committed offsets of the group {@code <dead-letter topic>.replay}), so a second replay sends
 * nothing again. Every consumer group of the original topic reads it again; all take an event twice without effect.
 */
@Endpoint(id = "deadletters")
public class DeadLetterReplay {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterReplay.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration LONGEST = Duration.ofSeconds(60);

    private final DeadLetters deadLetters;

    public DeadLetterReplay(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    /** Dead letters not replayed yet, per dead-letter topic. */
    @ReadOperation
    public Map<String, Long> waiting() {
        Map<String, Long> waiting = new LinkedHashMap<>();
        for (String topic : deadLetters.topics().stream().sorted().toList()) {
            try (KafkaConsumer<byte[], byte[]> consumer = consumer(topic)) {
                List<TopicPartition> partitions = partitions(consumer, topic);
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
                waiting.put(topic, partitions.stream().mapToLong(p -> end.get(p) - consumer.position(p)).sum());
            }
        }
        return waiting;
    }

    /** Puts every dead letter of {@code topic} not replayed yet back on its original topic; returns how many. */
    @WriteOperation
    public Map<String, Object> replay(String topic) {
        if (!deadLetters.topics().contains(topic)) {
            throw new IllegalArgumentException("Not a dead-letter topic of this service: " + topic + "; these are: " + deadLetters.topics());
        }
        int replayed = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(topic)) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + LONGEST.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
                for (ConsumerRecord<byte[], byte[]> deadLetter : consumer.poll(POLL)) {
                    TopicPartition partition = new TopicPartition(deadLetter.topic(), deadLetter.partition());
                    if (deadLetter.offset() >= end.get(partition)) {
                        continue;
                    }
                    send(deadLetter);
                    replayed++;
                    done.put(partition, new OffsetAndMetadata(deadLetter.offset() + 1));
                }
                consumer.commitSync(done);
            }
        }
        log.info("Replayed {} dead letters of {}", replayed, topic);
        return Map.of("topic", topic, "replayed", replayed);
    }

    private void send(ConsumerRecord<byte[], byte[]> deadLetter) {
        Header original = deadLetter.headers().lastHeader("kafka_dlt-original-topic");
        if (original == null) {
            throw new IllegalStateException("Dead letter " + deadLetter.topic() + "-" + deadLetter.partition() + "@" + deadLetter.offset()
                    + " names no original topic");
        }
        RecordHeaders headers = new RecordHeaders();
        for (Header header : deadLetter.headers()) {
            if (!header.key().startsWith("kafka_dlt-") && !header.key().startsWith("doan-dead-letter-")) {
                headers.add(header);
            }
        }
        String topic = new String(original.value(), StandardCharsets.UTF_8);
        try {
            deadLetters.template().send(new ProducerRecord<>(topic, null, deadLetter.key(), deadLetter.value(), headers)).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not put a dead letter back on " + topic, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while replaying to " + topic, e);
        }
    }

    private KafkaConsumer<byte[], byte[]> consumer(String topic) {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, deadLetters.brokers(),
                ConsumerConfig.GROUP_ID_CONFIG, topic + ".replay", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** The topic's partitions, each positioned after the last dead letter replayed. */
    private static List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer, String topic) {
        List<TopicPartition> partitions = new ArrayList<>();
        consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        consumer.assign(partitions);
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(java.util.Set.copyOf(partitions));
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata replayedUpTo = committed.get(partition);
            if (replayedUpTo == null) {
                consumer.seekToBeginning(List.of(partition));
            } else {
                consumer.seek(partition, replayedUpTo.offset());
            }
        }
        return partitions;
    }
}
