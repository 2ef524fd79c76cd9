package vn.doan.notificationservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.doan.events.report.ReportSubmitted;
import vn.doan.notificationservice.delivery.DeliverySweep;
import vn.doan.support.test.Backends;
import vn.doan.support.test.HttpJson;
import vn.doan.support.test.KafkaTestClient;
import vn.doan.support.test.MutableClock;
import vn.doan.support.test.TestTokens;

/**
 * Huyện đoàn Thọ Xuân urges Đoàn xã Xuân Hòa, late with its six-month report due 15/05/2026, with one click: over HTTP, with
 * the mail caught by the tests' GreenMail SMTP server, the tree and plan from the real Kafka broker, a clock the test moves.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=notification-service", "doan.reminders.interval=1h", "doan.deliveries.interval=1h",
        "doan.outbox.sweep-interval=1h",
        "spring.cloud.stream.bindings.onUnitEvent-in-0.group=notification-remind-now-test",
        "spring.cloud.stream.bindings.onPlanEvent-in-0.group=notification-remind-now-test",
        "spring.cloud.stream.bindings.onReportEvent-in-0.group=notification-remind-now-test",
        "spring.cloud.stream.bindings.onAlertEvent-in-0.group=notification-remind-now-test"})
@Import(RemindNowEmbeddedTest.TestClock.class)
class RemindNowEmbeddedTest {

    static final MutableClock CLOCK = new MutableClock("2026-05-20T09:00");
    static final Smtp SMTP = new Smtp().start();
    static KafkaTestClient kafka;

    @TestConfiguration
    static class TestClock {
        @Bean
        MutableClock clock() {
            return CLOCK;
        }
    }

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        Backends.embedded().register(registry, "notification_remind_now_test");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.port);
    }

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    DeliverySweep deliveries;

    @AfterAll
    static void close() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void theDistrictUrgesALateCommuneOnceADayAndOnlyTheUnitsAboveMay() {
        kafka = kafka == null ? new KafkaTestClient(Backends.embedded().kafkaBootstrap(), "/plan-service") : kafka;
        ThoXuan t = new ThoXuan().units(kafka);
        NotificationServiceIntegrationTests.await(() -> mongo.getCollection("units").countDocuments(new Document("_id", t.school)) == 1);
        kafka.publish(t.plan(LocalDate.of(2026, 5, 15), null), t.district);
        NotificationServiceIntegrationTests.await(() -> t.planToldToEachUnit(mongo));
        t.people(new HttpJson(url()));
        String remind = "/api/reminders/now?planId=" + t.plan + "&periodId=" + ThoXuan.PERIOD + "&unitId=";
        HttpJson district = new HttpJson(url(), TestTokens.cadre("bt.thoxuan", t.district));

        HttpJson.Response first = district.post(remind + t.xuanHoa, "");
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.body().get("id").asString()).isEqualTo(t.plan + "|" + ThoXuan.PERIOD + "|" + t.xuanHoa + "|manual-2026-05-20|2026-05-15");
        assertThat(first.body().get("rule").asString()).isEqualTo("manual");
        assertThat(first.body().get("planNumber").asString()).isEqualTo("54-CT/ĐTN");
        assertThat(first.body().get("message").asString()).isEqualTo("Quá hạn báo cáo: Đoàn xã Xuân Hòa chưa nộp Báo cáo sơ kết 6 tháng đầu năm "
                + "2026 theo Kế hoạch 54-CT/ĐTN; hạn nộp 15/05/2026 đã quá 5 ngày.");
        deliveries.sweep();
        assertThat(subjects(t.email("bt-xuanhoa"))).containsExactly("Quá hạn báo cáo: Báo cáo sơ kết 6 tháng đầu năm 2026 – 54-CT/ĐTN");
        assertThat(subjects(t.email("bt-thpt4"))).as("only the unit clicked").isEmpty();

        HttpJson.Response again = district.post(remind + t.xuanHoa, "");
        assertThat(again.status()).as("the same day: nothing new").isEqualTo(200);
        assertThat(again.body().get("id").asString()).isEqualTo(first.body().get("id").asString());
        deliveries.sweep();
        assertThat(subjects(t.email("bt-xuanhoa"))).hasSize(1);
        assertThat(mongo.getCollection("reminders").countDocuments(new Document("unitId", t.xuanHoa))).isEqualTo(1);

        CLOCK.set("2026-05-21T09:00");
        HttpJson.Response nextDay = district.post(remind + t.xuanHoa, "");
        assertThat(nextDay.status()).as("the next day, again").isEqualTo(201);
        assertThat(nextDay.body().get("id").asString()).endsWith("|manual-2026-05-21|2026-05-15");
        deliveries.sweep();
        assertThat(subjects(t.email("bt-xuanhoa"))).hasSize(2);
        assertThat(lastBody(t.email("bt-xuanhoa"))).endsWith("hạn nộp 15/05/2026 đã quá 6 ngày.");

        kafka.publish(new ReportSubmitted("r-" + t.thoLap, 1, t.plan, t.thoLap, ThoXuan.PERIOD, Instant.parse("2026-05-21T03:00:00Z"),
                LocalDate.of(2026, 5, 15), 6, List.of(new ReportSubmitted.Value("CT01", 18, 20L))), t.thoLap);
        NotificationServiceIntegrationTests.await(() -> mongo.getCollection("submissions").countDocuments(new Document("unitId", t.thoLap)) == 1);
        HttpJson.Response reported = district.post(remind + t.thoLap, "");
        assertThat(reported.status()).isEqualTo(409);
        assertThat(reported.body().get("detail_vi").asString()).isEqualTo("Đoàn xã Thọ Lập đã nộp Báo cáo sơ kết 6 tháng đầu năm 2026, không cần nhắc.");
        HttpJson.Response unknown = district.post("/api/reminders/now?planId=khong-co&periodId=" + ThoXuan.PERIOD + "&unitId=" + t.xuanHoa, "");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().get("detail_vi").asString()).isEqualTo("Không tìm thấy kế hoạch khong-co.");

        assertThat(district.as(TestTokens.cadre("bt.xuanhoa", t.xuanHoa)).post(remind + t.xuanHoa, "").status()).as("the unit itself")
                .isEqualTo(403);
        assertThat(district.as(TestTokens.cadre("bt.tholap", t.thoLap)).post(remind + t.school, "").status()).as("a sibling")
                .isEqualTo(403);
        assertThat(district.as(TestTokens.departmentStaff("vp.thoxuan", t.district, "VP")).post(remind + t.school, "").status())
                .isEqualTo(403);
        assertThat(district.as(TestTokens.analyst("phantich")).post(remind + t.school, "").status()).isEqualTo(403);
        assertThat(district.anonymous().post(remind + t.school, "").status()).isEqualTo(401);
        HttpJson province = district.as(TestTokens.cadre("bt.tinhdoan", t.province));
        HttpJson.Response notExpected = province.post(remind + t.district, "");
        assertThat(notExpected.status()).as("districts do not report this period").isEqualTo(422);
        assertThat(notExpected.body().get("detail_vi").asString()).isEqualTo("Huyện đoàn Thọ Xuân không phải báo cáo Báo cáo sơ kết 6 tháng đầu "
                + "năm 2026 theo Kế hoạch 54-CT/ĐTN.");
        assertThat(province.post(remind + t.school, "").status()).as("the province, two levels up").isEqualTo(201);
        deliveries.sweep();
        assertThat(subjects(t.email("bt-thpt4"))).hasSize(1);
    }

    static List<String> subjects(String address) {
        return SMTP.receivedBy(address).stream().map(Smtp.Mail::subject).toList();
    }

    static String lastBody(String address) {
        List<Smtp.Mail> mails = SMTP.receivedBy(address);
        return mails.get(mails.size() - 1).body();
    }

    String url() {
        return "http://localhost:" + port;
    }
}
