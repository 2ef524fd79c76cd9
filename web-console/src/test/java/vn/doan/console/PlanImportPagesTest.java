package vn.doan.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;

/** The plan-from-a-file page: the template download, the upload with its bad cells listed, the draft shown and issued. */
class PlanImportPagesTest extends ConsoleTestBase {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @BeforeEach
    void fresh() {
        gateway.clear();
    }

    @Test
    void theTemplateIsPassedThroughAsAnExcelDownload() throws Exception {
        gateway.answer("GET", "/api/plans/template.xlsx", 200, XLSX, "PK-mau-ke-hoach");
        var response = mvc.perform(as(get("/ke-hoach/mau.xlsx"), "bt.thoxuan", "U-THOXUAN", "CADRE")).andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"mau-ke-hoach.xlsx\"")).andReturn().getResponse();
        assertThat(response.getContentType()).isEqualTo(XLSX);
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo("PK-mau-ke-hoach");
        assertThat(page(as(get("/ke-hoach/nhap"), "bt.thoxuan", "U-THOXUAN", "CADRE"), 200)).contains("/ke-hoach/mau.xlsx", "Tải mẫu Excel kế hoạch");
    }

    @Test
    void aRefusedWorkbookShowsEveryBadCellByRowAndColumn() throws Exception {
        gateway.answer("POST", "/api/plans/import?issuingUnitId=U-THOXUAN&number=&issuedOn=", 422, "application/problem+json", """
                {"status":422,"rule":"import.invalid-cells","detail":"2 cells","detail_vi":"2 ô trong tệp chưa đúng; chưa có gì được lưu.",
                 "errorCount":2,"errors":[
                  {"sheet":"Chỉ tiêu","row":3,"column":"D","rule":"indicator.target-out-of-range","detail_vi":"Dòng 3, cột D: mức 100.01 không hợp lệ"},
                  {"sheet":"Chỉ tiêu","row":5,"column":"F","rule":"indicator.target-year-outside-plan","detail_vi":"Dòng 5, cột F: năm 2021 ngoài kế hoạch"}]}""");
        MockMultipartFile file = new MockMultipartFile("file", "ke-hoach-54.xlsx", XLSX, "PK-tep-excel".getBytes(StandardCharsets.UTF_8));

        String html = page(as(multipart("/ke-hoach/nhap").file(file), "bt.thoxuan", "U-THOXUAN", "CADRE").with(csrf()), 200);

        assertThat(html).contains("2 ô trong tệp chưa đúng; chưa có gì được lưu.", "<td>Chỉ tiêu</td><td>3</td><td>D</td><td>Dòng 3, cột D: mức 100.01 không hợp lệ</td>",
                "<td>5</td><td>F</td><td>Dòng 5, cột F: năm 2021 ngoài kế hoạch</td>");
        StubGateway.Received sent = gateway.last("POST", "/api/plans/import?issuingUnitId=U-THOXUAN&number=&issuedOn=");
        assertThat(sent.header("Content-Type")).isEqualTo(XLSX);
        assertThat(sent.body()).isEqualTo("PK-tep-excel");
        assertThat(page(as(multipart("/ke-hoach/nhap").file(new MockMultipartFile("file", "ke-hoach.pdf", "application/pdf", new byte[] {1})),
                "bt.thoxuan", "U-THOXUAN", "CADRE").with(csrf()), 200)).contains("Chỉ nhận tệp .xlsx, .docx hoặc .txt.");
    }

    @Test
    void aWordPlanIsShownAsADraftForReviewAndIssued() throws Exception {
        gateway.json("POST", "/api/plans/import?issuingUnitId=U-THOXUAN&number=&issuedOn=", """
                {"id":"P54","status":"DRAFT","issuerInDocument":"BCH ĐOÀN HUYỆN THỌ XUÂN",
                 "toReview":["Kỳ báo cáo: văn bản không ghi hạn báo cáo; cần nhập trước khi ban hành."],
                 "plan":{"number":"54-CT/ĐTN","title":"Chương trình hành động thực hiện Nghị quyết số 02-NQ/TU","issuedOn":"2016-04-28",
                  "periodFrom":"2016-01-01","periodTo":"2020-12-31","indicators":[
                  {"code":"CT07","text":"Tỷ lệ hộ nghèo do Đoàn viên - Hội viên làm chủ giảm còn 3%","kind":"RATE_AT_MOST","target":3,"targetMax":null},
                  {"code":"CT15","text":"hàng năm mở từ 2-3 lớp tập huấn","kind":"COUNT_IN_RANGE","target":2,"targetMax":3}]}}""");
        MockMultipartFile word = new MockMultipartFile("file", "54-CT-DTN.docx", "application/octet-stream", "PK-word".getBytes(StandardCharsets.UTF_8));

        String html = page(as(multipart("/ke-hoach/nhap").file(word), "bt.thoxuan", "U-THOXUAN", "CADRE").with(csrf()), 200);

        assertThat(html).contains("Dự thảo 54-CT/ĐTN — xem lại trước khi ban hành", "Đơn vị ban hành ghi trong văn bản: BCH ĐOÀN HUYỆN THỌ XUÂN",
                "Kỳ báo cáo: văn bản không ghi hạn báo cáo; cần nhập trước khi ban hành.", "<td>CT07</td>", "<td>Tỉ lệ tối đa (%)</td>",
                "<td>2 – 3</td>", "/ke-hoach/nhap/P54/ban-hanh");
        assertThat(gateway.last("POST", "/api/plans/import?issuingUnitId=U-THOXUAN&number=&issuedOn=").header("Content-Type"))
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

        gateway.problem("POST", "/api/plans/P54/issue", 422, "schedule", "Kế hoạch phải có ít nhất một kỳ báo cáo.");
        mvc.perform(as(post("/ke-hoach/nhap/P54/ban-hanh"), "bt.thoxuan", "U-THOXUAN", "CADRE").with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(header().string("Location", "/ke-hoach"))
                .andExpect(flash().attribute("closeError", "Kế hoạch phải có ít nhất một kỳ báo cáo."));
        gateway.json("POST", "/api/plans/P54/issue", "{\"id\":\"P54\",\"status\":\"ISSUED\"}");
        mvc.perform(as(post("/ke-hoach/nhap/P54/ban-hanh"), "bt.thoxuan", "U-THOXUAN", "CADRE").with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("notice", "plan.issued"));
    }
}
