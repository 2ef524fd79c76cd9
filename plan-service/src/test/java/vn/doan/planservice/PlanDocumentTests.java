package vn.doan.planservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.doan.events.Topics;
import vn.doan.events.plan.IndicatorKind;
import vn.doan.events.plan.PlanClosed;
import vn.doan.events.plan.PlanIssued;
import vn.doan.events.plan.UnitLevel;
import vn.doan.support.test.HttpJson;

/** The seed plans entered through the API round-trip exactly; their life and cascade; what is refused. */
abstract class PlanDocumentTests extends PlanServiceTestBase {

    private static final List<String> CONTENT_FIELDS = List.of("number", "type", "title", "issuingUnitId", "issuedOn", "place",
            "implementsDocuments", "parentPlanId", "periodFrom", "periodTo", "goals", "sections", "responsibilities", "recipients",
            "signer", "indicators", "recurringReports", "implementingPlanDue", "implementingLevels");

    @Test
    void theThoXuanActionProgramRoundTripsWithAllItsIndicatorsAndYears() {
        String district = createUnitId("RT-THOXUAN", "Huyện đoàn Thọ Xuân", "DISTRICT", null);
        Map<String, Object> sent = SeedPlans.thoXuan54(district);

        JsonNode created = ok(http().post("/api/plans", sent));
        JsonNode read = ok(http().get("/api/plans/" + created.get("id").asString()));

        JsonNode expected = HttpJson.json(tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(sent));
        for (String field : CONTENT_FIELDS) {
            assertThat(read.get(field)).as(field).isEqualTo(expected.get(field));
        }
        assertThat(read.get("indicators").size()).isEqualTo(16);
        assertThat(read.get("status").asString()).isEqualTo("DRAFT");
        assertThat(texts(read.get("schedule").findValues("periodId").stream().collect(tools.jackson.databind.node.JsonNodeFactory.instance::arrayNode,
                tools.jackson.databind.node.ArrayNode::add, tools.jackson.databind.node.ArrayNode::addAll)))
                .containsExactly("2016", "2017", "2018", "2019", "2020");
        assertThat(texts(read.get("schedule").findValues("dueDate").stream().collect(tools.jackson.databind.node.JsonNodeFactory.instance::arrayNode,
                tools.jackson.databind.node.ArrayNode::add, tools.jackson.databind.node.ArrayNode::addAll)))
                .containsExactly("2016-11-15", "2017-11-15", "2018-11-15", "2019-11-15", "2020-11-15");

        ok(http().post("/api/plans/" + created.get("id").asString() + "/issue", ""));
        PlanIssued issued = (PlanIssued) events(Topics.PLANS, district, "vn.doan.plan.PlanIssued", 1).get(0);
        assertThat(issued.version()).isEqualTo(1);
        assertThat(issued.type()).isEqualTo("ACTION_PROGRAM");
        assertThat(issued.indicators()).hasSize(16);
        PlanIssued.Indicator rate = issued.indicators().get(6);
        assertThat(rate.kind()).isEqualTo(IndicatorKind.RATE_AT_MOST);
        assertThat(rate.targetFor(issued.periodFrom(), issued.periodTo(), LocalDate.of(2019, 12, 31))).isEqualByComparingTo("3");
        PlanIssued.Indicator range = issued.indicators().get(14);
        assertThat(range.target()).isEqualByComparingTo("2");
        assertThat(range.targetMax()).isEqualByComparingTo("3");
        assertThat(issued.indicators().get(4).targetFor(issued.periodFrom(), issued.periodTo(), LocalDate.of(2017, 12, 31)))
                .isEqualByComparingTo("85");
        assertThat(issued.indicators().get(7).reportingLevels()).containsExactly(UnitLevel.DISTRICT);
        assertThat(issued.implementingPlanDue()).isEqualTo(LocalDate.of(2016, 6, 30));
    }

    @Test
    void theThanhHoaMilestonesAndFinalReportRoundTrip() {
        String province = createUnitId("RT-THANHHOA", "Tỉnh đoàn Thanh Hóa", "PROVINCE", null);
        Map<String, Object> sent = SeedPlans.thanhHoa66(province);

        JsonNode read = ok(http().get("/api/plans/" + ok(http().post("/api/plans", sent)).get("id").asString()));

        JsonNode milestone = read.get("indicators").get(0);
        assertThat(milestone.get("kind").asString()).isEqualTo("MILESTONE");
        assertThat(milestone.get("deadlines").get(0).get("deadline").asString()).isEqualTo("2018-11-15");
        assertThat(milestone.get("deadlines").get(1).get("level").asString()).isEqualTo("GRASSROOTS");
        assertThat(milestone.get("deadlines").get(1).get("deadline").asString()).isEqualTo("2018-12-30");
        assertThat(read.get("schedule").get(0).get("dueDate").asString()).isEqualTo("2019-01-05");
        assertThat(read.get("signer").get("name").asString()).isEqualTo("Nguyễn Hữu Tuất");
        assertThat(read.get("indicators").get(2).get("kind").asString()).isEqualTo("COUNT_AT_LEAST");
    }

    @Test
    void theKienGiangSixMonthAndAnnualReportsExpandPerYear() {
        String province = createUnitId("RT-KIENGIANG", "Tỉnh đoàn Kiên Giang", "PROVINCE", null);

        JsonNode schedule = ok(http().post("/api/plans", SeedPlans.kienGiang(province))).get("schedule");

        assertThat(schedule.size()).isEqualTo(4);
        assertPeriod(schedule.get(0), "2014-H1", "Báo cáo 6 tháng 2014", "2014-04-04", "2014-06-30", "2014-05-15");
        assertPeriod(schedule.get(1), "2015-H1", "Báo cáo 6 tháng 2015", "2015-01-01", "2015-06-30", "2015-05-15");
        assertPeriod(schedule.get(2), "2014", "Báo cáo năm 2014", "2014-04-04", "2014-12-31", "2014-11-15");
        assertPeriod(schedule.get(3), "2015", "Báo cáo năm 2015", "2015-01-01", "2015-12-31", "2015-11-15");
    }

    private static void assertPeriod(JsonNode period, String id, String label, String from, String to, String due) {
        assertThat(List.of(period.get("periodId").asString(), period.get("label").asString(), period.get("from").asString(),
                period.get("to").asString(), period.get("dueDate").asString())).containsExactly(id, label, from, to, due);
    }

    @Test
    void anIssuedPlanChangesOnlyByARevisionWithItsReasonAndThenCloses() {
        String district = createUnitId("LC-THOXUAN", "Huyện đoàn Thọ Xuân", "DISTRICT", null);
        Map<String, Object> plan = SeedPlans.thoXuan54(district);
        String id = ok(http().post("/api/plans", plan)).get("id").asString();
        ok(http().post("/api/plans/" + id + "/issue", ""));

        HttpJson.Response edit = http().send("PUT", "/api/plans/" + id, plan);
        assertThat(edit.status()).isEqualTo(409);
        assertThat(edit.body().get("rule").asString()).isEqualTo("plan.not-draft");

        plan.put("goals", "Mục tiêu đã điều chỉnh theo Nghị quyết Đại hội Đoàn huyện.");
        JsonNode revised = ok(http().post("/api/plans/" + id + "/revisions", Map.of("reason", "Điều chỉnh mục tiêu sau Đại hội", "plan", plan)));
        assertThat(revised.get("status").asString()).isEqualTo("REVISED");
        assertThat(revised.get("version").asInt()).isEqualTo(2);
        assertThat(revised.get("revisions").get(0).get("reason").asString()).isEqualTo("Điều chỉnh mục tiêu sau Đại hội");
        assertThat(revised.get("revisions").get(0).get("previous").get("goals").asString()).startsWith("Nâng cao nhận thức");

        List<Object> issued = events(Topics.PLANS, district, "vn.doan.plan.PlanIssued", 2);
        assertThat(issued).extracting(e -> ((PlanIssued) e).version()).containsExactly(1, 2);
        assertThat(((PlanIssued) issued.get(1)).revisionReason()).isEqualTo("Điều chỉnh mục tiêu sau Đại hội");

        JsonNode closed = ok(http().post("/api/plans/" + id + "/close", Map.of("closedOn", "2021-01-15", "reason", "Hết giai đoạn 2016 - 2020")));
        assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
        PlanClosed event = (PlanClosed) events(Topics.PLANS, district, "vn.doan.plan.PlanClosed", 1).get(0);
        assertThat(event.closedOn()).isEqualTo(LocalDate.of(2021, 1, 15));
        assertThat(http().post("/api/plans/" + id + "/close", Map.of("closedOn", "2021-01-16")).status()).isEqualTo(409);
    }

    @Test
    void theProvinceSeesWhichDistrictsIssuedTheirImplementingPlan() {
        String province = createUnitId("CC-THANHHOA", "Tỉnh đoàn Thanh Hóa", "PROVINCE", null);
        String thoXuan = createUnitId("CC-THOXUAN", "Huyện đoàn Thọ Xuân", "DISTRICT", province);
        String trieuSon = createUnitId("CC-TRIEUSON", "Huyện đoàn Triệu Sơn", "DISTRICT", province);
        String samSon = createUnitId("CC-SAMSON", "Thành đoàn Sầm Sơn", "DISTRICT", province);
        String parent = ok(http().post("/api/plans", SeedPlans.thanhHoa66(province))).get("id").asString();
        ok(http().post("/api/plans/" + parent + "/issue", ""));

        issueImplementingPlan(thoXuan, parent, "12-KH/ĐTN", "2018-10-20");
        issueImplementingPlan(trieuSon, parent, "09-KH/HĐTN", "2018-11-12");

        JsonNode implementation = ok(http().get("/api/plans/" + parent + "/implementation"));
        assertThat(implementation.get("issuedOnTime").asInt()).isEqualTo(1);
        assertThat(implementation.get("issuedLate").asInt()).isEqualTo(1);
        assertThat(implementation.get("overdue").asInt()).isEqualTo(1);
        assertThat(implementation.get("notYetDue").asInt()).isZero();
        JsonNode units = implementation.get("units");
        assertThat(List.of(units.get(0).get("unitId").asString(), units.get(0).get("state").asString())).containsExactly(samSon, "OVERDUE");
        assertThat(units.get(0).get("planNumber").isNull()).isTrue();
        assertThat(units.get(1).get("state").asString()).isEqualTo("ISSUED_ON_TIME");
        assertThat(units.get(1).get("planNumber").asString()).isEqualTo("12-KH/ĐTN");
        assertThat(units.get(2).get("state").asString()).isEqualTo("ISSUED_LATE");
    }

    private void issueImplementingPlan(String district, String parentPlanId, String number, String issuedOn) {
        Map<String, Object> plan = SeedPlans.thanhHoa66(district);
        plan.put("number", number);
        plan.put("issuedOn", issuedOn);
        plan.put("periodFrom", issuedOn);
        plan.put("parentPlanId", parentPlanId);
        plan.put("implementingPlanDue", null);
        plan.put("indicators", List.of(((List<?>) plan.get("indicators")).get(1)));
        plan.put("schedule", List.of(Map.of("periodId", "final-2018", "label", "Báo cáo kết quả", "from", issuedOn, "to", "2018-12-31",
                "dueDate", "2018-12-25", "reportingLevels", List.of("GRASSROOTS"))));
        String id = ok(http().post("/api/plans", plan)).get("id").asString();
        ok(http().post("/api/plans/" + id + "/issue", ""));
    }

    @Test
    void badPlansAreRefusedNamingTheFieldAndNothingIsStored() {
        String province = createUnitId("BAD-THANHHOA", "Tỉnh đoàn Thanh Hóa", "PROVINCE", null);
        String district = createUnitId("BAD-THOXUAN", "Huyện đoàn Thọ Xuân", "DISTRICT", province);
        long before = mongo.getCollection("plans").countDocuments();

        Map<String, Object> range = SeedPlans.thoXuan54(district);
        @SuppressWarnings("unchecked")
        Map<String, Object> ct15 = new java.util.LinkedHashMap<>((Map<String, Object>) ((List<?>) range.get("indicators")).get(14));
        ct15.put("targetMax", 1);
        range.put("indicators", List.of(ct15));
        assertRefused(http().post("/api/plans", range), 422, "indicator.range-reversed", "indicators[0].targetMax");

        Map<String, Object> milestone = SeedPlans.thanhHoa66(province);
        @SuppressWarnings("unchecked")
        Map<String, Object> conferences = new java.util.LinkedHashMap<>((Map<String, Object>) ((List<?>) milestone.get("indicators")).get(0));
        conferences.put("deadlines", List.of(Map.of("level", "DISTRICT", "deadline", "2018-11-15"),
                Map.of("level", "GRASSROOTS", "deadline", "2023-03-01")));
        milestone.put("indicators", List.of(conferences));
        assertRefused(http().post("/api/plans", milestone), 422, "plan.deadline-outside-period", "indicators[0].deadlines[1].deadline");

        String districtPlan = ok(http().post("/api/plans", SeedPlans.thoXuan54(district))).get("id").asString();
        ok(http().post("/api/plans/" + districtPlan + "/issue", ""));
        Map<String, Object> upward = SeedPlans.thanhHoa66(province);
        upward.put("parentPlanId", districtPlan);
        assertRefused(http().post("/api/plans", upward), 422, "plan.parent-not-higher", "parentPlanId");

        assertRefused(http().post("/api/plans", SeedPlans.thanhHoa66("no-such-unit")), 404, "unit.unknown", "issuingUnitId");
        assertRefused(http().post("/api/plans", SeedPlans.thoXuan54(district)), 409, "plan.number-taken", "number");

        Map<String, Object> tooHigh = SeedPlans.kienGiang(province);
        tooHigh.put("indicators", List.of(Map.of("code", "CT1", "text", "Tập huấn", "kind", "SHARE_OF_PEOPLE", "target", 120,
                "reportingLevels", List.of("DISTRICT"))));
        assertRefused(http().post("/api/plans", tooHigh), 422, "indicator.target-out-of-range", "indicators[0].target");

        assertThat(mongo.getCollection("plans").countDocuments()).isEqualTo(before + 1);

        Map<String, Object> nextYear = SeedPlans.thoXuan54(district);
        nextYear.put("issuedOn", "2017-04-28");
        assertThat(http().post("/api/plans", nextYear).status()).as("the same number in another year").isEqualTo(201);
    }

    private static void assertRefused(HttpJson.Response response, int status, String rule, String field) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("rule").asString()).isEqualTo(rule);
        assertThat(response.body().get("field").asString()).isEqualTo(field);
        assertThat(response.body().get("detail_vi").asString()).isNotBlank();
    }

    static BigDecimal decimal(String value) {
        return new BigDecimal(value);
    }
}
