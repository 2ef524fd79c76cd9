package vn.doan.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body larger than the limit with 413 problem+json before anything reads or forwards it. A body of
 * announced length is judged by its {@code Content-Length}; a chunked one (no length) is read here up to one byte past
 * the limit, so it is cut there, and passed on whole from memory when it fits. The gateway limits every body
 * ({@link #everyBody}); a service leaves multipart uploads to {@code spring.servlet.multipart.*} and its own attachment
 * limit ({@link #exceptUploads}).
 */
public class BodySizeLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;
    private final boolean uploadsToo;

    private BodySizeLimitFilter(long maxBytes, boolean uploadsToo) {
        this.maxBytes = maxBytes;
        this.uploadsToo = uploadsToo;
    }

    public static BodySizeLimitFilter everyBody(long maxBytes) {
        return new BodySizeLimitFilter(maxBytes, true);
    }

    public static BodySizeLimitFilter exceptUploads(long maxBytes) {
        return new BodySizeLimitFilter(maxBytes, false);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return !uploadsToo && type != null && type.toLowerCase().startsWith("multipart/");
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
            new Problem(413, "Content Too Large", "request.too-large", "The request body is larger than " + maxBytes + " bytes.",
                    "Nội dung gửi lên vượt quá dung lượng cho phép.").writeTo(response);
            return;
        }
        chain.doFilter(passedOn, response);
    }

    /** A chunked body already read in full, served from memory with its length now known. */
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

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(), encoding == null ? StandardCharsets.UTF_8.name() : encoding));
        }
    }
}
