package vn.doan.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oauth2Client;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.doan.console.web.Format;

/**
 * Each page's data and access, against a stub gateway over real HTTP: what the page shows from the services'
 * answers (dates dd/MM/yyyy, numbers 1.234,5), that every call carries the user's access token, and what the
 * user sees when a service refuses, forbids or does not answer.
 */
class ConsolePagesTest extends ConsoleTestBase {

    static final LocalDate DUE = Format.today().plusDays(12);
    static final String PLAN = """
            {"id":"P54","status":"ISSUED","version":1,"number":"54-CT/ĐTN","title":"Chương trình hành động thực hiện Nghị quyết 02-NQ/TU",
             "issuingUnitId":"U-THANHHOA","periodFrom":"2026-01-01","periodTo":"2030-12-31",
             "indicators":[{"code":"CT1","text":"Ít nhất 90% cán bộ Đoàn cơ sở được tập huấn","kind":"SHARE_OF_PEOPLE","target":90,
                            "reportingLevels":["GRASSROOTS"]},
                           {"code":"CT2","text":"Mỗi cơ sở tổ chức ít nhất 3 buổi sinh hoạt chuyên đề","kind":"COUNT_AT_LEAST","target":3,
                            "reportingLevels":["GRASSROOTS"]}],
             "schedule":[{"periodId":"2026","label":"Báo cáo năm 2026","from":"2026-01-01","to":"2026-12-31","dueDate":"DUE",
                          "reportingLevels":["GRASSROOTS"]}]}""".replace("DUE", DUE.toString());

    @BeforeEach
    void thoLapAndItsPlan() {
        gateway.clear();
        gateway.json("GET", "/api/units/U-THOLAP", """
                {"id":"U-THOLAP","code":"CS-THOXUAN-1","name":"Đoàn xã Thọ Lập","level":"GRASSROOTS","parentId":"U-THOXUAN",
                 "ancestorIds":["U-THANHHOA","U-THOXUAN"],"status":"ACTIVE"}""");
        gateway.json("GET", "/api/units/U-THOXUAN", """
                {"id":"U-THOXUAN","code":"HD-THOXUAN","name":"Huyện đoàn Thọ Xuân","level":"DISTRICT","parentId":"U-THANHHOA",
                 "ancestorIds":["U-THANHHOA"],"status":"ACTIVE"}""");
        gateway.json("GET", "/api/plans?issuingUnitId=U-THOLAP", "[]");
        gateway.json("GET", "/api/plans?issuingUnitId=U-THOXUAN", "[]");
        gateway.json("GET", "/api/plans?issuingUnitId=U-THANHHOA", "[" + PLAN + "]");
        gateway.json("GET", "/api/plans/P54", PLAN);
        gateway.json("GET", "/api/reports?planId=P54&periodId=2026&unitIds=U-THOLAP", "[]");
    }

    @Test
    void withoutSessionThePageSendsTheBrowserToSignInAtTheAuthServer() throws Exception {
        mvc.perform(get("/viec-can-lam")).andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", org.hamcrest.Matchers.endsWith("/oauth2/authorization/doan")));
    }

    @Test
    void theStyleSheetAndHtmxAreServedWithoutSignInAtTheAddressesThePagesName() throws Exception {
        String html = page(as(get("/viec-can-lam"), "bt.tholap", "U-THOLAP", "CADRE"), 200);
        assertThat(html).contains("href=\"/static/console.css\"");
        String htmx = html.replaceAll("(?s).*<script src=\"(/webjars/htmx.org/[^\"]+)\".*", "$1");
        assertThat(mvc.perform(get("/static/console.css")).andExpect(status().isOk()).andReturn().getResponse().getContentType())
                .startsWith("text/css");
        assertThat(mvc.perform(get(htmx)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).contains("htmx");
    }

    @Test
    void whatIsDueListsEachPeriodOfThePlansAboveTheUnitWithItsDueDateAndDaysLeft() throws Exception {
        String html = page(as(get("/viec-can-lam"), "bt.tholap", "U-THOLAP", "CADRE"), 200);
        assertThat(html).contains("Đoàn xã Thọ Lập", "54-CT/ĐTN", "Báo cáo năm 2026",
                "Hạn nộp: " + DUE.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")), "Còn 12 ngày", "Chưa có báo cáo",
                "/bao-cao/moi?planId=P54&amp;periodId=2026");
        assertThat(gateway.last("GET", "/api/plans?issuingUnitId=U-THANHHOA").header("Authorization")).isEqualTo("Bearer token-of-bt.tholap");
    }

    @Test
    void theReportFormHasAFieldPerIndicatorWithItsWordingAndAnIdempotencyKey() throws Exception {
        String html = page(as(get("/bao-cao/moi?planId=P54&periodId=2026"), "bt.tholap", "U-THOLAP", "CADRE"), 200);
        assertThat(html).contains("Ít nhất 90% cán bộ Đoàn cơ sở được tập huấn", "Tử số (số đạt)", "Mẫu số (tổng số)",
                "Mỗi cơ sở tổ chức ít nhất 3 buổi sinh hoạt chuyên đề", "Số lượng", "Kết quả đạt được", "Hạn chế – nguyên nhân",
                "Đề xuất – kiến nghị", "name=\"_csrf\"", "<label for=\"n-CT1\"", "<label for=\"d-CT1\"", "<label for=\"n-CT2\"");
        assertThat(html).containsPattern("name=\"key\" value=\"[0-9a-f-]{36}\"");
    }

    /**
     * Huyện đoàn Thọ Xuân starts its own report from report-service's consolidated report: the sections drafted from its
     * communes' reports and its own count of classes are filled in; the communes' CT1 figures are not (never counted twice).
     */
    @Test
    void aDistrictStartsItsReportFromTheConsolidatedDraftWithOnlyItsOwnValues() throws Exception {
        gateway.json("GET", "/api/plans/P54", PLAN.replaceFirst("(\"target\":3,\\s*\"reportingLevels\":\\[)\"GRASSROOTS\"",
                "$1\"DISTRICT\",\"GRASSROOTS\""));
        gateway.json("GET", "/api/reports/consolidated/P54/2026/units/U-THOXUAN", """
                {"unit":{"id":"U-THOXUAN","name":"Huyện đoàn Thọ Xuân","level":"DISTRICT"},
                 "figures":[{"code":"CT1","numerator":1234,"denominator":1235,"result":"99,92% (1.234/1.235)"}],
                 "submission":{"planId":"P54","unitId":"U-THOXUAN","periodId":"2026",
                   "values":[{"indicatorCode":"CT2","numerator":3,"denominator":null,"doneOn":null}],
                   "sections":{"results":"Kết quả thực hiện các chỉ tiêu:\\n- CT1 Ít nhất 90% cán bộ Đoàn cơ sở được tập huấn: 99,92% (1.234/1.235)",
                               "shortcomings":"Chậm báo cáo: Đoàn xã Xuân Hòa (3 ngày). Chưa báo cáo: Đoàn trường THPT Thọ Xuân 4.",
                               "proposals":"Đoàn xã Thọ Lập: Đề nghị Huyện đoàn hỗ trợ kinh phí mở lớp."}}}""");

        String empty = page(as(get("/bao-cao/moi?planId=P54&periodId=2026"), "bt.thoxuan", "U-THOXUAN", "CADRE"), 200);
        assertThat(empty).contains("href=\"/bao-cao/moi?planId=P54&amp;periodId=2026&amp;tongHop=true\"",
                "Lập từ báo cáo tổng hợp của các đơn vị trực thuộc");
        String html = page(as(get("/bao-cao/moi?planId=P54&periodId=2026&tongHop=true"), "bt.thoxuan", "U-THOXUAN", "CADRE"), 200);

        assertThat(html).contains("Đã điền sẵn từ báo cáo tổng hợp", "Kết quả thực hiện các chỉ tiêu:\n- CT1 Ít nhất 90% cán bộ Đoàn cơ sở được "
                + "tập huấn: 99,92% (1.234/1.235)</textarea>", "Chậm báo cáo: Đoàn xã Xuân Hòa (3 ngày). Chưa báo cáo: Đoàn trường THPT Thọ Xuân 4.</textarea>",
                "Đoàn xã Thọ Lập: Đề nghị Huyện đoàn hỗ trợ kinh phí mở lớp.</textarea>", "name=\"periodId\" value=\"2026\"");
        assertThat(html).doesNotContain("id=\"from-consolidated\"");
        String ct2 = html.substring(html.indexOf("id=\"ind-CT2\""));
        assertThat(ct2).contains("name=\"n.CT2\" value=\"3\"");
        assertThat(html).doesNotContain("value=\"1.234\"").as("the district does not report CT1: no field for it").doesNotContain("name=\"n.CT1\"");
        assertThat(gateway.last("GET", "/api/reports/consolidated/P54/2026/units/U-THOXUAN").header("Authorization"))
                .isEqualTo("Bearer token-of-bt.thoxuan");
    }

    @Test
    void aTaskIsReportedDoneOnADateOrNotDoneAsAMilestoneIs() throws Exception {
        gateway.json("GET", "/api/plans/P54", PLAN.replace("\"indicators\":[", """
                "indicators":[{"code":"CT3","text":"Xây dựng công trình thanh niên “Thắp sáng đường quê”","kind":"TASK","target":null,
                               "reportingLevels":["GRASSROOTS"],"department":"Ban Phong trào"},"""));
        String html = page(as(get("/bao-cao/moi?planId=P54&periodId=2026"), "bt.tholap", "U-THOLAP", "CADRE"), 200);
        String task = html.substring(html.indexOf("Thắp sáng đường quê"), html.indexOf("Ít nhất 90% cán bộ Đoàn cơ sở được tập huấn"));
        assertThat(task).doesNotContain("Chỉ tiêu:").contains("Nhiệm vụ (hoàn thành / chưa)", "name=\"n.CT3\" value=\"1\"", "Đã hoàn thành", "name=\"n.CT3\" value=\"0\"", "Chưa hoàn thành",
                "<label for=\"on-CT3\">Ngày hoàn thành (dd/mm/yyyy)</label>");
    }

    @Test
    void aRefusedSubmissionShowsTheServicesMessageNextToItsFieldAndKeepsWhatWasTyped() throws Exception {
        gateway.problem("POST", "/api/reports", 422, "values[0].numerator",
                "Chỉ tiêu CT1: tử số phải từ 0 đến mẫu số, mẫu số phải lớn hơn 0.");
        String html = page(as(post("/bao-cao"), "bt.tholap", "U-THOLAP", "CADRE").with(csrf()).param("key", "khoa-bao-cao-1")
                .param("planId", "P54").param("periodId", "2026").param("reportId", "").param("action", "submit")
                .param("n.CT1", "1.025").param("d.CT1", "20").param("n.CT2", "2").param("results", "Tổ chức 2 lớp tập huấn."), 200);
        assertThat(html).contains("Báo cáo chưa được lưu.", "value=\"1.025\"", "Tổ chức 2 lớp tập huấn.", "value=\"khoa-bao-cao-1\"");
        String ct1 = html.substring(html.indexOf("id=\"ind-CT1\""), html.indexOf("id=\"ind-CT2\""));
        assertThat(ct1).contains("Chỉ tiêu CT1: tử số phải từ 0 đến mẫu số, mẫu số phải lớn hơn 0.");
        StubGateway.Received sent = gateway.last("POST", "/api/reports");
        assertThat(sent.header("Idempotency-Key")).isEqualTo("khoa-bao-cao-1");
        assertThat(sent.body()).contains("\"indicatorCode\":\"CT1\",\"numerator\":1025,\"denominator\":20",
                "\"indicatorCode\":\"CT2\",\"numerator\":2", "\"unitId\":\"U-THOLAP\"", "\"results\":\"Tổ chức 2 lớp tập huấn.\"");
    }

    @Test
    void whatIsNotANumberIsRefusedInTheConsoleWithoutCallingTheService() throws Exception {
        String html = page(as(post("/bao-cao"), "bt.tholap", "U-THOLAP", "CADRE").with(csrf()).param("key", "k2").param("planId", "P54")
                .param("periodId", "2026").param("reportId", "").param("action", "submit").param("n.CT1", "18").param("d.CT1", "20")
                .param("n.CT2", "hai"), 200);
        assertThat(html).contains("Hãy nhập một số nguyên, ví dụ 1.234.", "value=\"hai\"");
        assertThat(gateway.received).noneMatch(r -> r.method().equals("POST"));
    }

    @Test
    void anAcceptedSubmissionGoesToTheReportsPage() throws Exception {
        gateway.json("POST", "/api/reports", report("SUBMITTED"));
        mvc.perform(as(post("/bao-cao"), "bt.tholap", "U-THOLAP", "CADRE").with(csrf()).param("key", "k3").param("planId", "P54")
                        .param("periodId", "2026").param("reportId", "").param("action", "submit").param("n.CT1", "18")
                        .param("d.CT1", "20").param("n.CT2", "2"))
                .andExpect(status().is3xxRedirection()).andExpect(header().string("Location", "/bao-cao/R1"));
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefused() throws Exception {
        mvc.perform(as(post("/bao-cao"), "bt.tholap", "U-THOLAP", "CADRE").param("planId", "P54")).andExpect(status().isForbidden());
        assertThat(gateway.received).isEmpty();
    }

    @Test
    void aReturnedReportShowsItsReasonItsVersionsAndHistory() throws Exception {
        gateway.json("GET", "/api/reports/R1", report("RETURNED"));
        String html = page(as(get("/bao-cao/R1"), "bt.tholap", "U-THOLAP", "CADRE"), 200);
        assertThat(html).contains("Bị trả lại", "Số liệu chưa khớp danh sách.", "18 / 20", "Phiên bản 1", "bởi bt.thoxuan",
                "Trễ hạn 2 ngày", "/bao-cao/R1/sua");
        assertThat(html).doesNotContain("id=\"accept\"");
    }

    @Test
    void theDistrictReviewsTheReportsOfItsDirectChildren() throws Exception {
        gateway.json("GET", "/api/reports/R1", report("SUBMITTED"));
        String html = page(as(get("/bao-cao/R1"), "bt.thoxuan", "U-THOXUAN", "CADRE"), 200);
        assertThat(html).contains("id=\"accept\"", "id=\"return\"", "<label for=\"reason\"");
        gateway.json("POST", "/api/reports/R1/return", report("RETURNED"));
        mvc.perform(as(post("/bao-cao/R1/tra-lai"), "bt.thoxuan", "U-THOXUAN", "CADRE").with(csrf()).param("reason", "Thiếu minh chứng"))
                .andExpect(status().is3xxRedirection());
        assertThat(gateway.last("POST", "/api/reports/R1/return").body()).isEqualTo("{\"reason\":\"Thiếu minh chứng\"}");
    }

    @Test
    void aForbiddenReportIsTheVietnameseNoPermissionPage() throws Exception {
        gateway.problem("GET", "/api/reports/R9", 403, "id", "Không có quyền với đơn vị này.");
        String html = page(as(get("/bao-cao/R9"), "bt.xuanhoa", "U-XUANHOA", "CADRE"), 403);
        assertThat(html).contains("<h1>Không có quyền</h1>").doesNotContain("Exception");
    }

    @Test
    void aServiceThatDoesNotAnswerWhileSubmittingKeepsTheFormAsTyped() throws Exception {
        gateway.unavailable("POST", "/api/reports");
        String html = page(as(post("/bao-cao"), "bt.tholap", "U-THOLAP", "CADRE").with(csrf()).param("key", "k5").param("planId", "P54")
                .param("periodId", "2026").param("reportId", "").param("action", "submit").param("n.CT1", "18").param("d.CT1", "20")
                .param("n.CT2", "2").param("proposals", "Đề nghị Tỉnh đoàn mở thêm lớp tập huấn."), 200);
        assertThat(html).contains("Hệ thống báo cáo tạm thời không phản hồi.", "value=\"18\"", "Đề nghị Tỉnh đoàn mở thêm lớp tập huấn.",
                "value=\"k5\"");
    }

    @Test
    void aServiceThatDoesNotAnswerGivesAClearPageThatCanSendTheFormAgain() throws Exception {
        gateway.unavailable("GET", "/api/plans/P54");
        String html = page(as(post("/bao-cao"), "bt.tholap", "U-THOLAP", "CADRE").with(csrf()).param("key", "k6").param("planId", "P54")
                .param("periodId", "2026").param("n.CT1", "18").param("results", "Đã tổ chức 2 lớp."), 503);
        assertThat(html).contains("Hệ thống tạm thời không phản hồi", "Gửi lại những gì bạn đã nhập", "name=\"n.CT1\" value=\"18\"",
                "name=\"results\" value=\"Đã tổ chức 2 lớp.\"", "name=\"key\" value=\"k6\"", "action=\"/bao-cao\"");
        gateway.unavailable("GET", "/api/reports/R1");
        assertThat(page(as(get("/bao-cao/R1"), "bt.tholap", "U-THOLAP", "CADRE"), 503)).contains("Hệ thống tạm thời không phản hồi")
                .doesNotContain("Gửi lại");
    }

    /** Thanh Hóa's dashboard with {@code expected} units to report below it, 734 of them reported, 57 late, 2 returned; Thọ Xuân 412 of 415. */
    private String provinceDashboard(int expected) throws Exception {
        gateway.json("GET", "/api/units/U-THANHHOA", """
                {"id":"U-THANHHOA","code":"TD-THANHHOA","name":"Tỉnh đoàn Thanh Hóa","level":"PROVINCE","parentId":"U-TW",
                 "ancestorIds":["U-TW"],"status":"ACTIVE"}""");
        gateway.json("GET", "/api/plans?issuingUnitId=U-TW", "[]");
        String counts = "\"reports\":{\"expected\":" + expected + ",\"submitted\":734,\"onTime\":677,\"late\":57,\"returned\":2,"
                + "\"missing\":" + (expected - 736) + ",\"notYetDue\":0}";
        String unit = """
                {"planId":"P54","periodId":"2026","unitId":"U-THANHHOA","unitName":"Tỉnh đoàn Thanh Hóa","level":"PROVINCE","indicators":[
                 {"code":"CT1","text":"Ít nhất 90% cán bộ Đoàn cơ sở được tập huấn","kind":"SHARE_OF_PEOPLE","target":90,
                  "subtree":{"numerator":9000,"denominator":10000,"reportingUnits":1234,"unitsMet":0,"doneOnTime":0,"value":90,"percent":90,"target":90,"status":"ACHIEVED"}}],
                 COUNTS}""".replace("COUNTS", counts);
        String children = """
                [{"planId":"P54","periodId":"2026","unitId":"U-THOXUAN","unitName":"Huyện đoàn Thọ Xuân","level":"DISTRICT","indicators":[],
                  "reports":{"expected":415,"submitted":412,"onTime":400,"late":12,"returned":0,"missing":3,"notYetDue":0}}]""";
        gateway.json("GET", "/api/progress/P54/2026/units/U-THANHHOA/dashboard", dashboard(unit, children, "[]", "[]"));
        gateway.json("GET", "/api/reports/completeness?planId=P54&periodId=2026&unitId=U-THANHHOA", """
                {"planId":"P54","periodId":"2026","dueDate":"2026-12-01","expected":1000,"submitted":998,"onTime":990,"late":8,"missing":2,
                 "units":[{"unitId":"U-XUANHOA","name":"Đoàn xã Xuân Hòa","level":"GRASSROOTS","state":"MISSING","daysLate":0}]}""");
        return page(as(get("/bang-theo-doi?planId=P54&periodId=2026"), "bt.thanhhoa", "U-THANHHOA", "CADRE"), 200);
    }

    @Test
    void aProvinceWithMoreThanAThousandUnitsBelowShowsTheCountsAndEachDistrictsNotEveryUnitByName() throws Exception {
        String html = provinceDashboard(1_001);

        assertThat(gateway.received.stream().filter(r -> r.path().startsWith("/api/reports/completeness")).count())
                .as("report-service's list of every unit is not asked for").isZero();
        assertThat(gateway.received.stream().filter(r -> r.path().startsWith("/api/reports?")).count())
                .as("no reports to review asked for: Thọ Xuân has no report of its own").isZero();
        assertThat(html).contains(">1.001</strong>", "id=\"count-submitted\">734</strong>", ">677</strong>", ">57</strong>",
                "id=\"count-missing\">265</strong>", "id=\"listed-by-child\"", "Đã nộp 412/415, chưa nộp 3");
        assertThat(html).doesNotContain("Đoàn xã Xuân Hòa");
    }

    @Test
    void aSubtreeOfExactlyAThousandUnitsIsListedByName() throws Exception {
        String html = provinceDashboard(1_000);

        assertThat(html).as("report-service's listing, its own counts in the tiles").contains("Đoàn xã Xuân Hòa", "Chưa nộp",
                ">1.000</strong>", "id=\"count-submitted\">998</strong>").doesNotContain("id=\"listed-by-child\"");
    }

    /** Huyện đoàn Thọ Xuân's figures for 54-CT/ĐTN in 2026, as the services would answer them. */
    void thoXuansFigures() {
        gateway.json("GET", "/api/plans?issuingUnitId=U-THANHHOA", "[" + PLAN + "]");
        String unit = """
                {"planId":"P54","periodId":"2026","unitId":"U-THOXUAN","unitName":"Huyện đoàn Thọ Xuân","level":"DISTRICT","indicators":[
                 {"code":"CT1","text":"Ít nhất 90% cán bộ Đoàn cơ sở được tập huấn","kind":"SHARE_OF_PEOPLE","target":90,
                  "subtree":{"numerator":1234,"denominator":1500,"reportingUnits":3,"unitsMet":1,"doneOnTime":0,"value":82.27,"percent":82.27,"target":90,"status":"AT_RISK"}},
                 {"code":"CT2","text":"Mỗi cơ sở tổ chức ít nhất 3 buổi sinh hoạt chuyên đề","kind":"COUNT_AT_LEAST","target":3,
                  "subtree":{"numerator":2500,"denominator":0,"reportingUnits":3,"unitsMet":2,"doneOnTime":0,"value":66.67,"percent":66.67,"target":100,
                             "status":"AT_RISK"}}]}""";
        gateway.json("GET", "/api/progress/P54/2026/units/U-THOXUAN", unit);
        gateway.json("GET", "/api/reports/completeness?planId=P54&periodId=2026&unitId=U-THOXUAN", """
                {"planId":"P54","periodId":"2026","dueDate":"2026-12-01","expected":4,"submitted":3,"onTime":2,"late":1,"missing":1,
                 "units":[{"unitId":"U-THOLAP","name":"Đoàn xã Thọ Lập","level":"GRASSROOTS","state":"ON_TIME","daysLate":0,"reportId":"R1"},
                          {"unitId":"U-XUANHOA","name":"Đoàn xã Xuân Hòa","level":"GRASSROOTS","state":"MISSING","daysLate":0}]}""");
        String children = """
                [{"planId":"P54","periodId":"2026","unitId":"U-THOLAP","unitName":"Đoàn xã Thọ Lập","level":"GRASSROOTS","ownVersion":1,"indicators":[
                   {"code":"CT1","text":"Ít nhất 90% cán bộ Đoàn cơ sở được tập huấn","kind":"SHARE_OF_PEOPLE","target":90,
                    "subtree":{"numerator":18,"denominator":20,"reportingUnits":1,"unitsMet":1,"doneOnTime":0,"value":90,"percent":90,"target":90,"status":"ACHIEVED"}},
                   {"code":"CT2","text":"Mỗi cơ sở tổ chức ít nhất 3 buổi sinh hoạt chuyên đề","kind":"COUNT_AT_LEAST","target":3,
                    "subtree":{"numerator":1234,"denominator":0,"reportingUnits":1,"unitsMet":1,"doneOnTime":0,"value":100,"percent":100,"target":100,"status":"ACHIEVED"}}]},
                 {"planId":"P54","periodId":"2026","unitId":"U-XUANHOA","unitName":"Đoàn xã Xuân Hòa","level":"GRASSROOTS","indicators":[]}]""";
        String behind = """
                [{"code":"CT2","text":"Mỗi cơ sở tổ chức ít nhất 3 buổi sinh hoạt chuyên đề","status":"AT_RISK","value":66.67,"target":100,"attainment":0.6667},
                 {"code":"CT1","text":"Ít nhất 90% cán bộ Đoàn cơ sở được tập huấn","status":"AT_RISK","value":82.27,"target":90,"attainment":0.9141}]""";
        String ranking = """
                [{"rank":1,"unitId":"U-THOLAP","unitName":"Đoàn xã Thọ Lập","score":91.41,"expected":1,"late":0,"rankClass":"Xuất sắc"},
                 {"rank":2,"unitId":"U-XUANHOA","unitName":"Đoàn xã Xuân Hòa","score":0,"expected":1,"late":0,"rankClass":"Yếu"}]""";
        gateway.json("GET", "/api/progress/P54/2026/units/U-THOXUAN/dashboard", dashboard(unit, children, behind, ranking));
        gateway.json("GET", "/api/reports?planId=P54&periodId=2026&unitIds=U-THOLAP", "[" + report("SUBMITTED") + "]");
    }

    /** indicator-service's {@code /dashboard} answer made of its four parts. */
    private static String dashboard(String unit, String children, String behind, String ranking) {
        return "{\"unit\":" + unit + ",\"children\":" + children + ",\"behind\":" + behind + ",\"ranking\":" + ranking + "}";
    }

    @Test
    void aPageWhoseAddressNamesItsPlanPeriodAndUnitAsksForItsPartsWhileItChecksThem() throws Exception {
        thoXuansFigures();
        String address = "/bang-theo-doi?planId=P54&periodId=2026&unitId=U-THOXUAN";
        gateway.holdTogether(List.of("/api/units/U-THOXUAN", "/api/progress/P54/2026/units/U-THOXUAN/dashboard"));
        String html = page(as(get(address), "bt.thoxuan", "U-THOXUAN", "CADRE"), 200);
        assertThat(gateway.mostHeldAtOnce).as("the unit and indicator-service's parts asked for together").hasValue(2);
        assertThat(gateway.received.stream().filter(r -> r.path().startsWith("/api/progress/")).map(StubGateway.Received::path).toList())
                .as("indicator-service asked once").containsExactly("/api/progress/P54/2026/units/U-THOXUAN/dashboard");
        assertThat(html).contains("82,27% (1.234/1.500)", "Đoàn xã Xuân Hòa", "href=\"/bao-cao/R1\"");

        gateway.holdTogether(List.of("/api/reports/completeness?planId=P54&periodId=2026&unitId=U-THOXUAN",
                "/api/reports?planId=P54&periodId=2026&unitIds=U-THOLAP"));
        page(as(get(address), "bt.thoxuan", "U-THOXUAN", "CADRE"), 200);
        assertThat(gateway.mostHeldAtOnce).as("who reported and the children's reports to review, asked for together").hasValue(2);
    }

    @Test
    void everyCallAPageMakesCarriesThePagesCorrelationId() throws Exception {
        thoXuansFigures();
        String address = "/bang-theo-doi?planId=P54&periodId=2026&unitId=U-THOXUAN";
        var answer = mvc.perform(as(get(address).header("X-Correlation-Id", "bang-theo-doi-thoxuan-1"), "bt.thoxuan", "U-THOXUAN", "CADRE"))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(answer.getHeader("X-Correlation-Id")).isEqualTo("bang-theo-doi-thoxuan-1");
        assertThat(gateway.received).as("the unit, the plans, the dashboard, who reported, the reports to review").hasSizeGreaterThanOrEqualTo(6)
                .allMatch(r -> "bang-theo-doi-thoxuan-1".equals(r.header("X-Correlation-Id")));

        gateway.received.clear();
        page(as(get(address), "bt.thoxuan", "U-THOXUAN", "CADRE"), 200);
        assertThat(gateway.received.stream().map(r -> String.valueOf(r.header("X-Correlation-Id"))).distinct().toList())
                .as("a page without one gets its own, the same on each of its calls").hasSize(1).doesNotContain("null", "bang-theo-doi-thoxuan-1");
    }

    @Test
    void aPeriodThePlanDoesNotHaveShowsItsFirstPeriodAskedForAgain() throws Exception {
        thoXuansFigures();
        String html = page(as(get("/bang-theo-doi?planId=P54&periodId=1999&unitId=U-THOXUAN"), "bt.thoxuan", "U-THOXUAN", "CADRE"), 200);
        assertThat(gateway.received.stream().map(StubGateway.Received::path)).as("asked while the selection was checked, then not used")
                .contains("/api/progress/P54/1999/units/U-THOXUAN/dashboard", "/api/progress/P54/2026/units/U-THOXUAN/dashboard");
        assertThat(html).contains("82,27% (1.234/1.500)", "Báo cáo năm 2026");
    }

    @Test
    void theDashboardShowsEachIndicatorAgainstItsTargetWhoReportedAndTheFiguresAsCsv() throws Exception {
        thoXuansFigures();
        String html = page(as(get("/bang-theo-doi?planId=P54&periodId=2026"), "bt.thoxuan", "U-THOXUAN", "CADRE"), 200);
        assertThat(gateway.received.stream().filter(r -> r.path().startsWith("/api/progress/")).map(StubGateway.Received::path).toList())
                .as("the page's four parts from indicator-service in one answer").containsExactly("/api/progress/P54/2026/units/U-THOXUAN/dashboard");
        assertThat(gateway.received.stream().filter(r -> r.path().equals("/api/units/U-THOXUAN")).count()).as("the unit read once").isEqualTo(1);
        assertThat(html).as("the children's reports waiting for the district, asked for by the ids of those whose own report is counted"
                + " (Thọ Lập's, not Xuân Hòa's)")
                .contains("id=\"to-review\"", "href=\"/bao-cao/R1\"", "Đoàn xã Thọ Lập – ");
        assertThat(html).contains("Huyện đoàn Thọ Xuân", "82,27% (1.234/1.500)", "Chỉ tiêu: 90%", "Có nguy cơ chậm",
                "66,67% đơn vị đạt (2/3) · tổng 2.500", "Chỉ tiêu mỗi đơn vị: 3",
                "3 đơn vị đã báo cáo", "Đoàn xã Xuân Hòa", "Chưa nộp", "<svg", "width=\"91\"", "/bang-theo-doi/csv?planId=P54",
                "/bang-theo-doi/bao-cao-tong-hop?planId=P54&amp;periodId=2026&amp;unitId=U-THOXUAN&amp;format=docx", "format=pdf", "format=xlsx");
        assertThat(html).as("each child's figures: a share as its percent, a count with its total")
                .contains("<td class=\"num\">CT1: 90%</td>", "<td class=\"num\">CT2: 1.234 · 100%</td>");
        assertThat(html).as("what is behind, worst first, and the ranking").contains("id=\"h-behind\"", "id=\"h-ranking\"", "<td class=\"num\">91,41</td>");
        assertThat(html.indexOf("Mỗi cơ sở tổ chức ít nhất 3 buổi sinh hoạt chuyên đề</span> –")).isLessThan(
                html.indexOf("Ít nhất 90% cán bộ Đoàn cơ sở được tập huấn</span> –")).isPositive();
        String disposition = "attachment; filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20t%E1%BB%95ng%20h%E1%BB%A3p.pdf";
        gateway.file("GET", "/api/reports/consolidated/P54/2026/units/U-THOXUAN?format=pdf", "application/pdf", disposition,
                "%PDF-1.7 Báo cáo tổng hợp Huyện đoàn Thọ Xuân");
        var pdf = mvc.perform(as(get("/bang-theo-doi/bao-cao-tong-hop?planId=P54&periodId=2026&unitId=U-THOXUAN&format=pdf"), "bt.thoxuan",
                "U-THOXUAN", "CADRE")).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(pdf.getContentType()).isEqualTo("application/pdf");
        assertThat(pdf.getHeader("Content-Disposition")).as("report-service's Vietnamese file name").isEqualTo(disposition);
        assertThat(new String(pdf.getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("%PDF-1.7 Báo cáo tổng hợp Huyện đoàn Thọ Xuân");
        assertThat(gateway.last("GET", "/api/reports/consolidated/P54/2026/units/U-THOXUAN?format=pdf").header("Authorization"))
                .isEqualTo("Bearer token-of-bt.thoxuan");
        mvc.perform(as(get("/bang-theo-doi/bao-cao-tong-hop?planId=P54&periodId=2026&unitId=U-THOXUAN&format=exe"), "bt.thoxuan",
                "U-THOXUAN", "CADRE")).andExpect(status().isBadRequest());
        var csv = mvc.perform(as(get("/bang-theo-doi/csv?planId=P54&periodId=2026&unitId=U-THOXUAN"), "phantich", null, "ANALYST"))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(new String(csv.getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8)).contains(
                "\"Huyện đoàn Thọ Xuân\",CT1,\"Ít nhất 90% cán bộ Đoàn cơ sở được tập huấn\",SHARE_OF_PEOPLE,90,1234,1500,82.27,82.27,AT_RISK,3");
    }

    static String report(String status) {
        return """
                {"id":"R1","status":"%s","version":1,"planId":"P54","unitId":"U-THOLAP","periodId":"2026",
                 "submittedAt":"2026-12-03T02:00:00Z","dueDate":"2026-12-01","daysLate":2,
                 "values":[{"indicatorCode":"CT1","numerator":18,"denominator":20},{"indicatorCode":"CT2","numerator":2}],
                 "sections":{"results":"Tổ chức 2 lớp tập huấn."},"attachments":[],
                 "versions":[{"version":1,"values":[{"indicatorCode":"CT1","numerator":18,"denominator":20}],"submittedAt":"2026-12-03T02:00:00Z","daysLate":2,"submittedBy":"bt.tholap"}],
                 "transitions":[{"to":"DRAFT","by":"bt.tholap","at":"2026-12-03T01:00:00Z"},
                                {"from":"DRAFT","to":"SUBMITTED","by":"bt.tholap","at":"2026-12-03T02:00:00Z"},
                                {"from":"SUBMITTED","to":"RETURNED","by":"bt.thoxuan","at":"2026-12-04T02:00:00Z","reason":"Số liệu chưa khớp danh sách."}]}
                """.formatted(status);
    }
}
