package vn.doan.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Uploads against the console's own limit (11 MB a file, {@code spring.servlet.multipart} in web-console.yml) on its real
 * server, signed in through a stand-in auth-server: a file of exactly 11 MB is passed on to the service, one byte more (or far
 * more) is sent on to the Vietnamese page that says so, with a link back to the form, on both upload pages. MockMvc cannot show this: it never reads a
 * multipart body the way the server does, so no limit applies there.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"spring.config.name=web-console",
        "doan.console.timeout=5s"})
class UploadLimitPagesTest {

    private static final int LIMIT = 11 * 1024 * 1024;
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String IMPORT = "/api/plans/import?issuingUnitId=U-THOXUAN&number=&issuedOn=";
    private static final String SHEET = "/bao-cao/nhap-excel?planId=P54&periodId=2026&unitId=U-THOXUAN";
    private static final String NOT_XLSX = "Tệp không phải bảng tính Excel (.xlsx). Chưa có gì được lưu.";

    static final StubGateway gateway = new StubGateway();
    static final StubSignIn signIn = new StubSignIn();

    @LocalServerPort
    int port;
    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    @DynamicPropertySource
    static void stands(DynamicPropertyRegistry registry) {
        registry.add("doan.console.gateway-url", gateway::url);
        registry.add("spring.security.oauth2.client.provider.doan.authorization-uri", () -> signIn.url() + "/oauth2/authorize");
        registry.add("spring.security.oauth2.client.provider.doan.token-uri", () -> signIn.url() + "/oauth2/token");
        registry.add("spring.security.oauth2.client.provider.doan.jwk-set-uri", () -> signIn.url() + "/oauth2/jwks");
    }

    @AfterAll
    static void stop() {
        gateway.close();
        signIn.close();
    }

    @BeforeEach
    void thoXuan() {
        gateway.clear();
        gateway.json("GET", "/api/units/U-THOXUAN", """
                {"id":"U-THOXUAN","code":"HD-THOXUAN","name":"Huyện đoàn Thọ Xuân","level":"DISTRICT","parentId":"U-THANHHOA",
                 "ancestorIds":["U-THANHHOA"],"status":"ACTIVE"}""");
        gateway.json("GET", "/api/plans/P54", ConsolePagesTest.PLAN);
        signIn.as("bt.thoxuan", "U-THOXUAN", "CADRE");
    }

    @Test
    void aPlanFileOfExactly11MbIsPassedOnAndOneByteMoreGetsTheVietnamesePageWithALinkBack() throws Exception {
        String csrf = signedIn("/ke-hoach/nhap");
        gateway.answer("POST", IMPORT, 422, "application/problem+json",
                "{\"status\":422,\"rule\":\"import.unreadable\",\"detail\":\"unreadable\",\"detail_vi\":\"" + NOT_XLSX + "\"}");

        HttpResponse<String> atLimit = upload("/ke-hoach/nhap", csrf, "ke-hoach-54.xlsx", LIMIT, "number", "");
        assertThat(atLimit.statusCode()).isEqualTo(200);
        assertThat(atLimit.body()).contains(NOT_XLSX).doesNotContain("Tệp quá lớn");
        assertThat(gateway.last("POST", IMPORT).body())
                .as("the whole file passed on").hasSize(LIMIT);

        gateway.received.clear();
        HttpResponse<String> over = upload("/ke-hoach/nhap", csrf, "ke-hoach-54.xlsx", LIMIT + 1, "number", "");
        assertThat(over.statusCode()).isEqualTo(200);
        assertThat(over.uri().getPath()).as("sent on to the page that says so").isEqualTo("/tep-qua-lon");
        assertThat(over.body()).contains("<h1>Tệp quá lớn</h1>",
                "Tệp gửi lên lớn hơn 11 MB, mức lớn nhất hệ thống nhận; chưa có gì được lưu.",
                "<a class=\"button\" id=\"back-to-form\" href=\"/ke-hoach/nhap\">Quay lại trang tải lên</a>", "Đăng xuất (bt.thoxuan)");
        assertThat(gateway.received).as("nothing sent on").isEmpty();
    }

    @Test
    void aReportSheetOneByteOverTheLimitLinksBackToItsPlanPeriodAndUnitAndNoTokenIsStillRefused() throws Exception {
        String csrf = signedIn("/ke-hoach/nhap");
        gateway.answer("POST", "/api/reports/sheet?mode=all-or-nothing", 422, "application/problem+json",
                "{\"status\":422,\"rule\":\"sheet.not-xlsx\",\"field\":\"file\",\"detail\":\"Not an .xlsx workbook.\",\"detail_vi\":\"" + NOT_XLSX + "\"}");

        HttpResponse<String> atLimit = upload(SHEET, csrf, "bao-cao-2026-tho-xuan.xlsx", LIMIT, "mode", "all-or-nothing");
        assertThat(atLimit.statusCode()).isEqualTo(200);
        assertThat(atLimit.body()).contains(NOT_XLSX);
        assertThat(gateway.last("POST", "/api/reports/sheet?mode=all-or-nothing").body()).hasSize(LIMIT);

        HttpResponse<String> over = upload(SHEET, csrf, "bao-cao-2026-tho-xuan.xlsx", LIMIT + 1, "mode", "all-or-nothing");
        assertThat(over.uri().getPath()).isEqualTo("/tep-qua-lon");
        assertThat(over.body()).contains("Tệp gửi lên lớn hơn 11 MB",
                "href=\"/bao-cao/nhap-excel?planId=P54&amp;periodId=2026&amp;unitId=U-THOXUAN\">Quay lại trang tải lên</a>");

        HttpResponse<String> far = upload(SHEET, csrf, "bao-cao-2026-tho-xuan.xlsx", 3 * LIMIT, "mode", "all-or-nothing");
        assertThat(far.uri().getPath()).as("a file over the limit of the whole request (12 MB) too").isEqualTo("/tep-qua-lon");
        assertThat(far.body()).contains("Tệp gửi lên lớn hơn 11 MB", "href=\"/bao-cao/nhap-excel?planId=P54&amp;periodId=2026&amp;unitId=U-THOXUAN\"");

        assertThat(upload(SHEET, "not-the-token", "bao-cao-2026-tho-xuan.xlsx", 20, "mode", "all-or-nothing").statusCode())
                .as("a file within the limit still needs the form's CSRF token").isEqualTo(403);
        assertThat(gateway.received.stream().filter(r -> r.method().equals("POST")).count()).as("only the file at the limit sent on").isEqualTo(1);
    }

    @Test
    void thePageLinksBackOnlyToAPageOfTheConsole() throws Exception {
        signedIn("/ke-hoach/nhap");
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(console("/tep-qua-lon?trang=//evil.example/phish"))).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(page.body()).contains("id=\"back-to-form\" href=\"/\"").doesNotContain("evil.example");
    }

    /** Signs in through the stand-in auth-server on the way to {@code page}; the CSRF token of its form. */
    private String signedIn(String page) throws Exception {
        HttpResponse<String> response = browser.send(HttpRequest.newBuilder(URI.create(console(page))).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.uri().getPath()).isEqualTo(page);
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(response.body());
        assertThat(token.find()).as("the form's CSRF token").isTrue();
        return token.group(1);
    }

    /** A multipart form as a browser sends it: the CSRF token, one text field, then the file of {@code size} bytes. */
    private HttpResponse<String> upload(String path, String csrf, String fileName, int size, String field, String value) throws Exception {
        String boundary = "----doan" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream(size + 1024);
        for (String[] text : new String[][] {{"_csrf", csrf}, {field, value}}) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + text[0] + "\"\r\n\r\n" + text[1] + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: " + XLSX + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        byte[] file = new byte[size];
        Arrays.fill(file, (byte) 'A');
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(console(path)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return browser.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private String console(String path) {
        return "http://localhost:" + port + path;
    }
}
