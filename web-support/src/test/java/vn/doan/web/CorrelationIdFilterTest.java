package vn.doan.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class CorrelationIdFilterTest {

    String passedOn(String given, MockHttpServletResponse response) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/reports");
        if (given != null) {
            request.addHeader(CorrelationIdFilter.HEADER, given);
        }
        AtomicReference<String> logged = new AtomicReference<>();
        MockFilterChain chain = new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
            @Override
            protected void service(HttpServletRequest req, jakarta.servlet.http.HttpServletResponse res) {
                logged.set(MDC.get(CorrelationIdFilter.MDC_KEY));
            }
        });
        new CorrelationIdFilter().doFilter(request, response, chain);
        HttpServletRequest forwarded = (HttpServletRequest) chain.getRequest();
        assertThat(Collections.list(forwarded.getHeaders(CorrelationIdFilter.HEADER))).containsExactly(forwarded.getHeader(CorrelationIdFilter.HEADER));
        assertThat(logged.get()).isEqualTo(forwarded.getHeader(CorrelationIdFilter.HEADER));
        assertThat(MDC.get(CorrelationIdFilter.MDC_KEY)).as("the log context is cleared after the request").isNull();
        return forwarded.getHeader(CorrelationIdFilter.HEADER);
    }

    @Test
    void aPlainIdIsKeptLoggedPassedOnAndReturned() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        assertThat(passedOn("bao-cao-2016-thoxuan", response)).isEqualTo("bao-cao-2016-thoxuan");
        assertThat(response.getHeader(CorrelationIdFilter.HEADER)).isEqualTo("bao-cao-2016-thoxuan");
    }

    @Test
    void aHostileOrMissingIdIsReplacedEverywhere() throws Exception {
        for (String given : new String[] {"{\"$gt\":\"\"} <script>", null}) {
            MockHttpServletResponse response = new MockHttpServletResponse();
            String id = passedOn(given, response);
            assertThat(id).matches("[0-9a-f-]{36}");
            assertThat(response.getHeader(CorrelationIdFilter.HEADER)).isEqualTo(id);
        }
    }
}
