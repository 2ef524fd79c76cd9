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
import vn.doan.support.test.SeedPlans;

/** A plan's life and cascade, and what is refused (the seed plans as written: {@link SeedPlanTests}). */
abstract class PlanDocumentTests extends PlanServiceTestBase {

    @Test
    void theKienGiangSixMonthAndAnnualReportsExpandPerYearOnceThePlanHasAPeriod() {
        String province = createUnitId("RT-KIENGIANG", "Tỉnh đoàn Kiên Giang", "PROVINCE", null);
        Map<String, Object> plan = SeedPlans.kienGiang76(province);
        plan.put("periodFrom", "2014-04-04");
        plan.put("periodTo", "2015-12-31");

        JsonNode schedule = ok(http().post("/api/plans", plan)).get("schedule");

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
    void aPlansOwnRankingIsCheckedAndPublishedWithIt() {
        String district = createUnitId("RK-THOXUAN", "Huyện đoàn Thọ Xuân", "DISTRICT", null);
        Map<String, Object> plan = SeedPlans.thoXuan54(district);
        List<Map<String, Object>> unionClasses = List.of(Map.of("name", "Xuất sắc", "minScore", 90), Map.of("name", "Khá", "minScore", 70),
                Map.of("name", "Trung bình", "minScore", 50), Map.of("name", "Yếu", "minScore", 0));
        plan.put("ranking", Map.of("weights", List.of(Map.of("indicatorCode", "CT05", "weight", 3)), "latePenalty", 10,
                "classes", List.of(Map.of("name", "Xuất sắc", "minScore", 90), Map.of("name", "Khá", "minScore", 70.5))));
        assertRefused(http().post("/api/plans", plan), 422, "ranking.classes-not-covering", "ranking.classes[1].minScore");
        plan.put("ranking", Map.of("weights", List.of(Map.of("indicatorCode", "CT17", "weight", 3)), "latePenalty", 10, "classes", unionClasses));
        assertRefused(http().post("/api/plans", plan), 422, "ranking.weight-indicator-unknown", "ranking.weights[0].indicatorCode");

        plan.put("ranking", Map.of("weights", List.of(Map.of("indicatorCode", "CT05", "weight", 3)), "latePenalty", 12.5, "classes", unionClasses));
        String id = ok(http().post("/api/plans", plan)).get("id").asString();
        ok(http().post("/api/plans/" + id + "/issue", ""));

        PlanIssued.Ranking ranking = ((PlanIssued) events(Topics.PLANS, district, "vn.doan.plan.PlanIssued", 1).get(0)).ranking();
        assertThat(ranking.weights()).singleElement().satisfies(w -> {
            assertThat(w.indicatorCode()).isEqualTo("CT05");
            assertThat(w.weight()).isEqualByComparingTo("3");
        });
        assertThat(ranking.latePenalty()).isEqualByComparingTo("12.5");
        assertThat(ranking.classes()).extracting(PlanIssued.Ranking.RankClass::name).containsExactly("Xuất sắc", "Khá", "Trung bình", "Yếu");
        assertThat(ranking.classes().get(3).minScore()).isEqualByComparingTo("0");
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
        Map<String, Object> withDueDate = SeedPlans.thanhHoa66(province);
        withDueDate.put("implementingPlanDue", "2018-10-31");
        withDueDate.put("implementingLevels", List.of("DISTRICT"));
        String parent = ok(http().post("/api/plans", withDueDate)).get("id").asString();
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

        Map<String, Object> tooHigh = SeedPlans.kienGiang76(province);
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
