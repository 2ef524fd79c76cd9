package vn.doan.gateway;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/** Refuses a body larger than {@code doan.gateway.max-body-bytes} with 413 before it is read or passed on. */
class BodySizeLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;

    BodySizeLimitFilter(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            Problems.write(response, 413, "Content Too Large", "request.too-large", "The request body is larger than " + maxBytes + " bytes.",
                    "Nội dung gửi lên vượt quá dung lượng cho phép.");
            return;
        }
        chain.doFilter(request, response);
    }
}
