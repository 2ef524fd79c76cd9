package vn.doan.console.plan;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.doan.console.gateway.Api;
import vn.doan.console.gateway.Gateway;
import vn.doan.console.gateway.Refused;
import vn.doan.console.web.CurrentUser;
import vn.doan.console.web.Format;

/**
 * The plans of the user's unit: those it issued (with the units below that have not yet issued their implementing
 * plan) and those from above; a form that issues a new plan; closing a plan.
 */
@Controller
class PlanPages {

    /** plan-service's answer on the implementing plans due from the units below. */
    record Obligation(String unitId, String unitName, String level, java.time.LocalDate due, String state, String planNumber) {
    }

    record Implementation(long issuedOnTime, long issuedLate, long notYetDue, long overdue, List<Obligation> units) {
    }

    private final Gateway gateway;
    private final PlanDirectory plans;

    PlanPages(Gateway gateway, PlanDirectory plans) {
        this.gateway = gateway;
        this.plans = plans;
    }

    @GetMapping("/ke-hoach")
    String list(Model model) {
        Api.Unit unit = plans.unit(CurrentUser.get().unitId());
        List<Api.Plan> own = plans.issuedBy(unit.id());
        Map<String, Implementation> implementation = new java.util.LinkedHashMap<>();
        for (Api.Plan plan : own) {
            if (!plan.status().equals("DRAFT")) {
                try {
                    implementation.put(plan.id(), gateway.get(Implementation.class, "/api/plans/{id}/implementation", plan.id()));
                } catch (Refused notOffered) {
                    // a plan that asks no implementing plans of the units below has nothing to show here
                }
            }
        }
        model.addAttribute("unit", unit);
        model.addAttribute("own", own);
        model.addAttribute("fromAbove", plans.inForceFor(unit).stream().filter(p -> !p.issuingUnitId().equals(unit.id())).toList());
        model.addAttribute("implementation", implementation);
        return "plans";
    }

    @GetMapping("/ke-hoach/moi")
    String newPlan(Model model) {
        return form(model, PlanForm.blank());
    }

    /**
     * One more empty row of indicators ({@code kind=i}) or periods ({@code kind=p}) for htmx to append to the form, and the add
     * button again with the next row's number (swapped in place of the old one); 400 past the most rows. ({@code kind}, not
     * {@code add}: htmx sends the add button's own {@code add=i} too.)
     */
    @GetMapping("/ke-hoach/moi/dong")
    String row(@RequestParam String kind, @RequestParam int row, Model model) {
        int most = kind.equals("i") ? PlanForm.MAX_INDICATORS : kind.equals("p") ? PlanForm.MAX_PERIODS : 0;
        if (row < 0 || row >= most) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "no row " + kind + row);
        }
        model.addAttribute("add", kind);
        model.addAttribute("r", row);
        form(model, PlanForm.emptyRows(kind, row + 1));
        return "plan-form :: added";
    }

    /**
     * Creates the plan and issues it; a refusal shows plan-service's message next to its field, with all that was typed. Without
     * JavaScript the buttons that add a row ({@code add=i|p}) or take one away ({@code remove=i3}) come here too: the form is
     * shown again with the row added or taken away, nothing sent.
     */
    @PostMapping("/ke-hoach")
    String issue(@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
        PlanForm form = PlanForm.typed(params);
        if (params.containsKey("add") || params.containsKey("remove")) {
            if (params.containsKey("add")) {
                form.addRow(params.getFirst("add"));
            } else {
                form.removeRow(params.getFirst("remove"));
            }
            return form(model, form);
        }
        Map<String, Object> content = form.content(CurrentUser.get().unitId());
        if (content == null) {
            return form(model, form);
        }
        try {
            String id = form.get("planId");
            if (id.isBlank()) {
                id = gateway.send(HttpMethod.POST, content, Map.of(), Api.Plan.class, "/api/plans").id();
                form.set("planId", id);
            } else {
                gateway.send(HttpMethod.PUT, content, Map.of(), Api.Plan.class, "/api/plans/{id}", id);
            }
            gateway.send(HttpMethod.POST, Map.of(), Map.of(), Api.Plan.class, "/api/plans/{id}/issue", id);
            redirect.addFlashAttribute("notice", "plan.issued");
            return "redirect:/ke-hoach";
        } catch (Refused e) {
            if (e.forbidden()) {
                throw e;
            }
            form.refusedAt(e.field(), e.toShow());
            return form(model, form);
        }
    }

    @PostMapping("/ke-hoach/{id}/dong")
    String close(@PathVariable String id, @RequestParam String closedOn, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        java.time.LocalDate date = Format.parseDate(closedOn);
        if (date == null) {
            redirect.addFlashAttribute("closeError", "Ngày đóng theo dạng dd/mm/yyyy, ví dụ 31/12/2026.");
            return "redirect:/ke-hoach";
        }
        java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("closedOn", date);
        body.put("reason", reason);
        gateway.send(HttpMethod.POST, body, Map.of(), Api.Plan.class, "/api/plans/{id}/close", id);
        redirect.addFlashAttribute("notice", "plan.closed");
        return "redirect:/ke-hoach";
    }

    private String form(Model model, PlanForm form) {
        model.addAttribute("form", form);
        model.addAttribute("kinds", PlanForm.KINDS);
        model.addAttribute("levels", PlanForm.LEVELS);
        model.addAttribute("whens", PlanForm.WHEN);
        return "plan-form";
    }
}
