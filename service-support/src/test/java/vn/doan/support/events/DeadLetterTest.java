package vn.doan.support.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.doan.events.EventCodec;
import vn.doan.events.plan.PlanClosed;
import vn.doan.events.plan.UnitCreated;
import vn.doan.events.plan.UnitLevel;
import vn.doan.events.plan.UnitRenamed;
import vn.doan.support.events.app.DeadLetterTestApplication;
import vn.doan.support.events.app.UnitBook;
import vn.doan.support.outbox.OutboxRelay;
import vn.doan.support.test.Backends;
import vn.doan.support.test.HttpJson;
import vn.doan.support.test.KafkaTestClient;
import vn.doan.support.test.TestTokens;

/**
 * On the real in-process Kafka broker: a record whose handler fails for good and a record that is no event go to the
 * dead-letter topic with their reason while the records after them on the same partition are applied; the operator
 * replays them after the fix, over HTTP, and the fixed one is applied once.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(classes = DeadLetterTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.import=classpath:doan-service-defaults.yml", "spring.application.name=" + DeadLetterTest.SERVICE})
class DeadLetterTest {

    static final String UNITS = "doan.test.org-units-" + UUID.randomUUID().toString().substring(0, 8);
    static final String PLANS = "doan.test.plans-" + UUID.randomUUID().toString().substring(0, 8);
    static final String SERVICE = "dead-letter-test";
    static final LocalDate JULY = LocalDate.of(2025, 7, 1);
    static final EventCodec CODEC = new EventCodec("/plan-service", Clock.system(EventCodec.ZONE));
    static final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            Backends.embedded().kafkaBootstrap(), ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());

    @DynamicPropertySource
    static void service(DynamicPropertyRegistry registry) {
        Backends.embedded().register(registry, "dead_letter_test");
        registry.add("spring.cloud.function.definition", () -> "onUnitEvent;onPlanEvent");
        registry.add("spring.cloud.stream.bindings.onUnitEvent-in-0.destination", () -> UNITS);
        registry.add("spring.cloud.stream.bindings.onUnitEvent-in-0.group", () -> SERVICE);
        registry.add("spring.cloud.stream.bindings.onUnitEvent-in-0.consumer.batch-mode", () -> "true");
        registry.add("spring.cloud.stream.kafka.bindings.onUnitEvent-in-0.consumer.start-offset", () -> "earliest");
        registry.add("spring.cloud.stream.bindings.onPlanEvent-in-0.destination", () -> PLANS);
        registry.add("spring.cloud.stream.bindings.onPlanEvent-in-0.group", () -> SERVICE);
        registry.add("spring.cloud.stream.kafka.bindings.onPlanEvent-in-0.consumer.start-offset", () -> "earliest");
    }

    @Autowired
    UnitBook book;
    @LocalServerPort
    int port;

    static final KafkaTestClient kafka = new KafkaTestClient(Backends.embedded().kafkaBootstrap(), "/test");

    @AfterAll
    static void close() {
        producer.close();
        kafka.close();
    }

    @Test
    void aRecordThatFailsForGoodAndOneThatIsNoEventAreDeadLetteredTheRestOfThePartitionIsAppliedAndTheFixedOneIsReplayedOnce(
            CapturedOutput log) {
        HttpJson http = new HttpJson("http://127.0.0.1:" + port);
        String longName = "Đoàn xã Xuân Hòa (sáp nhập Thọ Lập)";
        RecordMetadata created = send(UNITS, event(new UnitCreated("u-tholap", "TX-THOLAP", "Đoàn xã Thọ Lập", UnitLevel.GRASSROOTS,
                "Đoàn xã", "u-thoxuan", List.of("u-thanhhoa", "u-thoxuan"), JULY)), "corr-tao-tholap");
        RecordMetadata poison = send(UNITS, event(new UnitRenamed("u-tholap", "Đoàn xã Thọ Lập", longName, JULY)), "corr-doi-ten");
        RecordMetadata garbled = send(UNITS, "{\"specversion\":\"1.0\",\"type\":".getBytes(StandardCharsets.UTF_8), "corr-hong");
        RecordMetadata after = send(UNITS, event(new UnitCreated("u-xuanhoa", "TX-XUANHOA", "Đoàn xã Xuân Hòa", UnitLevel.GRASSROOTS,
                "Đoàn xã", "u-thoxuan", List.of("u-thanhhoa", "u-thoxuan"), JULY)), "corr-tao-xuanhoa");
        RecordMetadata renamedAfter = send(UNITS, event(new UnitRenamed("u-xuanhoa", "Đoàn xã Xuân Hòa", "Đoàn xã Xuân Hòa mới", JULY)),
                "corr-doi-ten-xuanhoa");
        assertThat(List.of(poison.partition(), garbled.partition(), after.partition(), renamedAfter.partition()))
                .as("one key, one partition").containsOnly(created.partition());

        await(() -> book.applied.contains("renamed u-xuanhoa corr-doi-ten-xuanhoa"));
        assertThat(book.applied).contains("created u-tholap corr-tao-tholap", "created u-xuanhoa corr-tao-xuanhoa")
                .noneMatch(applied -> applied.startsWith("renamed u-tholap"));
        assertThat(book.names).containsEntry("u-tholap", "Đoàn xã Thọ Lập").containsEntry("u-xuanhoa", "Đoàn xã Xuân Hòa mới");

        String deadLetterTopic = UNITS + "." + SERVICE + ".dlt";
        List<ConsumerRecord<String, String>> deadLetters = kafka.read(deadLetterTopic, Duration.ofSeconds(20), read -> read.size() >= 2);
        assertThat(deadLetters).hasSize(2);
        ConsumerRecord<String, String> failed = deadLetters.get(0);
        assertThat(failed.key()).isEqualTo("u-tholap");
        assertThat(EventCodec.data(KafkaTestClient.envelope(failed))).contains(new UnitRenamed("u-tholap", "Đoàn xã Thọ Lập", longName, JULY));
        assertThat(headers(failed)).containsEntry("kafka_dlt-original-topic", UNITS)
                .containsEntry(DeadLetters.SERVICE_HEADER, SERVICE)
                .containsEntry(DeadLetters.ORIGIN_HEADER, UNITS + "/" + poison.partition() + "@" + poison.offset())
                .containsEntry(DeadLetters.EXCEPTION_HEADER, "java.lang.IllegalArgumentException")
                .containsEntry(DeadLetters.REASON_HEADER, "Tên đơn vị dài 35 ký tự, quá 30")
                .containsEntry(OutboxRelay.CORRELATION_HEADER, "corr-doi-ten");
        assertThat(ByteBuffer.wrap(failed.headers().lastHeader("kafka_dlt-original-partition").value()).getInt()).isEqualTo(poison.partition());
        assertThat(ByteBuffer.wrap(failed.headers().lastHeader("kafka_dlt-original-offset").value()).getLong()).isEqualTo(poison.offset());
        ConsumerRecord<String, String> noEvent = deadLetters.get(1);
        assertThat(noEvent.value()).isEqualTo("{\"specversion\":\"1.0\",\"type\":");
        assertThat(headers(noEvent)).containsEntry(DeadLetters.ORIGIN_HEADER, UNITS + "/" + garbled.partition() + "@" + garbled.offset())
                .containsEntry(DeadLetters.EXCEPTION_HEADER, EventInput.NotAnEvent.class.getName())
                .containsEntry(OutboxRelay.CORRELATION_HEADER, "corr-hong");
        assertThat(headers(noEvent).get(DeadLetters.REASON_HEADER)).startsWith("not an event (");
        // the log lines of each failure carry the correlation id of the record, as the request that caused it logged it
        assertThat(log.getOut().lines().filter(line -> line.contains("Unit events, one event at a time failed 3 times, giving up")))
                .isNotEmpty().allMatch(line -> line.contains(" [corr-doi-ten] "));
        assertThat(log.getOut().lines().filter(line -> line.contains("Moved " + UNITS + "-" + poison.partition() + "@" + poison.offset())))
                .singleElement().asString().contains(" [corr-doi-ten] vn.doan.support.events.DeadLetters");
        assertThat(log.getOut().lines().filter(line -> line.contains("Moved " + UNITS + "-" + garbled.partition() + "@" + garbled.offset())))
                .singleElement().asString().contains(" [corr-hong] vn.doan.support.events.DeadLetters");
        assertThat(log.getOut().lines().filter(line -> line.matches(".* --- \\[[^\\]]*\\] \\[[^\\]]*\\] \\[\\] .*")))
                .as("no empty brackets where the log context has no correlation id").isEmpty();

        assertThat(http.get("/actuator/prometheus").body().asString())
                .contains("doan_events_dead_lettered_total{application=\"" + SERVICE + "\",service=\"" + SERVICE + "\",topic=\"" + UNITS + "\"} 2.0");
        assertThat(http.anonymous().get("/actuator/deadletters").body().get(deadLetterTopic).asLong()).isEqualTo(2);
        assertThat(http.as(TestTokens.cadre("bt.thoxuan", "u-thoxuan")).post("/actuator/deadletters", Map.of("topic", deadLetterTopic)).status())
                .as("only the administrator replays").isEqualTo(403);

        book.longestName = 100;
        HttpJson.Response replayed = http.post("/actuator/deadletters", Map.of("topic", deadLetterTopic));
        assertThat(replayed.status()).isEqualTo(200);
        assertThat(replayed.body().get("replayed").asInt()).isEqualTo(2);
        await(() -> book.names.get("u-tholap").equals(longName));
        assertThat(book.applied).containsOnlyOnce("renamed u-tholap corr-doi-ten");

        // The record that is no event fails again, back in the dead-letter topic; replaying again sends only it.
        await(() -> kafka.readToEnd(deadLetterTopic).size() == 3);
        assertThat(http.post("/actuator/deadletters", Map.of("topic", deadLetterTopic)).body().get("replayed").asInt()).isEqualTo(1);
        await(() -> kafka.readToEnd(deadLetterTopic).size() == 4);
        assertThat(book.applied).containsOnlyOnce("renamed u-tholap corr-doi-ten");
        assertThat(book.names).containsEntry("u-tholap", longName).containsEntry("u-xuanhoa", "Đoàn xã Xuân Hòa mới");
    }

    @Test
    void aRecordOfAOneAtATimeBindingThatFailsForGoodIsDeadLetteredAndTheNextIsApplied() {
        book.unclosable = "p-55";
        RecordMetadata poison = send(PLANS, event(new PlanClosed("p-55", "u-thoxuan", JULY, "Hết giai đoạn")), "corr-dong-55");
        send(PLANS, event(new PlanClosed("p-54", "u-thoxuan", JULY, "Hết giai đoạn")), "corr-dong-54");

        await(() -> book.closed.contains("p-54"));
        List<ConsumerRecord<String, String>> deadLetters = kafka.read(PLANS + "." + SERVICE + ".dlt", Duration.ofSeconds(20), read -> !read.isEmpty());
        assertThat(deadLetters).hasSize(1);
        assertThat(headers(deadLetters.get(0))).containsEntry(DeadLetters.ORIGIN_HEADER, PLANS + "/" + poison.partition() + "@" + poison.offset())
                .containsEntry(DeadLetters.EXCEPTION_HEADER, "java.lang.IllegalStateException")
                .containsEntry(DeadLetters.REASON_HEADER, "Kế hoạch p-55 chưa có kỳ báo cáo nào");
        assertThat(book.closed).containsExactly("p-54");
    }

    private static Map<String, String> headers(ConsumerRecord<String, String> record) {
        Map<String, String> headers = new java.util.HashMap<>();
        record.headers().forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
        return headers;
    }

    private static byte[] event(Object data) {
        return EventCodec.toJson(CODEC.wrap(data, "u-tholap")).getBytes(StandardCharsets.UTF_8);
    }

    private static RecordMetadata send(String topic, byte[] value, String correlationId) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, "u-tholap", value);
        record.headers().add(OutboxRelay.CORRELATION_HEADER, correlationId.getBytes(StandardCharsets.UTF_8));
        try {
            return producer.send(record).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(BooleanSupplier done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 30 s").isLessThan(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
