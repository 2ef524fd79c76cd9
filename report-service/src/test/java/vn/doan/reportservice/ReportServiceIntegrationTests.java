package vn.doan.reportservice;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import vn.doan.events.EventCodec;
import vn.doan.events.EventEnvelope;
import vn.doan.events.Topics;
import vn.doan.events.plan.IndicatorKind;
import vn.doan.events.plan.PlanClosed;
import vn.doan.events.plan.PlanIssued;
import vn.doan.events.plan.UnitCreated;
import vn.doan.events.plan.UnitLevel;
import vn.doan.events.report.ReportReturned;
import vn.doan.events.report.ReportSubmitted;
import vn.doan.support.events.DeadLetterReplay;
import vn.doan.support.test.DoanKhoiBinhPhuoc;
import vn.doan.support.test.HttpJson;
import vn.doan.support.test.KafkaTestClient;
import vn.doan.support.test.MutableClock;
import vn.doan.support.test.PoisonRecord;

/**
 * report-service over real HTTP: it learns plans and units from events published on a real Kafka broker
 * (as plan-service would), stores in MongoDB over TCP, and publishes ReportSubmitted. Concrete classes
 * choose the back ends.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=report-service", "doan.outbox.interval=50ms", "doan.outbox.sweep-interval=1h", "doan.reports.attachment-max-bytes=4096",
                "spring.cloud.stream.bindings.onUnitEvent-in-0.group=" + ReportServiceIntegrationTests.UNITS_GROUP})
@org.springframework.context.annotation.Import(ReportServiceIntegrationTests.FixedClock.class)
abstract class ReportServiceIntegrationTests {

    static final MutableClock CLOCK = new MutableClock("2016-11-10T09:00");
    /** The unit events' consumer group of this context alone (the other test contexts of the same broker have their own). */
    static final String UNITS_GROUP = "report-service-integration-test";

    @TestConfiguration
    static class FixedClock {
        @Bean
        MutableClock clock() {
            return CLOCK;
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;
    static KafkaTestClient kafka;
    HttpJson http;

    abstract String kafkaBootstrap();

    @BeforeEach
    void connect() {
        http = new HttpJson("http://localhost:" + port);
        kafka = kafka == null ? new KafkaTestClient(kafkaBootstrap(), "/plan-service") : kafka;
        CLOCK.set("2016-11-10T09:00");
    }

    @AfterAll
    static void close() {
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
    }

    @Autowired
    MeterRegistry registry;
    @Autowired
    DeadLetterReplay replay;

    /** A unit event that can never be processed does not hold up the unit events after it on its partition. */
    @Test
    void aUnitRecordThatIsNoEventIsDeadLetteredAndTheUnitAfterItOnItsPartitionIsLearnt() {
        String xuanLap = "xuanlap-" + UUID.randomUUID().toString().substring(0, 8);
        PoisonRecord poison = PoisonRecord.send(Topics.ORG_UNITS, UNITS_GROUP, xuanLap, "corr-xuanlap");
        unit(xuanLap, "Đoàn xã Xuân Lập", UnitLevel.GRASSROOTS, null, List.of());

        await(() -> mongo.getCollection("units").countDocuments(new Document("_id", xuanLap)) == 1);
        poison.assertDeadLetteredAndReplayed("report-service", registry, replay);
    }

    /** Thọ Xuân with three grassroots units and plan 54-CT/ĐTN, as plan-service would announce them. */
    record Tree(String province, String district, String thoLap, String xuanHoa, String school, String planId) {
    }

    Tree thoXuan() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String province = "thanhhoa-" + suffix;
        String district = "thoxuan-" + suffix;
        Tree tree = new Tree(province, district, "tholap-" + suffix, "xuanhoa-" + suffix, "thpt4-" + suffix, "plan54-" + suffix);
        unit(province, "Tỉnh đoàn Thanh Hóa", UnitLevel.PROVINCE, null, List.of());
        unit(district, "Huyện đoàn Thọ Xuân", UnitLevel.DISTRICT, province, List.of(province));
        unit(tree.thoLap(), "Đoàn xã Thọ Lập", UnitLevel.GRASSROOTS, district, List.of(province, district));
        unit(tree.xuanHoa(), "Đoàn xã Xuân Hòa", UnitLevel.GRASSROOTS, district, List.of(province, district));
        unit(tree.school(), "Đoàn trường THPT Thọ Xuân 4", UnitLevel.GRASSROOTS, district, List.of(province, district));
        kafka.publish(plan(tree.planId(), district), district);
        await(() -> mongo.exists(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").is(tree.planId())), "plans")
                && mongo.getCollection("units").countDocuments(new Document("_id", tree.school())) == 1);
        return tree;
    }

    void unit(String id, String name, UnitLevel level, String parent, List<String> ancestors) {
        kafka.publish(new UnitCreated(id, id.toUpperCase(), name, level, "commune", parent, ancestors, LocalDate.of(2016, 1, 1)), id);
    }

    static PlanIssued plan(String planId, String district) {
        return new PlanIssued(planId, "54-CT/ĐTN", "Chương trình hành động thực hiện Nghị quyết số 02-NQ/TU", district,
                LocalDate.of(2016, 4, 28), LocalDate.of(2016, 1, 1), LocalDate.of(2020, 12, 31),
                List.of(new PlanIssued.Indicator("CT01", "Hàng năm 100% cán bộ Đoàn – Hội – Đội được tham gia các lớp tập huấn",
                                IndicatorKind.SHARE_OF_PEOPLE, new BigDecimal("100"), List.of(UnitLevel.GRASSROOTS)),
                        new PlanIssued.Indicator("CT15", "Hàng năm mở từ 2-3 lớp tập huấn", IndicatorKind.COUNT_IN_RANGE,
                                new BigDecimal("2"), List.of(UnitLevel.DISTRICT), new BigDecimal("3"), List.of(), "BTC-KT", List.of()),
                        new PlanIssued.Indicator("CT09", "Bí thư Đoàn cơ sở có trình độ lý luận trung cấp", IndicatorKind.YES_NO,
                                new BigDecimal("100"), List.of(UnitLevel.GRASSROOTS)),
                        new PlanIssued.Indicator("MC1", "Tổ chức hội nghị quán triệt", IndicatorKind.MILESTONE, new BigDecimal("100"),
                                List.of(UnitLevel.GRASSROOTS), null, List.of(),
                                "BTG", List.of(new PlanIssued.LevelDeadline(UnitLevel.GRASSROOTS, LocalDate.of(2016, 6, 30)))),
                        new PlanIssued.Indicator("NV1", "Xây dựng Chương trình phối hợp giữa Đoàn với UBND cùng cấp", IndicatorKind.TASK,
                                new BigDecimal("100"), List.of(UnitLevel.GRASSROOTS), null, List.of(), null, null)),
                List.of(new PlanIssued.ReportingPeriod("2016", "Báo cáo năm 2016", LocalDate.of(2016, 1, 1), LocalDate.of(2016, 12, 31),
                        LocalDate.of(2016, 11, 15), List.of(UnitLevel.GRASSROOTS, UnitLevel.DISTRICT))));
    }

    static Map<String, Object> report(Tree tree, String unit, Object... values) {
        List<Map<String, Object>> list = new java.util.ArrayList<>();
        for (int i = 0; i < values.length; i += 3) {
            Map<String, Object> value = new HashMap<>();
            value.put("indicatorCode", values[i]);
            value.put("numerator", values[i + 1]);
            value.put("denominator", values[i + 2]);
            list.add(value);
        }
        return Map.of("planId", tree.planId(), "unitId", unit, "periodId", "2016", "values", list);
    }

    HttpJson.Response submit(Map<String, Object> body, String key) {
        return http.post("/api/reports", body, Map.of("Idempotency-Key", key));
    }

    List<ReportSubmitted> published(String reportId) {
        await(() -> mongo.getCollection("reports").countDocuments(new Document("_id", reportId).append("outbox.0", new Document("$exists", true))) == 0);
        return kafka.readToEnd(Topics.REPORTS).stream().map(KafkaTestClient::envelope)
                .map(e -> EventCodec.data(e).orElseThrow()).filter(ReportSubmitted.class::isInstance).map(ReportSubmitted.class::cast)
                .filter(r -> r.reportId().equals(reportId)).toList();
    }

    @Test
    void aReportIsAcceptedOnceAndPublishedOnceKeyedByItsUnitEvenWhenRetried() {
        Tree tree = thoXuan();
        String key = UUID.randomUUID().toString();

        HttpJson.Response first = submit(report(tree, tree.thoLap(), "CT01", 18, 20, "CT09", 1, null), key);
        HttpJson.Response retry = submit(report(tree, tree.thoLap(), "CT01", 18, 20, "CT09", 1, null), key);

        assertThat(first.status()).as(first.body().toString()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(200);
        String id = first.body().get("id").asString();
        assertThat(retry.body().get("id").asString()).isEqualTo(id);
        assertThat(first.body().get("onTime").asBoolean()).isTrue();
        List<ReportSubmitted> events = published(id);
        assertThat(events).hasSize(1);
        assertThat(events.get(0).version()).isEqualTo(1);
        assertThat(events.get(0).values()).containsExactly(new ReportSubmitted.Value("CT01", 18, 20L), new ReportSubmitted.Value("CT09", 1, null));
        ConsumerRecord<String, String> record = kafka.readToEnd(Topics.REPORTS).stream()
                .filter(r -> KafkaTestClient.envelope(r).data().get("reportId").asString().equals(id)).findFirst().orElseThrow();
        assertThat(record.key()).isEqualTo(tree.thoLap());
        assertThat(new String(record.headers().lastHeader("content-type").value())).isEqualTo("application/cloudevents+json; charset=UTF-8");

        HttpJson.Response reused = submit(report(tree, tree.thoLap(), "CT01", 19, 20), key);
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.body().get("rule").asString()).isEqualTo("report.idempotency-key-reused");

        HttpJson.Response second = submit(report(tree, tree.thoLap(), "CT01", 19, 20), UUID.randomUUID().toString());
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.body().get("reportId").asString()).isEqualTo(id);
        assertThat(mongo.getCollection("reports").countDocuments(new Document("unitId", tree.thoLap()))).isEqualTo(1);
    }

    @Test
    void aRevisionIsANewVersionWhoseValuesReplaceTheOldOnes() {
        Tree tree = thoXuan();
        String id = submit(report(tree, tree.xuanHoa(), "CT01", 9, 12), UUID.randomUUID().toString()).body().get("id").asString();
        CLOCK.set("2016-11-18T10:00");

        HttpJson.Response revised = http.post("/api/reports/" + id + "/revisions",
                Map.of("values", List.of(Map.of("indicatorCode", "CT01", "numerator", 11, "denominator", 12))),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));

        assertThat(revised.status()).as(revised.body().toString()).isEqualTo(201);
        assertThat(revised.body().get("version").asInt()).isEqualTo(2);
        assertThat(revised.body().get("daysLate").asInt()).isEqualTo(3);
        assertThat(revised.body().get("versions").size()).isEqualTo(2);
        List<ReportSubmitted> events = published(id);
        assertThat(events).extracting(ReportSubmitted::version).containsExactly(1, 2);
        assertThat(events.get(1).values()).containsExactly(new ReportSubmitted.Value("CT01", 11, 12L));
        assertThat(events.get(1).daysLate()).isEqualTo(3);
    }

    @Test
    void aLienChiDoanReportsForThePlanOfItsDoanKhoiAndCountsInItsCompletenessButItsBranchDoesNot() {
        DoanKhoiBinhPhuoc u = DoanKhoiBinhPhuoc.publish(kafka);
        await(() -> mongo.exists(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").is(u.plan)), "plans")
                && mongo.getCollection("units").countDocuments(new Document("_id", u.khoaNoi)) == 1);
        assertThat(mongo.getCollection("units").find(new Document("_id", u.benhVien)).first().getString("level")).isEqualTo("LIEN_CHI_DOAN");

        HttpJson.Response lcd = submit(Map.of("planId", u.plan, "unitId", u.benhVien, "periodId", "2016",
                "values", List.of(Map.of("indicatorCode", "CT1", "numerator", 2))), UUID.randomUUID().toString());
        HttpJson.Response branch = submit(Map.of("planId", u.plan, "unitId", u.khoaNoi, "periodId", "2016",
                "values", List.of(Map.of("indicatorCode", "CT1", "numerator", 1))), UUID.randomUUID().toString());

        assertThat(lcd.status()).as(lcd.body().toString()).isEqualTo(201);
        assertThat(published(lcd.body().get("id").asString())).singleElement()
                .satisfies(r -> assertThat(r.values()).containsExactly(new ReportSubmitted.Value("CT1", 2, null)));
        assertThat(branch.status()).isEqualTo(422);
        assertThat(branch.body().get("rule").asString()).isEqualTo("report.level-not-reporting");
        JsonNode completeness = http.get("/api/reports/completeness?planId=" + u.plan + "&periodId=2016&unitId=" + u.doanKhoi).body();
        assertThat(completeness.get("expected").asInt()).as("the two liên chi đoàn, not the Đoàn khối, its Đoàn cơ sở or the chi đoàn").isEqualTo(2);
        assertThat(completeness.get("onTime").asInt()).isEqualTo(1);
        assertThat(completeness.get("notYetDue").asInt()).isEqualTo(1);
        assertThat(completeness.get("units").findValues("level").stream().map(JsonNode::asString).toList())
                .containsExactly("LIEN_CHI_DOAN", "LIEN_CHI_DOAN");
    }

    @Test
    void aLateReportIsAcceptedAndCountsItsDaysLateInVietnam() {
        Tree tree = thoXuan();
        CLOCK.set("2016-11-18T23:30");

        HttpJson.Response late = submit(report(tree, tree.school(), "CT01", 30, 32), UUID.randomUUID().toString());

        assertThat(late.status()).isEqualTo(201);
        assertThat(late.body().get("daysLate").asInt()).isEqualTo(3);
        assertThat(late.body().get("onTime").asBoolean()).isFalse();
        JsonNode completeness = http.get("/api/reports/completeness?planId=" + tree.planId() + "&periodId=2016").body();
        assertThat(completeness.get("expected").asInt()).as("three grassroots units and the district").isEqualTo(4);
        assertThat(completeness.get("late").asInt()).isEqualTo(1);
        assertThat(completeness.get("missing").asInt()).isEqualTo(3);
        assertThat(http.get("/api/reports/completeness?planId=" + tree.planId() + "&periodId=2016&unitId=" + tree.school())
                .body().get("expected").asInt()).isEqualTo(1);
    }

    @Test
    void aTaskIsReportedDoneWithTheDayItWasDoneAndPublishedSo() {
        Tree tree = thoXuan();
        Map<String, Object> done = report(tree, tree.xuanHoa(), "NV1", 1, null);
        @SuppressWarnings("unchecked")
        Map<String, Object> value = ((List<Map<String, Object>>) done.get("values")).get(0);
        value.put("doneOn", "2016-09-20");

        HttpJson.Response submitted = submit(done, UUID.randomUUID().toString());

        assertThat(submitted.status()).as(submitted.body().toString()).isEqualTo(201);
        assertThat(published(submitted.body().get("id").asString())).singleElement().satisfies(r -> assertThat(r.values())
                .containsExactly(new ReportSubmitted.Value("NV1", 1, null, LocalDate.of(2016, 9, 20))));
    }

    @Test
    void everyRuleIsAProblemNamingTheFieldAndNothingIsStored() {
        Tree tree = thoXuan();
        long before = mongo.getCollection("reports").countDocuments();

        refused(report(tree, tree.thoLap(), "CT01", 21, 20), "report.share-out-of-range", "values[0].numerator");
        refused(report(tree, tree.thoLap(), "CT01", 5, 0), "report.share-out-of-range", "values[0].numerator");
        refused(report(tree, tree.thoLap(), "CT01", 5, null), "report.share-out-of-range", "values[0].numerator");
        refused(report(tree, tree.thoLap(), "CT09", 2, null), "report.yes-no-invalid", "values[0].numerator");
        refused(report(tree, tree.district(), "CT15", -1, null), "report.count-invalid", "values[0].numerator");
        refused(report(tree, tree.thoLap(), "CT15", 2, null), "report.indicator-not-for-level", "values[0].indicatorCode");
        refused(report(tree, tree.thoLap(), "CT99", 2, null), "report.indicator-unknown", "values[0].indicatorCode");
        refused(report(tree, tree.thoLap(), "CT01", 1, 2, "CT01", 1, 2), "report.indicator-duplicate", "values[1].indicatorCode");
        refused(report(tree, tree.thoLap(), "MC1", 1, null), "report.milestone-invalid", "values[0].doneOn");
        refused(report(tree, tree.thoLap(), "NV1", 1, null), "report.task-invalid", "values[0].doneOn");
        refused(report(tree, tree.thoLap(), "NV1", 2, null), "report.task-invalid", "values[0].doneOn");
        refused(report(tree, tree.province(), "CT01", 1, 2), "report.unit-out-of-scope", "unitId");
        refused(report(tree, "no-such-unit", "CT01", 1, 2), "report.unit-unknown", "unitId");
        Map<String, Object> wrongPeriod = new HashMap<>(report(tree, tree.thoLap(), "CT01", 1, 2));
        wrongPeriod.put("periodId", "2016-H1");
        refused(wrongPeriod, "report.period-unknown", "periodId");
        Map<String, Object> unknownPlan = new HashMap<>(report(tree, tree.thoLap(), "CT01", 1, 2));
        unknownPlan.put("planId", "no-such-plan");
        refused(unknownPlan, "report.plan-unknown", "planId");

        HttpJson.Response fraction = submit(report(tree, tree.thoLap(), "CT01", 2.5, 20), UUID.randomUUID().toString());
        assertThat(fraction.status()).as("a count of people is whole").isEqualTo(400);
        assertThat(fraction.body().get("rule").asString()).isEqualTo("request.unreadable");

        HttpJson.Response noKey = http.post("/api/reports", report(tree, tree.thoLap(), "CT01", 1, 2));
        assertThat(noKey.status()).isEqualTo(400);
        assertThat(noKey.body().get("field").asString()).isEqualTo("Idempotency-Key");

        assertThat(mongo.getCollection("reports").countDocuments()).isEqualTo(before);

        kafka.publish(new PlanClosed(tree.planId(), tree.district(), LocalDate.of(2016, 12, 31), "Hết kỳ"), tree.district());
        await(() -> mongo.getCollection("plans").countDocuments(new Document("_id", tree.planId()).append("closed", true)) == 1);
        refused(report(tree, tree.thoLap(), "CT01", 1, 2), "report.plan-closed", "planId");
    }

    /**
     * A value is at most 100,000,000 (no unit counts more): exactly that is accepted and published as it is; one above it,
     * 2^63 − 1 or a negative value is refused naming the field, in a new report and in a revision, and nothing is stored.
     */
    @Test
    void valuesAreAtMostOneHundredMillionAndNothingAboveIsStored() {
        Tree tree = thoXuan();
        long max = 100_000_000L;
        long before = mongo.getCollection("reports").countDocuments();

        refused(report(tree, tree.thoLap(), "CT01", max + 1, max + 1), "report.value-too-large", "values[0].numerator");
        refused(report(tree, tree.thoLap(), "CT01", max, max + 1), "report.value-too-large", "values[0].denominator");
        refused(report(tree, tree.thoLap(), "CT01", Long.MAX_VALUE, Long.MAX_VALUE), "report.value-too-large", "values[0].numerator");
        refused(report(tree, tree.thoLap(), "CT01", 1, Long.MAX_VALUE), "report.value-too-large", "values[0].denominator");
        refused(report(tree, tree.thoLap(), "CT01", -1, max), "report.share-out-of-range", "values[0].numerator");
        refused(report(tree, tree.thoLap(), "CT01", 0, -1), "report.share-out-of-range", "values[0].numerator");
        refused(report(tree, tree.district(), "CT15", max + 1, null), "report.value-too-large", "values[0].numerator");
        refused(report(tree, tree.district(), "CT15", Long.MAX_VALUE, null), "report.value-too-large", "values[0].numerator");
        refused(report(tree, tree.district(), "CT15", Long.MIN_VALUE, null), "report.count-invalid", "values[0].numerator");
        HttpJson.Response refused = submit(report(tree, tree.thoLap(), "CT01", Long.MAX_VALUE, Long.MAX_VALUE), UUID.randomUUID().toString());
        assertThat(refused.body().get("detail_vi").asString()).isEqualTo("Chỉ tiêu CT01: giá trị không được vượt quá 100.000.000.");
        assertThat(mongo.getCollection("reports").countDocuments()).as("nothing stored").isEqualTo(before);

        HttpJson.Response largest = submit(report(tree, tree.thoLap(), "CT01", max, max), UUID.randomUUID().toString());
        assertThat(largest.status()).as(largest.body().toString()).isEqualTo(201);
        String id = largest.body().get("id").asString();
        assertThat(submit(report(tree, tree.district(), "CT15", max, null), UUID.randomUUID().toString()).status()).isEqualTo(201);
        HttpJson.Response revision = http.post("/api/reports/" + id + "/revisions",
                Map.of("values", List.of(Map.of("indicatorCode", "CT01", "numerator", max + 1, "denominator", max + 1))),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(revision.status()).as(revision.body().toString()).isEqualTo(422);
        assertThat(revision.body().get("field").asString()).isEqualTo("values[0].numerator");
        assertThat(published(id)).extracting(ReportSubmitted::version, ReportSubmitted::values)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, List.of(new ReportSubmitted.Value("CT01", max, max))));
        assertThat(http.get("/api/reports/" + id).body().get("versions").size()).isEqualTo(1);
    }

    @Test
    void aNumberWhereTextBelongsAndTextWhereANumberBelongsAreRefusedNamingTheField() {
        Tree tree = thoXuan();
        long before = mongo.getCollection("reports").countDocuments();

        unreadable(report(tree, tree.thoLap(), "CT01", "18", 20), "values[0].numerator");
        unreadable(report(tree, tree.thoLap(), "CT01", 18, "20"), "values[0].denominator");
        unreadable(report(tree, tree.thoLap(), 1, 18, 20), "values[0].indicatorCode");
        Map<String, Object> numericPeriod = new HashMap<>(report(tree, tree.thoLap(), "CT01", 18, 20));
        numericPeriod.put("periodId", 2016);
        unreadable(numericPeriod, "periodId");

        assertThat(mongo.getCollection("reports").countDocuments()).isEqualTo(before);
    }

    private void unreadable(Map<String, Object> body, String field) {
        HttpJson.Response response = submit(body, UUID.randomUUID().toString());
        assertThat(response.status()).as(field + ": " + response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("rule").asString()).isEqualTo("request.unreadable");
        assertThat(response.body().get("field").asString()).isEqualTo(field);
        assertThat(response.body().get("detail_vi").asString()).contains(field);
    }

    private void refused(Map<String, Object> body, String rule, String field) {
        HttpJson.Response response = submit(body, UUID.randomUUID().toString());
        assertThat(response.status()).as(rule + ": " + response.body()).isEqualTo(422);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("rule").asString()).isEqualTo(rule);
        assertThat(response.body().get("field").asString()).isEqualTo(field);
        assertThat(response.body().get("detail_vi").asString()).isNotBlank();
    }

    @Test
    void theSameUnitOrPlanEventTwiceLeavesOneRecordAndAnOlderPlanVersionIsIgnored() {
        Tree tree = thoXuan();
        EventEnvelope unit = kafka.publish(new UnitCreated("twice-" + tree.planId(), "TWICE", "Đoàn xã Xuân Lai", UnitLevel.GRASSROOTS,
                "commune", tree.district(), List.of(tree.province(), tree.district()), LocalDate.of(2016, 1, 1)), "twice-" + tree.planId());
        kafka.publish(unit);
        PlanIssued v1 = plan(tree.planId(), tree.district());
        PlanIssued v2 = new PlanIssued(v1.planId(), v1.number(), "Tiêu đề đã điều chỉnh", v1.issuingUnitId(), v1.issuedOn(), v1.periodFrom(),
                v1.periodTo(), v1.indicators(), v1.schedule(), 2, "Điều chỉnh", null, null, null, List.of());
        kafka.publish(v2, tree.district());
        kafka.publish(v1, tree.district());
        kafka.publish(unit);

        await(() -> mongo.getCollection("plans").countDocuments(new Document("_id", tree.planId()).append("version", 2)) == 1);
        sleep(Duration.ofMillis(1500));
        assertThat(mongo.getCollection("units").countDocuments(new Document("_id", "twice-" + tree.planId()))).isEqualTo(1);
        Document plan = mongo.getCollection("plans").find(new Document("_id", tree.planId())).first();
        assertThat(plan.getInteger("version")).isEqualTo(2);
        assertThat(plan.get("plan", Document.class).getString("title")).isEqualTo("Tiêu đề đã điều chỉnh");
    }

    @Test
    void aReportIsDraftedSubmittedReturnedResubmittedAndAcceptedWithWhoWhenAndWhy() {
        Tree tree = thoXuan();
        Map<String, Object> draft = new HashMap<>(report(tree, tree.thoLap(), "CT01", 15, 20));
        draft.put("sections", Map.of("results", "Tổ chức 02 lớp tập huấn cho 15 cán bộ.", "shortcomings", "Còn 05 cán bộ chưa tham gia do đi làm xa.",
                "proposals", "Đề nghị Huyện đoàn mở thêm lớp vào cuối tuần."));
        HttpJson secretary = http.as(vn.doan.support.test.TestTokens.cadre("bt-tholap", tree.thoLap()));
        HttpJson district = http.as(vn.doan.support.test.TestTokens.cadre("bt-huyendoan", tree.district()));
        HttpJson.Response created = secretary.post("/api/reports/drafts", draft, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        String id = created.body().get("id").asString();
        assertThat(created.body().get("status").asString()).isEqualTo("DRAFT");
        assertThat(created.body().get("version").asInt()).isZero();

        HttpJson.Response edited = http.send("PUT", "/api/reports/" + id, Map.of("values", List.of(Map.of("indicatorCode", "CT01", "numerator", 18, "denominator", 20)),
                "sections", Map.of("results", "Tổ chức 02 lớp tập huấn cho 18 cán bộ.", "shortcomings", "", "proposals", "")));
        assertThat(edited.status()).isEqualTo(200);
        assertThat(http.post("/api/reports/" + id + "/accept", "").status()).as("a draft cannot be accepted").isEqualTo(409);

        JsonNode submitted = secretary.post("/api/reports/" + id + "/submit", "", Map.of("Idempotency-Key", UUID.randomUUID().toString())).body();
        assertThat(submitted.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(submitted.get("version").asInt()).isEqualTo(1);

        HttpJson.Response noReason = http.post("/api/reports/" + id + "/return", Map.of("reason", " "));
        assertThat(noReason.body().get("rule").asString()).isEqualTo("report.return-reason-missing");
        JsonNode returned = district.post("/api/reports/" + id + "/return", Map.of("reason", "Số liệu tập huấn chưa khớp danh sách gửi kèm."))
                .body();
        assertThat(returned.get("status").asString()).isEqualTo("RETURNED");

        http.send("PUT", "/api/reports/" + id, Map.of("values", List.of(Map.of("indicatorCode", "CT01", "numerator", 17, "denominator", 20))));
        JsonNode resubmitted = secretary.post("/api/reports/" + id + "/submit", "", Map.of("Idempotency-Key", UUID.randomUUID().toString())).body();
        assertThat(resubmitted.get("status").asString()).isEqualTo("RESUBMITTED");
        assertThat(resubmitted.get("version").asInt()).isEqualTo(2);
        JsonNode accepted = district.post("/api/reports/" + id + "/accept", "").body();
        assertThat(accepted.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(http.post("/api/reports/" + id + "/revisions", Map.of("values", List.of()), Map.of("Idempotency-Key", UUID.randomUUID().toString()))
                .status()).as("no revision after acceptance").isEqualTo(409);

        List<String> trail = accepted.get("transitions").values().stream()
                .map(t -> t.get("to").asString() + " by " + t.get("by").asString() + (t.get("reason").isNull() ? "" : ": " + t.get("reason").asString()))
                .toList();
        assertThat(trail).containsExactly("DRAFT by bt-tholap", "SUBMITTED by bt-tholap",
                "RETURNED by bt-huyendoan: Số liệu tập huấn chưa khớp danh sách gửi kèm.", "RESUBMITTED by bt-tholap", "ACCEPTED by bt-huyendoan");
        assertThat(accepted.get("versions").values().stream().map(v -> v.get("values").get(0).get("numerator").asInt()).toList()).containsExactly(18, 17);

        await(() -> mongo.getCollection("reports").countDocuments(new Document("_id", id).append("outbox.0", new Document("$exists", true))) == 0);
        List<String> types = kafka.readToEnd(Topics.REPORTS).stream().map(KafkaTestClient::envelope)
                .filter(e -> e.data().get("reportId").asString().equals(id)).map(EventEnvelope::type).toList();
        assertThat(types).containsExactly("vn.doan.report.ReportSubmitted", "vn.doan.report.ReportReturned", "vn.doan.report.ReportSubmitted",
                "vn.doan.report.ReportAccepted");
        assertThat(published(id)).extracting(r -> r.values().get(0).numerator() + " by " + r.submittedBy())
                .containsExactly("18 by bt-tholap", "17 by bt-tholap");
        List<ReportReturned> returns = kafka.readToEnd(Topics.REPORTS).stream().map(KafkaTestClient::envelope)
                .map(e -> EventCodec.data(e).orElseThrow()).filter(ReportReturned.class::isInstance).map(ReportReturned.class::cast)
                .filter(r -> r.reportId().equals(id)).toList();
        assertThat(returns).extracting(r -> r.returnedBy() + " returned the version of " + r.submittedBy())
                .as("the author is named, so that they can be told why").containsExactly("bt-huyendoan returned the version of bt-tholap");
    }

    /**
     * The plan replica keeps what reports are checked against, under PlanIssued's field names; a replica document holding
     * the whole PlanIssued still checks reports, the fields not kept ignored.
     */
    @Test
    void thePlanReplicaKeepsWhatReportsAreCheckedAgainstAndReadsAPlanStoredWhole() {
        Tree tree = thoXuan();
        Document kept = mongo.getCollection("plans").find(new Document("_id", tree.planId())).first().get("plan", Document.class);
        assertThat(kept.keySet()).containsExactlyInAnyOrder("number", "title", "issuingUnitId", "periodFrom", "periodTo", "indicators", "schedule");
        assertThat(kept.getList("indicators", Document.class).get(0))
                .isEqualTo(new Document("code", "CT01").append("kind", "SHARE_OF_PEOPLE").append("reportingLevels", List.of("GRASSROOTS"))
                        .append("text", "Hàng năm 100% cán bộ Đoàn – Hội – Đội được tham gia các lớp tập huấn").append("target", new Decimal128(100))
                        .append("periodTargets", List.of(new Document("periodId", "2016").append("target", new Decimal128(100))))
                        .append("deadlines", List.of()));
        assertThat(kept.getList("schedule", Document.class).get(0).getString("periodId")).isEqualTo("2016");

        Document whole = (Document) mongo.getConverter().convertToMongoType(plan(tree.planId(), tree.district()));
        mongo.getCollection("plans").replaceOne(new Document("_id", tree.planId()),
                new Document("_id", tree.planId()).append("version", 7).append("closed", false).append("plan", whole));

        Map<String, Object> lateMilestone = new HashMap<>(report(tree, tree.thoLap(), "MC1", 1, null));
        lateMilestone.put("values", List.of(Map.of("indicatorCode", "MC1", "numerator", 1, "doneOn", "2021-01-04")));
        refused(lateMilestone, "report.milestone-date-outside-plan", "values[0].doneOn");
        refused(report(tree, tree.thoLap(), "CT15", 2, null), "report.indicator-not-for-level", "values[0].indicatorCode");
        HttpJson.Response accepted = submit(report(tree, tree.thoLap(), "CT01", 18, 20), UUID.randomUUID().toString());
        assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(201);
        assertThat(accepted.body().get("dueDate").asString()).isEqualTo("2016-11-15");
    }

    @Test
    void evidenceIsAPhotoOrPdfWithinTheSizeLimitStoredWithItsChecksum() {
        Tree tree = thoXuan();
        String id = submit(report(tree, tree.school(), "CT01", 30, 32), UUID.randomUUID().toString()).body().get("id").asString();
        byte[] png = java.util.Base64.getDecoder().decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

        HttpJson.Response stored = http.upload("/api/reports/" + id + "/attachments", "file", "hội-nghị-quán-triệt.png", "image/png", png);

        assertThat(stored.status()).as(stored.body().toString()).isEqualTo(201);
        assertThat(stored.body().get("contentType").asString()).isEqualTo("image/png");
        assertThat(stored.body().get("size").asInt()).isEqualTo(png.length);
        assertThat(stored.body().get("sha256").asString()).isEqualTo(sha256(png));
        assertThat(http.download("/api/reports/" + id + "/attachments/" + stored.body().get("id").asString())).isEqualTo(png);
        assertThat(http.get("/api/reports/" + id).body().get("attachments").get(0).get("filename").asString()).isEqualTo("hội-nghị-quán-triệt.png");

        HttpJson.Response text = http.upload("/api/reports/" + id + "/attachments", "file", "anh.png", "image/png",
                "không phải ảnh".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(text.status()).isEqualTo(415);
        assertThat(text.body().get("rule").asString()).isEqualTo("attachment.type-not-allowed");
        byte[] big = new byte[5000];
        System.arraycopy("%PDF-1.7".getBytes(), 0, big, 0, 8);
        HttpJson.Response oversize = http.upload("/api/reports/" + id + "/attachments", "file", "bao-cao.pdf", "application/pdf", big);
        assertThat(oversize.status()).isEqualTo(413);
        assertThat(oversize.body().get("detail_vi").asString()).contains("Tệp quá lớn");
        assertThat(http.get("/api/reports/" + id).body().get("attachments").size()).isEqualTo(1);
    }

    static String sha256(byte[] content) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void await(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 20 s");
            }
            sleep(Duration.ofMillis(100));
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
