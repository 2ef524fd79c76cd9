package vn.doan.notificationservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.doan.events.EventCodec;
import vn.doan.events.indicator.IndicatorOffTrack;
import vn.doan.events.indicator.TargetAchieved;
import vn.doan.events.report.ReportReturned;
import vn.doan.events.report.ReportSubmitted;
import vn.doan.support.events.DeadLetters;
import vn.doan.support.events.EventInput;
import vn.doan.support.test.Backends;
import vn.doan.support.test.HttpJson;
import vn.doan.support.test.KafkaTestClient;

/**
 * On the real in-process Kafka broker and the MongoDB wire server: a poll of reports (and one of alerts) with a record that
 * is no event and one whose handling fails for good. Only those two go to the dead-letter topic, with their reasons; the
 * others are applied, the metric counts two, and the operator's replay puts them back (where they fail again, and nothing
 * else changes). The records of a poll are sent as one producer batch, so the consumer fetches them together.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=notification-service", "doan.reminders.interval=1h", "doan.deliveries.interval=1h",
        "doan.outbox.sweep-interval=1h", "doan.digest.at=23:59",
        "spring.cloud.stream.bindings.onUnitEvent-in-0.group=" + PoisonRecordEmbeddedTest.GROUP,
        "spring.cloud.stream.bindings.onPlanEvent-in-0.group=" + PoisonRecordEmbeddedTest.GROUP,
        "spring.cloud.stream.bindings.onReportEvent-in-0.group=" + PoisonRecordEmbeddedTest.GROUP,
        "spring.cloud.stream.bindings.onAlertEvent-in-0.group=" + PoisonRecordEmbeddedTest.GROUP})
class PoisonRecordEmbeddedTest {

    static final String GROUP = "notification-poison-test";
    static final String REPORTS = "doan.report.reports.v1";
    static final String ALERTS = "doan.indicator.alerts.v1";
    static final byte[] GARBLED = "{\"specversion\":\"1.0\",\"type\":".getBytes(StandardCharsets.UTF_8);
    static final Instant MAY_16 = Instant.parse("2026-05-16T02:00:00Z");
    static final LocalDate DUE = LocalDate.of(2026, 5, 15);
    static KafkaTestClient kafka;
    static KafkaProducer<String, byte[]> batches;

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        Backends.embedded().register(registry, "notification_poison_test");
    }

    @BeforeAll
    static void clients() {
        kafka = new KafkaTestClient(Backends.embedded().kafkaBootstrap(), "/plan-service");
        batches = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Backends.embedded().kafkaBootstrap(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 60_000, ProducerConfig.BATCH_SIZE_CONFIG, 1_000_000),
                new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    static void close() {
        batches.close();
        kafka.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;

    @Test
    void ofAPollOfReportsOnlyTheRecordThatIsNoEventAndTheOneThatFailsForGoodAreDeadLetteredAndTheOperatorReplaysThem() {
        ThoXuan t = plan();
        EventCodec reportService = new EventCodec("/report-service", Clock.system(EventCodec.ZONE));
        ReportSubmitted noPeriod = submitted(t, t.school, null);
        List<RecordMetadata> sent = sendAsOneBatch(REPORTS, t.district, List.of(
                json(reportService, submitted(t, t.thoLap, ThoXuan.PERIOD), t.thoLap),
                json(reportService, new ReportReturned("r-" + t.xuanHoa, 1, t.plan, t.xuanHoa, ThoXuan.PERIOD,
                        "Số liệu tập huấn chưa khớp với danh sách", "bt-huyendoan", MAY_16), t.xuanHoa),
                GARBLED,
                json(reportService, submitted(t, t.xuanHoa, ThoXuan.PERIOD), t.xuanHoa),
                json(reportService, noPeriod, t.school),
                json(reportService, submitted(t, t.school, ThoXuan.PERIOD), t.school)));

        NotificationServiceIntegrationTests.await(() -> submittedUnits(t).size() == 3);
        assertThat(submittedUnits(t)).containsExactlyInAnyOrder(t.thoLap, t.xuanHoa, t.school);
        assertThat(mongo.getCollection("notifications").countDocuments(new Document("_id", "returned|r-" + t.xuanHoa + "|1")))
                .as("the returned report before the record that is no event is told").isEqualTo(1);

        String deadLetterTopic = DeadLetters.topicOf(REPORTS, GROUP);
        List<ConsumerRecord<String, String>> deadLetters = kafka.read(deadLetterTopic, Duration.ofSeconds(30), read -> read.size() >= 2);
        assertThat(deadLetters).hasSize(2);
        assertThat(deadLetters.get(0).value()).isEqualTo(new String(GARBLED, StandardCharsets.UTF_8));
        assertThat(headers(deadLetters.get(0))).containsEntry(DeadLetters.ORIGIN_HEADER, origin(sent.get(2)))
                .containsEntry(DeadLetters.EXCEPTION_HEADER, EventInput.NotAnEvent.class.getName())
                .containsEntry("kafka_dlt-original-topic", REPORTS);
        assertThat(headers(deadLetters.get(0)).get(DeadLetters.REASON_HEADER)).startsWith("not an event (");
        assertThat(EventCodec.data(KafkaTestClient.envelope(deadLetters.get(1)))).contains(noPeriod);
        assertThat(headers(deadLetters.get(1))).containsEntry(DeadLetters.ORIGIN_HEADER, origin(sent.get(4)))
                .containsEntry(DeadLetters.EXCEPTION_HEADER, IllegalArgumentException.class.getName())
                .containsEntry(DeadLetters.REASON_HEADER, "plan, period and unit are all required");
        HttpJson http = new HttpJson("http://127.0.0.1:" + port);
        assertThat(deadLettered(http, REPORTS)).isEqualTo("2.0");

        assertThat(http.get("/actuator/deadletters").body().get(deadLetterTopic).asLong()).isEqualTo(2);
        HttpJson.Response replayed = http.post("/actuator/deadletters", Map.of("topic", deadLetterTopic));
        assertThat(replayed.status()).isEqualTo(200);
        assertThat(replayed.body().get("replayed").asInt()).isEqualTo(2);
        NotificationServiceIntegrationTests.await(() -> kafka.readToEnd(deadLetterTopic).size() == 4);
        assertThat(deadLettered(http, REPORTS)).as("both failed again after the replay").isEqualTo("4.0");
        assertThat(http.get("/actuator/deadletters").body().get(deadLetterTopic).asLong()).isEqualTo(2);
        assertThat(submittedUnits(t)).containsExactlyInAnyOrder(t.thoLap, t.xuanHoa, t.school);
    }

    @Test
    void ofAPollOfAlertsOnlyTheRecordThatIsNoEventIsDeadLetteredAndTheLastAlertOfEachIndicatorWins() {
        ThoXuan t = plan();
        EventCodec indicatorService = new EventCodec("/indicator-service", Clock.system(EventCodec.ZONE));
        List<RecordMetadata> sent = sendAsOneBatch(ALERTS, t.district, List.of(
                json(indicatorService, offTrack(t, t.thoLap, "84.99"), t.thoLap),
                json(indicatorService, offTrack(t, t.xuanHoa, "60"), t.xuanHoa),
                GARBLED,
                json(indicatorService, new TargetAchieved(t.plan, ThoXuan.PERIOD, t.thoLap, "CT01", new BigDecimal("85"), new BigDecimal("85"),
                        MAY_16.plusSeconds(60)), t.thoLap),
                json(indicatorService, offTrack(t, t.school, "50"), t.school)));

        String deadLetterTopic = DeadLetters.topicOf(ALERTS, GROUP);
        List<ConsumerRecord<String, String>> deadLetters = kafka.read(deadLetterTopic, Duration.ofSeconds(30), read -> !read.isEmpty());
        NotificationServiceIntegrationTests.await(() -> offTrackUnits(t).contains(t.school));
        assertThat(offTrackUnits(t)).as("Thọ Lập achieved its target after it was off track").containsExactlyInAnyOrder(t.xuanHoa, t.school);
        assertThat(deadLetters).hasSize(1);
        assertThat(headers(deadLetters.get(0))).containsEntry(DeadLetters.ORIGIN_HEADER, origin(sent.get(2)))
                .containsEntry(DeadLetters.EXCEPTION_HEADER, EventInput.NotAnEvent.class.getName());
        assertThat(deadLettered(new HttpJson("http://127.0.0.1:" + port), ALERTS)).isEqualTo("1.0");
    }

    /** The district's plan, its period due 15/05/2026, with its three communes known here. */
    private ThoXuan plan() {
        ThoXuan t = new ThoXuan().units(kafka);
        kafka.publish(t.plan(DUE, null), t.district);
        NotificationServiceIntegrationTests.await(() -> t.planToldToEachUnit(mongo));
        return t;
    }

    private static ReportSubmitted submitted(ThoXuan t, String unit, String period) {
        return new ReportSubmitted("r-" + unit, 1, t.plan, unit, period, MAY_16, DUE, 1, List.of(new ReportSubmitted.Value("CT01", 18, 20L, null)));
    }

    private static IndicatorOffTrack offTrack(ThoXuan t, String unit, String value) {
        return new IndicatorOffTrack(t.plan, ThoXuan.PERIOD, unit, "CT01", "BTG", new BigDecimal(value), new BigDecimal("85"), MAY_16);
    }

    private List<String> submittedUnits(ThoXuan t) {
        List<String> units = new ArrayList<>();
        mongo.getCollection("submissions").find(new Document("planId", t.plan)).forEach(d -> units.add(d.getString("unitId")));
        return units;
    }

    private List<String> offTrackUnits(ThoXuan t) {
        List<String> units = new ArrayList<>();
        mongo.getCollection("offtrack").find(new Document("planId", t.plan)).forEach(d -> units.add(d.getString("unitId")));
        return units;
    }

    private static String deadLettered(HttpJson http, String topic) {
        String prefix = "doan_events_dead_lettered_total{application=\"notification-service\",service=\"notification-service\",topic=\""
                + topic + "\"} ";
        return http.get("/actuator/prometheus").body().asString().lines().filter(line -> line.startsWith(prefix))
                .map(line -> line.substring(prefix.length())).findFirst().orElse("none");
    }

    private static byte[] json(EventCodec codec, Object event, String unitId) {
        return EventCodec.toJson(codec.wrap(event, unitId)).getBytes(StandardCharsets.UTF_8);
    }

    /** Sends the records under one key (one partition, in order) and in one producer batch, so that one fetch brings them all. */
    private static List<RecordMetadata> sendAsOneBatch(String topic, String key, List<byte[]> values) {
        List<Future<RecordMetadata>> pending = values.stream().map(value -> batches.send(new ProducerRecord<>(topic, key, value))).toList();
        batches.flush();
        try {
            List<RecordMetadata> sent = new ArrayList<>();
            for (Future<RecordMetadata> each : pending) {
                sent.add(each.get());
            }
            return sent;
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String origin(RecordMetadata record) {
        return record.topic() + "/" + record.partition() + "@" + record.offset();
    }

    private static Map<String, String> headers(ConsumerRecord<String, String> record) {
        Map<String, String> headers = new HashMap<>();
        record.headers().forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
        return headers;
    }
}
