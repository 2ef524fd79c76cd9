package vn.doan.notificationservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
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
import tools.jackson.databind.JsonNode;
import vn.doan.events.EventEnvelope;
import vn.doan.events.plan.IndicatorKind;
import vn.doan.events.plan.PlanIssued;
import vn.doan.events.plan.UnitCreated;
import vn.doan.events.plan.UnitLevel;
import vn.doan.events.report.ReportSubmitted;
import vn.doan.notificationservice.reminder.ReminderSweep;
import vn.doan.support.test.HttpJson;
import vn.doan.support.test.KafkaTestClient;
import vn.doan.support.test.MutableClock;

/**
 * A schedule due 15/11/2026, a clock the test moves, units and reports arriving as events on a real
 * Kafka broker, reminders read over HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=notification-service", "doan.reminders.interval=1h"})
@Import(NotificationServiceIntegrationTests.Clock.class)
abstract class NotificationServiceIntegrationTests {

    static final MutableClock CLOCK = new MutableClock("2026-11-01T09:00");

    @TestConfiguration
    static class Clock {
        @Bean
        MutableClock clock() {
            return CLOCK;
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    ReminderSweep sweep;
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

    record Tree(String district, String thoLap, String xuanHoa, String school, String plan) {
    }

    Tree tree() {
        String s = UUID.randomUUID().toString().substring(0, 8);
        Tree t = new Tree("tx-" + s, "tl-" + s, "xh-" + s, "thpt4-" + s, "p54-" + s);
        unit(t.district(), "Huyện đoàn Thọ Xuân", UnitLevel.DISTRICT, null, List.of());
        unit(t.thoLap(), "Đoàn xã Thọ Lập", UnitLevel.GRASSROOTS, t.district(), List.of(t.district()));
        unit(t.xuanHoa(), "Đoàn xã Xuân Hòa", UnitLevel.GRASSROOTS, t.district(), List.of(t.district()));
        unit(t.school(), "Đoàn trường THPT Thọ Xuân 4", UnitLevel.GRASSROOTS, t.district(), List.of(t.district()));
        EventEnvelope plan = kafka.publish(new PlanIssued(t.plan(), "54-CT/ĐTN", "Chương trình hành động", t.district(),
                LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31),
                List.of(new PlanIssued.Indicator("CT01", "Hàng năm 100% cán bộ Đoàn – Hội – Đội được tham gia các lớp tập huấn",
                        IndicatorKind.SHARE_OF_PEOPLE, new BigDecimal("100"), List.of(UnitLevel.GRASSROOTS))),
                List.of(new PlanIssued.ReportingPeriod("2026", "Báo cáo năm 2026", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31),
                        LocalDate.of(2026, 11, 15), List.of(UnitLevel.GRASSROOTS)))), t.district());
        kafka.publish(plan);
        await(() -> mongo.getCollection("plans").countDocuments(new Document("_id", t.plan())) == 1
                && mongo.getCollection("units").countDocuments(new Document("_id", t.school())) == 1);
        return t;
    }

    void unit(String id, String name, UnitLevel level, String parent, List<String> ancestors) {
        kafka.publish(new UnitCreated(id, id, name, level, "commune", parent, ancestors, LocalDate.of(2016, 1, 1)), id);
    }

    List<JsonNode> inbox(String unit) {
        return http.get("/api/reminders?unitId=" + unit).body().values().stream().toList();
    }

    long reminders(Tree t) {
        return mongo.getCollection("reminders").countDocuments(new Document("planId", t.plan()));
    }

    @Test
    void remindersFireBeforeTheDueDateOnceAndStopWhenTheUnitReports() {
        Tree t = tree();

        CLOCK.set("2026-11-01T09:00");
        sweep.sweep();
        assertThat(reminders(t)).as("15 days before: nothing yet").isZero();

        CLOCK.set("2026-11-08T09:00");
        sweep.sweep();
        assertThat(reminders(t)).isEqualTo(3);
        JsonNode thoLap = inbox(t.thoLap()).get(0);
        assertThat(thoLap.get("rule").asString()).isEqualTo("before-7");
        assertThat(thoLap.get("message").asString()).isEqualTo(
                "Nhắc hạn báo cáo: Đoàn xã Thọ Lập chưa nộp Báo cáo năm 2026 theo Kế hoạch 54-CT/ĐTN, hạn nộp 15/11/2026 (còn 7 ngày).");
        sweep.sweep();
        assertThat(reminders(t)).as("a second sweep the same day adds nothing").isEqualTo(3);

        kafka.publish(new ReportSubmitted("r-" + t.thoLap(), 1, t.plan(), t.thoLap(), "2026", Instant.parse("2026-11-10T02:00:00Z"),
                LocalDate.of(2026, 11, 15), 0, List.of(new ReportSubmitted.Value("CT01", 18, 20L))), t.thoLap());
        await(() -> mongo.getCollection("submissions").countDocuments(new Document("unitId", t.thoLap())) == 1);

        CLOCK.set("2026-11-14T09:00");
        sweep.sweep();
        assertThat(inbox(t.thoLap())).hasSize(1);
        assertThat(inbox(t.xuanHoa())).extracting(r -> r.get("rule").asString()).containsExactly("before-1", "before-7");

        CLOCK.set("2026-11-16T22:30");
        assertThat(sweep.sweep()).as("quiet hours").isZero();
        CLOCK.set("2026-11-16T08:00");
        sweep.sweep();
        JsonNode late = inbox(t.school()).get(0);
        assertThat(late.get("rule").asString()).isEqualTo("after-1");
        assertThat(late.get("message").asString()).isEqualTo(
                "Quá hạn báo cáo: Đoàn trường THPT Thọ Xuân 4 chưa nộp Báo cáo năm 2026 theo Kế hoạch 54-CT/ĐTN; hạn nộp 15/11/2026 đã quá 1 ngày.");
        CLOCK.set("2026-11-25T08:00");
        sweep.sweep();
        assertThat(inbox(t.school())).extracting(r -> r.get("rule").asString()).containsExactly("after-7", "after-1", "before-1", "before-7");
        assertThat(inbox(t.thoLap())).hasSize(1);
        assertThat(mongo.getCollection("plans").countDocuments(new Document("_id", t.plan()))).as("the plan published twice is kept once").isEqualTo(1);
    }

    @Test
    void aReminderIsMarkedReadOverHttp() {
        Tree t = tree();
        CLOCK.set("2026-11-08T09:00");
        sweep.sweep();
        String id = inbox(t.school()).get(0).get("id").asString();

        JsonNode read = http.post("/api/reminders/" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "/read", "").body();

        assertThat(read.get("read").asBoolean()).isTrue();
        assertThat(inbox(t.school()).get(0).get("read").asBoolean()).isTrue();
        HttpJson.Response unknown = http.post("/api/reminders/no-such/read", "");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().get("detail_vi").asString()).isNotBlank();
    }

    static void await(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 20 s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
