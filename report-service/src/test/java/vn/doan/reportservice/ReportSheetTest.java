package vn.doan.reportservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbookType;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.doan.events.EventCodec;
import vn.doan.events.Topics;
import vn.doan.events.report.ReportSubmitted;
import vn.doan.support.test.HttpJson;
import vn.doan.support.test.KafkaTestClient;
import vn.doan.support.test.TestTokens;

/**
 * {@code GET /api/reports/sheet.xlsx} and {@code POST /api/reports/sheet}: Huyện đoàn Thọ Xuân downloads the sheet of
 * plan 54-CT/ĐTN for 2016, types in the paper reports of some communes and its own, and uploads it. Each filled row
 * becomes a report checked as a single one is; wrong cells are named by row and column; the same file twice changes
 * nothing; hostile files are refused with nothing stored.
 */
class ReportSheetTest extends ThoXuanCommunes {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final int CT01_NUMERATOR = 2;
    private static final int CT01_DENOMINATOR = 3;
    private static final int CT15 = 4;
    private static final int CT09 = 5;
    private static final int MC1 = 6;

    @Test
    void aDistrictFillsTheSheetOfItsCommunesAndTheSameFileTwiceChangesNothing() throws IOException {
        HttpJson district = admin.as(TestTokens.cadre("bt-huyendoan-thoxuan", thoXuan));
        try (XSSFWorkbook workbook = template(district)) {
            Sheet sheet = workbook.getSheetAt(0);
            List<String> headers = new ArrayList<>();
            sheet.getRow(0).forEach(cell -> headers.add(cell.getStringCellValue()));
            assertThat(headers).containsExactly("Mã đơn vị", "Tên đơn vị", "CT01 – Tử số", "CT01 – Mẫu số", "CT15 – Số lượng",
                    "CT09 – Có (1) / Không (0)", "MC1 – Ngày hoàn thành (dd/MM/yyyy), 0 nếu chưa",
                    "NV1 – Ngày hoàn thành (dd/MM/yyyy), 0 nếu chưa");
            assertThat(sheet.getLastRowNum()).as("Thọ Xuân and its 13 communes").isEqualTo(14);
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).as("the district first").isEqualTo("Huyện đoàn Thọ Xuân");
            assertThat(sheet.getRow(2).getCell(1).getStringCellValue()).as("then the communes in Vietnamese order").isEqualTo("Đoàn xã Bắc Lương");
            assertThat(workbook.getSheetVisibility(1)).isEqualTo(SheetVisibility.VERY_HIDDEN);

            Row thoLap = row(sheet, communes.get("Đoàn xã Thọ Lập"));
            thoLap.createCell(CT01_NUMERATOR).setCellValue(20);
            thoLap.createCell(CT01_DENOMINATOR).setCellValue(20);
            thoLap.createCell(CT09).setCellValue(1);
            thoLap.getCell(MC1).setCellValue(LocalDate.of(2016, 6, 30));
            Row xuanHoa = row(sheet, communes.get("Đoàn xã Xuân Hòa"));
            xuanHoa.createCell(CT01_NUMERATOR).setCellValue(19);
            xuanHoa.createCell(CT01_DENOMINATOR).setCellValue(20);
            xuanHoa.createCell(CT09).setCellValue(0);
            xuanHoa.getCell(MC1).setCellValue(0);
            row(sheet, thoXuan).createCell(CT15).setCellValue(2);
            byte[] file = bytes(workbook);

            HttpJson.Response sent = upload(district, file, "all-or-nothing");

            assertThat(sent.status()).as(sent.body().toString()).isEqualTo(200);
            assertThat(counts(sent)).containsExactly(3, 3, 0, 0);
            assertThat(mongo.getCollection("reports").countDocuments(new Document("planId", planId))).isEqualTo(3);
            Document stored = mongo.getCollection("reports").find(new Document("unitId", communes.get("Đoàn xã Thọ Lập"))).first();
            assertThat(stored.getString("status")).isEqualTo("SUBMITTED");
            Document version = stored.getList("versions", Document.class).get(0);
            assertThat(version.getString("submittedBy")).isEqualTo("bt-huyendoan-thoxuan");
            assertThat(version.getString("idempotencyKey")).startsWith("sheet-").hasSize(70);
            Map<String, List<ReportSubmitted.Value>> published = published();
            assertThat(published).hasSize(3);
            assertThat(published.get(communes.get("Đoàn xã Thọ Lập"))).extracting(v -> v.indicatorCode() + " " + v.numerator() + "/" + v.denominator()
                    + " " + v.doneOn()).containsExactly("CT01 20/20 null", "CT09 1/null null", "MC1 1/null 2016-06-30");
            assertThat(published.get(communes.get("Đoàn xã Xuân Hòa"))).extracting(v -> v.indicatorCode() + " " + v.numerator() + "/" + v.denominator()
                    + " " + v.doneOn()).containsExactly("CT01 19/20 null", "CT09 0/null null", "MC1 0/null null");
            assertThat(published.get(thoXuan)).extracting(v -> v.indicatorCode() + " " + v.numerator()).containsExactly("CT15 2");

            HttpJson.Response again = upload(district, file, "all-or-nothing");

            assertThat(again.status()).as(again.body().toString()).isEqualTo(200);
            assertThat(counts(again)).as("the same file again changes nothing").containsExactly(3, 0, 3, 0);
            assertThat(mongo.getCollection("reports").countDocuments(new Document("planId", planId))).isEqualTo(3);
            assertThat(published()).as("no event more").hasSize(3);
        }
    }

    /**
     * Two wrong cells and a commune whose secretary already sent its report from her phone: all-or-nothing stores nothing
     * and names all three; valid-rows stores the two right rows and names the three others.
     */
    @Test
    void wrongCellsAreNamedByRowAndColumnAndTheModeDecidesWhatIsStored() throws IOException {
        HttpJson district = admin.as(TestTokens.cadre("bt-huyendoan-thoxuan", thoXuan));
        String xuanMinh = communes.get("Đoàn xã Xuân Minh");
        assertThat(admin.as(TestTokens.cadre("bt-xuanminh", xuanMinh)).post("/api/reports", report(xuanMinh, 12), key("phone-xuanminh-" + planId))
                .status()).isEqualTo(201);
        byte[] file;
        int thoLapRow;
        int xuanLaiRow;
        int xuanMinhRow;
        try (XSSFWorkbook workbook = template(district)) {
            Sheet sheet = workbook.getSheetAt(0);
            Row thoLap = row(sheet, communes.get("Đoàn xã Thọ Lập"));
            thoLap.createCell(CT01_NUMERATOR).setCellValue(21);
            thoLap.createCell(CT01_DENOMINATOR).setCellValue(20);
            Row xuanLai = row(sheet, communes.get("Đoàn xã Xuân Lai"));
            xuanLai.createCell(CT09).setCellValue("có");
            Row xuanHoa = row(sheet, communes.get("Đoàn xã Xuân Hòa"));
            xuanHoa.createCell(CT01_NUMERATOR).setCellValue(20);
            xuanHoa.createCell(CT01_DENOMINATOR).setCellValue(20);
            Row thoDien = row(sheet, communes.get("Đoàn xã Thọ Diên"));
            thoDien.createCell(CT01_NUMERATOR).setCellValue(0);
            thoDien.createCell(CT01_DENOMINATOR).setCellValue(20);
            Row fromPhone = row(sheet, xuanMinh);
            fromPhone.createCell(CT01_NUMERATOR).setCellValue(12);
            fromPhone.createCell(CT01_DENOMINATOR).setCellValue(20);
            xuanMinhRow = fromPhone.getRowNum() + 1;
            thoLapRow = thoLap.getRowNum() + 1;
            xuanLaiRow = xuanLai.getRowNum() + 1;
            file = bytes(workbook);
        }

        HttpJson.Response whole = upload(district, file, "all-or-nothing");

        assertThat(whole.status()).as(whole.body().toString()).isEqualTo(422);
        assertThat(whole.contentType()).startsWith("application/problem+json");
        assertThat(whole.body().get("rule").asString()).isEqualTo("sheet.invalid-rows");
        assertThat(whole.body().get("detail_vi").asString()).contains("Có 3 ô sai");
        assertThat(List.of(thoLapRow, xuanLaiRow, xuanMinhRow)).as("in Vietnamese order").isSorted();
        List<String> expected = List.of(thoLapRow + " C CT01 – Tử số report.share-out-of-range",
                xuanLaiRow + " F CT09 – Có (1) / Không (0) sheet.number-invalid", xuanMinhRow + " A Mã đơn vị report.already-submitted");
        assertThat(errors(whole.body().get("errors"))).containsExactlyElementsOf(expected);
        assertThat(mongo.getCollection("reports").countDocuments(new Document("planId", planId))).as("nothing stored").isEqualTo(1);

        HttpJson.Response valid = upload(district, file, "valid-rows");

        assertThat(valid.status()).as(valid.body().toString()).isEqualTo(200);
        assertThat(counts(valid)).containsExactly(5, 2, 0, 3);
        assertThat(errors(valid.body().get("errors"))).containsExactlyElementsOf(expected);
        assertThat(mongo.getCollection("reports").countDocuments(new Document("planId", planId))).isEqualTo(3);
        assertThat(published().keySet()).containsExactlyInAnyOrder(communes.get("Đoàn xã Xuân Hòa"), communes.get("Đoàn xã Thọ Diên"), xuanMinh);
        assertThat(mongo.getCollection("reports").countDocuments(new Document("planId", planId)
                .append("idempotencyKeys", new Document("$regex", "^sheet-")))).as("the keys of the two stored rows").isEqualTo(2);
    }

    /** Not a workbook, macro-enabled, a zip bomb, an old template, more rows than Thọ Xuân has units: refused, nothing stored. */
    @Test
    void hostileFilesAreRefusedWholeAndNothingIsStored() throws IOException {
        HttpJson district = admin.as(TestTokens.cadre("bt-huyendoan-thoxuan", thoXuan));
        byte[] filled;
        byte[] macros;
        byte[] oldVersion;
        byte[] tooManyRows;
        try (XSSFWorkbook workbook = template(district)) {
            Sheet sheet = workbook.getSheetAt(0);
            Row thoLap = row(sheet, communes.get("Đoàn xã Thọ Lập"));
            thoLap.createCell(CT01_NUMERATOR).setCellValue(18);
            thoLap.createCell(CT01_DENOMINATOR).setCellValue(20);
            filled = bytes(workbook);
            workbook.setWorkbookType(XSSFWorkbookType.XLSM);
            macros = bytes(workbook);
            workbook.setWorkbookType(XSSFWorkbookType.XLSX);
            workbook.getSheetAt(1).getRow(0).getCell(1).setCellValue("0");
            oldVersion = bytes(workbook);
            workbook.getSheetAt(1).getRow(0).getCell(1).setCellValue("1");
            Row extra = sheet.createRow(sheet.getLastRowNum() + 1);
            extra.createCell(0).setCellValue("Đoàn xã Thọ Lộc");
            extra.createCell(CT01_NUMERATOR).setCellValue(5);
            tooManyRows = bytes(workbook);
        }

        refused(district.postChunked("/api/reports/sheet", "Mã đơn vị;CT01\nxa1;18".getBytes(java.nio.charset.StandardCharsets.UTF_8), XLSX),
                "sheet.not-xlsx");
        refused(district.postChunked("/api/reports/sheet", macros, XLSX), "sheet.macro-enabled");
        refused(district.postChunked("/api/reports/sheet", filled, "application/vnd.ms-excel.sheet.macroEnabled.12"), "sheet.macro-enabled");
        refused(district.postChunked("/api/reports/sheet", withBomb(filled), XLSX), "sheet.zip-bomb");
        refused(district.postChunked("/api/reports/sheet", oldVersion, XLSX), "sheet.wrong-version");
        HttpJson.Response over = district.postChunked("/api/reports/sheet", tooManyRows, XLSX);
        refused(over, "sheet.too-many-rows");
        assertThat(over.body().get("maxRows").asInt()).as("Thọ Xuân and its 13 communes").isEqualTo(14);
        HttpJson.Response huge = district.postChunked("/api/reports/sheet?mode=valid-rows", rows(filled, 200_000), XLSX);
        assertThat(huge.status()).as("200,000 rows are more than the 1 MiB body: " + huge.body()).isEqualTo(413);
        assertThat(huge.contentType()).startsWith("application/problem+json");
        assertThat(huge.body().get("rule").asString()).isEqualTo("request.too-large");
        assertThat(mongo.getCollection("reports").countDocuments(new Document("planId", planId))).as("nothing stored").isZero();

        assertThat(upload(district, filled, "valid-rows").status()).as("the same file, unharmed, is taken").isEqualTo(200);
    }

    /** Both endpoints in the OpenAPI document: the template's media type, the body the upload takes and its two modes. */
    @Test
    void theTemplateAndTheUploadAreDocumentedInOpenApi() {
        JsonNode paths = admin.anonymous().get("/v3/api-docs").body().get("paths");
        JsonNode template = paths.get("/api/reports/sheet.xlsx").get("get");
        assertThat(template.get("summary").asString()).startsWith("The Excel sheet to enter the reports");
        assertThat(template.get("parameters").valueStream().map(p -> p.get("name").asString()).toList())
                .containsExactly("planId", "periodId", "unitId");
        assertThat(template.at("/responses/200/content").propertyNames()).containsExactly(XLSX);
        JsonNode upload = paths.get("/api/reports/sheet").get("post");
        assertThat(upload.at("/requestBody/content").propertyNames()).containsExactly(XLSX);
        assertThat(upload.at("/requestBody/content").get(XLSX).at("/schema/format").asString()).isEqualTo("binary");
        JsonNode mode = upload.get("parameters").valueStream().filter(p -> p.get("name").asString().equals("mode")).findFirst().orElseThrow();
        assertThat(mode.at("/schema/enum").valueStream().map(JsonNode::asString).toList()).containsExactly("all-or-nothing", "valid-rows");
        assertThat(mode.get("description").asString()).startsWith("all-or-nothing (the default): any wrong cell and nothing is stored");
        assertThat(upload.get("responses").propertyNames()).contains("200", "413", "422");
        assertThat(upload.get("description").asString()).contains("sheet.zip-bomb", "sheet.too-many-rows", "sheet.macro-enabled");
    }

    /** A cadre gets the sheet of their unit and the units below, not of the unit above; other roles get none. */
    @Test
    void aCadreGetsTheSheetOfTheirOwnSubtreeOnly() throws IOException {
        String thoLap = communes.get("Đoàn xã Thọ Lập");
        HttpJson commune = admin.as(TestTokens.cadre("bt-tholap", thoLap));
        String districtSheet = "/api/reports/sheet.xlsx?planId=" + planId + "&periodId=2016&unitId=" + thoXuan;

        assertThat(admin.anonymous().get(districtSheet).status()).isEqualTo(401);
        assertThat(admin.as(TestTokens.analyst("chuyen-vien-phan-tich")).get(districtSheet).status()).isEqualTo(403);
        HttpJson.Response above = commune.get(districtSheet);
        assertThat(above.status()).isEqualTo(403);
        assertThat(above.body().get("rule").asString()).isEqualTo("access.denied");
        try (XSSFWorkbook own = template(commune)) {
            assertThat(own.getSheetAt(0).getLastRowNum()).as("Thọ Lập alone").isEqualTo(1);
            assertThat(own.getSheetAt(0).getRow(1).getCell(0).getStringCellValue()).isEqualTo(thoLap);
        }
    }

    private void refused(HttpJson.Response response, String rule) {
        assertThat(response.status()).as(rule + ": " + response.body()).isEqualTo(422);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("rule").asString()).isEqualTo(rule);
        assertThat(response.body().get("detail_vi").asString()).isNotBlank();
    }

    private XSSFWorkbook template(HttpJson district) throws IOException {
        byte[] template = district.download("/api/reports/sheet.xlsx?planId=" + planId + "&periodId=2016");
        return new XSSFWorkbook(new ByteArrayInputStream(template));
    }

    private static Row row(Sheet sheet, String unitId) {
        for (Row row : sheet) {
            if (row.getRowNum() > 0 && row.getCell(0).getStringCellValue().equals(unitId)) {
                return row;
            }
        }
        throw new AssertionError("no row for " + unitId);
    }

    private static byte[] bytes(XSSFWorkbook workbook) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        workbook.write(out);
        return out.toByteArray();
    }

    /** The workbook with {@code rows} rows after its header in the report sheet, each a unit code and a CT01 numerator (POI's streaming writer). */
    private static byte[] rows(byte[] workbook, int rows) throws IOException {
        try (XSSFWorkbook base = new XSSFWorkbook(new ByteArrayInputStream(workbook)); SXSSFWorkbook streaming = new SXSSFWorkbook(base, 100);
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = streaming.getSheetAt(0);
            for (int r = base.getSheetAt(0).getLastRowNum() + 1; r <= rows; r++) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue("coso" + r);
                row.createCell(CT01_NUMERATOR).setCellValue(17);
            }
            streaming.write(out);
            streaming.dispose();
            return out.toByteArray();
        }
    }

    /** The workbook with one more part of 30 MB of spaces, which compresses to a few KB. */
    private static byte[] withBomb(byte[] workbook) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(workbook)); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                zip.putNextEntry(new ZipEntry(entry.getName()));
                in.transferTo(zip);
            }
            zip.putNextEntry(new ZipEntry("xl/media/bomb.xml"));
            byte[] spaces = new byte[1024 * 1024];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 30; i++) {
                zip.write(spaces);
            }
        }
        return out.toByteArray();
    }

    private static HttpJson.Response upload(HttpJson as, byte[] file, String mode) {
        return as.postChunked("/api/reports/sheet?mode=" + mode, file, XLSX);
    }

    private static List<Integer> counts(HttpJson.Response response) {
        JsonNode body = response.body();
        return List.of(body.get("rows").asInt(), body.get("created").asInt(), body.get("repeated").asInt(), body.get("refused").asInt());
    }

    private static List<String> errors(JsonNode errors) {
        List<String> each = new ArrayList<>();
        errors.values().forEach(e -> {
            assertThat(e.get("detail_vi").asString()).isNotBlank();
            each.add(e.get("row").asInt() + " " + e.get("column").asString() + " " + e.get("header").asString() + " " + e.get("rule").asString());
        });
        return each;
    }

    /** The values of each report of the plan published, by unit, once every report's outbox is empty. */
    private Map<String, List<ReportSubmitted.Value>> published() {
        ReportServiceIntegrationTests.await(() -> mongo.getCollection("reports").countDocuments(new Document("planId", planId)
                .append("outbox.0", new Document("$exists", true))) == 0);
        Map<String, List<ReportSubmitted.Value>> values = new HashMap<>();
        kafka.readToEnd(Topics.REPORTS).stream().map(KafkaTestClient::envelope).map(e -> EventCodec.data(e).orElseThrow())
                .filter(ReportSubmitted.class::isInstance).map(ReportSubmitted.class::cast).filter(r -> r.planId().equals(planId))
                .forEach(r -> assertThat(values.put(r.unitId(), r.values())).as("one event per report").isNull());
        return values;
    }
}
