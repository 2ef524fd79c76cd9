package vn.doan.notificationservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
import vn.doan.events.plan.PlanClosed;
import vn.doan.events.plan.PlanIssued;
import vn.doan.events.plan.UnitCreated;
import vn.doan.events.plan.UnitDissolved;
import vn.doan.events.plan.UnitLevel;
import vn.doan.events.plan.UnitMoved;
import vn.doan.events.report.ReportSubmitted;
import vn.doan.notificationservice.digest.DigestSweep;
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
    @Autowired
    DigestSweep digests;
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

    /**
     * Tỉnh đoàn Thanh Hóa asks its communes for a yearly report due 15/12. Đoàn xã Xuân Sơn moves from Huyện đoàn Thọ Xuân to
     * Huyện đoàn Triệu Sơn from 01/01/2017, Đoàn xã Thọ Thắng is dissolved on 01/01/2017. On 16/12/2017 the 2016 report is long
     * late (escalated to the upper level's secretary) and the 2017 report one day late (the upper level's office is told).
     */
    @Test
    void whoIsRemindedAndByWhichUpperLevelFollowsTheTreeOfThePeriod() {
        String s = UUID.randomUUID().toString().substring(0, 8);
        String province = "th-" + s;
        String thoXuan = "tx-" + s;
        String trieuSon = "ts-" + s;
        String thoLap = "tl-" + s;
        String xuanSon = "xs-" + s;
        String thoThang = "tt-" + s;
        String plan = "k76-" + s;
        unit(province, "Tỉnh đoàn Thanh Hóa", UnitLevel.PROVINCE, null, List.of());
        unit(thoXuan, "Huyện đoàn Thọ Xuân", UnitLevel.DISTRICT, province, List.of(province));
        unit(trieuSon, "Huyện đoàn Triệu Sơn", UnitLevel.DISTRICT, province, List.of(province));
        unit(thoLap, "Đoàn xã Thọ Lập", UnitLevel.GRASSROOTS, thoXuan, List.of(province, thoXuan));
        unit(xuanSon, "Đoàn xã Xuân Sơn", UnitLevel.GRASSROOTS, thoXuan, List.of(province, thoXuan));
        unit(thoThang, "Đoàn xã Thọ Thắng", UnitLevel.GRASSROOTS, thoXuan, List.of(province, thoXuan));
        LocalDate january2017 = LocalDate.of(2017, 1, 1);
        kafka.publish(new UnitMoved(xuanSon, thoXuan, trieuSon, List.of(province, thoXuan), List.of(province, trieuSon), january2017), xuanSon);
        kafka.publish(new UnitDissolved(thoThang, january2017, "Sáp nhập vào Đoàn xã Thọ Lập"), thoThang);
        for (String[] person : new String[][] {{"bt-tholap", thoLap, "SECRETARY", null}, {"bt-xuanson", xuanSon, "SECRETARY", null},
                {"bt-thothang", thoThang, "SECRETARY", null}, {"bt-thoxuan", thoXuan, "SECRETARY", null}, {"vp-thoxuan", thoXuan, "STAFF", "VP"},
                {"bt-trieuson", trieuSon, "SECRETARY", null}, {"vp-trieuson", trieuSon, "STAFF", "VP"}}) {
            Map<String, Object> body = new HashMap<>(Map.of("unitId", person[1], "role", person[2],
                    "name", "Cán bộ " + person[0], "channels", List.of("INBOX")));
            body.put("department", person[3]);
            assertThat(http.send("PUT", "/api/recipients/" + person[0] + "-" + s, body).status()).isEqualTo(200);
        }
        kafka.publish(new PlanIssued(plan, "76-KH/TĐTN-VP", "Kế hoạch thực hiện Nghị quyết Đại hội Đoàn tỉnh", province,
                LocalDate.of(2016, 1, 5), LocalDate.of(2016, 1, 1), LocalDate.of(2017, 12, 31),
                List.of(new PlanIssued.Indicator("CT01", "Hằng năm kết nạp ít nhất 20 đoàn viên mới", IndicatorKind.COUNT_AT_LEAST, new BigDecimal("20"),
                        List.of(UnitLevel.GRASSROOTS))),
                List.of(new PlanIssued.ReportingPeriod("2016", "Báo cáo năm 2016", LocalDate.of(2016, 1, 1), LocalDate.of(2016, 12, 31),
                                LocalDate.of(2016, 12, 15), List.of(UnitLevel.GRASSROOTS)),
                        new PlanIssued.ReportingPeriod("2017", "Báo cáo năm 2017", january2017, LocalDate.of(2017, 12, 31),
                                LocalDate.of(2017, 12, 15), List.of(UnitLevel.GRASSROOTS)))), province);
        await(() -> mongo.getCollection("plans").countDocuments(new Document("_id", plan)) == 1
                && mongo.getCollection("units").countDocuments(new Document("_id", thoThang).append("active", false)) == 1
                && mongo.getCollection("units").countDocuments(new Document("_id", xuanSon).append("parentId", trieuSon)) == 1);
        try {
            CLOCK.set("2017-12-16T09:00");
            sweep.sweep();

            String due2016 = "|after-7|2016-12-15";
            String due2017 = "|after-1|2017-12-15";
            Map<String, List<String>> told = new TreeMap<>();
            mongo.getCollection("deliveries").find(new Document("notificationId", new Document("$regex", "^reminder\\|" + plan + "\\|")))
                    .forEach(d -> told.computeIfAbsent(d.getString("notificationId").substring(("reminder|" + plan + "|").length()),
                            k -> new ArrayList<>()).add(d.getString("recipientId").replace("-" + s, "")));
            told.values().forEach(Collections::sort);
            assertThat(told).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "2016|" + thoLap + due2016, List.of("bt-tholap", "bt-thoxuan"),
                    "2016|" + xuanSon + due2016, List.of("bt-thoxuan", "bt-xuanson"),
                    "2016|" + thoThang + due2016, List.of("bt-thothang", "bt-thoxuan"),
                    "2017|" + thoLap + due2017, List.of("bt-tholap", "vp-thoxuan"),
                    "2017|" + xuanSon + due2017, List.of("bt-xuanson", "vp-trieuson")));
            assertThat(inbox(thoThang)).extracting(r -> r.get("periodId").asString()).as("dissolved on 01/01/2017: 2016 only")
                    .containsExactly("2016");

            String remind = "/api/reminders/now?planId=" + plan + "&periodId=";
            HttpJson.Response dissolved = http.post(remind + "2017&unitId=" + thoThang, "");
            assertThat(dissolved.status()).as("by hand: not expected in 2017").isEqualTo(422);
            assertThat(dissolved.body().get("detail_vi").asString())
                    .isEqualTo("Đoàn xã Thọ Thắng không phải báo cáo Báo cáo năm 2017 theo Kế hoạch 76-KH/TĐTN-VP.");
            assertThat(http.post(remind + "2016&unitId=" + xuanSon, "").status()).as("by hand: 2016, under Thọ Xuân").isEqualTo(201);
            told.clear();
            mongo.getCollection("deliveries").find(new Document("notificationId", "reminder|" + plan + "|2016|" + xuanSon + "|manual-2017-12-16|2016-12-15"))
                    .forEach(d -> told.computeIfAbsent("2016", k -> new ArrayList<>()).add(d.getString("recipientId").replace("-" + s, "")));
            assertThat(told.get("2016")).containsExactlyInAnyOrder("bt-xuanson", "vp-thoxuan");

            digests.sweep();
            String late = "- %s: chưa nộp Báo cáo năm %d theo Kế hoạch 76-KH/TĐTN-VP, quá hạn 15/12/%d";
            assertThat(lateInDigest(thoXuan)).isEqualTo(String.join("\n", late.formatted("Đoàn xã Thọ Lập", 2016, 2016),
                    late.formatted("Đoàn xã Thọ Thắng", 2016, 2016), late.formatted("Đoàn xã Xuân Sơn", 2016, 2016),
                    late.formatted("Đoàn xã Thọ Lập", 2017, 2017)));
            assertThat(lateInDigest(trieuSon)).isEqualTo(late.formatted("Đoàn xã Xuân Sơn", 2017, 2017));
        } finally {
            kafka.publish(new PlanClosed(plan, province, LocalDate.of(2018, 1, 5), "Hết giai đoạn"), province);
            await(() -> mongo.getCollection("plans").countDocuments(new Document("_id", plan).append("closed", true)) == 1);
        }
    }

    /** The "late" lines of the unit's morning digest of 16/12/2017, in Vietnamese. */
    String lateInDigest(String unitId) {
        Document digest = mongo.getCollection("notifications").find(new Document("_id", "digest|" + unitId + "|2017-12-16")).first();
        assertThat(digest).as("digest of " + unitId).isNotNull();
        return digest.get("params", Document.class).getString("vi:late");
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
