package vn.doan.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class BodySizeLimitFilterTest {

    static final String REFUSED = "{\"type\":\"urn:doan:problem:request.too-large\",\"title\":\"Content Too Large\",\"status\":413,"
            + "\"detail\":\"The request body is larger than 64 bytes.\",\"rule\":\"request.too-large\","
            + "\"detail_vi\":\"Nội dung gửi lên vượt quá dung lượng cho phép.\"}";

    static MockHttpServletRequest post(String contentType, byte[] body, boolean chunked) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/reports") {
            @Override
            public long getContentLengthLong() {
                return chunked ? -1 : super.getContentLengthLong();
            }
        };
        request.setContentType(contentType);
        request.setContent(body);
        if (chunked) {
            request.addHeader("Transfer-Encoding", "chunked");
        }
        return request;
    }

    @Test
    void aBodyOverTheLimitIs413AndGoesNoFurther() throws Exception {
        for (boolean chunked : new boolean[] {false, true}) {
            MockHttpServletResponse response = new MockHttpServletResponse();
            MockFilterChain chain = new MockFilterChain();
            BodySizeLimitFilter.everyBody(64).doFilter(post("application/json", new byte[65], chunked), response, chain);

            assertThat(response.getStatus()).as("chunked " + chunked).isEqualTo(413);
            assertThat(response.getContentType()).isEqualTo("application/problem+json;charset=UTF-8");
            assertThat(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(REFUSED);
            assertThat(chain.getRequest()).isNull();
        }
    }

    @Test
    void aChunkedBodyThatFitsIsPassedOnWholeWithItsLength() throws Exception {
        byte[] body = "{\"ghiChu\":\"Báo cáo quý I/2016\"}".getBytes(StandardCharsets.UTF_8);
        MockFilterChain chain = new MockFilterChain();
        BodySizeLimitFilter.everyBody(64).doFilter(post("application/json", body, true), new MockHttpServletResponse(), chain);

        HttpServletRequest passedOn = (HttpServletRequest) chain.getRequest();
        assertThat(passedOn.getContentLengthLong()).isEqualTo(body.length);
        assertThat(passedOn.getInputStream().readAllBytes()).isEqualTo(body);
    }

    @Test
    void uploadsAreLeftToTheServiceButNotToTheGateway() throws Exception {
        MockHttpServletResponse atService = new MockHttpServletResponse();
        MockFilterChain serviceChain = new MockFilterChain();
        BodySizeLimitFilter.exceptUploads(64).doFilter(post("multipart/form-data; boundary=x", new byte[65], false), atService, serviceChain);
        assertThat(serviceChain.getRequest()).isNotNull();
        assertThat(atService.getStatus()).isEqualTo(200);

        MockHttpServletResponse atGateway = new MockHttpServletResponse();
        BodySizeLimitFilter.everyBody(64).doFilter(post("multipart/form-data; boundary=x", new byte[65], false), atGateway, new MockFilterChain());
        assertThat(atGateway.getStatus()).isEqualTo(413);
    }
}
