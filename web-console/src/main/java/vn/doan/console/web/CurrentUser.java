package vn.doan.console.web;

import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Who is signed in, from the ID token the auth-server issued: login, roles, unit and department. The console
 * uses it only to choose what to show; every service decides access again from the access token.
 */
public record CurrentUser(String login, List<String> roles, String unitId, String department) {

    public static CurrentUser get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof OidcUser user)) {
            return new CurrentUser(auth == null ? null : auth.getName(), List.of(), null, null);
        }
        List<String> roles = user.getClaimAsStringList("roles");
        return new CurrentUser(user.getSubject(), roles == null ? List.of() : roles, user.getClaimAsString("unit_id"),
                user.getClaimAsString("department"));
    }

    public boolean is(String role) {
        return roles.contains(role);
    }

    public boolean admin() {
        return is("ADMIN");
    }

    public boolean analyst() {
        return is("ANALYST") && !admin() && !is("CADRE") && !is("DEPARTMENT_STAFF");
    }

    /** A cadre or department staff: works on the reports of one unit's subtree. */
    public boolean ofUnit() {
        return unitId != null && (is("CADRE") || is("DEPARTMENT_STAFF"));
    }
}
