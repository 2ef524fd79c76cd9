package vn.doan.support.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is calling, from the access token alone: subject, roles, the unit they work for ({@code unit_id}),
 * their department ({@code department}, for department staff) and the client application ({@code azp}
 * or {@code client_id}). No service asks anyone else to find this out.
 */
public record Caller(String subject, Set<String> roles, String unitId, String department, String clientId) {

    public static final String ADMIN = "ADMIN";
    public static final String CADRE = "CADRE";
    public static final String DEPARTMENT_STAFF = "DEPARTMENT_STAFF";
    public static final String ANALYST = "ANALYST";

    /** The caller of the current request, or an anonymous one outside a request. */
    public static Caller current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth instanceof JwtAuthenticationToken token ? of(token.getToken()) : new Caller("anonymous", Set.of(), null, null, null);
    }

    public static Caller of(Jwt jwt) {
        return new Caller(jwt.getSubject(), roles(jwt), jwt.getClaimAsString("unit_id"), jwt.getClaimAsString("department"),
                jwt.hasClaim("azp") ? jwt.getClaimAsString("azp") : jwt.getClaimAsString("client_id"));
    }

    /** {@code roles} as a JSON array or a space-separated string. */
    static Set<String> roles(Jwt jwt) {
        Object claim = jwt.getClaims().get("roles");
        if (claim instanceof Collection<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.toUnmodifiableSet());
        }
        if (claim instanceof String text && !text.isBlank()) {
            return Set.copyOf(List.of(text.trim().split("\\s+")));
        }
        return Set.of();
    }

    public boolean is(String role) {
        return roles.contains(role);
    }
}
