package vn.doan.support.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 as problem+json, in the shape of {@code ProblemHandler}'s answers. */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer");
        write(response, 401, "Unauthorized", "auth.token-missing-or-invalid",
                "A valid bearer access token is required.", "Cần đăng nhập: thiếu hoặc sai mã truy cập (access token).");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
        write(response, 403, "Forbidden", "access.denied",
                "Your role or unit does not allow this.", "Vai trò hoặc đơn vị của bạn không được phép thực hiện thao tác này.");
    }

    private static void write(HttpServletResponse response, int status, String title, String rule, String detail, String detailVi)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"urn:doan:problem:" + rule + "\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\",\"rule\":\"" + rule + "\",\"detail_vi\":\"" + detailVi + "\"}");
    }
}
