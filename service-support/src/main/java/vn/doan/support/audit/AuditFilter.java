package vn.doan.support.audit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.doan.support.security.Caller;
import vn.doan.web.CorrelationIdFilter;

/**
 * Records every authenticated write (POST, PUT, PATCH, DELETE) in the service's own {@code audit}
 * collection once it has been answered, refusals included. Runs inside the security filters, after the token
 * was checked and around the authorisation, so the caller is known; a request the database could not serve (5xx) is not recorded, as the database is the
 * likely cause.
 */
public class AuditFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(AuditFilter.class);
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final MongoTemplate mongo;
    private final Clock clock;

    public AuditFilter(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !WRITES.contains(request.getMethod()) || request.getRequestURI().startsWith("/actuator");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Caller caller = Caller.current();
        try {
            chain.doFilter(request, response);
        } finally {
            if (!"anonymous".equals(caller.subject()) && response.getStatus() < 500) {
                record(request, response.getStatus(), caller);
            }
        }
    }

    private void record(HttpServletRequest request, int status, Caller caller) {
        try {
            mongo.insert(new AuditEntry(null, clock.instant(), caller.subject(), caller.roles(), caller.unitId(), caller.clientId(),
                    request.getHeader("User-Agent"), request.getMethod(), request.getRequestURI(), status, MDC.get(CorrelationIdFilter.MDC_KEY)));
        } catch (RuntimeException e) {
            log.warn("Audit entry of {} {} by {} not stored: {}", request.getMethod(), request.getRequestURI(), caller.subject(), e.getMessage());
        }
    }
}
