package vn.doan.gateway;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.doan.web.Problem;

/**
 * A token bucket per client application and user ({@code azp}/{@code client_id} and {@code sub} of the
 * token; the remote address without one): {@code capacity} requests at once, refilled at {@code perSecond}.
 * Beyond it, 429 problem+json with {@code Retry-After}. Buckets live in this gateway's memory, so with several
 * gateway replicas the limit holds per replica.
 */
class RateLimitFilter extends OncePerRequestFilter {

    private final int capacity;
    private final double perSecond;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimitFilter(GatewayProperties.RateLimit limit) {
        this.capacity = limit.capacity();
        this.perSecond = limit.perSecond();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (buckets.size() > 100_000) {
            buckets.clear();
        }
        Bucket bucket = buckets.computeIfAbsent(key(request), k -> new Bucket(capacity, System.nanoTime()));
        if (!bucket.take(capacity, perSecond)) {
            response.setHeader("Retry-After", String.valueOf((long) Math.ceil(1 / perSecond)));
            new Problem(429, "Too Many Requests", "request.rate-limited", "Too many requests from this client; slow down and retry later.",
                    "Ứng dụng gửi quá nhiều yêu cầu; vui lòng thử lại sau ít phút.").writeTo(response);
            return;
        }
        chain.doFilter(request, response);
    }

    static String key(HttpServletRequest request) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth instanceof JwtAuthenticationToken token) {
            Jwt jwt = token.getToken();
            String client = jwt.hasClaim("azp") ? jwt.getClaimAsString("azp") : jwt.getClaimAsString("client_id");
            return client + "|" + jwt.getSubject();
        }
        return "ip|" + request.getRemoteAddr();
    }

    private static final class Bucket {

        private double tokens;
        private long last;

        Bucket(int capacity, long now) {
            this.tokens = capacity;
            this.last = now;
        }

        synchronized boolean take(int capacity, double perSecond) {
            long now = System.nanoTime();
            tokens = Math.min(capacity, tokens + (now - last) / 1e9 * perSecond);
            last = now;
            if (tokens < 1) {
                return false;
            }
            tokens -= 1;
            return true;
        }
    }
}
