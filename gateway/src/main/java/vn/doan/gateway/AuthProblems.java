package vn.doan.gateway;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 at the gateway as problem+json. */
class AuthProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer");
        Problems.write(response, 401, "Unauthorized", "auth.token-missing-or-invalid", "A valid bearer access token is required.",
                "Cần đăng nhập: thiếu hoặc sai mã truy cập (access token).");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
        Problems.write(response, 403, "Forbidden", "access.denied", "This address is not open through the gateway.",
                "Địa chỉ này không được mở qua cổng API.");
    }
}
