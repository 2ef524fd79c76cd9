package vn.doan.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import vn.doan.support.test.HttpJson;
import vn.doan.support.test.TestTokens;

/**
 * Every refusal the gateway answers itself, as the whole problem+json document over real HTTP, in a deployment whose users
 * are managed by an external provider: no {@code AUTH_SERVER_URL}, so {@code /api/users/**} is 404 problem+json, not a 5xx;
 * and with the actuator on the public port (no management port), as the local stack runs it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=gateway", "doan.gateway.max-body-bytes=2048", "doan.gateway.rate-limit.capacity=6",
                "doan.gateway.rate-limit.per-second=0.2", "management.server.port="})
class GatewayRefusalsTest {

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        TestTokens.register(registry);
    }

    @LocalServerPort
    int port;
    HttpJson gateway;

    @BeforeEach
    void connect() {
        gateway = new HttpJson("http://localhost:" + port);
    }

    static JsonNode problem(int status, String title, String rule, String detail, String detailVi) {
        return HttpJson.json("{\"type\":\"urn:doan:problem:" + rule + "\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\",\"rule\":\"" + rule + "\",\"detail_vi\":\"" + detailVi + "\"}");
    }

    static void assertProblem(HttpJson.Response answer, JsonNode expected) {
        assertThat(answer.status()).isEqualTo(expected.get("status").asInt());
        assertThat(answer.contentType()).isEqualTo("application/problem+json;charset=UTF-8");
        assertThat(answer.body()).isEqualTo(expected);
    }

    @Test
    void withoutAUsersApiTheUsersOfTheUnitsAre404ProblemJsonInVietnamese() {
        HttpJson admin = gateway.as(TestTokens.admin());
        JsonNode managedElsewhere = problem(404, "Not Found", "users.managed-elsewhere",
                "This deployment has no users API: its users are managed in its identity provider.",
                "Hệ thống này không quản lý tài khoản người dùng: tài khoản được quản lý tại nhà cung cấp đăng nhập (ví dụ Keycloak).");
        assertProblem(admin.get("/api/users?unitId=thoxuan"), managedElsewhere);
        assertProblem(admin.get("/api/users/provider"), managedElsewhere);
        assertProblem(admin.post("/api/users", Map.of("username", "bt.xuantin", "displayName", "Nguyễn Văn Tín")), managedElsewhere);
        assertProblem(admin.post("/api/users/bt.tholap/reset", ""), managedElsewhere);
        assertThat(gateway.anonymous().get("/api/users/provider").status()).as("still behind the token check").isEqualTo(401);
    }

    @Test
    void noTokenIs401AndAnAddressNotOpenIs403() {
        assertProblem(gateway.anonymous().get("/api/reports/r1"), problem(401, "Unauthorized", "auth.token-missing-or-invalid",
                "A valid bearer access token is required.", "Cần đăng nhập: thiếu hoặc sai mã truy cập (access token)."));
        assertProblem(gateway.as(TestTokens.cadre("bt-thoxuan-internal", "thoxuan")).get("/internal/anything"),
                problem(403, "Forbidden", "access.denied", "This address is not open through the gateway.", "Địa chỉ này không được mở qua cổng API."));
    }

    @Test
    void withTheActuatorOnThePublicPortHealthIsOpenAndTheMetricsAreNot() {
        assertThat(gateway.anonymous().get("/actuator/health/readiness").body()).isEqualTo(HttpJson.json("{\"status\":\"UP\"}"));
        assertProblem(gateway.anonymous().get("/actuator/prometheus"), problem(401, "Unauthorized", "auth.token-missing-or-invalid",
                "A valid bearer access token is required.", "Cần đăng nhập: thiếu hoặc sai mã truy cập (access token)."));
        assertProblem(gateway.as(TestTokens.admin()).get("/actuator/prometheus"),
                problem(403, "Forbidden", "access.denied", "This address is not open through the gateway.", "Địa chỉ này không được mở qua cổng API."));
    }

    @Test
    void aBodyOverTheLimitIs413WhetherItsLengthIsAnnouncedOrNot() {
        HttpJson cadre = gateway.as(TestTokens.cadre("bt-thoxuan-large", "thoxuan"));
        JsonNode tooLarge = problem(413, "Content Too Large", "request.too-large", "The request body is larger than 2048 bytes.",
                "Nội dung gửi lên vượt quá dung lượng cho phép.");
        assertProblem(cadre.post("/api/reports", Map.of("ketQua", "Đã tổ chức 12 buổi sinh hoạt chi đoàn. ".repeat(60))), tooLarge);
        assertProblem(cadre.postChunked("/api/reports", ("{\"ketQua\":\"" + "x".repeat(4000) + "\"}").getBytes(StandardCharsets.UTF_8),
                "application/json"), tooLarge);
    }

    @Test
    void tooManyRequestsIs429() {
        HttpJson busy = gateway.as(TestTokens.cadre("bt-thoxuan-busy", "thoxuan"));
        for (int i = 0; i < 6; i++) {
            busy.get("/api/users/provider");
        }
        assertProblem(busy.get("/api/users/provider"), problem(429, "Too Many Requests", "request.rate-limited",
                "Too many requests from this client; slow down and retry later.", "Ứng dụng gửi quá nhiều yêu cầu; vui lòng thử lại sau ít phút."));
    }

    @Test
    void whatTomcatRefusesBeforeAnyFilterIs400() {
        assertProblem(gateway.anonymous().get("/api/units/a%00b"), problem(400, "Bad Request", "request.rejected",
                "The request was refused before it reached any service.", "Yêu cầu không hợp lệ và đã bị từ chối."));
    }
}
