package vn.doan.authserver.activation;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.doan.authserver.user.StoredUser;
import vn.doan.authserver.user.UserStore;

/**
 * A person signed in with a temporary password reaches nothing but the page that replaces it: every other request of
 * their session (the authorization endpoint first of all, so no client gets a code) is sent to {@code /doi-mat-khau},
 * and a page asked for (a GET of HTML) is remembered to continue with once the password is changed.
 * Added to both security chains ({@code AuthServerConfig}), not as a servlet filter of its own.
 */
public class FirstSignInGuard extends OncePerRequestFilter {

    static final String CHANGE_PAGE = "/doi-mat-khau";
    static final String CONTINUE_WITH = FirstSignInGuard.class.getName() + ".continue";
    private static final Set<String> OPEN = Set.of(CHANGE_PAGE, "/login", "/logout", "/error", "/activate");

    private final UserStore users;

    public FirstSignInGuard(UserStore users) {
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (OPEN.contains(path) || path.startsWith("/css/") || !mustChange(SecurityContextHolder.getContext().getAuthentication())) {
            chain.doFilter(request, response);
            return;
        }
        String accept = request.getHeader("Accept");
        if ("GET".equals(request.getMethod()) && accept != null && accept.contains("text/html")) {
            // a page to return to; not what the browser fetches on its own meanwhile (its icon)
            String query = request.getQueryString();
            request.getSession().setAttribute(CONTINUE_WITH, request.getRequestURI() + (query == null ? "" : "?" + query));
        }
        response.sendRedirect(request.getContextPath() + CHANGE_PAGE);
    }

    /** Only a person's sign-in through the form; a client authenticating at the token endpoint is never a stored user. */
    private boolean mustChange(Authentication authentication) {
        return authentication instanceof UsernamePasswordAuthenticationToken && authentication.isAuthenticated()
                && users.find(authentication.getName()).map(StoredUser::mustChangePassword).orElse(false);
    }
}
