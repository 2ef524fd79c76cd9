package vn.doan.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ProblemTest {

    /** A quote, a backslash, a line break, a tab, a control character and Vietnamese, as a detail might one day carry. */
    static final String DETAIL = "Trường \"tên đơn vị\" chứa C:\\Đoàn\\Thọ Xuân\nvà\tký tự \u0007 điều khiển";
    static final String DETAIL_VI = "Báo cáo \"Quý I/2016\" của Đoàn xã Xuân Hòa\\Thọ Lập\r\nđã quá hạn";

    @Test
    void anyTextComesOutAsValidJsonWithTheExactText() {
        String json = new Problem(400, "Bad Request", "request.invalid-id", "unitId", DETAIL, DETAIL_VI).toJson();

        JsonNode document = JsonMapper.shared().readTree(json);
        assertThat(document.get("detail").asString()).isEqualTo(DETAIL);
        assertThat(document.get("detail_vi").asString()).isEqualTo(DETAIL_VI);
        assertThat(document.get("field").asString()).isEqualTo("unitId");
        assertThat(json).doesNotContain("\n", "\u0007").contains("Thọ Xuân", "Quý I/2016");
    }

    @Test
    void theShapeIsTheOneTheServicesAndTheGatewayAlwaysAnswered() {
        assertThat(new Problem(413, "Content Too Large", "request.too-large", "The request body is larger than 1048576 bytes.",
                "Nội dung gửi lên vượt quá dung lượng cho phép.").toJson())
                .isEqualTo("{\"type\":\"urn:doan:problem:request.too-large\",\"title\":\"Content Too Large\",\"status\":413,"
                        + "\"detail\":\"The request body is larger than 1048576 bytes.\",\"rule\":\"request.too-large\","
                        + "\"detail_vi\":\"Nội dung gửi lên vượt quá dung lượng cho phép.\"}");
        JsonNode withField = JsonMapper.shared().readTree(new Problem(400, "Bad Request", "request.invalid-id", "path", "d", "v").toJson());
        List<String> names = new ArrayList<>(withField.propertyNames());
        assertThat(names).containsExactly("type", "title", "status", "detail", "rule", "field", "detail_vi");
    }

    @Test
    void writtenAsUtf8ProblemJsonWithItsStatus() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        new Problem(429, "Too Many Requests", "request.rate-limited", DETAIL, DETAIL_VI).writeTo(response);

        assertThat(response.getStatus()).isEqualTo(429);
        assertThat(response.getContentType()).isEqualTo("application/problem+json;charset=UTF-8");
        JsonNode document = JsonMapper.shared().readTree(new String(response.getContentAsByteArray(), StandardCharsets.UTF_8));
        assertThat(document.get("detail_vi").asString()).isEqualTo(DETAIL_VI);
        assertThat(document.get("type").asString()).isEqualTo("urn:doan:problem:request.rate-limited");
        assertThat(document.get("status").asInt()).isEqualTo(429);
    }

    @Test
    void nothingIsWrittenOnceAnAnswerHasBegun() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        response.setStatus(200);
        response.getWriter().write("{\"ok\":true}");
        response.flushBuffer();
        new Problem(413, "Content Too Large", "request.too-large", "d", "v").writeTo(response);
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).isEqualTo("{\"ok\":true}");
    }
}
