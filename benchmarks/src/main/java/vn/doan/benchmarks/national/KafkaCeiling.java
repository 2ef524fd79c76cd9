package vn.doan.benchmarks.national;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import vn.doan.events.EventCodec;
import vn.doan.events.report.ReportSubmitted;

/**
 * The raw ceiling of this machine: a plain KafkaProducer sends {@code count} records of the given size
 * as fast as it can to a fresh topic of 3 partitions on the same broker, while a plain KafkaConsumer in
 * another thread reads them; no service in between. Default client settings, as the services use.
 */
final class KafkaCeiling {

    /** Records per second to a tenth; latency from produce to consume. */
    record Result(int records, int recordBytes, double producedPerSecond, double producedAndConsumedPerSecond, double latencyP50Ms,
            double latencyP99Ms, double latencyMaxMs) {
    }

    private KafkaCeiling() {
    }

    /** A {@code ReportSubmitted} envelope as report-service's relay puts it on Kafka, of a branch's twelve values. */
    static String reportRecord(String planId, String unitId, List<NationalPlan.Value> values) {
        List<ReportSubmitted.Value> reported = values.stream()
                .map(v -> new ReportSubmitted.Value(v.code(), v.numerator(), v.denominator(), v.doneOn())).toList();
        return EventCodec.toJson(new EventCodec("/report-service", Clock.systemUTC()).wrap(new ReportSubmitted(UUID.randomUUID().toString(), 1,
                planId, unitId, NationalPlan.PERIOD, Instant.now(), LocalDate.of(2026, 12, 15), 0, reported), unitId));
    }

    static Result run(String bootstrap, int count, String sampleRecord) throws Exception {
        String topic = "bench.ceiling." + System.currentTimeMillis();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
        }
        long[] latencies = new long[count];
        AtomicLong consumed = new AtomicLong();
        AtomicLong lastReceived = new AtomicLong();
        Thread reader = new Thread(() -> {
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
                List<TopicPartition> partitions = List.of(new TopicPartition(topic, 0), new TopicPartition(topic, 1), new TopicPartition(topic, 2));
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                while (consumed.get() < count) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
                        long now = System.currentTimeMillis();
                        int i = (int) consumed.getAndIncrement();
                        if (i < count) {
                            latencies[i] = now - r.timestamp();
                        }
                        lastReceived.set(System.nanoTime());
                    }
                }
            }
        }, "bench-ceiling-consumer");
        reader.start();
        Thread.sleep(500);
        long start = System.nanoTime();
        long produced;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(topic, "unit-" + i, sampleRecord));
            }
            producer.flush();
            produced = System.nanoTime();
        }
        reader.join(Duration.ofMinutes(5).toMillis());
        Arrays.sort(latencies);
        return new Result(count, sampleRecord.getBytes(java.nio.charset.StandardCharsets.UTF_8).length,
                Rounding.tenth(count / ((produced - start) / 1e9)), Rounding.tenth(count / ((lastReceived.get() - start) / 1e9)),
                latencies[count / 2], latencies[count * 99 / 100], latencies[count - 1]);
    }
}
