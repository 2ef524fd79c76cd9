package vn.doan.planservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import vn.doan.events.Topics;
import vn.doan.events.plan.IndicatorKind;
import vn.doan.events.plan.PlanIssued;
import vn.doan.events.plan.UnitLevel;
import vn.doan.planservice.planimport.SeedDocuments;
import vn.doan.support.test.HttpJson;

/** Plans from the files offices keep, over real HTTP: the Excel template filled in with POI, Word plans, and hostile files. */
abstract class PlanImportTests extends PlanServiceTestBase {

    private static final List<String> TRAINING = List.of("CT01",
            "Hàng năm 100% cán bộ Đoàn – Hội – Đội được tham gia các lớp tập huấn của tỉnh và của huyện", "Tỷ lệ người (%)", "100", "",
            "hàng năm: 100", "Cơ sở", "BTC-KT", "");
    private static final List<String> POVERTY = List.of("CT07", "Tỷ lệ hộ nghèo do Đoàn viên - Hội viên làm chủ giảm còn 3%",
            "Tỷ lệ tối đa (%)", "3", "", "2019: 3", "Cơ sở", "BĐKTH", "");
    private static final List<String> CLASSES = List.of("CT15", "Hàng năm mở từ 2-3 lớp tập huấn cho đội ngũ cán bộ Đoàn – Hội – Đội chủ chốt",
            "Số lượng trong khoảng", "2", "3", "hàng năm: 2", "Huyện", "BTC-KT", "");
    private static final List<String> SECRETARY = List.of("CT09", "Bí thư Huyện Đoàn có trình độ lý luận cao cấp", "Có/Không", "100", "",
            "2020: 100", "Huyện", "BTC-KT", "");

    private byte[] template() {
        byte[] template = http().download("/api/plans/template.xlsx");
        assertThat(template).isNotEmpty();
        return template;
    }

    private HttpJson.Response upload(String issuer, byte[] file, String type) {
        return http().postChunked("/api/plans/import?issuingUnitId=" + issuer, file, type);
    }

    @Test
    void theFilledTemplateBecomesTheDraftItSaysAndIsIssuedThroughTheNormalRules() {
        String district = createUnitId("XL-THOXUAN", "Huyện đoàn Thọ Xuân", "DISTRICT", null);
        byte[] file = PlanWorkbooks.filled(template(), PlanWorkbooks.thoXuanPlan(), List.of(TRAINING, POVERTY, CLASSES, SECRETARY));

        JsonNode created = ok(upload(district, file, PlanWorkbooks.XLSX));

        assertThat(created.get("status").asString()).isEqualTo("DRAFT");
        JsonNode plan = ok(http().get("/api/plans/" + created.get("id").asString()));
        assertThat(List.of(plan.get("number").asString(), plan.get("type").asString(), plan.get("issuedOn").asString(), plan.get("place").asString(),
                plan.get("periodFrom").asString(), plan.get("periodTo").asString(), plan.get("issuingUnitId").asString()))
                .containsExactly("54-CT/ĐTN", "ACTION_PROGRAM", "2016-04-28", "Thọ Xuân", "2016-01-01", "2020-12-31", district);
        JsonNode indicators = plan.get("indicators");
        assertThat(indicators.size()).isEqualTo(4);
        assertThat(indicators.get(0).toString()).isEqualTo(HttpJson.json("""
                {"code":"CT01","text":"Hàng năm 100% cán bộ Đoàn – Hội – Đội được tham gia các lớp tập huấn của tỉnh và của huyện",
                 "kind":"SHARE_OF_PEOPLE","target":100,"reportingLevels":["GRASSROOTS"],"targetMax":null,
                 "targets":[{"when":"EVERY_YEAR","year":null,"value":100,"untilYear":null}],"department":"BTC-KT","deadlines":[]}""").toString());
        assertThat(indicators.get(2).get("targetMax").decimalValue()).isEqualByComparingTo("3");
        assertThat(texts(plan.get("schedule").findValues("dueDate").stream().collect(tools.jackson.databind.node.JsonNodeFactory.instance::arrayNode,
                tools.jackson.databind.node.ArrayNode::add, tools.jackson.databind.node.ArrayNode::addAll)))
                .containsExactly("2016-11-15", "2017-11-15", "2018-11-15", "2019-11-15", "2020-11-15");

        ok(http().post("/api/plans/" + created.get("id").asString() + "/issue", ""));
        PlanIssued issued = (PlanIssued) events(Topics.PLANS, district, "vn.doan.plan.PlanIssued", 1).get(0);
        JsonNode api = ok(http().get("/v3/api-docs")).get("paths");
        assertThat(api.get("/api/plans/import").get("post").get("requestBody").get("content").propertyNames())
                .contains(PlanWorkbooks.XLSX, PlanWorkbooks.DOCX, "text/plain");
        assertThat(api.has("/api/plans/template.xlsx")).isTrue();
        assertThat(issued.indicators()).extracting(PlanIssued.Indicator::kind).containsExactly(IndicatorKind.SHARE_OF_PEOPLE,
                IndicatorKind.RATE_AT_MOST, IndicatorKind.COUNT_IN_RANGE, IndicatorKind.YES_NO);
        assertThat(issued.indicators().get(1).targetFor(issued.periodFrom(), issued.periodTo(), java.time.LocalDate.of(2019, 12, 31))).isEqualByComparingTo("3");
        assertThat(issued.indicators().get(3).reportingLevels()).containsExactly(UnitLevel.DISTRICT);
    }

    @Test
    void everyBadCellIsNamedByRowAndColumnInVietnameseAndNothingIsStored() {
        String district = createUnitId("XL-BAD-THOXUAN", "Huyện đoàn Thọ Xuân", "DISTRICT", null);
        List<List<String>> rows = new ArrayList<>();
        rows.add(with(TRAINING, 2, "Tỷ lệ"));                        // row 2: unknown kind
        rows.add(with(with(TRAINING, 0, "CT02"), 3, "100.01"));      // row 3: a share one hundredth above 100 (the plan rules)
        rows.add(with(CLASSES, 4, "1"));                             // row 4: a range 2 to 1
        rows.add(with(POVERTY, 5, "2021: 3"));                       // row 5: a year after the period 2016–2020
        rows.add(with(with(SECRETARY, 8, "Huyện: 31/02/2018"), 2, "Mốc thời gian")); // row 6: no 31 February
        rows.add(with(SECRETARY, 0, "CT01"));                        // row 7: the code of row 2 again
        rows.add(with(with(TRAINING, 0, "CT05"), 6, ""));            // row 8: no reporting level
        rows.add(with(with(TRAINING, 0, "CT06"), 3, "100"));         // row 9: exactly 100 is right
        long plans = mongo.getCollection("plans").countDocuments();

        HttpJson.Response refused = upload(district, PlanWorkbooks.filled(template(), PlanWorkbooks.thoXuanPlan(), rows), PlanWorkbooks.XLSX);

        assertThat(refused.status()).as(refused.body().toString()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().get("rule").asString()).isEqualTo("import.invalid-cells");
        assertThat(refused.body().get("errorCount").asInt()).isEqualTo(7);
        List<String> errors = refused.body().get("errors").values().stream()
                .map(e -> e.get("sheet").asString() + "!" + e.get("column").asString() + e.get("row").asInt() + " " + e.get("rule").asString()).toList();
        assertThat(errors).containsExactly(
                "Chỉ tiêu!C2 import.kind-unknown",
                "Chỉ tiêu!I6 import.date-invalid",
                "Chỉ tiêu!A7 indicator.code-duplicate",
                "Chỉ tiêu!G8 import.cell-missing",
                "Chỉ tiêu!D3 indicator.target-out-of-range",
                "Chỉ tiêu!E4 indicator.range-reversed",
                "Chỉ tiêu!F5 indicator.target-year-outside-plan");
        assertThat(refused.body().get("errors").get(4).get("detail_vi").asString())
                .isEqualTo("Dòng 3, cột D (Mức chỉ tiêu (mức tối thiểu nếu là khoảng)): Chỉ tiêu CT02 có mức 100.01 không hợp lệ: phải từ 0 đến 100%, "
                        + "tối đa 4 chữ số thập phân.");
        assertThat(refused.body().get("detail_vi").asString()).startsWith("7 ô trong tệp chưa đúng; chưa có gì được lưu. Lỗi đầu tiên: Dòng 2, cột C");
        assertThat(mongo.getCollection("plans").countDocuments()).isEqualTo(plans);
    }

    @Test
    void filesThatAreNotTheTemplateAreRefusedAndNothingIsStored() {
        String district = createUnitId("XL-FILES-THOXUAN", "Huyện đoàn Thọ Xuân", "DISTRICT", null);
        byte[] template = template();
        byte[] filled = PlanWorkbooks.filled(template, PlanWorkbooks.thoXuanPlan(), List.of(TRAINING));
        byte[] word = SeedDocuments.docx(SeedDocuments.text("dong-phu-district-plan-2020.txt"));
        long plans = mongo.getCollection("plans").countDocuments();

        assertRefused(upload(district, "code;text\nCT01;Tập huấn".getBytes(java.nio.charset.StandardCharsets.UTF_8), PlanWorkbooks.XLSX),
                422, "import.not-xlsx");
        assertRefused(upload(district, word, PlanWorkbooks.XLSX), 422, "import.not-xlsx");
        assertRefused(upload(district, PlanWorkbooks.macroEnabled(filled), PlanWorkbooks.XLSX), 422, "import.macro-enabled");
        HttpJson.Response xlsm = upload(district, PlanWorkbooks.macroEnabled(filled), "application/vnd.ms-excel.sheet.macroEnabled.12");
        assertRefused(xlsm, 422, "import.macro-enabled");
        assertThat(xlsm.body().get("detail_vi").asString()).isEqualTo("Không nhận tệp có chứa macro; hãy lưu lại thành tệp Excel (.xlsx) không có macro. "
                + "Chưa có gì được lưu.");
        HttpJson.Response docm = upload(district, word, "application/vnd.ms-word.document.macroEnabled.12");
        assertRefused(docm, 422, "import.macro-enabled");
        assertThat(docm.body().get("detail_vi").asString()).contains("tệp Word (.docx)");
        assertRefused(upload(district, PlanWorkbooks.zipBomb(filled, 30), PlanWorkbooks.XLSX), 422, "import.zip-bomb");
        HttpJson.Response tooMany = upload(district, PlanWorkbooks.rows(filled, 1001), PlanWorkbooks.XLSX);
        assertRefused(tooMany, 422, "import.too-many-rows");
        assertThat(tooMany.body().get("maxRows").asInt()).isEqualTo(1000);
        HttpJson.Response oldTemplate = upload(district, PlanWorkbooks.version(filled, "KH-CT-0"), PlanWorkbooks.XLSX);
        assertRefused(oldTemplate, 422, "import.template-version");
        assertThat(oldTemplate.body().get("expectedVersion").asString()).isEqualTo("KH-CT-1");
        assertRefused(upload(district, filled, PlanWorkbooks.DOCX), 422, "import.not-docx");
        assertRefused(upload(district, "Kế hoạch số 12".getBytes(java.nio.charset.StandardCharsets.UTF_8), PlanWorkbooks.DOCX), 422, "import.not-docx");
        assertRefused(upload(district, new byte[1_048_577], PlanWorkbooks.XLSX), 413, "request.too-large");
        assertThat(mongo.getCollection("plans").countDocuments()).isEqualTo(plans);


        HttpJson.Response thousand = upload(district, PlanWorkbooks.rows(filled, 1000), PlanWorkbooks.XLSX);
        assertRefused(thousand, 422, "import.invalid-cells");
        assertThat(thousand.body().get("errorCount").asInt()).as("1000 rows are read: 999 of them lack B, C, D and G").isEqualTo(999 * 4);
        assertThat(thousand.body().get("errors").size()).isEqualTo(200);
    }

    @Test
    void aWordPlanBecomesADraftForReviewAndIsIssuedOnlyOnceCorrected() {
        String district = createUnitId("DOC-THOXUAN", "Huyện đoàn Thọ Xuân", "DISTRICT", null);
        byte[] word = SeedDocuments.docx(SeedDocuments.text("tho-xuan-district-action-program-2016.txt"));

        JsonNode draft = ok(upload(district, word, PlanWorkbooks.DOCX));

        String id = draft.get("id").asString();
        assertThat(draft.get("status").asString()).isEqualTo("DRAFT");
        assertThat(draft.get("issuerInDocument").asString()).isEqualTo("BCH ĐOÀN HUYỆN THỌ XUÂN");
        JsonNode plan = draft.get("plan");
        assertThat(List.of(plan.get("number").asString(), plan.get("issuedOn").asString(), plan.get("periodFrom").asString(),
                plan.get("periodTo").asString())).containsExactly("54-CT/ĐTN", "2016-04-28", "2016-01-01", "2020-12-31");
        assertThat(plan.get("indicators").size()).isEqualTo(16);
        assertThat(plan.get("indicators").get(6).get("kind").asString()).isEqualTo("RATE_AT_MOST");
        assertThat(plan.get("indicators").get(6).get("targets").get(0).get("year").asInt()).isEqualTo(2019);
        assertThat(texts(draft.get("toReview"))).anyMatch(t -> t.startsWith("Kỳ báo cáo"));
        assertThat(mongo.getCollection("plans").find(new org.bson.Document("_id", id)).first().getList("outbox", Object.class)).isNullOrEmpty();

        HttpJson.Response early = http().post("/api/plans/" + id + "/issue", "");
        assertThat(early.status()).as(early.body().toString()).isEqualTo(422);
        assertThat(early.body().get("rule").asString()).isEqualTo("plan.no-schedule");
        assertThat(ok(http().get("/api/plans/" + id)).get("status").asString()).isEqualTo("DRAFT");

        ObjectNode corrected = (ObjectNode) plan.deepCopy();
        corrected.set("schedule", HttpJson.json("[]"));
        corrected.set("recurringReports", HttpJson.json("""
                [{"frequency":"YEAR","dueDay":"15/11","label":"Báo cáo năm","reportingLevels":["DISTRICT","GRASSROOTS"]}]"""));
        ok(http().send("PUT", "/api/plans/" + id, corrected));
        ok(http().post("/api/plans/" + id + "/issue", ""));
        PlanIssued issued = (PlanIssued) events(Topics.PLANS, district, "vn.doan.plan.PlanIssued", 1).get(0);
        assertThat(issued.number()).isEqualTo("54-CT/ĐTN");
        assertThat(issued.indicators()).hasSize(16);
        assertThat(issued.schedule()).extracting(PlanIssued.ReportingPeriod::periodId).containsExactly("2016", "2017", "2018", "2019", "2020");
    }

    @Test
    void aPlainTextPlanWithoutNumberOrDateNeedsThemFromTheUploader() {
        String district = createUnitId("DOC-DONGPHU", "Huyện đoàn Đồng Phú", "DISTRICT", null);
        byte[] text = SeedDocuments.text("dong-phu-district-plan-2020.txt").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        long plans = mongo.getCollection("plans").countDocuments();

        String neighbour = createUnitId("DOC-BUDANG", "Huyện đoàn Bù Đăng", "DISTRICT", null);
        HttpJson.Response otherUnit = http().as(vn.doan.support.test.TestTokens.cadre("bt.budang", neighbour))
                .postChunked("/api/plans/import?issuingUnitId=" + district, text, "text/plain;charset=UTF-8");
        assertThat(otherUnit.status()).as("a cadre imports plans for their own unit only").isEqualTo(403);

        HttpJson.Response refused = upload(district, text, "text/plain;charset=UTF-8");
        assertRefused(refused, 422, "import.identity-missing");
        assertThat(refused.body().get("field").asString()).isEqualTo("number");
        assertThat(mongo.getCollection("plans").countDocuments()).isEqualTo(plans);

        JsonNode draft = ok(http().postChunked("/api/plans/import?issuingUnitId=" + district + "&number=" + java.net.URLEncoder.encode("25-KH/HĐTN",
                java.nio.charset.StandardCharsets.UTF_8) + "&issuedOn=05/05/2020", text, "text/plain;charset=UTF-8"));
        assertThat(draft.get("plan").get("number").asString()).isEqualTo("25-KH/HĐTN");
        assertThat(draft.get("plan").get("issuedOn").asString()).isEqualTo("2020-05-05");
        assertThat(draft.get("plan").get("indicators").size()).isZero();
        assertThat(texts(draft.get("toReview"))).anyMatch(t -> t.startsWith("Chỉ tiêu: không tìm thấy"));
    }

    private static List<String> with(List<String> row, int column, String value) {
        List<String> changed = new ArrayList<>(row);
        changed.set(column, value);
        return changed;
    }

    private static void assertRefused(HttpJson.Response response, int status, String rule) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("rule").asString()).isEqualTo(rule);
        assertThat(response.body().get("detail_vi").asString()).isNotBlank();
    }
}
