package vn.doan.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 (no or a bad access token, with {@code WWW-Authenticate: Bearer}) and 403 as {@link Problem}s. The services refuse
 * by role and unit; the gateway passes its own 403 text (an address it does not open).
 */
public class AuthProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final Problem unauthorized = new Problem(401, "Unauthorized", "auth.token-missing-or-invalid",
            "A valid bearer access token is required.", "Cần đăng nhập: thiếu hoặc sai mã truy cập (access token).");
    private final Problem forbidden;

    /** The services' 403: the caller's role or unit does not allow the request. */
    public AuthProblems() {
        this("Your role or unit does not allow this.", "Vai trò hoặc đơn vị của bạn không được phép thực hiện thao tác này.");
    }

    public AuthProblems(String forbiddenDetail, String forbiddenDetailVi) {
        this.forbidden = new Problem(403, "Forbidden", "access.denied", forbiddenDetail, forbiddenDetailVi);
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer");
        unauthorized.writeTo(response);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
        forbidden.writeTo(response);
    }
}
