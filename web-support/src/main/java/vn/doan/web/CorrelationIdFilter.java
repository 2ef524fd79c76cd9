package vn.doan.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Takes the caller's {@code X-Correlation-Id} if it is a short plain token, or makes one; a value that is not is replaced,
 * never echoed. The id goes into the log context (MDC key {@code correlationId}), onto the response, and onto the request
 * as passed on: the gateway forwards it to the service, a service's outbox copies it onto the Kafka records the request
 * causes (header {@code correlation-id}) and its audit trail records it.
 */
public class CorrelationIdFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-Correlation-Id";
    public static final String MDC_KEY = "correlationId";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getHeader(HEADER);
        String id = given != null && SAFE.matcher(given).matches() ? given : UUID.randomUUID().toString();
        MDC.put(MDC_KEY, id);
        response.setHeader(HEADER, id);
        try {
            chain.doFilter(new WithCorrelationId(request, id), response);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }

    /** The request as passed on: the correlation id replaces whatever the client sent. */
    private static final class WithCorrelationId extends HttpServletRequestWrapper {

        private final String id;

        WithCorrelationId(HttpServletRequest request, String id) {
            super(request);
            this.id = id;
        }

        @Override
        public String getHeader(String name) {
            return HEADER.equalsIgnoreCase(name) ? id : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return HEADER.equalsIgnoreCase(name) ? Collections.enumeration(Set.of(id)) : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            Set<String> names = new LinkedHashSet<>();
            for (Enumeration<String> e = super.getHeaderNames(); e.hasMoreElements();) {
                String name = e.nextElement();
                if (!HEADER.equalsIgnoreCase(name)) {
                    names.add(name);
                }
            }
            names.add(HEADER);
            return Collections.enumeration(names);
        }
    }
}
