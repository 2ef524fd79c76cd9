package vn.doan.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * Reports in bulk from Excel for Huyện đoàn Thọ Xuân: the template passed on from report-service, the filled sheet sent as
 * it is with the mode chosen, and report-service's answer shown — reports created, unchanged, refused, each wrong cell by row
 * and column; a sheet refused whole, or a file that is no workbook, shown in report-service's Vietnamese words.
 */
class ReportSheetPagesTest extends ConsoleTestBase {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String PLAN = """
            {"id":"P54","status":"ISSUED","version":1,"number":"54-CT/ĐTN","title":"Chương trình hành động thực hiện Nghị quyết 02-NQ/TU",
             "issuingUnitId":"U-THANHHOA","periodFrom":"2026-01-01","periodTo":"2030-12-31",
             "indicators":[{"code":"CT01","text":"Ít nhất 90% cán bộ Đoàn cơ sở được tập huấn","kind":"SHARE_OF_PEOPLE","target":90,
                            "reportingLevels":["GRASSROOTS"]},
                           {"code":"CT03","text":"Mỗi cơ sở tổ chức ít nhất 3 buổi sinh hoạt chuyên đề","kind":"COUNT_AT_LEAST","target":3,
                            "reportingLevels":["GRASSROOTS"]}],
             "schedule":[{"periodId":"2026","label":"Báo cáo năm 2026","from":"2026-01-01","to":"2026-12-31","dueDate":"2026-11-15",
                          "reportingLevels":["GRASSROOTS"]}]}""";
    private static final String UPLOAD_VALID_ROWS = "/api/reports/sheet?mode=valid-rows";
    private static final String UPLOAD_ALL = "/api/reports/sheet?mode=all-or-nothing";
    /** The filled sheet of Thọ Xuân: Thọ Lập 27/30 trained (90%, the target), Xuân Hòa 26/30 (one below), Xuân Lập "ba" sessions on row 7. */
    private static final MockMultipartFile FILLED = new MockMultipartFile("file", "bao-cao-2026-tho-xuan.xlsx", "application/octet-stream",
            "PK-bao-cao-tho-xuan".getBytes(StandardCharsets.UTF_8));
    private static final String ROW_7 = """
            {"row":7,"column":"E","header":"CT03 – Số lượng","unitId":"U-XUANLAP","rule":"sheet.number-invalid",
             "detail":"'ba' is not a whole number.","detail_vi":"'ba' không phải số nguyên."}""";

    @BeforeEach
    void thoXuanAndItsPlan() {
        gateway.clear();
        gateway.json("GET", "/api/units/U-THOXUAN", """
                {"id":"U-THOXUAN","code":"HD-THOXUAN","name":"Huyện đoàn Thọ Xuân","level":"DISTRICT","parentId":"U-THANHHOA",
                 "ancestorIds":["U-THANHHOA"],"status":"ACTIVE"}""");
        gateway.json("GET", "/api/plans/P54", PLAN);
    }

    @Test
    void theDashboardAndThePageOfferReportServicesTemplateOfThePlansPeriodForTheUnit() throws Exception {
        gateway.json("GET", "/api/plans?issuingUnitId=U-THOXUAN", "[]");
        gateway.json("GET", "/api/plans?issuingUnitId=U-THANHHOA", "[" + PLAN + "]");
        assertThat(page(as(get("/bang-theo-doi?planId=P54&periodId=2026"), "bt.thoxuan", "U-THOXUAN", "CADRE"), 200))
                .contains("href=\"/bao-cao/nhap-excel?planId=P54&amp;periodId=2026&amp;unitId=U-THOXUAN\"", "Nhập báo cáo của các đơn vị từ Excel");
        assertThat(page(as(get("/bang-theo-doi?planId=P54&periodId=2026"), "ptn.thoxuan", "U-THOXUAN", "DEPARTMENT_STAFF"), 200))
                .as("department staff do not enter the units' reports").doesNotContain("/bao-cao/nhap-excel");

        String html = page(as(get("/bao-cao/nhap-excel?planId=P54&periodId=2026&unitId=U-THOXUAN"), "bt.thoxuan", "U-THOXUAN", "CADRE"), 200);
        assertThat(html).contains("Nhập báo cáo từ Excel", "54-CT/ĐTN", "Báo cáo của Huyện đoàn Thọ Xuân và các đơn vị trực thuộc · Báo cáo năm 2026",
                "href=\"/bao-cao/nhap-excel/mau.xlsx?planId=P54&amp;periodId=2026&amp;unitId=U-THOXUAN\"", "Tải mẫu Excel",
                "value=\"all-or-nothing\" checked", "Tất cả hoặc không: có ô sai thì không ghi dòng nào",
                "Chỉ các dòng hợp lệ: ghi các dòng đúng, liệt kê các dòng sai");

        String disposition = "attachment; filename=\"bao-cao-2026.xlsx\"";
        gateway.file("GET", "/api/reports/sheet.xlsx?planId=P54&periodId=2026&unitId=U-THOXUAN", XLSX, disposition, "PK-mau-bao-cao");
        var template = mvc.perform(as(get("/bao-cao/nhap-excel/mau.xlsx?planId=P54&periodId=2026&unitId=U-THOXUAN"), "bt.thoxuan", "U-THOXUAN",
                "CADRE")).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(template.getContentType()).isEqualTo(XLSX);
        assertThat(template.getHeader("Content-Disposition")).isEqualTo(disposition);
        assertThat(template.getContentAsString(StandardCharsets.UTF_8)).isEqualTo("PK-mau-bao-cao");
        assertThat(gateway.last("GET", "/api/reports/sheet.xlsx?planId=P54&periodId=2026&unitId=U-THOXUAN").header("Authorization"))
                .isEqualTo("Bearer token-of-bt.thoxuan");
    }

    @Test
    void theValidRowsAreStoredAndTheWrongCellIsShownByRowAndColumnAndTheSameFileAgainChangesNothing() throws Exception {
        gateway.json("POST", UPLOAD_VALID_ROWS, "{\"rows\":3,\"created\":2,\"repeated\":0,\"refused\":1,\"errors\":[" + ROW_7 + "]}");

        String html = page(upload(FILLED, "valid-rows"), 200);

        assertThat(html).contains("Kết quả tệp bao-cao-2026-tho-xuan.xlsx", "id=\"sheet-rows\">3<", "id=\"sheet-created\">2<",
                "id=\"sheet-repeated\">0<", "id=\"sheet-refused-count\">1<",
                "<td class=\"num\">7</td><td>E (CT03 – Số lượng)</td>", "<td>&#39;ba&#39; không phải số nguyên.</td>",
                "value=\"valid-rows\" checked");
        StubGateway.Received sent = gateway.last("POST", UPLOAD_VALID_ROWS);
        assertThat(sent.header("Content-Type")).as("sent as the workbook it is, not multipart").isEqualTo(XLSX);
        assertThat(sent.body()).isEqualTo("PK-bao-cao-tho-xuan");
        assertThat(sent.header("Authorization")).isEqualTo("Bearer token-of-bt.thoxuan");

        gateway.json("POST", UPLOAD_VALID_ROWS, "{\"rows\":3,\"created\":0,\"repeated\":2,\"refused\":1,\"errors\":[" + ROW_7 + "]}");
        assertThat(page(upload(FILLED, "valid-rows"), 200)).contains("id=\"sheet-created\">0<", "id=\"sheet-repeated\">2<",
                "Không thay đổi (đã có)");
    }

    @Test
    void allOrNothingWithAWrongCellStoresNothingAndListsTheCell() throws Exception {
        gateway.answer("POST", UPLOAD_ALL, 422, "application/problem+json", """
                {"status":422,"rule":"sheet.invalid-rows","field":"file","detail":"1 cells of the sheet are wrong",
                 "detail_vi":"Có 1 ô sai (xem danh sách errors); chưa có gì được lưu.","errors":[""" + ROW_7 + "]}");

        String html = page(upload(FILLED, "all-or-nothing"), 200);

        assertThat(html).contains("Có 1 ô sai (xem danh sách errors); chưa có gì được lưu.", "Chưa ghi báo cáo nào.",
                "<td class=\"num\">7</td><td>E (CT03 – Số lượng)</td>", "value=\"all-or-nothing\" checked");
        assertThat(html).doesNotContain("id=\"sheet-outcome\"", "id=\"sheet-created\"");
    }

    @Test
    void aFileRefusedWholeShowsReportServicesVietnameseReason() throws Exception {
        gateway.answer("POST", UPLOAD_ALL, 422, "application/problem+json", """
                {"status":422,"rule":"sheet.macro-enabled","field":"file","detail":"Macro-enabled files are not accepted",
                 "detail_vi":"Không nhận tệp có chứa macro; hãy lưu lại thành tệp Excel (.xlsx) không có macro. Chưa có gì được lưu."}""");
        String macro = page(upload(new MockMultipartFile("file", "bao-cao.xlsm", "application/octet-stream", new byte[] {80, 75}),
                "all-or-nothing"), 200);
        assertThat(macro).contains("Không nhận tệp có chứa macro; hãy lưu lại thành tệp Excel (.xlsx) không có macro.")
                .doesNotContain("Exception", "<table class=\"sheet-errors\"");
        assertThat(gateway.last("POST", UPLOAD_ALL).header("Content-Type")).isEqualToIgnoringCase("application/vnd.ms-excel.sheet.macroEnabled.12");

        gateway.answer("POST", UPLOAD_ALL, 413, "application/problem+json", """
                {"status":413,"rule":"request.too-large","detail":"The request body is larger than 1048576 bytes.",
                 "detail_vi":"Nội dung gửi lên vượt quá dung lượng cho phép."}""");
        assertThat(page(upload(FILLED, "all-or-nothing"), 200)).contains("Nội dung gửi lên vượt quá dung lượng cho phép.");

        gateway.answer("POST", UPLOAD_ALL, 422, "application/problem+json", """
                {"status":422,"rule":"sheet.not-xlsx","field":"file","detail":"Not an .xlsx workbook.",
                 "detail_vi":"Tệp không phải bảng tính Excel (.xlsx). Chưa có gì được lưu."}""");
        assertThat(page(upload(new MockMultipartFile("file", "bao-cao.pdf", "application/pdf", new byte[] {37, 80, 68, 70}),
                "all-or-nothing"), 200)).contains("Tệp bao-cao.pdf", "Tệp không phải bảng tính Excel (.xlsx). Chưa có gì được lưu.");
        assertThat(gateway.last("POST", UPLOAD_ALL).header("Content-Type")).as("left to report-service to refuse").isEqualTo("application/pdf");
    }

    @Test
    void theReportPageOffersTheUnitsConsolidatedReport() throws Exception {
        gateway.json("GET", "/api/reports/R1", ConsolePagesTest.report("SUBMITTED"));
        gateway.json("GET", "/api/units/U-THOLAP", """
                {"id":"U-THOLAP","code":"CS-THOXUAN-1","name":"Đoàn xã Thọ Lập","level":"GRASSROOTS","parentId":"U-THOXUAN",
                 "ancestorIds":["U-THANHHOA","U-THOXUAN"],"status":"ACTIVE"}""");
        gateway.json("GET", "/api/plans/P54", ConsolePagesTest.PLAN);
        assertThat(page(as(get("/bao-cao/R1"), "bt.thoxuan", "U-THOXUAN", "CADRE"), 200)).contains(
                "href=\"/bang-theo-doi/bao-cao-tong-hop?planId=P54&amp;periodId=2026&amp;unitId=U-THOLAP&amp;format=docx\"",
                "unitId=U-THOLAP&amp;format=pdf", "unitId=U-THOLAP&amp;format=xlsx");
    }

    private MockMultipartHttpServletRequestBuilder upload(MockMultipartFile file, String mode) {
        return as(multipart("/bao-cao/nhap-excel").file(file), "bt.thoxuan", "U-THOXUAN", "CADRE").param("mode", mode).param("planId", "P54")
                .param("periodId", "2026").param("unitId", "U-THOXUAN").with(csrf());
    }
}
