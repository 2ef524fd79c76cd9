package vn.doan.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import vn.doan.events.EventCodec;
import vn.doan.reportservice.catalog.Catalog;

/**
 * The web console in a real browser against the whole stack: the secretary of Đoàn xã Thọ Lập signs in on a phone,
 * is refused with the service's Vietnamese message next to the field (nothing typed is lost), submits; Huyện đoàn
 * Thọ Xuân sees the figures once rolled up and returns the report with a reason; the secretary revises; the
 * district accepts; Tỉnh đoàn Thanh Hóa's figures move. The neighbour commune opening the report gets the
 * Vietnamese "no permission" page. Then the administrator adds a unit and its secretary's login, and that secretary,
 * signed in with a temporary password, sets their own and reports (second, so the figures of the first stay as they are).
 * Last, the district enters its communes' paper reports from report-service's Excel sheet.
 * Every main page is photographed at 360 and 1280 px.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {

    static final String PASSWORD = "doan@2025";

    @TempDir
    static Path dataDir;
    static StackRun stack;
    static Services services;
    static String province;
    static String thoXuan;
    static String thoLap;
    static String xuanHoa;
    static String planId;
    static String period;

    @BeforeAll
    static void start() {
        // a keep-alive each second lets the gateway see at once that the console closed its inbox streams when the stack stops
        stack = StackRun.start(dataDir, List.of("--doan.outbox.interval=50ms", "--doan.inbox.keep-alive=1s"));
        services = stack.services();
        ApiClient admin = new ApiClient(services);
        province = admin.createUnit("TD-THANHHOA", "Tỉnh đoàn Thanh Hóa", "PROVINCE", null, null);
        thoXuan = admin.createUnit("HD-THOXUAN", "Huyện đoàn Thọ Xuân", "DISTRICT", "district", province);
        thoLap = admin.createUnit("CS-THOXUAN-1", "Đoàn xã Thọ Lập", "GRASSROOTS", "commune", thoXuan);
        xuanHoa = admin.createUnit("CS-THOXUAN-2", "Đoàn xã Xuân Hòa", "GRASSROOTS", "commune", thoXuan);
        DemoData.assignDemoUnits(services, Map.of("TD-THANHHOA", province, "HD-THOXUAN", thoXuan, "CS-THOXUAN-1", thoLap,
                "CS-THOXUAN-2", xuanHoa));
        admin.registerRecipient("bt-tholap", Map.of("unitId", thoLap, "role", "SECRETARY", "name", "Lê Văn Hùng",
                "email", "bt.tholap@thoxuan.doan.vn", "channels", List.of("INBOX"), "language", "vi", "subject", "bt.tholap"));
        LocalDate today = LocalDate.now(EventCodec.ZONE);
        period = String.valueOf(today.getYear());
        planId = admin.issuePlan(provincePlan(province, today));
        Catalog reportCatalog = services.context(Services.Service.REPORT).getBean(Catalog.class);
        EndToEndTests.await("report-service learns the plan", () -> reportCatalog.plan(planId), java.util.Optional::isPresent);
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    static String console(String path) {
        return services.url(Services.Service.CONSOLE) + path;
    }

    @Test
    @Order(1)
    void aReportGoesFromThePhoneOfACommuneToTheProvincesFigures(@TempDir Path profile, @TempDir Path phoneProfile) throws IOException {
        try (Browser browser = Browser.start(profile)) {
            // the commune's secretary: what is due, then the report
            browser.open(console("/viec-can-lam"));
            browser.signIn("bt.tholap", PASSWORD);
            browser.waitFor(d -> d.getCurrentUrl().contains("/viec-can-lam"));
            assertThat(browser.text("main")).contains("Việc cần làm", "Đoàn xã Thọ Lập", "54-CT/ĐTN", "Còn 20 ngày", "Chưa có báo cáo");
            browser.screenshots("viec-can-lam");

            browser.click(".card a.button");
            browser.type("#n-CT1", "25");
            browser.type("#d-CT1", "20");
            browser.type("#n-CT2", "hai");
            browser.type("#results", "Tổ chức 2 lớp tập huấn cho 18 cán bộ Đoàn.");
            browser.click("#submit");
            assertThat(browser.text("#ind-CT2")).contains("Hãy nhập một số nguyên, ví dụ 1.234.");
            browser.type("#n-CT2", "2");
            browser.click("#submit");
            assertThat(browser.text("#ind-CT1")).as("report-service's detail_vi next to its field")
                    .contains("Chỉ tiêu CT1: tử số phải từ 0 đến mẫu số, mẫu số phải lớn hơn 0.");
            assertThat(browser.find("#results").getAttribute("value")).isEqualTo("Tổ chức 2 lớp tập huấn cho 18 cán bộ Đoàn.");
            assertThat(browser.find("#n-CT1").getAttribute("value")).isEqualTo("25");
            browser.screenshots("bao-cao-loi");
            browser.type("#n-CT1", "18");
            browser.click("#submit");
            browser.waitFor(d -> d.findElements(By.id("status")).size() == 1);
            assertThat(browser.text("#status")).isEqualTo("Đã nộp, chờ duyệt");
            assertThat(browser.text("#value-CT1")).contains("18 / 20");
            String reportUrl = browser.driver.getCurrentUrl();
            browser.screenshots("bao-cao");
            browser.signOut();

            // the neighbour commune may not open it
            browser.open(reportUrl);
            browser.signIn("bt.xuanhoa", PASSWORD);
            browser.waitFor(d -> d.findElements(By.tagName("h1")).size() == 1);
            assertThat(browser.text("h1")).isEqualTo("Không có quyền");
            browser.screenshots("khong-co-quyen");
            browser.signOut();

            // the district: figures once rolled up, then returns the report
            String dashboard = console("/bang-theo-doi?planId=" + planId + "&periodId=" + period);
            browser.open(dashboard);
            browser.signIn("bt.thoxuan", PASSWORD);
            browser.reloadUntil("#indicator-CT1 .figure", "90% (18/20)");
            assertThat(browser.text("#indicator-CT2 .figure")).as("2 meetings, below the 3 each unit must hold")
                    .isEqualTo("0% đơn vị đạt (0/1) · tổng 2");
            assertThat(browser.text("#count-submitted")).isEqualTo("1");
            assertThat(browser.text("#count-missing")).as("the due date is 20 days away").isEqualTo("0");
            assertThat(browser.text("#state-" + xuanHoa)).contains("Đoàn xã Xuân Hòa", "Chưa đến hạn");
            browser.screenshots("bang-theo-doi-huyen");
            browser.click("#remind-" + xuanHoa + " button");
            browser.waitFor(d -> d.findElement(By.id("remind-" + xuanHoa)).getText().contains("Đã gửi nhắc nhở hôm nay."));
            try (Browser phone = Browser.start(phoneProfile)) {
                // the secretary's inbox is open on their phone while the district returns the report
                phone.open(console("/hop-thu"));
                phone.signIn("bt.tholap", PASSWORD);
                phone.waitFor(d -> d.getCurrentUrl().contains("/hop-thu"));
                assertThat(phone.text("#inbox-items")).doesNotContain("Báo cáo bị trả lại");
                browser.find("#to-review a").click();
                browser.type("#reason", "Số cán bộ được tập huấn chưa khớp danh sách lớp tập huấn.");
                browser.click("#return");
                browser.waitFor(d -> d.findElements(By.id("status")).size() == 1);
                assertThat(browser.text("#status")).isEqualTo("Bị trả lại");
                phone.showsWithoutReload("#inbox-items", "Báo cáo bị trả lại", Duration.ofSeconds(20));
            }
            browser.signOut();

            // the secretary sees why in the inbox, revises and resubmits
            browser.open(console("/hop-thu"));
            browser.signIn("bt.tholap", PASSWORD);
            browser.waitFor(d -> d.getCurrentUrl().contains("/hop-thu"));
            browser.reloadUntil("#inbox-items", "Báo cáo bị trả lại");
            assertThat(browser.text("#inbox-items")).contains("Số cán bộ được tập huấn chưa khớp danh sách lớp tập huấn.", "Chưa đọc");
            browser.screenshots("hop-thu");
            browser.open(console("/viec-can-lam"));
            assertThat(browser.text("main")).contains("Bị trả lại");
            browser.driver.findElement(By.linkText("Sửa và nộp lại")).click();
            assertThat(browser.text("main")).contains("Số cán bộ được tập huấn chưa khớp danh sách lớp tập huấn.");
            assertThat(browser.find("#n-CT1").getAttribute("value")).isEqualTo("18");
            browser.screenshots("bao-cao-sua");
            browser.type("#n-CT1", "19");
            browser.click("#submit");
            browser.waitFor(d -> d.findElements(By.id("status")).size() == 1);
            assertThat(browser.text("#status")).isEqualTo("Đã nộp lại, chờ duyệt");
            assertThat(browser.text("main")).contains("Phiên bản 1", "Phiên bản 2");
            browser.signOut();

            // the district accepts
            browser.open(reportUrl);
            browser.signIn("bt.thoxuan", PASSWORD);
            browser.waitFor(d -> d.findElements(By.id("accept")).size() == 1);
            browser.screenshots("duyet-bao-cao");
            browser.click("#accept");
            browser.waitFor(d -> d.findElements(By.id("status")).size() == 1);
            assertThat(browser.text("#status")).isEqualTo("Đã duyệt");
            browser.signOut();

            // the province's figures moved
            browser.open(dashboard);
            browser.signIn("bt.tinhdoan", PASSWORD);
            browser.reloadUntil("#indicator-CT1 .figure", "95% (19/20)");
            assertThat(browser.text("#unit-name")).isEqualTo("Tỉnh đoàn Thanh Hóa");
            assertThat(browser.text("#indicator-CT2 .figure")).isEqualTo("0% đơn vị đạt (0/1) · tổng 2");
            assertThat(browser.text("#indicator-CT1")).contains("Chỉ tiêu: 90%", "Đã đạt");
            assertThat(browser.driver.findElement(By.xpath("//td[@id='submitted-" + thoXuan + "']/parent::tr")).getText())
                    .as("the district's row among the province's children").contains("Huyện đoàn Thọ Xuân", "CT1: 95%", "CT2: 2 · 0%");
            browser.screenshots("bang-theo-doi-tinh");
        }
    }

    /**
     * The administrator adds Đoàn xã Xuân Tín under Thọ Xuân and its secretary's login with a temporary password; the secretary
     * signs in with it, must choose their own password first, then reports.
     */
    @Test
    @Order(2)
    void aNewUnitsSecretaryChangesTheTemporaryPasswordAtTheFirstSignInAndReports(@TempDir Path profile) throws IOException {
        try (Browser browser = Browser.start(profile)) {
            browser.open(console("/to-chuc?unitId=" + thoXuan));
            browser.signIn("quantri", PASSWORD);
            browser.waitFor(d -> !d.findElements(By.id("unit-name")).isEmpty());
            browser.type("#code", "CS-THOXUAN-7");
            browser.type("#name", "Đoàn xã Xuân Tín");
            new org.openqa.selenium.support.ui.Select(browser.find("#level")).selectByValue("GRASSROOTS");
            browser.type("#kind", "commune");
            browser.click("#add-unit");
            browser.driver.findElement(By.xpath("//li[contains(., 'CS-THOXUAN-7')]//a")).click();
            browser.waitFor(d -> d.findElement(By.id("unit-name")).getText().equals("Đoàn xã Xuân Tín (CS-THOXUAN-7)"));
            String xuanTin = browser.driver.getCurrentUrl().replaceAll(".*unitId=", "");
            vn.doan.authserver.orgunit.OrgUnits authTree = services.context(Services.Service.AUTH).getBean(vn.doan.authserver.orgunit.OrgUnits.class);
            Catalog reportCatalog = services.context(Services.Service.REPORT).getBean(Catalog.class);
            EndToEndTests.await("the new unit known where users and reports are checked",
                    () -> authTree.unit(xuanTin).isPresent() && reportCatalog.unit(xuanTin).isPresent(), known -> known);

            browser.click("#unit-users");
            browser.click("details summary");
            browser.type("#username", "bt.xuantin");
            browser.type("#displayName", "Nguyễn Văn Tín");
            browser.type("#email", "bt.xuantin@thoxuan.doan.vn");
            browser.click("details form button[type=submit]");
            assertThat(browser.text("main")).contains("Đã tạo tài khoản", "Nguyễn Văn Tín (bt.xuantin)", "Chờ kích hoạt");
            browser.click("[id='user-bt.xuantin'] form[action$='/temporary'] button");
            String temporary = browser.text("#temporary-password");
            assertThat(browser.text("[id='user-bt.xuantin'] .user-state")).isEqualTo("Phải đổi mật khẩu ở lần đăng nhập đầu");
            browser.screenshots("nguoi-dung");
            browser.signOut();

            browser.open(console("/viec-can-lam"));
            browser.signIn("bt.xuantin", temporary);
            browser.waitFor(d -> d.getCurrentUrl().contains("/doi-mat-khau"));
            assertThat(browser.text("main")).contains("Đổi mật khẩu", "bt.xuantin", "đang dùng mật khẩu tạm thời");
            browser.screenshots("doi-mat-khau");
            browser.type("#current", temporary);
            browser.type("#password", "Xuan-Tin-bao-cao-2026");
            browser.type("#confirmation", "Xuan-Tin-bao-cao-2026");
            browser.click("button[type=submit]");
            browser.waitFor(d -> d.getCurrentUrl().contains("/viec-can-lam"));
            assertThat(browser.text("main")).contains("Đoàn xã Xuân Tín", "54-CT/ĐTN", "Chưa có báo cáo");

            browser.click(".card a.button");
            browser.type("#n-CT1", "15");
            browser.type("#d-CT1", "16");
            browser.type("#n-CT2", "4");
            browser.click("#submit");
            browser.waitFor(d -> d.findElements(By.id("status")).size() == 1);
            assertThat(browser.text("#status")).isEqualTo("Đã nộp, chờ duyệt");
            assertThat(browser.text("#value-CT1")).contains("15 / 16");
        }
    }

    /**
     * Huyện đoàn Thọ Xuân types the paper reports of its communes into report-service's sheet, downloaded through the console:
     * Xuân Hòa's row is right (18 of 20 trained, 90%, exactly the target; 3 meetings), Thọ Lập's has "hai" for a number; only the
     * valid rows are stored, and the same file sent again changes nothing.
     */
    @Test
    @Order(3)
    void theDistrictEntersItsCommunesPaperReportsFromTheExcelSheet(@TempDir Path profile, @TempDir Path files) throws Exception {
        try (Browser browser = Browser.start(profile)) {
            browser.open(console("/bang-theo-doi?planId=" + planId + "&periodId=" + period));
            browser.signIn("bt.thoxuan", PASSWORD);
            browser.waitFor(d -> !d.findElements(By.id("sheet")).isEmpty());
            browser.click("#sheet");
            browser.waitFor(d -> !d.findElements(By.id("sheet-template")).isEmpty());
            java.net.http.HttpResponse<byte[]> template = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                    .newBuilder(java.net.URI.create(browser.find("#sheet-template").getAttribute("href")))
                    .header("Cookie", "DOAN_CONSOLE_SESSION=" + browser.driver.manage().getCookieNamed("DOAN_CONSOLE_SESSION").getValue())
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            assertThat(template.statusCode()).isEqualTo(200);
            Path filled = files.resolve("bao-cao-tho-xuan.xlsx");
            int thoLapRow;
            try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                    new java.io.ByteArrayInputStream(template.body()))) {
                org.apache.poi.ss.usermodel.Sheet sheet = workbook.getSheet("Báo cáo");
                assertThat(sheet.getRow(0).getCell(4).getStringCellValue()).isEqualTo("CT2 – Số lượng");
                thoLapRow = fill(sheet, thoLap, 19, 20, "hai");
                fill(sheet, xuanHoa, 18, 20, 3);
                try (java.io.OutputStream out = java.nio.file.Files.newOutputStream(filled)) {
                    workbook.write(out);
                }
            }
            for (int round = 1; round <= 2; round++) {
                browser.find("#file").sendKeys(filled.toAbsolutePath().toString());
                browser.click("#mode-valid-rows");
                browser.click("#sheet-upload");
                browser.waitFor(d -> !d.findElements(By.id("sheet-outcome")).isEmpty());
                assertThat(browser.text("#sheet-rows")).isEqualTo("2");
                assertThat(browser.text("#sheet-created")).as("round " + round).isEqualTo(round == 1 ? "1" : "0");
                assertThat(browser.text("#sheet-repeated")).as("round " + round).isEqualTo(round == 1 ? "0" : "1");
                assertThat(browser.text("#sheet-refused-count")).isEqualTo("1");
                assertThat(browser.text(".sheet-errors td.num")).isEqualTo(String.valueOf(thoLapRow));
                assertThat(browser.text(".sheet-errors tbody")).contains("E (CT2 – Số lượng)", "'hai' không phải số nguyên.");
            }
            browser.screenshots("nhap-excel");
        }
    }

    /**
     * Huyện đoàn Thọ Xuân types a plan longer than the form's 4 rows: htmx adds a fifth indicator row without reloading the page,
     * and taking the first row away (the form sent and shown again) moves what was typed in the others up one, kept. A file one byte over the console's 11 MB
     * gets the Vietnamese page that says so, with the way back to the form.
     */
    @Test
    @Order(4)
    void theDistrictAddsAnIndicatorRowToItsPlanAndAFileOverTheLimitIsExplained(@TempDir Path profile, @TempDir Path files) throws Exception {
        try (Browser browser = Browser.start(profile)) {
            browser.open(console("/ke-hoach/moi"));
            browser.signIn("bt.thoxuan", PASSWORD);
            browser.waitFor(d -> !d.findElements(By.id("add-indicator")).isEmpty());
            browser.type("[name='i1.code']", "CT02");
            browser.type("[name='i3.code']", "CT04");
            String url = browser.driver.getCurrentUrl();
            browser.click("#add-indicator");
            browser.waitFor(d -> !d.findElements(By.id("indicator-4")).isEmpty());
            assertThat(browser.driver.getCurrentUrl()).as("added without leaving the page").isEqualTo(url);
            assertThat(browser.text("#indicator-4 legend")).isEqualTo("Chỉ tiêu 5");
            assertThat(browser.find("#add-indicator").getAttribute("hx-get")).endsWith("row=5");
            browser.type("[name='i4.code']", "CT05");
            browser.type("[name='i4.text']", "Thành lập 50% cơ sở Đoàn - Hội trên tổng số các doanh nghiệp đủ điều kiện thành lập trên địa bàn huyện");
            ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView()", browser.find("#indicator-4"));
            browser.screenshots("ke-hoach-moi-them-chi-tieu");

            browser.click("#indicator-0 .remove-row");
            browser.waitFor(d -> d.findElements(By.id("indicator-4")).isEmpty());
            assertThat(browser.find("[name='i0.code']").getAttribute("value")).isEqualTo("CT02");
            assertThat(browser.find("[name='i3.code']").getAttribute("value")).isEqualTo("CT05");
            assertThat(browser.find("[name='i3.text']").getAttribute("value")).startsWith("Thành lập 50% cơ sở Đoàn - Hội");

            Path big = files.resolve("ke-hoach-54-CT-DTN.docx");
            java.nio.file.Files.write(big, new byte[11 * 1024 * 1024 + 1]);
            browser.open(console("/ke-hoach/nhap"));
            browser.find("#file").sendKeys(big.toAbsolutePath().toString());
            browser.click("#upload");
            browser.waitFor(d -> !d.findElements(By.id("too-large")).isEmpty());
            assertThat(browser.text("h1")).isEqualTo("Tệp quá lớn");
            assertThat(browser.text("#too-large")).startsWith("Tệp gửi lên lớn hơn 11 MB");
            browser.screenshots("tep-qua-lon");
            browser.click("#back-to-form");
            browser.waitFor(d -> !d.findElements(By.id("upload")).isEmpty());
        }
    }

    /** Types a commune's figures into its row of the sheet (column A holds the unit's id); the row's number as Excel shows it. */
    private static int fill(org.apache.poi.ss.usermodel.Sheet sheet, String unitId, int trained, int cadres, Object meetings) {
        for (org.apache.poi.ss.usermodel.Row row : sheet) {
            if (row.getRowNum() > 0 && unitId.equals(row.getCell(0).getStringCellValue())) {
                row.createCell(2).setCellValue(trained);
                row.createCell(3).setCellValue(cadres);
                if (meetings instanceof Integer count) {
                    row.createCell(4).setCellValue(count);
                } else {
                    row.createCell(4).setCellValue((String) meetings);
                }
                return row.getRowNum() + 1;
            }
        }
        throw new AssertionError(unitId + " is not in the sheet");
    }

    /** The training plan of the end-to-end tests, issued by the province, with a count beside the share of people. */
    static Map<String, Object> provincePlan(String province, LocalDate today) {
        Map<String, Object> plan = EndToEndTests.trainingPlan(province, today, today.plusDays(20));
        plan.put("indicators", List.of(
                Map.of("code", "CT1", "text", "Hàng năm ít nhất 90% cán bộ Đoàn cơ sở được tập huấn nghiệp vụ",
                        "kind", "SHARE_OF_PEOPLE", "target", 90, "reportingLevels", List.of("GRASSROOTS")),
                Map.of("code", "CT2", "text", "Mỗi cơ sở Đoàn tổ chức ít nhất 3 buổi sinh hoạt chuyên đề trong năm",
                        "kind", "COUNT_AT_LEAST", "target", 3, "reportingLevels", List.of("GRASSROOTS"))));
        return plan;
    }
}
