package vn.doan.support.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.doan.web.Problem;

/**
 * Ids in the path of {@code /api/**} and in the id parameters ({@code unitId}, {@code planId}, …) are short
 * plain tokens — UUIDs, codes, {@code plan|period|unit|rule} — or the request is refused with 400 problem+json
 * before any query is built; {@code unitIds} is one parameter of at most 1,000 such ids separated by commas. So no {@code {"$ne": null}}, {@code $where} or path trick reaches MongoDB as an id.
 */
public class IdCheckFilter extends OncePerRequestFilter {

    static final Pattern ID = Pattern.compile("[A-Za-z0-9._:|-]{1,200}");
    static final int MAX_LISTED = 1_000;
    private static final Set<String> ID_PARAMETERS = Set.of("unitId", "parentId", "planId", "periodId", "issuingUnitId");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        String bad = null;
        for (String segment : path.substring(1).split("/", -1)) {
            if (!ID.matcher(segment).matches()) {
                bad = "path";
                break;
            }
        }
        for (String name : ID_PARAMETERS) {
            String[] values = request.getParameterValues(name);
            if (bad == null && values != null && (values.length > 1 || !ID.matcher(values[0]).matches())) {
                bad = name;
            }
        }
        String[] lists = request.getParameterValues("unitIds");
        if (bad == null && lists != null && (lists.length > 1 || !idList(lists[0]))) {
            bad = "unitIds";
        }
        if (bad != null) {
            new Problem(400, "Bad Request", "request.invalid-id", bad,
                    "An id in the " + bad + " is not a valid id (letters, digits and . _ : | - only, at most 200).",
                    "Mã định danh trong yêu cầu không hợp lệ.").writeTo(response);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean idList(String value) {
        String[] ids = value.split(",", -1);
        return ids.length <= MAX_LISTED && Arrays.stream(ids).allMatch(id -> ID.matcher(id).matches());
    }
}
