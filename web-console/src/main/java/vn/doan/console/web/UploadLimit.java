package vn.doan.console.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.StandardMultipartHttpServletRequest;

/**
 * An upload over the console's limits ({@code spring.servlet.multipart}) goes to the page that says so in Vietnamese, with the
 * limit in MB and a link back to the page of its form. The server stops reading such a body, so none of its form's fields can
 * be read, its CSRF token neither, and Tomcat refuses to give the parameters of a body over the request limit at all: the
 * filter runs before the CSRF check and answers at once with a redirect ({@code /tep-qua-lon?trang=}), nothing else seeing
 * the request.
 */
@Controller
class UploadLimit {

    static final String PAGE = "/tep-qua-lon";
    private static final Logger log = LoggerFactory.getLogger(UploadLimit.class);

    private final MultipartConfigElement multipart;

    UploadLimit(MultipartConfigElement multipart) {
        this.multipart = multipart;
    }

    /** The page, linking back to {@code trang} (a path of the console's, anything else to the start page). */
    @GetMapping(PAGE)
    String page(@RequestParam(name = "trang", defaultValue = "/") String back, Model model) {
        long limit = multipart.getMaxFileSize() > 0 ? multipart.getMaxFileSize() : multipart.getMaxRequestSize();
        model.addAttribute("limitMb", DataSize.ofBytes(limit).toMegabytes());
        model.addAttribute("back", back.startsWith("/") && !back.startsWith("//") && !back.contains("\\") ? back : "/");
        return "error/too-large";
    }

    /** The filter, put in the security chain before the CSRF check ({@link SecurityConfig}). */
    static final class Filter extends OncePerRequestFilter {

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !"POST".equals(request.getMethod()) || !StringUtils.startsWithIgnoreCase(request.getContentType(), "multipart/");
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (!exceeded(request)) {
                chain.doFilter(request, response);
                return;
            }
            log.info("Upload to {} over the console's limit ({} bytes sent)", request.getRequestURI(), request.getContentLengthLong());
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", request.getContextPath() + PAGE + "?trang=" + URLEncoder.encode(back(request), StandardCharsets.UTF_8));
        }

        /** Reads the parts as Spring MVC would (the server keeps them for the page that takes the upload). */
        private static boolean exceeded(HttpServletRequest request) {
            try {
                new StandardMultipartHttpServletRequest(request);
                return false;
            } catch (MaxUploadSizeExceededException e) {
                return true;
            } catch (MultipartException e) {
                return false;
            }
        }

        /** The page of the form: the upload's own address with its query (a GET there shows the form), the report's page for its evidence. */
        private static String back(HttpServletRequest request) {
            String uri = request.getRequestURI();
            if (uri.endsWith("/minh-chung")) {
                return uri.substring(0, uri.length() - "/minh-chung".length());
            }
            return uri + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        }
    }
}
