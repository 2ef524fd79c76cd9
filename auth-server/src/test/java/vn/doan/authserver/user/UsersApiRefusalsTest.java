package vn.doan.authserver.user;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.doan.support.test.HttpJson;

/** {@code /api/users} refuses in the services' words and shape: the whole 401 and 403 problem+json documents. */
class UsersApiRefusalsTest extends UsersTestBase {

    @Test
    void noTokenIs401AndAnAnalystIs403InTheServicesShape() {
        HttpJson.Response anonymous = new HttpJson(baseUrl(), null).get("/api/users?unitId=" + THO_XUAN);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(anonymous.contentType()).isEqualTo("application/problem+json;charset=UTF-8");
        assertThat(anonymous.body()).isEqualTo(HttpJson.json("{\"type\":\"urn:doan:problem:auth.token-missing-or-invalid\","
                + "\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"A valid bearer access token is required.\","
                + "\"rule\":\"auth.token-missing-or-invalid\",\"detail_vi\":\"Cần đăng nhập: thiếu hoặc sai mã truy cập (access token).\"}"));

        HttpJson.Response analyst = as("phantich", DEMO_PASSWORD).get("/api/users?unitId=" + THO_XUAN);
        assertThat(analyst.status()).as("the roles claim read as the services read it: ANALYST is not ADMIN or CADRE").isEqualTo(403);
        assertThat(analyst.body()).isEqualTo(HttpJson.json("{\"type\":\"urn:doan:problem:access.denied\",\"title\":\"Forbidden\","
                + "\"status\":403,\"detail\":\"Your role or unit does not allow this.\",\"rule\":\"access.denied\","
                + "\"detail_vi\":\"Vai trò hoặc đơn vị của bạn không được phép thực hiện thao tác này.\"}"));
        assertThat(admin().get("/api/users?unitId=" + THO_XUAN).status()).isEqualTo(200);
    }
}
