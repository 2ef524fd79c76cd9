package vn.doan.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A refusal answered before any controller runs (by a filter, a security entry point, Tomcat's error valve), as
 * RFC 9457 problem+json in the shape of the services' own errors: {@code type} {@code urn:doan:problem:<rule>},
 * {@code title}, {@code status}, English {@code detail}, {@code rule}, the {@code field} at fault when there is one,
 * Vietnamese {@code detail_vi}. Jackson writes it, so quotes, backslashes, line breaks and control characters in any
 * text are escaped; Vietnamese stays as written (UTF-8). The mapper is a plain one because Tomcat's valve and the
 * filters are built outside the Spring context.
 */
public record Problem(int status, String title, String rule, String field, String detail, String detailVi) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final JsonMapper JSON = JsonMapper.builder().disable(JsonWriteFeature.ESCAPE_FORWARD_SLASHES).build();

    public Problem(int status, String title, String rule, String detail, String detailVi) {
        this(status, title, rule, null, detail, detailVi);
    }

    public String toJson() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("type", "urn:doan:problem:" + rule);
        document.put("title", title);
        document.put("status", status);
        document.put("detail", detail);
        document.put("rule", rule);
        if (field != null) {
            document.put("field", field);
        }
        document.put("detail_vi", detailVi);
        return JSON.writeValueAsString(document);
    }

    /** Answers with this problem, unless an answer has already begun. */
    public void writeTo(HttpServletResponse response) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.setStatus(status);
        response.setContentType(MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(toJson());
    }
}
