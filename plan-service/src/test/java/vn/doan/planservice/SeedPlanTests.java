package vn.doan.planservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.doan.events.Topics;
import vn.doan.events.plan.IndicatorKind;
import vn.doan.events.plan.PlanIssued;
import vn.doan.events.plan.UnitLevel;
import vn.doan.support.test.HttpJson;
import vn.doan.support.test.SeedPlans;

/**
 * Each of the five seed plans entered through the public API as its text is written: its number (or none), every
 * indicator and task, every date the text gives and no other; then what is stored and, for a plan the text gives a number,
 * a date and a period, what is published. The expected values are read from the seed's text, quoted beside them.
 */
abstract class SeedPlanTests extends PlanServiceTestBase {

    private static final List<String> CONTENT_FIELDS = List.of("number", "type", "title", "issuingUnitId", "issuedOn", "place",
            "implementsDocuments", "parentPlanId", "periodFrom", "periodTo", "goals", "sections", "responsibilities", "recipients",
            "signer", "indicators", "recurringReports", "implementingPlanDue", "implementingLevels", "ranking");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void thoXuan54CtDtnIsStoredAsWrittenAndPublishedWithItsSixteenIndicators() {
        String district = createUnitId("SEED-THOXUAN", "Huyện đoàn Thọ Xuân", "DISTRICT", null);
        Map<String, Object> sent = SeedPlans.thoXuan54(district);

        JsonNode read = storedAsSent(sent);

        // "Số: 54-CT/ĐTN", "Thọ Xuân, ngày 28 tháng 4 năm 2016"; "Nghị quyết số 02-NQ/TU, ngày 30/12/2015";
        // "Chương trình hành động số 17-CT/HU ngày 19/4/2016"; "CHỈ TIÊU PHẤN ĐẤU ĐẾN NĂM 2020".
        assertThat(read.get("number").asString()).isEqualTo("54-CT/ĐTN");
        assertThat(datesIn(read)).containsExactly("2015-12-30", "2016-04-19", "2016-04-28", "2020-12-31");
        assertThat(read.get("indicators").size()).isEqualTo(16);
        // "Báo cáo với BTV Huyện Đoàn ... gắn với báo cáo định kỳ": no date of its own, the regular yearly report's 15/11.
        assertThat(texts(read.get("schedule").findValues("periodId").stream().collect(JSON.getNodeFactory()::arrayNode,
                tools.jackson.databind.node.ArrayNode::add, tools.jackson.databind.node.ArrayNode::addAll)))
                .containsExactly("2016", "2017", "2018", "2019", "2020");
        assertThat(read.get("schedule").get(0).get("from").asString()).isEqualTo("2016-04-28");

        PlanIssued issued = issue(read, district);
        assertThat(issued.number()).isEqualTo("54-CT/ĐTN");
        assertThat(issued.issuedOn()).isEqualTo(LocalDate.of(2016, 4, 28));
        assertThat(issued.type()).isEqualTo("ACTION_PROGRAM");
        assertThat(issued.indicators()).extracting(PlanIssued.Indicator::code).containsExactly("CT01", "CT02", "CT03", "CT04", "CT05",
                "CT06", "CT07", "CT08", "CT09", "CT10", "CT11", "CT12", "CT13", "CT14", "CT15", "CT16");
        // "Tỷ lệ hộ nghèo do Đoàn viên - Hội viên làm chủ giảm còn 3%" (đến năm 2019).
        PlanIssued.Indicator poverty = issued.indicators().get(6);
        assertThat(poverty.kind()).isEqualTo(IndicatorKind.RATE_AT_MOST);
        assertThat(poverty.targetFor(issued.periodFrom(), issued.periodTo(), LocalDate.of(2019, 12, 31))).isEqualByComparingTo("3");
        // "hàng năm mở từ 2-3 lớp tập huấn".
        assertThat(List.of(issued.indicators().get(14).target(), issued.indicators().get(14).targetMax()))
                .usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal("2"), new BigDecimal("3"));
        assertThat(issued.indicators().get(8).reportingLevels()).containsExactly(UnitLevel.DISTRICT);
        assertThat(issued.schedule()).extracting(PlanIssued.ReportingPeriod::dueDate).containsExactly(LocalDate.of(2016, 11, 15),
                LocalDate.of(2017, 11, 15), LocalDate.of(2018, 11, 15), LocalDate.of(2019, 11, 15), LocalDate.of(2020, 11, 15));
        assertThat(issued.schedule()).allMatch(p -> Boolean.TRUE.equals(p.withRegularReport()));
        assertThat(issued.implementingPlanDue()).isNull();
        assertThat(issued.implementingLevels()).containsExactly(UnitLevel.GRASSROOTS);
    }

    @Test
    void thanhHoa66KhTdtnBtgCarriesTheOctoberWindowTheTaskAndTheFinalReport() {
        String province = createUnitId("SEED-THANHHOA", "Tỉnh đoàn Thanh Hóa", "PROVINCE", null);
        String thoXuan = createUnitId("SEED-TH-THOXUAN", "Huyện đoàn Thọ Xuân", "DISTRICT", province);

        JsonNode read = storedAsSent(SeedPlans.thanhHoa66(province));

        // "Số: 66 - KH/TĐTN-BTG", "ngày 25 tháng 9 năm 2018"; "Nghị quyết số 01-NQ/TĐTN, ngày 06/8/2018"; "giai đoạn 2018 - 2022";
        // cấp tỉnh "tổ chức trong tháng 10/2018"; cấp huyện "trước ngày 15/11/2018"; cấp cơ sở "trước ngày 30/12/2018";
        // "Báo cáo kết quả về Ban Tuyên giáo Tỉnh đoàn trước ngày 05/01/2019".
        assertThat(datesIn(read)).containsExactly("2018-08-06", "2018-09-25", "2018-10-01", "2018-10-31", "2018-11-15", "2018-12-30",
                "2022-12-31");
        assertThat(List.of(read.get("schedule").get(0).get("from").asString(), read.get("schedule").get(0).get("to").asString(),
                read.get("schedule").get(0).get("dueDate").asString())).containsExactly("2018-09-25", "2019-01-05", "2019-01-05");

        PlanIssued issued = issue(read, province);
        assertThat(issued.number()).isEqualTo("66-KH/TĐTN-BTG");
        PlanIssued.Indicator conferences = issued.indicators().get(0);
        assertThat(conferences.kind()).isEqualTo(IndicatorKind.MILESTONE);
        assertThat(conferences.deadlines()).containsExactly(
                new PlanIssued.LevelDeadline(UnitLevel.PROVINCE, LocalDate.of(2018, 10, 31), LocalDate.of(2018, 10, 1)),
                new PlanIssued.LevelDeadline(UnitLevel.DISTRICT, LocalDate.of(2018, 11, 15), null),
                new PlanIssued.LevelDeadline(UnitLevel.GRASSROOTS, LocalDate.of(2018, 12, 30), null));
        // "ít nhất 01 số chuyên sâu"; the essays sent "qua Ban Tuyên giáo Tỉnh đoàn": a task, done or not, published as 100% of units.
        assertThat(issued.indicators().get(2).kind()).isEqualTo(IndicatorKind.COUNT_AT_LEAST);
        PlanIssued.Indicator essays = issued.indicators().get(3);
        assertThat(List.of(essays.kind(), essays.department(), essays.reportingLevels())).containsExactly(IndicatorKind.TASK, "BTG",
                List.of(UnitLevel.DISTRICT));
        assertThat(essays.target()).isEqualByComparingTo("100");
        assertThat(issued.schedule()).singleElement().satisfies(p -> {
            assertThat(p.dueDate()).isEqualTo(LocalDate.of(2019, 1, 5));
            assertThat(p.withRegularReport()).isNull();
        });
        // "Cụ thể hóa Kế hoạch" for districts and grassroots, no date given: never late, never overdue.
        assertThat(issued.implementingPlanDue()).isNull();
        assertThat(issued.implementingLevels()).containsExactly(UnitLevel.DISTRICT, UnitLevel.GRASSROOTS);
        JsonNode implementation = ok(http().get("/api/plans/" + read.get("id").asString() + "/implementation"));
        assertThat(List.of(implementation.get("notIssued").asInt(), implementation.get("overdue").asInt(), implementation.get("notYetDue").asInt()))
                .containsExactly(1, 0, 0);
        assertThat(implementation.get("units").get(0).get("unitId").asString()).isEqualTo(thoXuan);
        assertThat(implementation.get("units").get(0).get("state").asString()).isEqualTo("NOT_ISSUED");
    }

    @Test
    void kienGiang76KhTdtnVpIsStoredWithItsNumberAndReportDaysButNotIssuedWithoutAPeriod() {
        String province = createUnitId("SEED-KIENGIANG", "Tỉnh đoàn Kiên Giang", "PROVINCE", null);

        JsonNode read = storedAsSent(SeedPlans.kienGiang76(province));

        // "Số: 76 -KH/TĐTN-VP", "Rạch Giá, ngày 04 tháng 4 năm 2014"; "NQ số 25-NQ/TW, ngày 03/6/2013";
        // "Chương trình hành động số 16-CTr/TWĐTN-ĐKTHTN, ngày 04/3/2014"; "số 40-CTr/TU, ngày 27/8/2013". No period.
        assertThat(read.get("number").asString()).isEqualTo("76-KH/TĐTN-VP");
        assertThat(read.get("place").asString()).isEqualTo("Rạch Giá");
        assertThat(datesIn(read)).containsExactly("2013-06-03", "2013-08-27", "2014-03-04", "2014-04-04");
        // "Báo cáo 6 tháng gửi trước ngày 15/5 và báo cáo năm gửi trước ngày 15/11": kept, expanded once there is a period.
        assertThat(read.get("recurringReports").findValues("dueDay")).extracting(JsonNode::asString).containsExactly("15/05", "15/11");
        assertThat(read.get("schedule").size()).isZero();
        // "Xây dựng từ 01 đến 02 mô hình điểm".
        assertThat(read.get("indicators").get(1).get("target").asInt()).isEqualTo(1);
        assertThat(read.get("indicators").get(1).get("targetMax").asInt()).isEqualTo(2);

        refusedToIssue(read, "plan.dates-missing", "periodFrom");
    }

    @Test
    void dongPhuTasksPlanIsStoredWithoutNumberDateOrNumericIndicatorAndIssuedOnlyOnceNumbered() {
        String district = createUnitId("SEED-DONGPHU", "Huyện đoàn Đồng Phú", "DISTRICT", null);

        JsonNode read = storedAsSent(SeedPlans.dongPhu(district));

        // No "Số:", no place and date line, no period; "Kế hoạch số 153 – KH/HU ngày 20/4/2020", "Kế hoạch số 225 – KH/TU ngày
        // 26/3/2020", "Thông báo kết luận số 160 – TB/TW ngày 15/01/2020", "Kết luận số 62 – KL/TW ngày 08/12/2009".
        assertThat(read.get("number").isNull()).isTrue();
        assertThat(read.get("issuedOn").isNull()).isTrue();
        assertThat(datesIn(read)).containsExactly("2009-12-08", "2020-01-15", "2020-03-26", "2020-04-20");
        assertThat(read.get("indicators").findValues("kind")).extracting(JsonNode::asString).containsExactly("TASK", "TASK", "TASK");
        assertThat(read.get("indicators").get(0).get("target").isNull()).isTrue();
        // "BCH Đoàn cơ sở cần xây dựng kế hoạch riêng": no date given.
        assertThat(read.get("implementingPlanDue").isNull()).isTrue();
        assertThat(texts(read.get("implementingLevels"))).containsExactly("GRASSROOTS");

        refusedToIssue(read, "plan.field-missing", "number");
    }

    @Test
    void residentialUnionsPlan2019To2022KeepsItsJulyWindowAndReportsWithTheRegularReport() {
        String district = createUnitId("SEED-DIABAN", "Huyện Đoàn", "DISTRICT", null);

        JsonNode read = storedAsSent(SeedPlans.residentialUnions(district));

        // "giai đoạn 2019-2022"; "Kết luận số 08-KL/TWĐTN-BTC ngày 05/03/2019"; "(Trong tháng 7/2020)". No number, no date of issue.
        assertThat(datesIn(read)).containsExactly("2019-01-01", "2019-03-05", "2020-07-01", "2020-07-31", "2022-12-31");
        assertThat(read.get("indicators").size()).isEqualTo(6);
        // "Định kỳ 6 tháng và 01 năm có báo cáo sơ kết ... (lồng ghép trong báo cáo công tác Đoàn ... định kỳ)".
        JsonNode schedule = read.get("schedule");
        assertThat(schedule.findValues("periodId")).extracting(JsonNode::asString).containsExactly(
                "2019-H1", "2020-H1", "2021-H1", "2022-H1", "2019", "2020", "2021", "2022");
        assertThat(schedule.findValues("dueDate")).extracting(JsonNode::asString).containsExactly(
                "2019-05-15", "2020-05-15", "2021-05-15", "2022-05-15", "2019-11-15", "2020-11-15", "2021-11-15", "2022-11-15");
        assertThat(schedule.findValues("withRegularReport")).allMatch(JsonNode::asBoolean).hasSize(8);

        refusedToIssue(read, "plan.field-missing", "number");
    }

    /** Posts the plan, reads it back and checks that every field the drafter wrote is stored exactly as sent. */
    private JsonNode storedAsSent(Map<String, Object> sent) {
        JsonNode created = ok(http().post("/api/plans", sent));
        JsonNode read = ok(http().get("/api/plans/" + created.get("id").asString()));
        JsonNode expected = HttpJson.json(JSON.writeValueAsString(sent));
        for (String field : CONTENT_FIELDS) {
            JsonNode want = expected.has(field) ? expected.get(field) : JSON.getNodeFactory().nullNode();
            assertThat(read.get(field)).as(field).isEqualTo(want);
        }
        assertThat(read.get("status").asString()).isEqualTo("DRAFT");
        return read;
    }

    private PlanIssued issue(JsonNode read, String issuer) {
        ok(http().post("/api/plans/" + read.get("id").asString() + "/issue", ""));
        return (PlanIssued) events(Topics.PLANS, issuer, "vn.doan.plan.PlanIssued", 1).get(0);
    }

    private void refusedToIssue(JsonNode read, String rule, String field) {
        String id = read.get("id").asString();
        HttpJson.Response refused = http().post("/api/plans/" + id + "/issue", "");
        assertThat(refused.status()).as(refused.body().toString()).isEqualTo(422);
        assertThat(List.of(refused.body().get("rule").asString(), refused.body().get("field").asString())).containsExactly(rule, field);
        assertThat(refused.body().get("detail_vi").asString()).isNotBlank();
        assertThat(ok(http().get("/api/plans/" + id)).get("status").asString()).isEqualTo("DRAFT");
    }

    /** Every date in what the drafter wrote (not the schedule the service derives from it), once each, in order. */
    private static List<String> datesIn(JsonNode plan) {
        Set<String> dates = new TreeSet<>();
        for (String field : CONTENT_FIELDS) {
            collectDates(plan.get(field), dates);
        }
        return new ArrayList<>(dates);
    }

    private static void collectDates(JsonNode node, Set<String> dates) {
        if (node == null) {
            return;
        }
        if (node.isString() && node.asString().matches("\\d{4}-\\d{2}-\\d{2}")) {
            dates.add(node.asString());
        }
        node.values().forEach(child -> collectDates(child, dates));
    }
}
