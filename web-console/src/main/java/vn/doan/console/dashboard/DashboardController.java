package vn.doan.console.dashboard;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import vn.doan.console.gateway.Api;
import vn.doan.console.gateway.Gateway;
import vn.doan.console.gateway.Refused;
import vn.doan.console.plan.PlanDirectory;
import vn.doan.console.web.CurrentUser;
import vn.doan.console.web.Format;

/**
 * The dashboard of a unit's subtree for one plan and period: each indicator against its target, who reported
 * (on time, late, missing), the direct children to drill into, what is off track, the ranking, and the
 * children's reports awaiting review. Each service filters by the caller (department staff see their
 * department's indicators; analysts aggregates only); a part the caller may not read is left out.
 */
@Controller
class DashboardController {

    private static final ParameterizedTypeReference<List<Api.Report>> REPORTS = new ParameterizedTypeReference<>() {
    };
    /** Units named in one call for their reports (report-service takes at most 1,000; a province has more direct children). */
    private static final int UNITS_PER_CALL = 500;
    /**
     * The most units the page lists by name, who reported and who did not: above it (a province, the centre) the page shows the
     * counts and each direct child's, and the names one level down, where a click on the child leads.
     */
    private static final int LISTED_UNITS = 1_000;

    private final Gateway gateway;
    private final PlanDirectory plans;
    private final Format format;

    DashboardController(Gateway gateway, PlanDirectory plans, Format format) {
        this.gateway = gateway;
        this.plans = plans;
        this.format = format;
    }

    /** What the page is about: the plan, its period and the unit whose subtree is shown. */
    record Selection(List<Api.Plan> plans, Api.Plan plan, Api.Period period, Api.Unit unit) {
    }

    @GetMapping("/bang-theo-doi")
    String dashboard(@RequestParam(required = false) String planId, @RequestParam(required = false) String periodId,
            @RequestParam(required = false) String unitId, Model model) {
        // an address that names the plan, the period and the unit (every link to a dashboard does) has its parts asked for while
        // the selection is checked; they are used only if the selection is that one
        Parts early = planId != null && periodId != null && unitId != null ? Parts.ask(gateway, planId, periodId, unitId) : null;
        Selection s = select(planId, periodId, unitId);
        model.addAttribute("selection", s);
        if (s == null) {
            return "dashboard";
        }
        String plan = s.plan().id();
        String period = s.period().periodId();
        String unit = s.unit().id();
        Parts parts = early != null && early.isFor(plan, period, unit) ? early : Parts.ask(gateway, plan, period, unit);
        Progress.Dashboard dashboard = Objects.requireNonNullElse(optional(parts.dashboard()), Progress.Dashboard.NONE);
        Progress.Unit figures = dashboard.unit();
        model.addAttribute("progress", figures);
        // the units by name come from report-service, which lists the whole subtree: asked for only where the list is short
        Progress.Reports counted = figures == null ? null : figures.reports();
        Supplier<Progress.Completeness> listed = counted != null && counted.expected() > LISTED_UNITS ? () -> null
                : gateway.later(Progress.Completeness.class, "/api/reports/completeness?planId={p}&periodId={q}&unitId={u}", plan, period, unit);
        List<Progress.Unit> childUnits = dashboard.children();
        model.addAttribute("toReview", toReview(s, childUnits));
        Progress.Completeness completeness = optional(listed);
        model.addAttribute("completeness", completeness);
        model.addAttribute("counts", completeness != null ? completeness : counted);
        model.addAttribute("children", childUnits == null ? null : childUnits.stream().map(c -> ChildRow.of(c, format)).toList());
        model.addAttribute("behind", dashboard.behind());
        model.addAttribute("ranking", dashboard.ranking());
        return "dashboard";
    }

    /**
     * A row of the table of direct children, its figures written here rather than in the template: a province has over a
     * hundred children of a dozen indicators each, and a template expression costs many times the code it stands for.
     */
    record ChildRow(Progress.Unit unit, List<String> figures) {

        static ChildRow of(Progress.Unit unit, Format format) {
            return new ChildRow(unit, unit.indicators().stream().map(i -> i.code() + ": "
                    + (i.count() ? format.number(i.subtree().numerator()) + " · " : "") + format.number(i.subtree().percent()) + "%").toList());
        }
    }

    /** The parts of a dashboard that depend on its plan, period and unit alone: one answer of indicator-service. */
    private record Parts(String plan, String period, String unit, Supplier<Progress.Dashboard> dashboard) {

        static Parts ask(Gateway gateway, String plan, String period, String unit) {
            return new Parts(plan, period, unit, gateway.later(Progress.Dashboard.class, "/api/progress/{p}/{q}/units/{u}/dashboard", plan, period, unit));
        }

        boolean isFor(String plan, String period, String unit) {
            return this.plan.equals(plan) && this.period.equals(period) && this.unit.equals(unit);
        }
    }

    /** The figures of the page as CSV (UTF-8 with a byte order mark, so spreadsheet programs read the Vietnamese). */
    @GetMapping("/bang-theo-doi/csv")
    ResponseEntity<byte[]> csv(@RequestParam String planId, @RequestParam String periodId, @RequestParam String unitId) {
        Progress.Unit progress = gateway.get(Progress.Unit.class, "/api/progress/{p}/{q}/units/{u}", planId, periodId, unitId);
        StringBuilder csv = new StringBuilder("\uFEFFunit,indicator,text,kind,target,numerator,denominator,value,percent,status,reporting_units\n");
        for (Progress.Indicator i : progress.indicators()) {
            Progress.Measure m = i.subtree();
            csv.append(String.join(",", cell(progress.unitName()), i.code(), cell(i.text()), i.kind(), plain(m.target()),
                    String.valueOf(m.numerator()), String.valueOf(m.denominator()), plain(m.value()), plain(m.percent()), m.status(),
                    String.valueOf(m.reportingUnits()))).append('\n');
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"so-lieu-" + periodId + ".csv\"")
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The unit's consolidated report (báo cáo tổng hợp) for the plan and period, as report-service drafts it from the subtree:
     * .docx to edit and sign, .pdf, or .xlsx with a row per unit; passed on with report-service's file name.
     */
    @GetMapping("/bang-theo-doi/bao-cao-tong-hop")
    ResponseEntity<byte[]> consolidated(@RequestParam String planId, @RequestParam String periodId, @RequestParam String unitId,
            @RequestParam String format) {
        if (!List.of("docx", "pdf", "xlsx").contains(format)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "format: docx, pdf or xlsx");
        }
        ResponseEntity<byte[]> file = gateway.file("/api/reports/consolidated/{p}/{q}/units/{u}?format={f}", planId, periodId, unitId, format);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(file.getHeaders().getContentType());
        headers.set(HttpHeaders.CONTENT_DISPOSITION, file.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION));
        return ResponseEntity.ok().headers(headers).body(file.getBody());
    }

    private Selection select(String planId, String periodId, String unitId) {
        CurrentUser me = CurrentUser.get();
        String home = me.unitId() != null ? me.unitId() : unitId;
        if (home == null) {
            return null;
        }
        Api.Unit homeUnit = plans.unit(home);
        List<Api.Plan> inForce = plans.inForceFor(homeUnit);
        if (inForce.isEmpty()) {
            return null;
        }
        Api.Plan plan = planId == null ? inForce.get(0)
                : inForce.stream().filter(p -> p.id().equals(planId)).findFirst().orElseGet(() -> plans.plan(planId));
        Api.Period period = periodId != null ? plan.period(periodId) : current(plan.schedule());
        Api.Unit unit = unitId == null || unitId.equals(home) ? homeUnit : plans.unit(unitId);
        return new Selection(inForce, plan, period == null ? plan.schedule().get(0) : period, unit);
    }

    /** The period whose due date comes next, else the last one. */
    static Api.Period current(List<Api.Period> schedule) {
        LocalDate today = Format.today();
        return schedule.stream().filter(p -> !p.dueDate().isBefore(today)).min(Comparator.comparing(Api.Period::dueDate))
                .orElse(schedule.isEmpty() ? null : schedule.get(schedule.size() - 1));
    }

    record Review(Api.Report report, String unitName) {
    }

    /**
     * Reports of the unit's direct children (in the tree of the period) that wait for this unit's decision, asked for only of the
     * children whose own report the figures already count: where the children do not report the plan themselves (a province
     * whose branches report), report-service is not asked at all. A report just submitted is listed once it is counted, as the
     * figures on the same page are.
     */
    private List<Review> toReview(Selection s, List<Progress.Unit> children) {
        if (!s.unit().id().equals(CurrentUser.get().unitId()) || !CurrentUser.get().is("CADRE") || children == null) {
            return List.of();
        }
        List<Progress.Unit> reporting = children.stream().filter(c -> c.ownVersion() != null).toList();
        java.util.Map<String, String> names = reporting.stream().collect(Collectors.toMap(Progress.Unit::unitId, Progress.Unit::unitName));
        List<Review> reviews = new java.util.ArrayList<>();
        for (int at = 0; at < reporting.size(); at += UNITS_PER_CALL) {
            String ids = reporting.subList(at, Math.min(reporting.size(), at + UNITS_PER_CALL)).stream().map(Progress.Unit::unitId)
                    .collect(Collectors.joining(","));
            List<Api.Report> reports = optional(() -> gateway.get(REPORTS, "/api/reports?planId={p}&periodId={q}&unitIds={u}", s.plan().id(),
                    s.period().periodId(), ids));
            if (reports == null) {
                return List.of();
            }
            reports.stream().filter(r -> r.underReview() && names.containsKey(r.unitId())).map(r -> new Review(r, names.get(r.unitId())))
                    .forEach(reviews::add);
        }
        return reviews;
    }

    /** The answer, or null where the caller may not read it (403) or there is nothing yet (404). */
    private static <T> T optional(Supplier<T> call) {
        try {
            return call.get();
        } catch (Refused e) {
            if (e.status() == 403 || e.status() == 404) {
                return null;
            }
            throw e;
        }
    }

    private static String plain(java.math.BigDecimal number) {
        return number == null ? "" : number.toPlainString();
    }

    private static String cell(String text) {
        return text == null ? "" : "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
