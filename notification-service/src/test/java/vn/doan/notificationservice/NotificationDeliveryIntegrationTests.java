package vn.doan.notificationservice;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.doan.notificationservice.NotificationServiceIntegrationTests.await;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import vn.doan.events.EventCodec;
import vn.doan.events.EventEnvelope;
import vn.doan.events.Topics;
import vn.doan.events.indicator.IndicatorOffTrack;
import vn.doan.events.indicator.TargetAchieved;
import vn.doan.events.plan.IndicatorKind;
import vn.doan.events.plan.UnitCreated;
import vn.doan.events.plan.UnitDissolved;
import vn.doan.events.plan.UnitLevel;
import vn.doan.events.plan.UnitMoved;
import vn.doan.events.plan.UnitRenamed;
import vn.doan.events.report.ReportReturned;
import vn.doan.events.report.ReportSubmitted;
import vn.doan.notificationservice.delivery.ChannelType;
import vn.doan.notificationservice.delivery.DeliverySweep;
import vn.doan.notificationservice.digest.DigestSweep;
import vn.doan.notificationservice.notice.Notifier;
import vn.doan.notificationservice.recipient.Recipient;
import vn.doan.notificationservice.recipient.Role;
import vn.doan.notificationservice.reminder.ReminderSweep;
import vn.doan.support.test.Connections;
import vn.doan.support.test.HttpJson;
import vn.doan.support.test.KafkaTestClient;
import vn.doan.support.test.TestTokens;
import vn.doan.support.test.MutableClock;

/**
 * Reminders, alerts and digests reaching people: over a real SMTP server (GreenMail), a real webhook
 * endpoint and the in-app inbox with its live stream, with events from a real Kafka broker and a clock
 * the test moves. The sweeps run when the test calls them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=notification-service",
        "doan.reminders.interval=1h", "doan.deliveries.interval=1h", "doan.deliveries.max-attempts=3", "doan.deliveries.first-retry=30s",
        "doan.inbox.stream-poll=200ms", "doan.outbox.sweep-interval=1h",
        // the test's webhook receivers listen on 127.0.0.1; the name localhost is not trusted
        "doan.notifications.webhook.allowed-hosts=127.0.0.1",
        "spring.cloud.stream.bindings.onUnitEvent-in-0.group=notification-delivery-test",
        "spring.cloud.stream.bindings.onPlanEvent-in-0.group=notification-delivery-test",
        "spring.cloud.stream.bindings.onReportEvent-in-0.group=notification-delivery-test",
        "spring.cloud.stream.bindings.onAlertEvent-in-0.group=notification-delivery-test"})
@Import(NotificationDeliveryIntegrationTests.TestClock.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class NotificationDeliveryIntegrationTests {

    static final MutableClock CLOCK = new MutableClock("2026-05-01T09:00");
    static final Smtp SMTP = new Smtp().start();

    @TestConfiguration
    static class TestClock {
        @Bean
        MutableClock clock() {
            return CLOCK;
        }
    }

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.port);
    }

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    ReminderSweep reminders;
    @Autowired
    DeliverySweep deliveries;
    @Autowired
    DigestSweep digests;
    @Autowired
    Notifier notifier;
    HttpJson http;
    static KafkaTestClient kafka;

    abstract String kafkaBootstrap();

    @BeforeEach
    void connect() {
        http = new HttpJson("http://localhost:" + port);
        kafka = kafka == null ? new KafkaTestClient(kafkaBootstrap(), "/plan-service") : kafka;
    }

    @AfterAll
    static void close() {
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
    }

    ThoXuan thoXuan(LocalDate due, LocalDate implementingPlanDue, boolean peopleFirst) {
        ThoXuan t = new ThoXuan().units(kafka);
        await(() -> mongo.getCollection("units").countDocuments(new Document("_id", t.school)) == 1);
        if (peopleFirst) {
            t.people(http);
        }
        kafka.publish(t.plan(due, implementingPlanDue), t.district);
        await(() -> mongo.getCollection("plans").countDocuments(new Document("_id", t.plan)) == 1);
        if (!peopleFirst) {
            await(() -> t.planToldToEachUnit(mongo));
            t.people(http);
        }
        return t;
    }

    void sweeps() {
        reminders.sweep();
        deliveries.sweep();
    }

    List<String> mails(ThoXuan t) {
        return SMTP.received(t.s).stream().map(Smtp.Mail::toAndSubject).toList();
    }

    /** What arrived since {@code before} was taken (GreenMail lists mails by mailbox, not by time). */
    List<String> mailsSince(ThoXuan t, List<String> before) {
        List<String> now = new java.util.ArrayList<>(mails(t));
        before.forEach(now::remove);
        return now;
    }

    Smtp.Mail lastMailTo(String address) {
        List<Smtp.Mail> to = SMTP.receivedBy(address);
        assertThat(to).as("mail to " + address).isNotEmpty();
        return to.get(to.size() - 1);
    }

    long deliveriesOf(String notificationPrefix) {
        return mongo.getCollection("deliveries").countDocuments(new Document("notificationId",
                new Document("$regex", "^" + java.util.regex.Pattern.quote(notificationPrefix))));
    }

    static String path(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8);
    }

    void submit(ThoXuan t, String unit, String at) {
        kafka.publish(new ReportSubmitted("r-" + unit, 1, t.plan, unit, ThoXuan.PERIOD, Instant.parse(at), LocalDate.of(2026, 5, 15), 0,
                List.of(new ReportSubmitted.Value("CT01", 18, 20L))), unit);
        await(() -> mongo.getCollection("submissions").countDocuments(new Document("unitId", unit)) == 1);
    }

    @Test
    void aReportDue15MayIsRemindedToTheRightPeopleOnceStopsWhenTheUnitSubmitsAndGoesUpWhenLate() {
        ThoXuan t = thoXuan(LocalDate.of(2026, 5, 15), null, false);
        String report = "Báo cáo sơ kết 6 tháng đầu năm 2026 – 54-CT/ĐTN";

        CLOCK.set("2026-05-01T09:00");
        sweeps();
        assertThat(mails(t)).as("14 days before: nothing yet").isEmpty();

        CLOCK.set("2026-05-08T09:00");
        sweeps();
        assertThat(mails(t)).containsExactlyInAnyOrder(
                t.email("bt-tholap") + " → Nhắc hạn báo cáo: " + report,
                t.email("pbt-tholap") + " → Report due: " + report,
                t.email("bt-xuanhoa") + " → Nhắc hạn báo cáo: " + report,
                t.email("bt-thpt4") + " → Nhắc hạn báo cáo: " + report);
        assertThat(lastMailTo(t.email("bt-tholap")).body()).isEqualTo(
                "Nhắc hạn báo cáo: Đoàn xã Thọ Lập chưa nộp Báo cáo sơ kết 6 tháng đầu năm 2026 theo Kế hoạch 54-CT/ĐTN, hạn nộp 15/05/2026 (còn 7 ngày).");
        assertThat(lastMailTo(t.email("pbt-tholap")).body()).isEqualTo(
                "Report reminder: Đoàn xã Thọ Lập has not submitted Báo cáo sơ kết 6 tháng đầu năm 2026 under plan 54-CT/ĐTN, due 15/05/2026 (7 days left).");
        List<JsonNode> inbox = http.get("/api/inbox?recipientId=" + t.person("bt-tholap")).body().values().stream().toList();
        assertThat(inbox).extracting(i -> i.get("subject").asString()).containsExactly("Nhắc hạn báo cáo: " + report);
        sweeps();
        assertThat(mails(t)).as("the same day again: nothing new").hasSize(4);

        submit(t, t.thoLap, "2026-05-10T02:00:00Z");
        CLOCK.set("2026-05-14T09:00");
        sweeps();
        assertThat(mails(t)).as("Thọ Lập has reported; the other two are reminded the day before").hasSize(6)
                .filteredOn(m -> m.startsWith(t.person("bt-tholap")) || m.startsWith(t.person("pbt-tholap"))).hasSize(2);
        assertThat(lastMailTo(t.email("bt-xuanhoa")).body()).endsWith("hạn nộp 15/05/2026 (còn 1 ngày).");

        CLOCK.set("2026-05-16T22:30");
        assertThat(reminders.sweep()).as("quiet hours").isZero();
        CLOCK.set("2026-05-16T08:00");
        List<String> beforeLate = mails(t);
        sweeps();
        assertThat(mailsSince(t, beforeLate)).containsExactlyInAnyOrder(
                t.email("bt-xuanhoa") + " → Quá hạn báo cáo: " + report,
                t.email("bt-thpt4") + " → Quá hạn báo cáo: " + report,
                t.email("vp-thoxuan") + " → Đơn vị chậm báo cáo: Đoàn xã Xuân Hòa",
                t.email("vp-thoxuan") + " → Đơn vị chậm báo cáo: Đoàn trường THPT Thọ Xuân 4");
        assertThat(lastMailTo(t.email("bt-thpt4")).body()).isEqualTo(
                "Quá hạn báo cáo: Đoàn trường THPT Thọ Xuân 4 chưa nộp Báo cáo sơ kết 6 tháng đầu năm 2026 theo Kế hoạch 54-CT/ĐTN; hạn nộp 15/05/2026 đã quá 1 ngày.");

        CLOCK.set("2026-05-22T08:00");
        reminders.sweep();
        assertThat(mongo.getCollection("reminders").countDocuments(new Document("planId", t.plan).append("rule", "after-7")))
                .as("a week late: Xuân Hòa and THPT Thọ Xuân 4").isEqualTo(2);
        List<String> beforeWeekLate = mails(t);
        submit(t, t.school, "2026-05-22T01:30:00Z");
        await(() -> http.get("/api/deliveries?unitId=" + t.school + "&state=CANCELLED").body().size() == 2);
        deliveries.sweep();
        assertThat(mailsSince(t, beforeWeekLate)).as("the school reported before its reminders went out: they are cancelled")
                .containsExactlyInAnyOrder(
                        t.email("bt-xuanhoa") + " → Quá hạn báo cáo: " + report,
                        t.email("bt-thoxuan") + " → Chậm báo cáo kéo dài: Đoàn xã Xuân Hòa");
        assertThat(lastMailTo(t.email("bt-thoxuan")).body()).isEqualTo("Chậm báo cáo kéo dài: Đoàn xã Xuân Hòa vẫn chưa nộp Báo cáo sơ kết 6 tháng "
                + "đầu năm 2026 theo Kế hoạch 54-CT/ĐTN, đã quá hạn 15/05/2026 7 ngày. Đề nghị đồng chí chỉ đạo, đôn đốc.");
        sweeps();
        assertThat(mails(t)).hasSize(12).noneMatch(m -> m.startsWith(t.person("btg-thoxuan")));

        List<String> units = List.of(t.thoLap, t.xuanHoa, t.school, t.district);
        java.util.function.Function<List<ConsumerRecord<String, String>>, List<EventEnvelope>> sent = records -> records.stream()
                .map(KafkaTestClient::envelope).filter(e -> e.type().equals("vn.doan.notification.NotificationSent") && units.contains(e.subject()))
                .toList();
        kafka.read(Topics.NOTIFICATION_DELIVERIES, Duration.ofSeconds(20), records -> sent.apply(records).size() >= 13);
        List<EventEnvelope> events = sent.apply(kafka.readToEnd(Topics.NOTIFICATION_DELIVERIES));
        assertThat(events).as("12 emails and one inbox item, each announced once").hasSize(13);
        assertThat(events).extracting(e -> e.data().get("channel").asString()).containsOnly("EMAIL", "INBOX");
        assertThat(events.stream().map(e -> e.data().get("deliveryId").asString()).distinct()).hasSize(13);
    }

    @Test
    void aNewPlanTellsEachUnitWhatAndByWhenAndAReturnedReportTellsWhyInTheOfficesWords() {
        CLOCK.set("2026-03-02T09:00");
        ThoXuan t = thoXuan(LocalDate.of(2026, 5, 15), LocalDate.of(2026, 3, 31), true);
        await(() -> deliveriesOf("plan|" + t.plan + "|") == 5);
        deliveries.sweep();

        assertThat(mails(t)).containsExactlyInAnyOrder(
                t.email("bt-tholap") + " → Kế hoạch mới: 54-CT/ĐTN",
                t.email("pbt-tholap") + " → New plan: 54-CT/ĐTN",
                t.email("bt-xuanhoa") + " → Kế hoạch mới: 54-CT/ĐTN",
                t.email("bt-thpt4") + " → Kế hoạch mới: 54-CT/ĐTN");
        assertThat(lastMailTo(t.email("bt-xuanhoa")).body()).isEqualTo("Huyện đoàn Thọ Xuân ban hành 54-CT/ĐTN – Chương trình hành động thực hiện "
                + "Nghị quyết số 02-NQ/TU. Đoàn xã Xuân Hòa cần: xây dựng kế hoạch thực hiện trước ngày 31/03/2026; nộp Báo cáo sơ kết 6 tháng đầu "
                + "năm 2026 trước ngày 15/05/2026.");
        assertThat(lastMailTo(t.email("pbt-tholap")).body()).isEqualTo("Huyện đoàn Thọ Xuân issued 54-CT/ĐTN – Chương trình hành động thực hiện "
                + "Nghị quyết số 02-NQ/TU. Đoàn xã Thọ Lập must: issue its implementing plan by 31/03/2026; submit Báo cáo sơ kết 6 tháng đầu "
                + "năm 2026 by 15/05/2026.");

        String key = "report.returned.body";
        EventEnvelope returned;
        assertThat(http.send("PUT", "/api/templates/vi/" + key,
                Map.of("text", "{unit}: báo cáo \"{period}\" được trả lại. Lý do: {reason}. Đề nghị hoàn thiện và nộp lại trong 03 ngày.")).status())
                .isEqualTo(200);
        try {
            returned = kafka.publish(new ReportReturned("r-" + t.thoLap, 1, t.plan, t.thoLap, ThoXuan.PERIOD,
                    "Số liệu tập huấn chưa khớp với danh sách", "bt-huyendoan", Instant.parse("2026-03-02T02:00:00Z")), t.thoLap);
            await(() -> deliveriesOf("returned|r-" + t.thoLap + "|1") == 3);
            deliveries.sweep();
        } finally {
            assertThat(http.send("DELETE", "/api/templates/vi/" + key, "").status()).isEqualTo(204);
        }
        assertThat(lastMailTo(t.email("bt-tholap")).body()).isEqualTo("Đoàn xã Thọ Lập: báo cáo \"Báo cáo sơ kết 6 tháng đầu năm 2026\" được trả lại. "
                + "Lý do: Số liệu tập huấn chưa khớp với danh sách. Đề nghị hoàn thiện và nộp lại trong 03 ngày.");
        assertThat(lastMailTo(t.email("pbt-tholap")).body()).isEqualTo("The report Báo cáo sơ kết 6 tháng đầu năm 2026 under plan 54-CT/ĐTN of "
                + "Đoàn xã Thọ Lập was returned for revision. Reason: Số liệu tập huấn chưa khớp với danh sách");
        assertThat(http.get("/api/templates/vi").body().get(key).asString()).startsWith("Báo cáo {period} theo Kế hoạch {plan} của {unit}");

        kafka.publish(returned);
        kafka.publish(new ReportReturned("r-" + t.thoLap, 2, t.plan, t.thoLap, ThoXuan.PERIOD, "Thiếu ảnh hoạt động", "bt-huyendoan",
                Instant.parse("2026-03-04T02:00:00Z")), t.thoLap);
        await(() -> deliveriesOf("returned|r-" + t.thoLap + "|2") == 3);
        deliveries.sweep();
        assertThat(SMTP.receivedBy(t.email("bt-tholap"))).as("the first return, delivered twice by Kafka, is told once")
                .filteredOn(m -> m.subject().startsWith("Báo cáo bị trả lại")).extracting(Smtp.Mail::body).containsExactly(
                        "Đoàn xã Thọ Lập: báo cáo \"Báo cáo sơ kết 6 tháng đầu năm 2026\" được trả lại. Lý do: Số liệu tập huấn chưa khớp với danh sách. "
                                + "Đề nghị hoàn thiện và nộp lại trong 03 ngày.",
                        "Báo cáo Báo cáo sơ kết 6 tháng đầu năm 2026 theo Kế hoạch 54-CT/ĐTN của Đoàn xã Thọ Lập đã được trả lại để bổ sung, chỉnh sửa. "
                                + "Lý do: Thiếu ảnh hoạt động");
        assertThat(http.send("PUT", "/api/templates/vi/no.such.body", Map.of("text", "x")).status()).isEqualTo(404);

        HttpJson.Response noAddress = http.send("PUT", "/api/recipients/" + t.person("x"),
                Map.of("unitId", t.thoLap, "role", "SECRETARY", "name", "Lê Văn Hùng", "channels", List.of("EMAIL")));
        assertThat(noAddress.status()).isEqualTo(422);
        assertThat(noAddress.body().get("detail_vi").asString()).isEqualTo("Kênh email cần địa chỉ email.");
    }

    @Test
    void aReturnedReportTellsItsAuthorWhyAndTheLeadershipWhenTheAuthorIsNotRegistered() {
        CLOCK.set("2026-06-04T09:00");
        ThoXuan t = thoXuan(LocalDate.of(2026, 5, 15), null, false);
        String login = "cb-tholap-" + t.s;
        t.person(http, "cb-tholap", t.thoLap, "DEPUTY", null, "Phạm Thị Thu", List.of("EMAIL"), "vi", login);
        assertThat(http.get("/api/recipients/" + t.person("cb-tholap")).body().get("subject").asString()).isEqualTo(login);

        kafka.publish(new ReportReturned("r-" + t.thoLap, 1, t.plan, t.thoLap, ThoXuan.PERIOD, "Thiếu danh sách 18 đoàn viên đã tham gia tập huấn",
                "bt-huyendoan", Instant.parse("2026-06-04T02:00:00Z"), login), t.thoLap);
        await(() -> deliveriesOf("returned|r-" + t.thoLap + "|1") == 1);
        deliveries.sweep();
        assertThat(mails(t)).as("the author only, not the secretary or the other deputy").containsExactly(
                t.email("cb-tholap") + " → Báo cáo bị trả lại: " + ThoXuan.PERIOD_LABEL + " – 54-CT/ĐTN");
        assertThat(lastMailTo(t.email("cb-tholap")).body()).isEqualTo("Báo cáo Báo cáo sơ kết 6 tháng đầu năm 2026 theo Kế hoạch 54-CT/ĐTN của "
                + "Đoàn xã Thọ Lập đã được trả lại để bổ sung, chỉnh sửa. Lý do: Thiếu danh sách 18 đoàn viên đã tham gia tập huấn");

        kafka.publish(new ReportReturned("r-" + t.xuanHoa, 1, t.plan, t.xuanHoa, ThoXuan.PERIOD, "Số liệu chưa khớp với biên bản Đại hội",
                "bt-huyendoan", Instant.parse("2026-06-04T02:05:00Z"), "login-not-registered-" + t.s), t.xuanHoa);
        await(() -> deliveriesOf("returned|r-" + t.xuanHoa + "|1") == 1);
        deliveries.sweep();
        assertThat(SMTP.receivedBy(t.email("bt-xuanhoa"))).as("nobody registered with that login: the secretary").extracting(Smtp.Mail::body)
                .containsExactly("Báo cáo Báo cáo sơ kết 6 tháng đầu năm 2026 theo Kế hoạch 54-CT/ĐTN của Đoàn xã Xuân Hòa đã được trả lại để "
                        + "bổ sung, chỉnh sửa. Lý do: Số liệu chưa khớp với biên bản Đại hội");
        assertThat(mails(t)).hasSize(2);

        HttpJson.Response blank = http.send("PUT", "/api/recipients/" + t.person("cb-tholap"), Map.of("unitId", t.thoLap, "role", "DEPUTY",
                "name", "Phạm Thị Thu", "subject", " "));
        assertThat(blank.status()).isEqualTo(422);
        assertThat(blank.body().get("rule").asString()).isEqualTo("recipient.subject");
    }

    /**
     * Xuân Hòa's cadre tries to register a person of Xuân Hòa under the login of Thọ Lập's author: refused, so Thọ Lập's
     * returned report is told to its author alone, in her inbox, which neither the neighbour nor the district reads.
     */
    @Test
    void aReturnedReportReachesItsAuthorsInboxAndNobodyWhoClaimsHerLogin() {
        CLOCK.set("2026-06-05T09:00");
        ThoXuan t = thoXuan(LocalDate.of(2026, 5, 15), null, false);
        String login = "cb-tholap-" + t.s;
        HttpJson author = http.as(TestTokens.cadre(login, t.thoLap));
        HttpJson neighbour = http.as(TestTokens.cadre("bt-xuanhoa-" + t.s, t.xuanHoa));
        HttpJson district = http.as(TestTokens.cadre("bt-thoxuan-" + t.s, t.district));
        t.person(author, "cb-tholap", t.thoLap, "DEPUTY", null, "Phạm Thị Thu", List.of("INBOX"), "vi", login);
        HttpJson.Response claimed = neighbour.send("PUT", "/api/recipients/" + t.person("gia-mao"), Map.of("unitId", t.xuanHoa,
                "role", "DEPUTY", "name", "Phạm Thị Thu", "channels", List.of("INBOX"), "subject", login));
        assertThat(claimed.status()).as(claimed.body().toString()).isEqualTo(403);
        assertThat(claimed.body().get("field").asString()).isEqualTo("subject");

        kafka.publish(new ReportReturned("r-" + t.thoLap, 1, t.plan, t.thoLap, ThoXuan.PERIOD, "Thiếu danh sách 18 đoàn viên đã tham gia tập huấn",
                "bt-huyendoan", Instant.parse("2026-06-05T02:00:00Z"), login), t.thoLap);
        await(() -> deliveriesOf("returned|r-" + t.thoLap + "|1") == 1);
        deliveries.sweep();

        String inbox = "/api/inbox?recipientId=" + t.person("cb-tholap");
        List<JsonNode> items = author.get(inbox).body().values().stream().toList();
        assertThat(items).extracting(i -> i.get("body").asString()).containsExactly("Báo cáo Báo cáo sơ kết 6 tháng đầu năm 2026 theo Kế hoạch "
                + "54-CT/ĐTN của Đoàn xã Thọ Lập đã được trả lại để bổ sung, chỉnh sửa. Lý do: Thiếu danh sách 18 đoàn viên đã tham gia tập huấn");
        assertThat(mongo.getCollection("deliveries").find(new Document("notificationId", "returned|r-" + t.thoLap + "|1"))
                .map(d -> d.getString("recipientId")).into(new java.util.ArrayList<>())).containsExactly(t.person("cb-tholap"));
        for (HttpJson other : List.of(neighbour, district)) {
            assertThat(other.get(inbox).status()).isEqualTo(403);
            assertThat(other.get("/api/inbox/stream?recipientId=" + t.person("cb-tholap")).status()).isEqualTo(403);
            assertThat(other.post("/api/inbox/" + path(items.get(0).get("id").asString()) + "/read", "").status()).isEqualTo(403);
        }
    }

    @Test
    void aUnitCreatedAfterThePlanIsToldOnceWhatTheCurrentVersionAsksOfItsLevel() {
        CLOCK.set("2026-03-03T09:00");
        ThoXuan t = thoXuan(LocalDate.of(2026, 5, 15), LocalDate.of(2026, 3, 31), false);
        kafka.publish(t.revision(2, LocalDate.of(2026, 5, 20), LocalDate.of(2026, 4, 10)), t.district);
        await(() -> deliveriesOf("plan|" + t.plan + "|v2|") == 5);
        deliveries.sweep();
        String xuanLap = "xl-" + t.s;
        String branch = "cd-tholap-" + t.s;
        String otherDistrict = "ts-" + t.s;
        String elsewhere = "ds-" + t.s;
        t.person(http, "bt-xuanlap", xuanLap, "SECRETARY", null, "Lê Văn Tâm", List.of("EMAIL"), "vi");
        t.person(http, "bt-chidoan", branch, "SECRETARY", null, "Lê Thị Ngọc", List.of("EMAIL"), "vi");
        t.person(http, "bt-dongson", elsewhere, "SECRETARY", null, "Vũ Văn Sơn", List.of("EMAIL"), "vi");
        List<String> before = mails(t);

        UnitCreated created = new UnitCreated(xuanLap, xuanLap, "Đoàn xã Xuân Lập", UnitLevel.GRASSROOTS, "commune", t.district,
                List.of(t.province, t.district), LocalDate.of(2026, 3, 1));
        EventEnvelope first = kafka.publish(created, xuanLap);
        kafka.publish(first);
        kafka.publish(created, xuanLap);
        kafka.publish(new UnitCreated(branch, branch, "Chi đoàn thôn 3", UnitLevel.BRANCH, "village", t.thoLap,
                List.of(t.province, t.district, t.thoLap), LocalDate.of(2026, 3, 1)), branch);
        kafka.publish(new UnitCreated(otherDistrict, otherDistrict, "Huyện đoàn Triệu Sơn", UnitLevel.DISTRICT, "district", t.province,
                List.of(t.province), LocalDate.of(2016, 1, 1)), otherDistrict);
        kafka.publish(new UnitCreated(elsewhere, elsewhere, "Đoàn xã Dân Lực", UnitLevel.GRASSROOTS, "commune", otherDistrict,
                List.of(t.province, otherDistrict), LocalDate.of(2026, 3, 1)), elsewhere);
        List<String> handled = List.of(xuanLap, branch, elsewhere).stream().map(unit -> "Đã xử lý " + unit).toList();
        for (String unit : List.of(xuanLap, branch, elsewhere)) {
            // each unit's events are in order on its partition: once this is applied, those before it have been handled
            kafka.publish(new UnitRenamed(unit, "", "Đã xử lý " + unit, LocalDate.of(2026, 3, 2)), unit);
        }
        await(() -> mongo.getCollection("units").countDocuments(new Document("name", new Document("$in", handled))) == 3);
        deliveries.sweep();

        assertThat(mailsSince(t, before)).as("Xuân Lập once, not the branch (not a level the plan asks) nor a commune of another district")
                .containsExactly(t.email("bt-xuanlap") + " → Kế hoạch mới: 54-CT/ĐTN");
        assertThat(lastMailTo(t.email("bt-xuanlap")).body()).isEqualTo("Huyện đoàn Thọ Xuân ban hành 54-CT/ĐTN – Chương trình hành động thực hiện "
                + "Nghị quyết số 02-NQ/TU. Đoàn xã Xuân Lập cần: xây dựng kế hoạch thực hiện trước ngày 10/04/2026; nộp Báo cáo sơ kết 6 tháng đầu "
                + "năm 2026 trước ngày 20/05/2026.");
        assertThat(mongo.getCollection("notifications").distinct("_id", new Document("unitId", xuanLap), String.class).into(new java.util.ArrayList<>()))
                .as("the current version only").containsExactly("plan|" + t.plan + "|v2|" + xuanLap);
        assertThat(mongo.getCollection("notifications").countDocuments(new Document("unitId", new Document("$in", List.of(branch, elsewhere)))))
                .isZero();
    }

    /**
     * A restructuring published as one record batch on one partition, so it comes in one poll, in this order: new units,
     * one of them renamed and moved (with the branch created under it) and another dissolved, all between the creations.
     * Then the same burst again, as Kafka redelivers it.
     */
    @Test
    void aBurstOfUnitEventsIsAppliedInOrderAndChangesNothingWhenRedelivered() {
        CLOCK.set("2026-03-05T09:00");
        ThoXuan t = thoXuan(LocalDate.of(2026, 5, 15), LocalDate.of(2026, 3, 31), false);
        String xuanLap = "xl-" + t.s;
        String phuXa = "px-" + t.s;
        String xuanTin = "xt-" + t.s;
        String trieuSon = "ts-" + t.s;
        String danLuc = "dl-" + t.s;
        t.person(http, "bt-xuanlap", xuanLap, "SECRETARY", null, "Lê Văn Tâm", List.of("EMAIL"), "vi");
        List<String> before = mails(t);
        LocalDate from = LocalDate.of(2026, 3, 1);
        List<EventEnvelope> burst = onePartition(t.district,
                new UnitCreated(xuanLap, xuanLap, "Đoàn xã Xuân Lập", UnitLevel.GRASSROOTS, "commune", t.district, List.of(t.province, t.district), from),
                new UnitCreated(phuXa, phuXa, "Chi đoàn thôn Phú Xá", UnitLevel.BRANCH, "village", xuanLap,
                        List.of(t.province, t.district, xuanLap), from),
                new UnitCreated(xuanTin, xuanTin, "Đoàn xã Xuân Tín", UnitLevel.GRASSROOTS, "commune", t.district, List.of(t.province, t.district), from),
                new UnitCreated(trieuSon, trieuSon, "Huyện đoàn Triệu Sơn", UnitLevel.DISTRICT, "district", t.province, List.of(t.province), from),
                new UnitRenamed(xuanLap, "Đoàn xã Xuân Lập", "Đoàn xã Lam Sơn", from),
                new UnitMoved(xuanLap, t.district, trieuSon, List.of(t.province, t.district), List.of(t.province, trieuSon), from),
                new UnitCreated(danLuc, danLuc, "Đoàn xã Dân Lực", UnitLevel.GRASSROOTS, "commune", trieuSon, List.of(t.province, trieuSon), from),
                new UnitDissolved(xuanTin, from, "Sáp nhập vào Đoàn xã Thọ Lập"));
        List<String> units = List.of(xuanLap, phuXa, xuanTin, trieuSon, danLuc);
        List<String> expected = List.of(
                xuanLap + " Đoàn xã Lam Sơn GRASSROOTS under " + trieuSon + " " + List.of(t.province, trieuSon) + " active",
                phuXa + " Chi đoàn thôn Phú Xá BRANCH under " + xuanLap + " " + List.of(t.province, trieuSon, xuanLap) + " active",
                xuanTin + " Đoàn xã Xuân Tín GRASSROOTS under " + t.district + " " + List.of(t.province, t.district) + " dissolved",
                trieuSon + " Huyện đoàn Triệu Sơn DISTRICT under " + t.province + " " + List.of(t.province) + " active",
                danLuc + " Đoàn xã Dân Lực GRASSROOTS under " + trieuSon + " " + List.of(t.province, trieuSon) + " active");

        publishTogether(burst);
        await(() -> mongo.getCollection("units").countDocuments(new Document("_id", xuanTin).append("active", false)) == 1);

        assertThat(units.stream().map(this::unitAsStored).toList()).isEqualTo(expected);
        assertThat(planNotices(units)).as("told as each came, before the rename: not the branch (a level the plan does not ask) "
                + "nor Triệu Sơn's units (not under the issuer)").containsExactlyInAnyOrder(
                        "plan|" + t.plan + "|v1|" + xuanLap + " Đoàn xã Xuân Lập", "plan|" + t.plan + "|v1|" + xuanTin + " Đoàn xã Xuân Tín");
        List<Document> stored = storedAbout(units);
        assertThat(stored).as("five units, two notifications, one delivery").hasSize(8);

        publishTogether(burst);
        String thoBinh = "tb-" + t.s;
        kafka.publish(new UnitCreated(thoBinh, thoBinh, "Đoàn xã Thọ Bình", UnitLevel.GRASSROOTS, "commune", trieuSon, List.of(t.province, trieuSon),
                from), t.district);
        // on the burst's partition, after it: once this unit is stored, the burst before it has been applied again
        await(() -> mongo.getCollection("units").countDocuments(new Document("_id", thoBinh)) == 1);

        assertThat(units.stream().map(this::unitAsStored).toList()).isEqualTo(expected);
        assertThat(storedAbout(units)).as("units, notifications and deliveries as they were").isEqualTo(stored);
        deliveries.sweep();
        assertThat(mailsSince(t, before)).as("Xuân Lập told once").containsExactly(t.email("bt-xuanlap") + " → Kế hoạch mới: 54-CT/ĐTN");
        assertThat(lastMailTo(t.email("bt-xuanlap")).body()).isEqualTo("Huyện đoàn Thọ Xuân ban hành 54-CT/ĐTN – Chương trình hành động thực hiện "
                + "Nghị quyết số 02-NQ/TU. Đoàn xã Xuân Lập cần: xây dựng kế hoạch thực hiện trước ngày 31/03/2026; nộp Báo cáo sơ kết 6 tháng đầu "
                + "năm 2026 trước ngày 15/05/2026.");
    }

    /** The events as plan-service would publish them, all keyed by {@code key}: one partition, so in this order. */
    static List<EventEnvelope> onePartition(String key, Object... events) {
        EventCodec codec = new EventCodec("/plan-service", java.time.Clock.system(EventCodec.ZONE));
        return java.util.Arrays.stream(events).map(e -> codec.wrap(e, key)).toList();
    }

    /** Sends the envelopes as one record batch: the broker appends them at once, so a consumer gets them in one poll. */
    void publishTogether(List<EventEnvelope> envelopes) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 60_000, ProducerConfig.BATCH_SIZE_CONFIG, 1 << 20),
                new StringSerializer(), new StringSerializer())) {
            List<java.util.concurrent.Future<?>> sent = envelopes.stream().<java.util.concurrent.Future<?>>map(e -> producer.send(
                    new ProducerRecord<>(Topics.ORG_UNITS, e.subject(), EventCodec.toJson(e)))).toList();
            producer.flush();
            for (java.util.concurrent.Future<?> record : sent) {
                record.get();
            }
        } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    String unitAsStored(String id) {
        Document unit = mongo.getCollection("units").find(new Document("_id", id)).first();
        assertThat(unit).as(id).isNotNull();
        return id + " " + unit.getString("name") + " " + unit.getString("level") + " under " + unit.getString("parentId") + " "
                + unit.getList("ancestorIds", String.class) + (unit.getBoolean("active") ? " active" : " dissolved");
    }

    /** Each "new plan" notification about the units, with the unit name it was told under. */
    List<String> planNotices(List<String> units) {
        return mongo.getCollection("notifications").find(new Document("unitId", new Document("$in", units)).append("kind", "plan.issued"))
                .map(n -> n.getString("_id") + " " + n.get("params", Document.class).getString("unit")).into(new java.util.ArrayList<>());
    }

    List<Document> storedAbout(List<String> units) {
        Document about = new Document("unitId", new Document("$in", units));
        List<Document> stored = new java.util.ArrayList<>();
        mongo.getCollection("units").find(new Document("_id", new Document("$in", units))).sort(new Document("_id", 1)).into(stored);
        mongo.getCollection("notifications").find(about).sort(new Document("_id", 1)).into(stored);
        mongo.getCollection("deliveries").find(about).sort(new Document("_id", 1)).into(stored);
        return stored;
    }

    @Test
    void anIndicatorOffTrackAlertsItsDepartmentAndTheMorningDigestSumsUpTheWeek() {
        CLOCK.set("2026-05-11T06:30");
        ThoXuan t = thoXuan(LocalDate.of(2026, 5, 15), null, false);
        kafka.publish(new IndicatorOffTrack(t.plan, ThoXuan.PERIOD, t.district, "CT01", "BTG", new BigDecimal("66.67"), new BigDecimal("100"),
                Instant.parse("2026-05-10T03:00:00Z"), new IndicatorOffTrack.Measure(IndicatorKind.SHARE_OF_PEOPLE, new BigDecimal("100"), null, 0, 3, 2)),
                t.district);
        await(() -> deliveriesOf("offtrack|" + t.plan + "|") == 1);
        submit(t, t.thoLap, "2026-05-10T02:00:00Z");

        CLOCK.set("2026-05-11T07:10");
        deliveries.sweep();
        assertThat(mails(t)).containsExactly(t.email("btg-thoxuan") + " → Chỉ tiêu chậm tiến độ: CT01 – Huyện đoàn Thọ Xuân");
        assertThat(lastMailTo(t.email("btg-thoxuan")).body()).isEqualTo("Chỉ tiêu CT01 \"Hàng năm 100% cán bộ Đoàn – Hội – Đội được tham gia các lớp "
                + "tập huấn\" của Huyện đoàn Thọ Xuân (Kế hoạch 54-CT/ĐTN, kỳ Báo cáo sơ kết 6 tháng đầu năm 2026) mới đạt 66,67%, chỉ tiêu đề ra 100%.");
        assertThat(digests.sweep()).as("before 07:30").isZero();

        CLOCK.set("2026-05-11T07:30");
        List<String> beforeDigest = mails(t);
        digests.sweep();
        digests.sweep();
        deliveries.sweep();
        assertThat(mailsSince(t, beforeDigest)).as("Thọ Lập has reported and has nothing to hear").containsExactlyInAnyOrder(
                t.email("bt-thoxuan") + " → Tổng hợp ngày 11/05/2026 – Huyện đoàn Thọ Xuân",
                t.email("bt-xuanhoa") + " → Tổng hợp ngày 11/05/2026 – Đoàn xã Xuân Hòa",
                t.email("bt-thpt4") + " → Tổng hợp ngày 11/05/2026 – Đoàn trường THPT Thọ Xuân 4");
        assertThat(lastMailTo(t.email("bt-thoxuan")).body()).isEqualTo("""
                Đến hạn trong tuần:
                - Báo cáo sơ kết 6 tháng đầu năm 2026 theo Kế hoạch 54-CT/ĐTN, hạn 15/05/2026: 2 đơn vị chưa nộp
                Chậm báo cáo:
                (không có)
                Chỉ tiêu chậm tiến độ:
                - CT01 của Huyện đoàn Thọ Xuân (Kế hoạch 54-CT/ĐTN): đạt 66,67%, chỉ tiêu 100%""");

        CLOCK.set("2026-05-18T08:00");
        digests.sweep();
        deliveries.sweep();
        assertThat(lastMailTo(t.email("bt-thoxuan")).body()).contains("""
                Chậm báo cáo:
                - Đoàn trường THPT Thọ Xuân 4: chưa nộp Báo cáo sơ kết 6 tháng đầu năm 2026 theo Kế hoạch 54-CT/ĐTN, quá hạn 15/05/2026
                - Đoàn xã Xuân Hòa: chưa nộp Báo cáo sơ kết 6 tháng đầu năm 2026 theo Kế hoạch 54-CT/ĐTN, quá hạn 15/05/2026""");
        assertThat(SMTP.receivedBy(t.email("bt-thoxuan"))).as("one digest a day").hasSize(2);
    }

    /**
     * A burst of alerts (all on one partition, so in this order): what is off track keeps the last word per indicator,
     * and only alerts somebody follows become notifications.
     */
    @Test
    void aBurstOfAlertsKeepsTheLastWordPerIndicatorAndTellsOnlyThoseWhoFollowIt() {
        ThoXuan t = thoXuan(LocalDate.of(2026, 5, 15), null, false);
        BigDecimal target = new BigDecimal("100");
        kafka.publish(new IndicatorOffTrack(t.plan, ThoXuan.PERIOD, t.thoLap, "CT01", "BTG", new BigDecimal("50"), target,
                Instant.parse("2026-05-10T03:00:00Z")), t.district);
        kafka.publish(new IndicatorOffTrack(t.plan, ThoXuan.PERIOD, t.district, "CT01", "BTG", new BigDecimal("60"), target,
                Instant.parse("2026-05-10T03:00:00Z")), t.district);
        kafka.publish(new TargetAchieved(t.plan, ThoXuan.PERIOD, t.district, "CT01", target, target, Instant.parse("2026-05-10T04:00:00Z")),
                t.district);
        kafka.publish(new IndicatorOffTrack(t.plan, ThoXuan.PERIOD, t.xuanHoa, "CT01", null, new BigDecimal("40"), target,
                Instant.parse("2026-05-10T03:00:00Z")), t.district);
        kafka.publish(new IndicatorOffTrack(t.plan, ThoXuan.PERIOD, t.district, "CT01", "VP", new BigDecimal("70"), target,
                Instant.parse("2026-05-10T05:00:00Z")), t.district);
        await(() -> deliveriesOf("offtrack|" + t.plan + "|") == 2);

        assertThat(mongo.getCollection("notifications").countDocuments(new Document("_id",
                new Document("$regex", "^" + java.util.regex.Pattern.quote("offtrack|" + t.plan + "|")))))
                .as("Thọ Lập and Xuân Hòa have no propaganda staff registered: nobody to tell").isEqualTo(2);
        assertThat(mongo.getCollection("deliveries").find(new Document("notificationId",
                new Document("$regex", "^" + java.util.regex.Pattern.quote("offtrack|" + t.plan + "|")))).map(d -> d.getString("recipientId"))
                .into(new java.util.ArrayList<>())).containsExactlyInAnyOrder(t.person("btg-thoxuan"), t.person("vp-thoxuan"));
        assertThat(mongo.getCollection("offtrack").find(new Document("planId", t.plan))
                .map(d -> d.getString("unitId") + " " + d.getString("department") + " " + d.get("value")).into(new java.util.ArrayList<>()))
                .as("the district's last word is off track again, followed by the office").containsExactlyInAnyOrder(
                        t.thoLap + " BTG 50", t.xuanHoa + " null 40", t.district + " VP 70");
    }

    @Test
    void aFailingWebhookIsRetriedWithBackoffThenDeadThenRetriedByHand() {
        CLOCK.set("2026-06-01T09:00");
        ThoXuan t = thoXuan(LocalDate.of(2026, 5, 15), null, false);
        try (Webhook hook = new Webhook()) {
            assertThat(http.send("PUT", "/api/recipients/" + t.person("zalo-xuanhoa"), Map.of("unitId", t.xuanHoa, "role", "DEPUTY",
                    "name", "Phạm Văn Đức", "webhookUrl", hook.url(), "channels", List.of("WEBHOOK"))).status()).isEqualTo(200);
            hook.status.set(503);
            kafka.publish(new ReportReturned("r-" + t.xuanHoa, 2, t.plan, t.xuanHoa, ThoXuan.PERIOD, "Thiếu ảnh hoạt động",
                    "bt-huyendoan", Instant.parse("2026-06-01T02:00:00Z")), t.xuanHoa);
            String id = "returned|r-" + t.xuanHoa + "|2|" + t.person("zalo-xuanhoa") + "|WEBHOOK";
            await(() -> mongo.getCollection("deliveries").countDocuments(new Document("_id", id)) == 1);

            deliveries.sweep();
            JsonNode first = http.get("/api/deliveries/" + path(id)).body();
            assertThat(first.get("state").asString()).isEqualTo("RETRYING");
            assertThat(first.get("attempts").asInt()).isEqualTo(1);
            assertThat(first.get("lastError").asString()).isEqualTo("HTTP 503");
            assertThat(Instant.parse(first.get("nextAttemptAt").asString())).isEqualTo(Instant.parse("2026-06-01T02:00:30Z"));
            deliveries.sweep();
            assertThat(hook.calls).as("not before its time").hasSize(1);

            CLOCK.set("2026-06-01T09:00:30");
            deliveries.sweep();
            assertThat(Instant.parse(http.get("/api/deliveries/" + path(id)).body().get("nextAttemptAt").asString()))
                    .as("the wait doubles").isEqualTo(Instant.parse("2026-06-01T02:01:30Z"));
            CLOCK.set("2026-06-01T09:01:30");
            deliveries.sweep();
            List<JsonNode> dead = http.get("/api/deliveries?state=DEAD&unitId=" + t.xuanHoa).body().values().stream().toList();
            assertThat(dead).extracting(d -> d.get("id").asString() + " after " + d.get("attempts").asInt()).containsExactly(id + " after 3");
            List<EventEnvelope> failed = kafka.read(Topics.NOTIFICATION_DELIVERIES, Duration.ofSeconds(20),
                    records -> records.stream().anyMatch(r -> r.value().contains(id) && r.value().contains("NotificationFailed"))).stream()
                    .map(KafkaTestClient::envelope).filter(e -> e.type().equals("vn.doan.notification.NotificationFailed")
                            && e.data().get("deliveryId").asString().equals(id)).toList();
            assertThat(failed).hasSize(1);
            assertThat(failed.get(0).data().get("error").asString()).isEqualTo("HTTP 503");

            hook.status.set(204);
            assertThat(http.post("/api/deliveries/" + path(id) + "/retry", "").body().get("state").asString()).isEqualTo("PENDING");
            deliveries.sweep();
            assertThat(http.get("/api/deliveries/" + path(id)).body().get("state").asString()).isEqualTo("SENT");
            assertThat(hook.calls).extracting(c -> c.answered() + " " + c.idempotencyKey()).containsExactly("503 " + id, "503 " + id, "503 " + id,
                    "204 " + id);
            assertThat(HttpJson.json(hook.calls.get(3).body()).get("body").asString())
                    .isEqualTo("Báo cáo Báo cáo sơ kết 6 tháng đầu năm 2026 theo Kế hoạch 54-CT/ĐTN của Đoàn xã Xuân Hòa đã được trả lại để bổ sung, "
                            + "chỉnh sửa. Lý do: Thiếu ảnh hoạt động");
            assertThat(http.post("/api/deliveries/" + path(id) + "/retry", "").status()).as("only dead letters").isEqualTo(409);
        }
    }

    /**
     * Two people registered before webhooks were checked (or whose name has since moved): one at https://localhost, a name
     * that resolves to this host and is not on the allow-list, one at http://localhost. Both deliveries are dead at the first
     * attempt with the reason, and the receivers listening there never see a connection.
     */
    @Test
    void aWebhookWhoseNameResolvesInsideTheNetworkIsRefusedAtDeliveryWithoutAConnection() throws Exception {
        CLOCK.set("2026-06-06T09:00");
        ThoXuan t = thoXuan(LocalDate.of(2026, 5, 15), null, false);
        try (Connections tls = new Connections(); Webhook plain = new Webhook()) {
            String https = "https://localhost:" + tls.port() + "/hooks/doan";
            String overPlainHttp = plain.url().replace("127.0.0.1", "localhost");
            mongo.save(new Recipient(t.person("hook-https"), t.xuanHoa, Role.DEPUTY, null, "Phạm Văn Đức", null, https,
                    Set.of(ChannelType.WEBHOOK), "vi", null));
            mongo.save(new Recipient(t.person("hook-http"), t.xuanHoa, Role.DEPUTY, null, "Lê Thị Thảo", null, overPlainHttp,
                    Set.of(ChannelType.WEBHOOK), "vi", null));
            kafka.publish(new ReportReturned("r-" + t.xuanHoa, 1, t.plan, t.xuanHoa, ThoXuan.PERIOD, "Thiếu ảnh hoạt động", "bt-huyendoan",
                    Instant.parse("2026-06-06T02:00:00Z")), t.xuanHoa);
            String toHttps = "returned|r-" + t.xuanHoa + "|1|" + t.person("hook-https") + "|WEBHOOK";
            String toHttp = "returned|r-" + t.xuanHoa + "|1|" + t.person("hook-http") + "|WEBHOOK";
            await(() -> mongo.getCollection("deliveries").countDocuments(new Document("_id", new Document("$in", List.of(toHttps, toHttp)))) == 2);

            deliveries.sweep();

            JsonNode refused = http.get("/api/deliveries/" + path(toHttps)).body();
            assertThat(refused.get("state").asString() + " after " + refused.get("attempts").asInt()).isEqualTo("DEAD after 1");
            assertThat(refused.get("lastError").asString())
                    .matches("webhook target refused: localhost is (127\\.0\\.0\\.1|0:0:0:0:0:0:0:1), not a public address");
            JsonNode overHttp = http.get("/api/deliveries/" + path(toHttp)).body();
            assertThat(overHttp.get("state").asString() + " after " + overHttp.get("attempts").asInt()).isEqualTo("DEAD after 1");
            assertThat(overHttp.get("lastError").asString()).isEqualTo("webhook target refused: webhooks go over https");
            assertThat(tls.accepted.get()).as("connections to the https receiver").isZero();
            assertThat(plain.calls).as("requests to the http receiver").isEmpty();
            List<EventEnvelope> failed = kafka.read(Topics.NOTIFICATION_DELIVERIES, Duration.ofSeconds(20),
                    records -> records.stream().filter(r -> r.value().contains(toHttps) && r.value().contains("NotificationFailed")).count() == 1)
                    .stream().map(KafkaTestClient::envelope).filter(e -> e.type().equals("vn.doan.notification.NotificationFailed")
                            && e.data().get("deliveryId").asString().equals(toHttps)).toList();
            assertThat(failed).extracting(e -> e.data().get("error").asString()).containsExactly(refused.get("lastError").asString());
        }
    }

    @Test
    void workLeftByAnInstanceThatStoppedIsFinishedByAnotherAfterItsLease() {
        CLOCK.set("2026-06-03T09:00");
        ThoXuan t = thoXuan(LocalDate.of(2026, 5, 15), null, false);
        String notification = "returned|r-" + t.school + "|1";
        mongo.insert(new Document("_id", notification).append("kind", "report.returned").append("unitId", t.school)
                .append("params", new Document("unit", "Đoàn trường THPT Thọ Xuân 4").append("period", ThoXuan.PERIOD_LABEL)
                        .append("plan", "54-CT/ĐTN").append("reason", "Thiếu chữ ký"))
                .append("addressees", List.of(new Document("unitId", t.school).append("roles", List.of("SECRETARY")).append("template", "report.returned")))
                .append("createdAt", java.util.Date.from(Instant.parse("2026-06-03T01:58:00Z"))).append("fannedOut", false), "notifications");

        notifier.finishInterrupted();
        String id = notification + "|" + t.person("bt-thpt4") + "|EMAIL";
        assertThat(mongo.getCollection("deliveries").countDocuments(new Document("_id", id))).as("the fan-out the stopped instance began").isEqualTo(1);
        mongo.getCollection("deliveries").updateOne(new Document("_id", id), new Document("$set", new Document("owner", "stopped-instance")
                .append("leaseUntil", java.util.Date.from(Instant.parse("2026-06-03T02:02:00Z")))));

        deliveries.sweep();
        assertThat(SMTP.receivedBy(t.email("bt-thpt4"))).as("still leased by the stopped instance").isEmpty();
        CLOCK.set("2026-06-03T09:02:01");
        deliveries.sweep();
        deliveries.sweep();
        assertThat(SMTP.receivedBy(t.email("bt-thpt4"))).extracting(Smtp.Mail::body).containsExactly("Báo cáo Báo cáo sơ kết 6 tháng đầu năm 2026 "
                + "theo Kế hoạch 54-CT/ĐTN của Đoàn trường THPT Thọ Xuân 4 đã được trả lại để bổ sung, chỉnh sửa. Lý do: Thiếu chữ ký");
        assertThat(http.get("/api/deliveries/" + path(id)).body().get("attempts").asInt()).isEqualTo(1);
    }

    @Test
    void theInboxStreamsNewItemsLiveAndKeepsReadAndUnread() throws Exception {
        CLOCK.set("2026-06-02T09:00");
        ThoXuan t = thoXuan(LocalDate.of(2026, 5, 15), null, false);
        String secretary = t.person("bt-tholap");
        List<String> lines = new CopyOnWriteArrayList<>();
        CompletableFuture<HttpResponse<java.util.stream.Stream<String>>> stream = HttpClient.newHttpClient().sendAsync(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/inbox/stream?recipientId=" + secretary))
                        .header("Authorization", "Bearer " + TestTokens.admin()).build(),
                HttpResponse.BodyHandlers.ofLines());
        CompletableFuture<Void> reading = stream.thenAccept(response -> response.body().forEach(lines::add));
        try {
            await(() -> lines.contains("event:connected"));
            kafka.publish(new ReportReturned("r-" + t.thoLap, 3, t.plan, t.thoLap, ThoXuan.PERIOD, "Thiếu danh sách đoàn viên",
                    "bt-huyendoan", Instant.parse("2026-06-02T02:00:00Z")), t.thoLap);
            String id = "returned|r-" + t.thoLap + "|3|" + secretary + "|INBOX";
            await(() -> mongo.getCollection("deliveries").countDocuments(new Document("_id", id)) == 1);
            deliveries.sweep();

            await(() -> lines.stream().anyMatch(l -> l.startsWith("data:") && l.contains(id)));
            JsonNode live = HttpJson.json(lines.stream().filter(l -> l.startsWith("data:") && l.contains(id)).findFirst().orElseThrow().substring(5));
            assertThat(live.get("body").asString()).endsWith("Lý do: Thiếu danh sách đoàn viên");
            assertThat(lines.stream().filter(l -> l.equals("id:" + id))).as("once").hasSize(1);
        } finally {
            reading.cancel(true);
            stream.cancel(true);
        }
        String unread = "/api/inbox?unread=true&recipientId=" + secretary;
        assertThat(http.get(unread).body().size()).isEqualTo(1);
        String id = http.get(unread).body().get(0).get("id").asString();
        assertThat(http.post("/api/inbox/" + path(id) + "/read", "").body().get("read").asBoolean()).isTrue();
        assertThat(http.get(unread).body().size()).isZero();
        assertThat(http.post("/api/inbox/" + path(id) + "/unread", "").body().get("read").asBoolean()).isFalse();
        assertThat(http.get(unread).body().size()).isEqualTo(1);
        assertThat(http.post("/api/inbox/no-such/read", "").status()).isEqualTo(404);
    }
}
