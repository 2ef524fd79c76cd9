package vn.doan.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class AuthProblemsTest {

    @Test
    void noTokenIs401ProblemJsonWithABearerChallenge() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        new AuthProblems().commence(new MockHttpServletRequest("GET", "/api/reports/r1"), response, new BadCredentialsException("expired"));

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo("{\"type\":\"urn:doan:problem:auth.token-missing-or-invalid\","
                + "\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"A valid bearer access token is required.\","
                + "\"rule\":\"auth.token-missing-or-invalid\",\"detail_vi\":\"Cần đăng nhập: thiếu hoặc sai mã truy cập (access token).\"}");
    }

    @Test
    void theServices403SaysRoleOrUnit() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        new AuthProblems().handle(new MockHttpServletRequest("POST", "/api/plans"), response, new AccessDeniedException("no"));

        JsonNode document = JsonMapper.shared().readTree(response.getContentAsString(StandardCharsets.UTF_8));
        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(document.get("rule").asString()).isEqualTo("access.denied");
        assertThat(document.get("detail_vi").asString()).isEqualTo("Vai trò hoặc đơn vị của bạn không được phép thực hiện thao tác này.");
    }

    @Test
    void a403TextWithQuotesBackslashesAndLineBreaksStaysValidJson() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        new AuthProblems(ProblemTest.DETAIL, ProblemTest.DETAIL_VI)
                .handle(new MockHttpServletRequest("GET", "/internal"), response, new AccessDeniedException("no"));

        JsonNode document = JsonMapper.shared().readTree(response.getContentAsString(StandardCharsets.UTF_8));
        assertThat(document.get("detail").asString()).isEqualTo(ProblemTest.DETAIL);
        assertThat(document.get("detail_vi").asString()).isEqualTo(ProblemTest.DETAIL_VI);
    }
}
