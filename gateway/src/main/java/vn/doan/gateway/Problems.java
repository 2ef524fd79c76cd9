package vn.doan.gateway;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The gateway's own refusals, in the services' problem+json shape (English detail, Vietnamese detail_vi, rule). */
final class Problems {

    private Problems() {
    }

    static void write(HttpServletResponse response, int status, String title, String rule, String detail, String detailVi) throws IOException {
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
