package vn.doan.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class IdCheckFilterTest {

    static MockHttpServletResponse filter(MockHttpServletRequest request, MockFilterChain chain) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        new IdCheckFilter().doFilter(request, response, chain);
        return response;
    }

    static MockHttpServletRequest get(String path) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setServletPath(path);
        return request;
    }

    @Test
    void anIdThatIsNotAPlainTokenIs400NamingWhereItWas() throws Exception {
        MockHttpServletRequest operator = get("/api/progress/54-CT/2016/units");
        operator.addParameter("unitId", "{\"$ne\":null}");
        MockFilterChain chain = new MockFilterChain();
        MockHttpServletResponse refused = filter(operator, chain);

        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.getContentType()).isEqualTo("application/problem+json;charset=UTF-8");
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).isEqualTo("{\"type\":\"urn:doan:problem:request.invalid-id\","
                + "\"title\":\"Bad Request\",\"status\":400,"
                + "\"detail\":\"An id in the unitId is not a valid id (letters, digits and . _ : | - only, at most 200).\","
                + "\"rule\":\"request.invalid-id\",\"field\":\"unitId\",\"detail_vi\":\"Mã định danh trong yêu cầu không hợp lệ.\"}");
        assertThat(chain.getRequest()).isNull();

        JsonNode path = JsonMapper.shared().readTree(filter(get("/api/units/thoxuan\"\\\n/children"), new MockFilterChain())
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(path.get("field").asString()).isEqualTo("path");
        assertThat(path.get("detail").asString()).isEqualTo("An id in the path is not a valid id (letters, digits and . _ : | - only, at most 200).");
    }

    @Test
    void plainIdsPass() throws Exception {
        MockHttpServletRequest request = get("/api/progress/54-CT|DTN/2016-Q1/units/U-THOXUAN");
        request.addParameter("planId", "54-CT|DTN");
        MockFilterChain chain = new MockFilterChain();
        assertThat(filter(request, chain).getStatus()).isEqualTo(200);
        assertThat(chain.getRequest()).isNotNull();
    }

    @Test
    void unitIdsIsOneParameterOfAtMostAThousandPlainIdsSeparatedByCommas() throws Exception {
        assertThat(status("unitIds", ids(IdCheckFilter.MAX_LISTED))).isEqualTo(200);
        assertThat(status("unitIds", ids(IdCheckFilter.MAX_LISTED + 1))).isEqualTo(400);
        assertThat(status("unitIds", "xa-tho-lap,{\"$ne\":null}")).isEqualTo(400);
        assertThat(status("unitIds", "xa-tho-lap,,xa-xuan-hoa")).as("an empty id").isEqualTo(400);
        assertThat(status("unitIds", "xa-tho-lap", "xa-xuan-hoa")).as("given twice").isEqualTo(400);
    }

    private static int status(String name, String... values) throws Exception {
        MockHttpServletRequest request = get("/api/reports");
        request.addParameter(name, values);
        return filter(request, new MockFilterChain()).getStatus();
    }

    private static String ids(int count) {
        return String.join(",", java.util.stream.IntStream.range(0, count).mapToObj(i -> "chi-doan-" + i).toList());
    }
}
