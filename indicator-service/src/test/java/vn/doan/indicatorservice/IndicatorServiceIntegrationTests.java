package vn.doan.indicatorservice;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;
import vn.doan.events.EventCodec;
import vn.doan.events.EventEnvelope;
import vn.doan.events.Topics;
import vn.doan.events.indicator.CompletenessChanged;
import vn.doan.events.indicator.IndicatorOffTrack;
import vn.doan.events.indicator.ProgressUpdated;
import vn.doan.events.indicator.TargetAchieved;
import vn.doan.events.plan.IndicatorKind;
import vn.doan.events.plan.PlanIssued;
import vn.doan.events.plan.UnitCreated;
import vn.doan.events.plan.UnitLevel;
import vn.doan.events.plan.UnitMoved;
import vn.doan.events.report.ReportSubmitted;
import vn.doan.events.report.ReportSubmitted.Value;
import vn.doan.indicatorservice.rollup.TimeStatuses;
import vn.doan.support.events.DeadLetterReplay;
import vn.doan.support.test.DoanKhoiBinhPhuoc;
import vn.doan.support.test.HttpJson;
import vn.doan.support.test.KafkaTestClient;
import vn.doan.support.test.MutableClock;
import vn.doan.support.test.PoisonRecord;

/**
 * indicator-service fed by events on a real Kafka broker, as plan-service and report-service publish
 * them, read over HTTP. Expected numbers are computed by hand from the reports below. Two consumers share the
 * reports topic's three partitions, so the units of one tree are rolled up by both at once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=indicator-service", "doan.outbox.interval=50ms", "doan.outbox.sweep-interval=1h",
                "doan.rollup.consumers=2", "spring.cloud.stream.bindings.onReportEvent-in-0.group=" + IndicatorServiceIntegrationTests.GROUP})
@Import(IndicatorServiceIntegrationTests.Clock.class)
abstract class IndicatorServiceIntegrationTests {

    static final MutableClock CLOCK = new MutableClock("2016-11-20T09:00");
    /** The reports' consumer group of this context alone (the other test contexts of the same broker have their own). */
    static final String GROUP = "indicator-service-rollup-test";

    @TestConfiguration
    static class Clock {
        @Bean
        MutableClock clock() {
            return CLOCK;
        }
    }

    @LocalServerPort
    int port;
    HttpJson http;
    static KafkaTestClient kafka;

    abstract String kafkaBootstrap();

    @BeforeEach
    void connect() {
        http = new HttpJson("http://localhost:" + port);
        kafka = kafka == null ? new KafkaTestClient(kafkaBootstrap(), "/report-service") : kafka;
    }

    @AfterAll
    static void close() {
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
    }

    /** Tỉnh đoàn Thanh Hóa → Huyện đoàn Thọ Xuân and Huyện đoàn Triệu Sơn → three grassroots units of Thọ Xuân. */
    record Tree(String province, String thoXuan, String trieuSon, String thoLap, String xuanHoa, String school, String plan, String xuanLai) {
    }

    Tree tree() {
        String s = UUID.randomUUID().toString().substring(0, 8);
        Tree t = new Tree("th-" + s, "tx-" + s, "ts-" + s, "tl-" + s, "xh-" + s, "thpt4-" + s, "p54-" + s, "xl-" + s);
        unit(t.province(), "Tỉnh đoàn Thanh Hóa", UnitLevel.PROVINCE, null, List.of());
        unit(t.thoXuan(), "Huyện đoàn Thọ Xuân", UnitLevel.DISTRICT, t.province(), List.of(t.province()));
        unit(t.trieuSon(), "Huyện đoàn Triệu Sơn", UnitLevel.DISTRICT, t.province(), List.of(t.province()));
        unit(t.thoLap(), "Đoàn xã Thọ Lập", UnitLevel.GRASSROOTS, t.thoXuan(), List.of(t.province(), t.thoXuan()));
        unit(t.xuanHoa(), "Đoàn xã Xuân Hòa", UnitLevel.GRASSROOTS, t.thoXuan(), List.of(t.province(), t.thoXuan()));
        unit(t.school(), "Đoàn trường THPT Thọ Xuân 4", UnitLevel.GRASSROOTS, t.thoXuan(), List.of(t.province(), t.thoXuan()));
        unit(t.xuanLai(), "Đoàn xã Xuân Lai", UnitLevel.GRASSROOTS, t.thoXuan(), List.of(t.province(), t.thoXuan()));
        kafka.publish(plan(t), t.thoXuan());
        return t;
    }

    void unit(String id, String name, UnitLevel level, String parent, List<String> ancestors) {
        kafka.publish(new UnitCreated(id, id, name, level, "commune", parent, ancestors, LocalDate.of(2016, 1, 1)), id);
    }

    static PlanIssued plan(Tree t) {
        List<UnitLevel> grassroots = List.of(UnitLevel.GRASSROOTS);
        return new PlanIssued(t.plan(), "54-CT/ĐTN", "Chương trình hành động thực hiện Nghị quyết số 02-NQ/TU", t.thoXuan(),
                LocalDate.of(2016, 4, 28), LocalDate.of(2016, 1, 1), LocalDate.of(2020, 12, 31), List.of(
                new PlanIssued.Indicator("CT01", "Hàng năm 100% cán bộ Đoàn – Hội – Đội được tham gia các lớp tập huấn", IndicatorKind.SHARE_OF_PEOPLE,
                        new BigDecimal("100"), grassroots),
                new PlanIssued.Indicator("CT05", "Đánh giá xếp loại hàng năm 85% số đơn vị đoàn cơ sở loại khá trở lên", IndicatorKind.SHARE_OF_UNITS,
                        new BigDecimal("85"), grassroots),
                new PlanIssued.Indicator("CT07", "Tỷ lệ hộ nghèo do Đoàn viên - Hội viên làm chủ giảm còn 3%", IndicatorKind.RATE_AT_MOST,
                        new BigDecimal("3"), grassroots),
                new PlanIssued.Indicator("CT15", "Hàng năm mở từ 2-3 lớp tập huấn", IndicatorKind.COUNT_IN_RANGE, new BigDecimal("2"), grassroots,
                        new BigDecimal("3"), List.of(), "BTC-KT", List.of()),
                new PlanIssued.Indicator("CT16", "Ít nhất 01 lớp bồi dưỡng hằng năm", IndicatorKind.COUNT_AT_LEAST, new BigDecimal("1"), grassroots),
                new PlanIssued.Indicator("CT09", "Bí thư Đoàn cơ sở có trình độ lý luận trung cấp", IndicatorKind.YES_NO, new BigDecimal("100"), grassroots),
                new PlanIssued.Indicator("MC1", "Tổ chức hội nghị quán triệt Nghị quyết", IndicatorKind.MILESTONE, new BigDecimal("100"), grassroots,
                        null, List.of(), "BTG", List.of(new PlanIssued.LevelDeadline(UnitLevel.GRASSROOTS, LocalDate.of(2016, 6, 30))))),
                List.of(period("2016"), period("2017")));
    }

    private JsonNode rankingOnceRevised(Tree t) {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        JsonNode ranking = http.get("/api/progress/" + t.plan() + "/2016/units/" + t.province() + "/ranking").body();
        while (!"Hoàn thành tốt".equals(ranking.get(0).get("rankClass").asString()) && System.nanoTime() < until) {
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
            ranking = http.get("/api/progress/" + t.plan() + "/2016/units/" + t.province() + "/ranking").body();
        }
        return ranking;
    }

    static PlanIssued.ReportingPeriod period(String year) {
        int y = Integer.parseInt(year);
        return new PlanIssued.ReportingPeriod(year, "Báo cáo năm " + year, LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31),
                LocalDate.of(y, 11, 15), List.of(UnitLevel.GRASSROOTS));
    }

    EnvelopeAndReport report(Tree t, String unit, String period, int version, Value... values) {
        ReportSubmitted report = new ReportSubmitted("r-" + unit + "-" + period, version, t.plan(), unit, period,
                Instant.parse("2016-11-10T02:00:00Z"), LocalDate.of(2016, 11, 15), 0, List.of(values));
        return new EnvelopeAndReport(kafka.publish(report, unit), report);
    }

    record EnvelopeAndReport(EventEnvelope envelope, ReportSubmitted report) {
    }

    void threeReports(Tree t) {
        report(t, t.thoLap(), "2016", 1, new Value("CT01", 18, 20L), new Value("CT05", 1, 1L), new Value("CT07", 2, 100L),
                new Value("CT15", 2, null), new Value("CT16", 1, null), new Value("CT09", 1, null), new Value("MC1", 1, null, LocalDate.of(2016, 6, 20)));
        report(t, t.xuanHoa(), "2016", 1, new Value("CT01", 25, 25L), new Value("CT05", 1, 1L), new Value("CT07", 5, 120L),
                new Value("CT15", 4, null), new Value("CT16", 0, null), new Value("CT09", 0, null), new Value("MC1", 1, null, LocalDate.of(2016, 7, 5)));
        report(t, t.school(), "2016", 1, new Value("CT01", 9, 12L), new Value("CT05", 0, 1L), new Value("CT07", 1, 80L),
                new Value("CT15", 1, null), new Value("CT16", 3, null), new Value("CT09", 1, null), new Value("MC1", 0, null));
    }

    JsonNode progress(Tree t, String period, String unit) {
        return http.get("/api/progress/" + t.plan() + "/" + period + "/units/" + unit).body();
    }

    JsonNode awaitProgress(Tree t, String period, String unit, Predicate<JsonNode> done) {
        return awaitProgress(t.plan(), period, unit, done);
    }

    JsonNode awaitProgress(String plan, String period, String unit, Predicate<JsonNode> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            HttpJson.Response response = http.get("/api/progress/" + plan + "/" + period + "/units/" + unit);
            if (response.status() == 200 && done.test(response.body())) {
                return response.body();
            }
            last = response.body();
            sleep(100);
        }
        throw new AssertionError("progress not reached; last: " + last);
    }

    static JsonNode indicator(JsonNode progress, String code) {
        for (JsonNode indicator : progress.get("indicators")) {
            if (indicator.get("code").asString().equals(code)) {
                return indicator;
            }
        }
        throw new AssertionError("no indicator " + code);
    }

    static Predicate<JsonNode> subtreeUnits(String code, int units) {
        return p -> indicator(p, code).get("subtree").get("reportingUnits").asInt() == units;
    }

    static Predicate<JsonNode> subtreeNumerator(String code, long numerator) {
        return p -> indicator(p, code).get("subtree").get("numerator").asLong() == numerator;
    }

    static void assertMeasure(JsonNode measure, long numerator, long denominator, String percent, String status) {
        assertThat(measure.get("numerator").asLong()).isEqualTo(numerator);
        assertThat(measure.get("denominator").asLong()).isEqualTo(denominator);
        if (percent == null) {
            assertThat(measure.get("percent").isNull()).isTrue();
        } else {
            assertThat(measure.get("percent").decimalValue()).isEqualByComparingTo(percent);
        }
        assertThat(measure.get("status").asString()).isEqualTo(status);
    }

    @Autowired
    MeterRegistry registry;
    @Autowired
    DeadLetterReplay replay;

    /** A record of the reports topic that can never be processed does not hold up the reports after it on its partition. */
    @Test
    void aReportsRecordThatIsNoEventIsDeadLetteredAndTheReportAfterItOnItsPartitionIsRolledUp() {
        Tree t = tree();
        PoisonRecord poison = PoisonRecord.send(Topics.REPORTS, GROUP, t.thoLap(), "corr-bao-cao-tholap");
        report(t, t.thoLap(), "2016", 1, new Value("CT01", 18, 20L));

        JsonNode district = awaitProgress(t, "2016", t.thoXuan(), subtreeUnits("CT01", 1));
        JsonNode ct01 = indicator(district, "CT01").get("subtree");
        assertThat(List.of(ct01.get("numerator").asLong(), ct01.get("denominator").asLong())).containsExactly(18L, 20L);
        poison.assertDeadLetteredAndReplayed("indicator-service", registry, replay);
    }

    @Test
    void theRollupConsumersSettingGivesTheReportsTopicThatManyConsumers() throws Exception {
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
                java.util.Map.of("bootstrap.servers", kafkaBootstrap()))) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            java.util.Set<String> holders = java.util.Set.of();
            while (holders.size() < 2 && System.nanoTime() < deadline) {
                holders = admin.describeConsumerGroups(List.of(GROUP)).all().get().get(GROUP).members().stream()
                        .filter(m -> m.assignment().topicPartitions().stream().anyMatch(p -> p.topic().equals(Topics.REPORTS)))
                        .map(m -> m.consumerId()).collect(java.util.stream.Collectors.toSet());
                sleep(200);
            }
            assertThat(holders).as("consumers holding partitions of " + Topics.REPORTS).hasSize(2);
        }
    }

    @Test
    void everyKindOfIndicatorAddsUpAtTheUnitTheDistrictAndTheProvince() {
        Tree t = tree();
        threeReports(t);

        JsonNode district = awaitProgress(t, "2016", t.thoXuan(), subtreeUnits("CT01", 3));
        JsonNode province = awaitProgress(t, "2016", t.province(), subtreeUnits("MC1", 3));

        for (JsonNode top : List.of(district, province)) {
            assertMeasure(indicator(top, "CT01").get("subtree"), 52, 57, "91.23", "ON_TRACK");
            assertMeasure(indicator(top, "CT05").get("subtree"), 2, 3, "66.67", "AT_RISK");
            assertMeasure(indicator(top, "CT07").get("subtree"), 8, 300, "2.67", "ACHIEVED");
            JsonNode range = indicator(top, "CT15").get("subtree");
            assertThat(List.of(range.get("numerator").asInt(), range.get("below").asInt(), range.get("within").asInt(), range.get("above").asInt()))
                    .containsExactly(7, 1, 1, 1);
            assertThat(range.get("value").decimalValue()).isEqualByComparingTo("33.33");
            JsonNode count = indicator(top, "CT16").get("subtree");
            assertThat(List.of(count.get("numerator").asInt(), count.get("unitsMet").asInt(), count.get("reportingUnits").asInt())).containsExactly(4, 2, 3);
            assertThat(count.get("value").decimalValue()).isEqualByComparingTo("66.67");
            assertThat(indicator(top, "CT09").get("subtree").get("value").decimalValue()).isEqualByComparingTo("66.67");
            assertThat(indicator(top, "CT09").get("subtree").get("status").asString()).isEqualTo("OFF_TRACK");
            JsonNode milestone = indicator(top, "MC1").get("subtree");
            assertThat(List.of(milestone.get("doneOnTime").asInt(), milestone.get("doneLate").asInt(), milestone.get("reportingUnits").asInt()))
                    .containsExactly(1, 1, 3);
            assertThat(milestone.get("value").decimalValue()).isEqualByComparingTo("33.33");
        }
        JsonNode thoLap = progress(t, "2016", t.thoLap());
        assertMeasure(indicator(thoLap, "CT01").get("own"), 18, 20, "90.00", "ON_TRACK");
        assertMeasure(indicator(thoLap, "CT07").get("own"), 2, 100, "2.00", "ACHIEVED");
        assertThat(indicator(thoLap, "CT15").get("own").get("status").asString()).isEqualTo("ACHIEVED");
        assertThat(indicator(thoLap, "MC1").get("own").get("status").asString()).isEqualTo("ACHIEVED");
        JsonNode xuanHoa = progress(t, "2016", t.xuanHoa());
        assertMeasure(indicator(xuanHoa, "CT01").get("own"), 25, 25, "100.00", "ACHIEVED");
        assertThat(indicator(xuanHoa, "CT07").get("own").get("percent").decimalValue()).isEqualByComparingTo("4.17");
        assertThat(indicator(xuanHoa, "CT15").get("own").get("status").asString()).as("4 lớp: above the range").isEqualTo("AT_RISK");
        assertMeasure(indicator(progress(t, "2016", t.school()), "CT01").get("own"), 9, 12, "75.00", "AT_RISK");
        assertThat(indicator(progress(t, "2016", t.trieuSon()), "CT01").get("subtree").get("status").asString()).isEqualTo("NO_DATA");

        JsonNode children = http.get("/api/progress/" + t.plan() + "/2016/units/" + t.thoXuan() + "/children").body();
        assertThat(children.findValues("unitName").stream().map(JsonNode::asString).toList())
                .containsExactly("Đoàn trường THPT Thọ Xuân 4", "Đoàn xã Thọ Lập", "Đoàn xã Xuân Hòa", "Đoàn xã Xuân Lai");
        JsonNode oneIndicator = http.get("/api/progress/" + t.plan() + "/2016/units/" + t.thoXuan() + "/children?indicator=CT01").body();
        assertThat(oneIndicator.findValues("code").stream().map(JsonNode::asString).toList()).containsExactly("CT01", "CT01", "CT01", "CT01");
        assertThat(oneIndicator.findValues("indicators").stream().map(i -> i.get(0).get("own").get("numerator").asInt()).toList())
                .as("school 9/12, Thọ Lập 18/20, Xuân Hòa 25/25, Xuân Lai no report").containsExactly(9, 18, 25, 0);
        assertThat(http.get("/api/progress/" + t.plan() + "/2016/units/" + t.thoXuan() + "/children?indicator=CT99").status()).isEqualTo(404);

        JsonNode completeness = http.get("/api/progress/" + t.plan() + "/2016/units/" + t.thoXuan() + "/completeness").body();
        assertThat(List.of(completeness.get("expected").asInt(), completeness.get("submitted").asInt(), completeness.get("onTime").asInt(),
                completeness.get("late").asInt(), completeness.get("missing").asInt())).containsExactly(4, 3, 3, 0, 1);
        assertThat(completeness.get("missingUnits").get(0).get("unitName").asString()).isEqualTo("Đoàn xã Xuân Lai");

        // Thọ Xuân's attainments: 91.23/100, 66.67/85, rate 2.67 ≤ 3 → 1, 33.33/100, 66.67/100, 66.67/100, 33.33/100
        // = 0.9123 + 0.7844 + 1 + 0.3333 + 0.6667 + 0.6667 + 0.3333 = 4.6967; ÷ 7 × 100 = 67.10; no late report.
        JsonNode ranking = http.get("/api/progress/" + t.plan() + "/2016/units/" + t.province() + "/ranking").body();
        assertThat(ranking.get(0).get("unitName").asString()).isEqualTo("Huyện đoàn Thọ Xuân");
        assertThat(ranking.get(0).get("score").decimalValue()).isEqualByComparingTo("67.10");
        assertThat(ranking.get(1).get("unitName").asString()).isEqualTo("Huyện đoàn Triệu Sơn");
        assertThat(ranking.get(1).get("score").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(ranking.findValues("rankClass")).extracting(JsonNode::asString).as("the configured Union classes").containsExactly("Trung bình", "Yếu");

        // A revision gives the plan its own ranking: CT01 weighs 3, so (3 × 0.9123 + 3.7844) ÷ 9 × 100 = 72.46, exactly the
        // edge of its "Hoàn thành tốt" band.
        PlanIssued first = plan(t);
        kafka.publish(new PlanIssued(first.planId(), first.number(), first.title(), first.issuingUnitId(), first.issuedOn(), first.periodFrom(),
                first.periodTo(), first.indicators(), first.schedule(), 2, "Bổ sung cách xếp loại thi đua", null, null, null, List.of(),
                new PlanIssued.Ranking(List.of(new PlanIssued.Ranking.Weight("CT01", new BigDecimal("3"))), new BigDecimal("10"), List.of(
                        new PlanIssued.Ranking.RankClass("Hoàn thành tốt", new BigDecimal("72.46")),
                        new PlanIssued.Ranking.RankClass("Hoàn thành", new BigDecimal("50")),
                        new PlanIssued.Ranking.RankClass("Chưa hoàn thành", BigDecimal.ZERO)))), t.thoXuan());
        JsonNode own = rankingOnceRevised(t);
        assertThat(own.get(0).get("score").decimalValue()).isEqualByComparingTo("72.46");
        assertThat(own.findValues("rankClass")).extracting(JsonNode::asString).containsExactly("Hoàn thành tốt", "Chưa hoàn thành");

        JsonNode behind = http.get("/api/progress/" + t.plan() + "/2016/units/" + t.thoXuan() + "/behind").body();
        assertThat(behind.findValues("code").stream().map(JsonNode::asString).toList()).containsExactly("CT15", "MC1", "CT09", "CT16", "CT05");
        assertThat(behind.get(4).get("status").asString()).isEqualTo("AT_RISK");

        // a dashboard page's four parts in one answer, each exactly as its own endpoint gives it
        for (String unitId : List.of(t.thoXuan(), t.province())) {
            String unit = "/api/progress/" + t.plan() + "/2016/units/" + unitId;
            JsonNode dashboard = http.get(unit + "/dashboard").body();
            assertThat(dashboard.get("unit")).isEqualTo(http.get(unit).body());
            assertThat(dashboard.get("children")).isEqualTo(http.get(unit + "/children").body());
            assertThat(dashboard.get("behind")).isEqualTo(http.get(unit + "/behind").body());
            assertThat(dashboard.get("ranking")).isEqualTo(http.get(unit + "/ranking").body());
        }
        JsonNode thoXuans = http.get("/api/progress/" + t.plan() + "/2016/units/" + t.thoXuan() + "/dashboard").body();
        assertThat(thoXuans.get("behind").findValues("code").stream().map(JsonNode::asString).toList()).containsExactly("CT15", "MC1", "CT09", "CT16", "CT05");
        assertThat(thoXuans.get("children").findValues("unitName").stream().map(JsonNode::asString).toList())
                .containsExactly("Đoàn trường THPT Thọ Xuân 4", "Đoàn xã Thọ Lập", "Đoàn xã Xuân Hòa", "Đoàn xã Xuân Lai");
        assertMeasure(indicator(thoXuans.get("unit"), "CT01").get("subtree"), 52, 57, "91.23", "ON_TRACK");
        JsonNode provinces = http.get("/api/progress/" + t.plan() + "/2016/units/" + t.province() + "/dashboard").body();
        assertThat(provinces.get("ranking").get(0).get("score").decimalValue()).as("the plan's own ranking, as /ranking gives it").isEqualByComparingTo("72.46");
        assertThat(http.get("/api/progress/" + t.plan() + "/2016/units/nobody/dashboard").status()).isEqualTo(404);

        String progressKey = t.thoXuan() + "|" + t.plan() + "|2016";
        List<ProgressUpdated> updates = kafka.read(Topics.PROGRESS, Duration.ofSeconds(20), read -> read.stream()
                        .filter(r -> r.key().equals(progressKey)).map(r -> (ProgressUpdated) EventCodec.data(KafkaTestClient.envelope(r)).orElseThrow())
                        .anyMatch(u -> u.reportsSubmitted() == 3)).stream().filter(r -> r.key().equals(progressKey))
                .map(r -> (ProgressUpdated) EventCodec.data(KafkaTestClient.envelope(r)).orElseThrow()).toList();
        ProgressUpdated latest = updates.get(updates.size() - 1);
        assertThat(latest.unitName()).isEqualTo("Huyện đoàn Thọ Xuân");
        assertThat(latest.indicators().get(0).numerator()).isEqualTo(52);
        assertThat(latest.indicators().get(0).status()).isEqualTo("ON_TRACK");
        assertThat(updates).extracting(ProgressUpdated::rev).isSorted();
        List<Object> alerts = kafka.readToEnd(Topics.INDICATOR_ALERTS).stream().filter(r -> r.key().equals(t.thoXuan()))
                .map(r -> EventCodec.data(KafkaTestClient.envelope(r)).orElseThrow()).toList();
        assertThat(alerts.stream().filter(TargetAchieved.class::isInstance).map(a -> ((TargetAchieved) a).indicatorCode()))
                .as("CT07: 2.67% of households, at most 3%").contains("CT07");
        IndicatorOffTrack offTrack = alerts.stream().filter(IndicatorOffTrack.class::isInstance).map(IndicatorOffTrack.class::cast)
                .filter(a -> a.indicatorCode().equals("CT15")).reduce((a, b) -> b).orElseThrow();
        assertThat(offTrack.department()).isEqualTo("BTC-KT");
        // announced when the status turned: after one, two or all three reports (2, 4 and 1 classes), as partitions and batches fell
        IndicatorOffTrack.Measure measure = offTrack.measure();
        assertThat(List.of(measure.kind(), measure.indicatorTarget(), measure.targetMax()))
                .as("the plan's 'từ 2-3 lớp', not the 100% of units compared").containsExactly(IndicatorKind.COUNT_IN_RANGE, new BigDecimal("2"), new BigDecimal("3"));
        assertThat(offTrack.target()).isEqualByComparingTo("100");
        assertThat(offTrack.value()).as("units within / units reporting")
                .isEqualByComparingTo(new BigDecimal(measure.unitsMet() * 100).divide(new BigDecimal(measure.reportingUnits()), 2, java.math.RoundingMode.HALF_UP));
        assertThat(measure.reportingUnits()).isPositive();
        CompletenessChanged completenessChanged = alerts.stream().filter(CompletenessChanged.class::isInstance).map(CompletenessChanged.class::cast)
                .reduce((a, b) -> b).orElseThrow();
        assertThat(List.of(completenessChanged.submitted(), completenessChanged.onTime(), completenessChanged.late())).containsExactly(3, 3, 0);

        JsonNode history = http.get("/api/progress/" + t.plan() + "/units/" + t.thoXuan() + "/history").body();
        assertThat(history.findValues("periodId").stream().map(JsonNode::asString).toList()).containsExactly("2016", "2017");
        assertThat(indicator(history.get(0), "CT01").get("subtree").get("numerator").asInt()).isEqualTo(52);
        assertThat(indicator(history.get(1), "CT01").get("subtree").get("status").asString()).isEqualTo("NO_DATA");
    }

    @Autowired
    TimeStatuses timeStatuses;

    /**
     * Thọ Lập trains 18 of 20 cadres (90%) for 2016. On 20/11/2016, with 88.8% of the year gone, that is on
     * track; nobody reports anything more, and on 02/01/2017 the year is over below its 100% target: off
     * track. No new data arrives, so only the nightly pass over the calendar can say so — once.
     */
    /** The four grassroots units of Thọ Xuân each report the largest values report-service accepts: exact at the district and the province. */
    @Test
    void theReportsOfTwoLienChiDoanRollUpThroughTheirDoanCoSoToTheDoanKhoiThatAskedThem() {
        DoanKhoiBinhPhuoc u = DoanKhoiBinhPhuoc.publish(kafka);
        // exactly the one activity asked for, and one below it
        for (String[] unit : List.of(new String[] {u.benhVien, "1"}, new String[] {u.cdc, "0"})) {
            kafka.publish(new ReportSubmitted("r-" + unit[0], 1, u.plan, unit[0], "2016", Instant.parse("2016-11-10T02:00:00Z"),
                    LocalDate.of(2016, 11, 15), 0, List.of(new Value("CT1", Long.parseLong(unit[1]), null))), unit[0]);
        }

        for (String up : List.of(u.soYTe, u.doanKhoi)) {
            JsonNode count = indicator(awaitProgress(u.plan, "2016", up, subtreeUnits("CT1", 2)), "CT1").get("subtree");
            assertThat(List.of(count.get("numerator").asInt(), count.get("unitsMet").asInt(), count.get("reportingUnits").asInt()))
                    .as(up).containsExactly(1, 1, 2);
            assertThat(count.get("value").decimalValue()).isEqualByComparingTo("50.00");
        }
        JsonNode completeness = http.get("/api/progress/" + u.plan + "/2016/units/" + u.doanKhoi + "/completeness").body();
        assertThat(List.of(completeness.get("expected").asInt(), completeness.get("submitted").asInt(), completeness.get("missing").asInt()))
                .as("the two liên chi đoàn only, not the Đoàn khối, its Đoàn cơ sở or the chi đoàn").containsExactly(2, 2, 0);
    }

    @Test
    void theLargestValuesAUnitMayReportAddUpExactlyTwoLevelsUp() {
        Tree t = tree();
        long max = 100_000_000L;
        for (String unit : List.of(t.thoLap(), t.xuanHoa(), t.school(), t.xuanLai())) {
            report(t, unit, "2016", 1, new Value("CT01", max, max), new Value("CT16", max, null));
        }

        JsonNode district = awaitProgress(t, "2016", t.thoXuan(), subtreeUnits("CT16", 4));
        JsonNode province = awaitProgress(t, "2016", t.province(), subtreeUnits("CT16", 4));

        for (JsonNode top : List.of(district, province)) {
            assertMeasure(indicator(top, "CT01").get("subtree"), 4 * max, 4 * max, "100.00", "ACHIEVED");
            JsonNode count = indicator(top, "CT16").get("subtree");
            assertThat(List.of(count.get("numerator").asLong(), count.get("unitsMet").asLong(), count.get("reportingUnits").asLong()))
                    .containsExactly(400_000_000L, 4L, 4L);
        }
    }

    @Test
    void aStatusThatMovesOnlyWithTheCalendarIsAnnouncedOnceByTheNightlyPass() {
        Tree t = tree();
        report(t, t.thoLap(), "2016", 1, new Value("CT01", 18, 20L));
        JsonNode district = awaitProgress(t, "2016", t.thoXuan(), subtreeUnits("CT01", 1));
        assertThat(indicator(district, "CT01").get("subtree").get("status").asString()).isEqualTo("ON_TRACK");
        String progressKey = t.thoXuan() + "|" + t.plan() + "|2016";
        kafka.read(Topics.PROGRESS, Duration.ofSeconds(20), read -> read.stream().anyMatch(r -> r.key().equals(progressKey)));
        try {
            CLOCK.set("2017-01-02T09:00");
            assertThat(indicator(progress(t, "2016", t.thoXuan()), "CT01").get("subtree").get("status").asString()).isEqualTo("OFF_TRACK");
            assertThat(offTrack(t, "CT01")).as("nothing announced before the nightly pass").isZero();

            assertThat(timeStatuses.announceStatusesMovedByTime()).isPositive();
            kafka.read(Topics.INDICATOR_ALERTS, Duration.ofSeconds(20), read -> offTrack(read, t, "CT01") == 2);
            assertThat(timeStatuses.announceStatusesMovedByTime()).as("a second pass the same night finds nothing new").isZero();
            sleep(500);
            assertThat(offTrack(t, "CT01")).as("Thọ Lập's own progress and Thọ Xuân's, once each").isEqualTo(2);
            ProgressUpdated latest = kafka.readToEnd(Topics.PROGRESS).stream().filter(r -> r.key().equals(progressKey))
                    .map(r -> (ProgressUpdated) EventCodec.data(KafkaTestClient.envelope(r)).orElseThrow()).reduce((a, b) -> b).orElseThrow();
            assertThat(latest.indicators().get(0).status()).isEqualTo("OFF_TRACK");
        } finally {
            CLOCK.set("2016-11-20T09:00");
        }
    }

    /**
     * What is announced is the roll-up's, whoever runs the pass: with a staff member of Ban Tuyên giáo (who follows MC1
     * alone on the dashboards) in the security context, the nightly pass still announces Thọ Xuân with all seven indicators.
     */
    @Test
    void whatIsAnnouncedDoesNotDependOnWhoRunsThePass() {
        Tree t = tree();
        report(t, t.thoLap(), "2016", 1, new Value("CT01", 18, 20L));
        awaitProgress(t, "2016", t.thoXuan(), subtreeUnits("CT01", 1));
        String progressKey = t.thoXuan() + "|" + t.plan() + "|2016";
        kafka.read(Topics.PROGRESS, Duration.ofSeconds(20), read -> read.stream().anyMatch(r -> r.key().equals(progressKey)));
        org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(
                new org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken(
                        org.springframework.security.oauth2.jwt.Jwt.withTokenValue("btg").header("alg", "none").subject("btg-thoxuan")
                                .claim("roles", List.of("DEPARTMENT_STAFF")).claim("unit_id", t.thoXuan()).claim("department", "BTG").build()));
        try {
            CLOCK.set("2017-01-02T09:00");
            assertThat(timeStatuses.announceStatusesMovedByTime()).isPositive();

            Instant night = Instant.parse("2017-01-02T02:00:00Z");
            List<ProgressUpdated> announced = kafka.read(Topics.PROGRESS, Duration.ofSeconds(20), read -> read.stream()
                            .anyMatch(r -> r.key().equals(progressKey) && updated(r).computedAt().equals(night)))
                    .stream().filter(r -> r.key().equals(progressKey)).map(IndicatorServiceIntegrationTests::updated)
                    .filter(u -> u.computedAt().equals(night)).toList();
            assertThat(announced).as("Thọ Xuân announced by the pass").isNotEmpty();
            assertThat(announced.get(announced.size() - 1).indicators()).extracting(ProgressUpdated.Indicator::code)
                    .containsExactly("CT01", "CT05", "CT07", "CT15", "CT16", "CT09", "MC1");
        } finally {
            CLOCK.set("2016-11-20T09:00");
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
    }

    private static ProgressUpdated updated(org.apache.kafka.clients.consumer.ConsumerRecord<String, String> record) {
        return (ProgressUpdated) EventCodec.data(KafkaTestClient.envelope(record)).orElseThrow();
    }

    private long offTrack(Tree t, String code) {
        return offTrack(kafka.readToEnd(Topics.INDICATOR_ALERTS), t, code);
    }

    private static long offTrack(List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> records, Tree t, String code) {
        return records.stream().filter(r -> r.key().equals(t.thoXuan()) || r.key().equals(t.thoLap()))
                .map(r -> EventCodec.data(KafkaTestClient.envelope(r)).orElseThrow())
                .filter(e -> e instanceof IndicatorOffTrack o && o.indicatorCode().equals(code) && o.planId().equals(t.plan())).count();
    }

    @Test
    void duplicatesRevisionsAndLateOldVersionsNeverSkewANumberAndReconciliationAgrees() {
        Tree t = tree();
        threeReports(t);
        awaitProgress(t, "2016", t.province(), subtreeUnits("CT01", 3));
        EnvelopeAndReport thoLap = report(t, t.thoLap(), "2016", 1, new Value("CT01", 18, 20L));
        kafka.publish(thoLap.envelope());

        EnvelopeAndReport revised = report(t, t.school(), "2016", 2, new Value("CT01", 11, 12L));
        kafka.publish(revised.envelope());
        report(t, t.school(), "2016", 1, new Value("CT01", 9, 12L));

        JsonNode province = awaitProgress(t, "2016", t.province(), subtreeNumerator("CT01", 54));
        sleep(1500);
        province = progress(t, "2016", t.province());
        assertMeasure(indicator(province, "CT01").get("subtree"), 54, 57, "94.74", "ON_TRACK");
        assertThat(indicator(province, "CT01").get("subtree").get("reportingUnits").asInt()).isEqualTo(3);
        assertThat(indicator(province, "CT05").get("subtree").get("reportingUnits").asInt())
                .as("version 2 of the school's report has only CT01: its other values are replaced, not kept").isEqualTo(2);
        assertThat(progress(t, "2016", t.school()).get("ownVersion").asInt()).isEqualTo(2);

        JsonNode reconciliation = http.post("/api/admin/reconcile/" + t.plan() + "/2016", "").body();
        assertThat(reconciliation.get("nodes").asInt()).isEqualTo(5);
        assertThat(reconciliation.get("mismatches").asInt()).isZero();
    }

    @Test
    void afterAMoveLaterPeriodsFollowTheNewTreeAndEarlierOnesKeepTheOld() {
        Tree t = tree();
        report(t, t.school(), "2016", 1, new Value("CT01", 9, 12L));
        report(t, t.school(), "2017", 1, new Value("CT01", 5, 10L));
        awaitProgress(t, "2017", t.thoXuan(), subtreeUnits("CT01", 1));
        awaitProgress(t, "2016", t.thoXuan(), subtreeUnits("CT01", 1));

        kafka.publish(new UnitMoved(t.school(), t.thoXuan(), t.trieuSon(), List.of(t.province(), t.thoXuan()),
                List.of(t.province(), t.trieuSon()), LocalDate.of(2017, 1, 1)), t.school());

        awaitProgress(t, "2017", t.trieuSon(), subtreeUnits("CT01", 1));
        assertThat(indicator(progress(t, "2017", t.thoXuan()), "CT01").get("subtree").get("reportingUnits").asInt()).isZero();
        assertMeasure(indicator(progress(t, "2017", t.trieuSon()), "CT01").get("subtree"), 5, 10, "50.00",
                "ON_TRACK");
        CLOCK.set("2018-01-10T09:00");
        assertThat(indicator(progress(t, "2017", t.trieuSon()), "CT01").get("subtree").get("status").asString())
                .as("the period is over below target").isEqualTo("OFF_TRACK");
        CLOCK.set("2016-11-20T09:00");
        assertThat(indicator(progress(t, "2017", t.province()), "CT01").get("subtree").get("numerator").asInt()).isEqualTo(5);
        assertThat(indicator(progress(t, "2016", t.thoXuan()), "CT01").get("subtree").get("numerator").asInt())
                .as("2016 keeps the tree it was reported under").isEqualTo(9);
        assertThat(indicator(progress(t, "2016", t.trieuSon()), "CT01").get("subtree").get("reportingUnits").asInt()).isZero();
        assertThat(http.post("/api/admin/reconcile/" + t.plan() + "/2017", "").body().get("mismatches").asInt()).isZero();
        assertThat(http.post("/api/admin/reconcile/" + t.plan() + "/2016", "").body().get("mismatches").asInt()).isZero();
    }

    /**
     * Thirty communes each report, revise and resend; the stream is interleaved at random across units
     * (each unit's own order kept) with duplicates mixed in. The district must equal a computation from
     * each unit's latest version alone, and reconciliation must agree.
     */
    @Test
    void aShuffledStreamWithRevisionsAndDuplicatesEndsWithTheLatestVersionsOnly() {
        Tree t = tree();
        java.util.Random random = new java.util.Random(54);
        List<java.util.ArrayDeque<EventEnvelope>> perUnit = new java.util.ArrayList<>();
        long expectedNumerator = 0;
        long expectedDenominator = 0;
        for (int u = 0; u < 30; u++) {
            String unit = "commune-" + u + "-" + t.plan();
            unit(unit, "Đoàn xã số " + u, UnitLevel.GRASSROOTS, t.thoXuan(), List.of(t.province(), t.thoXuan()));
            java.util.ArrayDeque<EventEnvelope> stream = new java.util.ArrayDeque<>();
            int versions = 1 + random.nextInt(3);
            long numerator = 0;
            long denominator = 0;
            for (int v = 1; v <= versions; v++) {
                denominator = 10 + random.nextInt(20);
                numerator = random.nextInt((int) denominator + 1);
                EventEnvelope envelope = new vn.doan.events.EventCodec("/report-service", java.time.Clock.systemUTC()).wrap(
                        new ReportSubmitted("r-" + unit, v, t.plan(), unit, "2016", Instant.parse("2016-11-10T02:00:00Z"),
                                LocalDate.of(2016, 11, 15), 0, List.of(new Value("CT01", numerator, denominator))), unit);
                stream.add(envelope);
                if (random.nextBoolean()) {
                    stream.add(envelope);
                }
            }
            expectedNumerator += numerator;
            expectedDenominator += denominator;
            perUnit.add(stream);
        }
        while (perUnit.stream().anyMatch(q -> !q.isEmpty())) {
            java.util.ArrayDeque<EventEnvelope> next = perUnit.get(random.nextInt(perUnit.size()));
            if (!next.isEmpty()) {
                kafka.publish(next.poll());
            }
        }

        long numerator = expectedNumerator;
        JsonNode district = awaitProgress(t, "2016", t.thoXuan(), p -> subtreeUnits("CT01", 30).test(p) && subtreeNumerator("CT01", numerator).test(p));
        sleep(1000);
        district = progress(t, "2016", t.thoXuan());
        assertThat(indicator(district, "CT01").get("subtree").get("numerator").asLong()).isEqualTo(expectedNumerator);
        assertThat(indicator(district, "CT01").get("subtree").get("denominator").asLong()).isEqualTo(expectedDenominator);
        assertThat(indicator(district, "CT01").get("subtree").get("reportingUnits").asInt()).isEqualTo(30);
        assertThat(http.post("/api/admin/reconcile/" + t.plan() + "/2016", "").body().get("mismatches").asInt()).isZero();
    }

    @Test
    void unknownPlansAndUnitsAreProblems() {
        HttpJson.Response response = http.get("/api/progress/no-plan/2016/units/no-unit");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.body().get("rule").asString()).isEqualTo("progress.plan-unknown");
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
