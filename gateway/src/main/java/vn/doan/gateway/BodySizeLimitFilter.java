package vn.doan.gateway;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a body larger than {@code doan.gateway.max-body-bytes} with 413 before it is passed on. A body of announced
 * length is judged by its {@code Content-Length}; a chunked one is read here up to one byte past the limit, so it is cut
 * there and nothing reaches the service, and passed on from memory, whole, when it fits. (The services' filter in
 * service-support does the same; the gateway does not carry the services' plumbing.)
 */
class BodySizeLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;

    BodySizeLimitFilter(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpServletRequest passedOn = request;
        if (request.getContentLengthLong() < 0 && request.getHeader("Transfer-Encoding") != null) {
            byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            passedOn = new ReadBody(request, body);
        }
        if (passedOn.getContentLengthLong() > maxBytes) {
            Problems.write(response, 413, "Content Too Large", "request.too-large", "The request body is larger than " + maxBytes + " bytes.",
                    "Nội dung gửi lên vượt quá dung lượng cho phép.");
            return;
        }
        chain.doFilter(passedOn, response);
    }

    /** A chunked body already read, served from memory with its length now known. */
    private static final class ReadBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("a body read in full is read synchronously");
                }
            };
        }
    }
}
