package vn.doan.reportservice;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.doan.reportservice.ReportServiceIntegrationTests.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.doan.events.indicator.ProgressUpdated;
import vn.doan.events.plan.IndicatorKind;
import vn.doan.events.plan.PlanIssued;
import vn.doan.events.plan.UnitCreated;
import vn.doan.events.plan.UnitLevel;
import vn.doan.reportservice.consolidated.DocumentFormat;
import vn.doan.support.test.HttpJson;
import vn.doan.support.test.TestTokens;

/**
 * Huyện đoàn Thọ Xuân drafts its 2016 report on 54-CT/ĐTN from its subtree, over real HTTP, with the figures learnt from
 * ProgressUpdated on the in-process Kafka broker (as indicator-service publishes them) and the reports stored in the
 * MongoDB wire server: Thọ Lập reported on time, Xuân Hòa three days late, THPT Thọ Xuân 4 not at all.
 */
class ConsolidatedReportTest extends ClockedReportService {

    static final String TRAINED = "Hàng năm 100% cán bộ Đoàn – Hội – Đội được tham gia các lớp tập huấn của tỉnh và của huyện";
    static final String CLASSES = "Hàng năm mở từ 2-3 lớp tập huấn";
    /** The plan's emulation: training weighs 3, the district's own classes nothing for a commune; 20 points off for late reports. */
    static final PlanIssued.Ranking RANKING = new PlanIssued.Ranking(
            List.of(new PlanIssued.Ranking.Weight("CT01", new BigDecimal("3")), new PlanIssued.Ranking.Weight("CT15", BigDecimal.ZERO)),
            new BigDecimal("20"), List.of(new PlanIssued.Ranking.RankClass("Hoàn thành xuất sắc", new BigDecimal("90")),
                    new PlanIssued.Ranking.RankClass("Hoàn thành tốt", new BigDecimal("80")),
                    new PlanIssued.Ranking.RankClass("Hoàn thành", new BigDecimal("50")),
                    new PlanIssued.Ranking.RankClass("Không hoàn thành", BigDecimal.ZERO)));

    String province;
    String district;
    String thoLap;
    String xuanHoa;
    String school;
    String planId;

    @BeforeEach
    void thoXuan() {
        CLOCK.set("2016-11-10T09:00");
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        province = "thanhhoa-" + suffix;
        district = "thoxuan-" + suffix;
        thoLap = "tholap-" + suffix;
        xuanHoa = "xuanhoa-" + suffix;
        school = "thpt4-" + suffix;
        planId = "plan54-" + suffix;
        unit(province, "Tỉnh đoàn Thanh Hóa", UnitLevel.PROVINCE, null, List.of());
        unit(district, "Huyện đoàn Thọ Xuân", UnitLevel.DISTRICT, province, List.of(province));
        unit(thoLap, "Đoàn xã Thọ Lập", UnitLevel.GRASSROOTS, district, List.of(province, district));
        unit(xuanHoa, "Đoàn xã Xuân Hòa", UnitLevel.GRASSROOTS, district, List.of(province, district));
        unit(school, "Đoàn trường THPT Thọ Xuân 4", UnitLevel.GRASSROOTS, district, List.of(province, district));
        kafka.publish(new PlanIssued(planId, "54-CT/ĐTN", "Chương trình hành động thực hiện Nghị quyết số 02-NQ/TU", district,
                LocalDate.of(2016, 4, 28), LocalDate.of(2016, 1, 1), LocalDate.of(2020, 12, 31), List.of(
                        new PlanIssued.Indicator("CT01", TRAINED, IndicatorKind.SHARE_OF_PEOPLE, new BigDecimal("100"), List.of(UnitLevel.GRASSROOTS)),
                        new PlanIssued.Indicator("CT15", CLASSES, IndicatorKind.COUNT_IN_RANGE, new BigDecimal("2"), List.of(UnitLevel.DISTRICT),
                                new BigDecimal("3"), List.of(), "BTC-KT", List.of())),
                List.of(new PlanIssued.ReportingPeriod("2016", "Báo cáo năm 2016", LocalDate.of(2016, 1, 1), LocalDate.of(2016, 12, 31),
                        LocalDate.of(2016, 11, 15), List.of(UnitLevel.GRASSROOTS, UnitLevel.DISTRICT))), 1, null, null, null, null, List.of(),
                RANKING), district);
        await(() -> mongo.getCollection("plans").countDocuments(new Document("_id", planId)) == 1
                && mongo.getCollection("units").countDocuments(new Document("_id", school)) == 1);
    }

    private void unit(String id, String name, UnitLevel level, String parent, List<String> ancestors) {
        kafka.publish(new UnitCreated(id, id.toUpperCase(), name, level, "commune", parent, ancestors, LocalDate.of(2016, 1, 1)), id);
    }

    private void reportOf(String unitId, long trained, long cadres, String results, String shortcomings, String proposals) {
        HttpJson.Response r = http.post("/api/reports", Map.of("planId", planId, "unitId", unitId, "periodId", "2016",
                "values", List.of(Map.of("indicatorCode", "CT01", "numerator", trained, "denominator", cadres)),
                "sections", Map.of("results", results, "shortcomings", shortcomings, "proposals", proposals)),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(r.status()).isEqualTo(201);
    }

    /** What indicator-service announces for a unit's subtree after the reports: CT01 and CT15. */
    private void progress(String unitId, String name, long rev, int reports, int late, long trained, long cadres, int units, String percent,
            String status) {
        kafka.publish(new ProgressUpdated(planId, "2016", unitId, name, rev, Instant.parse("2016-11-18T02:00:00Z"), reports, reports - late, late,
                List.of(new ProgressUpdated.Indicator("CT01", trained, cadres, units, new BigDecimal(percent), new BigDecimal("100"), status),
                        new ProgressUpdated.Indicator("CT15", 0, 0, 0, null, new BigDecimal("100"), "NO_DATA"))), unitId);
    }

    private void reportsAndFigures() {
        reportOf(thoLap, 1000, 1000, "Tổ chức 02 lớp tập huấn cho 45 cán bộ chi đoàn.", "Một số chi đoàn thôn sinh hoạt chưa đều.",
                "Đề nghị Huyện đoàn hỗ trợ kinh phí mở lớp.");
        CLOCK.set("2016-11-18T09:00");
        reportOf(xuanHoa, 234, 235, "Ra mắt mô hình thanh niên làm kinh tế giỏi.", "Tỷ lệ hộ nghèo do đoàn viên làm chủ còn cao.", "");
        progress(thoLap, "Đoàn xã Thọ Lập", 1, 1, 0, 1000, 1000, 1, "100.00", "ACHIEVED");
        progress(xuanHoa, "Đoàn xã Xuân Hòa", 1, 1, 1, 234, 235, 1, "99.57", "AT_RISK");
        progress(district, "Huyện đoàn Thọ Xuân", 2, 2, 1, 1234, 1235, 2, "99.92", "AT_RISK");
        progress(district, "Huyện đoàn Thọ Xuân", 1, 1, 0, 1000, 1000, 1, "100.00", "ACHIEVED");
        // a record of another period on the district's key, so of its partition: once it is stored, revision 1 was read after revision 2
        kafka.publish(new ProgressUpdated(planId, "2016-H1", district, "Huyện đoàn Thọ Xuân", 1, Instant.parse("2016-11-18T02:00:00Z"), 0, 0, 0,
                List.of()), district);
        await(() -> mongo.getCollection("subtree_figures").countDocuments(new Document("_id", planId + "|2016-H1|" + district)) == 1
                && mongo.getCollection("subtree_figures").countDocuments(new Document("unitId", xuanHoa)) == 1);
    }

    private String path(String unitId) {
        return "/api/reports/consolidated/" + planId + "/2016/units/" + unitId;
    }

    @Test
    void theDraftHoldsTheSubtreeFiguresWhoReportedAndEachChildsSectionsButSubmitsOnlyTheUnitsOwnValues() {
        reportsAndFigures();
        HttpJson districtCadre = http.as(TestTokens.cadre("bt-thoxuan", district));

        JsonNode draft = districtCadre.get(path(district)).body();

        assertThat(draft.at("/unit/name").asString()).isEqualTo("Huyện đoàn Thọ Xuân");
        assertThat(draft.at("/superior/name").asString()).isEqualTo("Tỉnh đoàn Thanh Hóa");
        assertThat(draft.at("/place").asString()).isEqualTo("Thọ Xuân");
        assertThat(draft.at("/draftedOn").asString()).isEqualTo("2016-11-18");
        JsonNode ct01 = draft.at("/figures/0");
        assertThat(List.of(ct01.at("/code").asString(), ct01.at("/text").asString(), ct01.at("/numerator").asLong(), ct01.at("/denominator").asLong(),
                ct01.at("/reportingUnits").asInt(), ct01.at("/status").asString(), ct01.at("/result").asString()))
                .as("revision 2, not the older revision 1 received after it")
                .containsExactly("CT01", TRAINED, 1234L, 1235L, 2, "AT_RISK", "99,92% (1.234/1.235)");
        assertThat(draft.at("/figures/0/targetText").asString()).isEqualTo("100%");
        assertThat(draft.at("/figures/1/code").asString()).isEqualTo("CT15");
        assertThat(draft.at("/figures/1/targetText").asString()).as("từ 2-3 lớp tập huấn: the range, not the share of units").isEqualTo("2–3");
        assertThat(draft.at("/figures/1/result").asString()).isEqualTo("Chưa có số liệu");
        assertThat(draft.at("/timeliness/expected").asInt()).isEqualTo(3);
        assertThat(List.of(draft.at("/timeliness/onTime").asInt(), draft.at("/timeliness/late").asInt(), draft.at("/timeliness/missing").asInt()))
                .containsExactly(1, 1, 1);
        assertThat(draft.at("/timeliness/units").valueStream().map(u -> u.at("/name").asString() + ":" + u.at("/state").asString() + ":"
                + u.at("/daysLate").asInt()).toList())
                .containsExactly("Đoàn trường THPT Thọ Xuân 4:MISSING:0", "Đoàn xã Thọ Lập:ON_TIME:0", "Đoàn xã Xuân Hòa:LATE:3");
        assertThat(draft.at("/children").valueStream().map(c -> c.at("/name").asString()).toList())
                .containsExactly("Đoàn trường THPT Thọ Xuân 4", "Đoàn xã Thọ Lập", "Đoàn xã Xuân Hòa");
        assertThat(draft.at("/children/1/proposals").asString()).isEqualTo("Đề nghị Huyện đoàn hỗ trợ kinh phí mở lớp.");
        assertThat(draft.at("/children/0/results").isNull()).isTrue();
        assertThat(draft.at("/units").valueStream().map(u -> u.at("/name").asString()).toList()).as("the district first, then its units by name")
                .containsExactly("Huyện đoàn Thọ Xuân", "Đoàn trường THPT Thọ Xuân 4", "Đoàn xã Thọ Lập", "Đoàn xã Xuân Hòa");

        JsonNode submission = draft.at("/submission");
        assertThat(submission.at("/values").size()).as("the subtree's CT01 is for reading, never the district's own value").isZero();
        assertThat(submission.at("/sections/results").asString()).startsWith("Kết quả thực hiện các chỉ tiêu:\n- CT01 " + TRAINED
                + ": 99,92% (1.234/1.235)\n- CT15 " + CLASSES + ": Chưa có số liệu\nĐoàn xã Thọ Lập: Tổ chức 02 lớp tập huấn");
        assertThat(submission.at("/sections/shortcomings").asString()).startsWith(
                "Chậm báo cáo: Đoàn xã Xuân Hòa (3 ngày). Chưa báo cáo: Đoàn trường THPT Thọ Xuân 4.\nĐoàn xã Thọ Lập: Một số chi đoàn");

        // the office adds what it did itself (3 classes) and submits the edited draft as its own report, on the existing path
        Map<String, Object> edited = Map.of("planId", planId, "unitId", district, "periodId", "2016",
                "values", List.of(Map.of("indicatorCode", "CT15", "numerator", 3)),
                "sections", Map.of("results", submission.at("/sections/results").asString(), "shortcomings", "Hai đơn vị chậm, thiếu báo cáo.",
                        "proposals", submission.at("/sections/proposals").asString()));
        HttpJson.Response submitted = districtCadre.post("/api/reports", edited, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(submitted.status()).isEqualTo(201);
        assertThat(submitted.body().at("/values").valueStream().map(v -> v.at("/indicatorCode").asString() + "=" + v.at("/numerator").asLong())
                .toList()).containsExactly("CT15=3");
        assertThat(districtCadre.get(path(district)).body().at("/submission/values/0/numerator").asLong()).isEqualTo(3);
    }

    @Test
    void theWorkbookAndTheWordDocumentComeAsFilesNamedInVietnamese() throws IOException {
        reportsAndFigures();
        HttpJson provinceCadre = http.as(TestTokens.cadre("vp-thanhhoa", province));

        HttpJson.Response head = provinceCadre.get(path(district) + "?format=xlsx");
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.contentType()).isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(head.header("Content-Disposition")).contains("filename*=UTF-8''"
                + URLEncoder.encode("Báo cáo tổng hợp - Huyện đoàn Thọ Xuân - Báo cáo năm 2016.xlsx", StandardCharsets.UTF_8).replace("+", "%20"));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(provinceCadre.download(path(district) + "?format=xlsx")))) {
            Sheet sheet = book.getSheet("Số liệu");
            assertThat(sheet.getLastRowNum()).as("a header and four units").isEqualTo(4);
            assertThat(sheet.getRow(0).getCell(5).getStringCellValue()).isEqualTo("CT01 tử số");
            assertThat(sheet.getRow(4).getCell(1).getStringCellValue()).isEqualTo("Đoàn xã Xuân Hòa");
            assertThat(sheet.getRow(4).getCell(4).getStringCellValue()).isEqualTo("Chậm");
            assertThat(List.of(sheet.getRow(4).getCell(5).getNumericCellValue(), sheet.getRow(4).getCell(6).getNumericCellValue(),
                    sheet.getRow(4).getCell(7).getNumericCellValue())).containsExactly(234.0, 235.0, 99.57);
            assertThat(sheet.getRow(1).getCell(5).getNumericCellValue()).isEqualTo(1234.0);
        }
        assertThat(provinceCadre.get(path(district) + "?format=docx").contentType())
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(provinceCadre.download(path(district) + "?format=docx")))) {
            assertThat(new XWPFWordExtractor(doc).getText()).contains("Thọ Xuân, ngày 18 tháng 11 năm 2016", "Kính gửi: Ban Thường vụ Tỉnh đoàn Thanh Hóa",
                    "- Chậm: Đoàn xã Xuân Hòa (3 ngày).", "T/M BAN THƯỜNG VỤ");
            assertThat(doc.getTables().get(1).getRows().stream().skip(1).map(r -> r.getCell(1).getText().substring(0, 4) + ": "
                    + r.getCell(2).getText()).toList()).containsExactly("CT01: 100%", "CT15: 2–3");
        }
    }

    @Test
    void theCommunesAreRankedByThePlansRuleOnAClassEdgeAndJustBelowItInTheDraftAndEveryDocument() throws IOException {
        reportsAndFigures();
        // later in the year indicator-service announces Thọ Lập at 8,000 of 10,000 cadres trained and Xuân Hòa at 9,999
        progress(thoLap, "Đoàn xã Thọ Lập", 2, 1, 0, 8000, 10000, 1, "80.00", "AT_RISK");
        progress(xuanHoa, "Đoàn xã Xuân Hòa", 2, 1, 1, 9999, 10000, 1, "99.99", "AT_RISK");
        await(() -> mongo.getCollection("subtree_figures").countDocuments(new Document("unitId", new Document("$in", List.of(thoLap, xuanHoa)))
                .append("planId", planId).append("rev", 2)) == 2);
        HttpJson provinceCadre = http.as(TestTokens.cadre("vp-thanhhoa", province));

        // Thọ Lập: 3 × 8,000/10,000 ÷ 3 (CT15 weighs 0) = 80.00, on time: exactly on the edge of "Hoàn thành tốt".
        // Xuân Hòa: 3 × 9,999/10,000 ÷ 3 = 99.99, less 20 × 1 late of 1 expected = 79.99: 0.01 below it.
        // THPT Thọ Xuân 4: nothing reported (CT01 counts 0), missing but not late: 0.00.
        JsonNode ranking = provinceCadre.get(path(district)).body().at("/ranking");
        assertThat(ranking.valueStream().map(u -> u.at("/rank").asInt() + " " + u.at("/name").asString() + " " + u.at("/score").asDouble() + " " + u.at("/late").asInt() + "/" + u.at("/expected").asInt() + " " + u.at("/rankClass").asString()).toList())
                .containsExactly("1 Đoàn xã Thọ Lập 80.0 0/1 Hoàn thành tốt", "2 Đoàn xã Xuân Hòa 79.99 1/1 Hoàn thành",
                        "3 Đoàn trường THPT Thọ Xuân 4 0.0 0/1 Không hoàn thành");

        List<List<String>> rows = List.of(List.of("Hạng", "Đơn vị", "Điểm", "Báo cáo chậm", "Xếp loại"),
                List.of("1", "Đoàn xã Thọ Lập", "80", "0/1", "Hoàn thành tốt"), List.of("2", "Đoàn xã Xuân Hòa", "79,99", "1/1", "Hoàn thành"),
                List.of("3", "Đoàn trường THPT Thọ Xuân 4", "0", "0/1", "Không hoàn thành"));
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(provinceCadre.download(path(district) + "?format=docx")))) {
            assertThat(new XWPFWordExtractor(doc).getText()).contains("IV. XẾP LOẠI THI ĐUA CÁC ĐƠN VỊ");
            assertThat(doc.getTables().get(2).getRows().stream().map(r -> r.getTableCells().stream().map(c -> c.getText()).toList()).toList())
                    .isEqualTo(rows);
        }
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(provinceCadre.download(path(district) + "?format=xlsx")))) {
            Sheet sheet = book.getSheet("Xếp loại");
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
            assertThat(IntStream.rangeClosed(1, 3).mapToObj(r -> (int) sheet.getRow(r).getCell(0).getNumericCellValue() + " "
                    + sheet.getRow(r).getCell(2).getStringCellValue() + " " + sheet.getRow(r).getCell(3).getNumericCellValue() + " "
                    + (int) sheet.getRow(r).getCell(5).getNumericCellValue() + "/" + (int) sheet.getRow(r).getCell(4).getNumericCellValue() + " "
                    + sheet.getRow(r).getCell(6).getStringCellValue()).toList())
                    .containsExactly("1 Đoàn xã Thọ Lập 80.0 0/1 Hoàn thành tốt", "2 Đoàn xã Xuân Hòa 79.99 1/1 Hoàn thành",
                            "3 Đoàn trường THPT Thọ Xuân 4 0.0 0/1 Không hoàn thành");
        }
        try (PDDocument pdf = Loader.loadPDF(provinceCadre.download(path(district) + "?format=pdf"))) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text).contains("IV. XẾP LOẠI THI ĐUA CÁC ĐƠN VỊ Hạng Đơn vị Điểm Báo cáo chậm Xếp loại "
                    + "1 Đoàn xã Thọ Lập 80 0/1 Hoàn thành tốt 2 Đoàn xã Xuân Hòa 79,99 1/1 Hoàn thành 3 Đoàn trường THPT Thọ Xuân 4 0 0/1 Không hoàn thành");
        }
    }

    @Test
    void theUnitsOwnCadresAndThoseAboveReadItNoOneElse() {
        HttpJson.Response bad = http.get(path(district) + "?format=doc");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body().at("/rule").asString()).isEqualTo("report.format-unknown");
        assertThat(bad.body().at("/detail_vi").asString()).isEqualTo("Định dạng phải là docx, pdf hoặc xlsx.");
        assertThat(http.get("/api/reports/consolidated/" + planId + "/2099/units/" + district).status()).isEqualTo(404);

        assertThat(http.as(TestTokens.cadre("bt-thoxuan", district)).get(path(district)).status()).isEqualTo(200);
        assertThat(http.as(TestTokens.cadre("vp-thanhhoa", province)).get(path(district)).status()).isEqualTo(200);
        assertThat(http.as(TestTokens.cadre("bt-tholap", thoLap)).get(path(thoLap)).status()).isEqualTo(200);
        assertThat(http.as(TestTokens.cadre("bt-tholap", thoLap)).get(path(district)).status()).as("a unit below").isEqualTo(403);
        assertThat(http.as(TestTokens.cadre("bt-xuanhoa", xuanHoa)).get(path(thoLap) + "?format=pdf").status()).as("a neighbour").isEqualTo(403);
        assertThat(http.as(TestTokens.analyst("phan-tich")).get(path(district)).status()).isEqualTo(403);
        assertThat(http.anonymous().get(path(district)).status()).isEqualTo(401);

        JsonNode documented = http.anonymous().get("/v3/api-docs").body()
                .at("/paths/~1api~1reports~1consolidated~1{planId}~1{periodId}~1units~1{unitId}/get");
        assertThat(documented.at("/parameters").valueStream().map(p -> p.at("/name").asString()).toList())
                .containsExactly("planId", "periodId", "unitId", "format");
        assertThat(documented.at("/responses/200/content").propertyNames()).containsExactlyInAnyOrder("application/json", "application/pdf",
                DocumentFormat.DOCX_TYPE, DocumentFormat.XLSX_TYPE);
    }
}
