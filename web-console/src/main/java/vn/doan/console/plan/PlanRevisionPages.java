package vn.doan.console.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.doan.console.gateway.Api;
import vn.doan.console.gateway.Gateway;
import vn.doan.console.gateway.Refused;
import vn.doan.console.web.Format;

/**
 * Revising an issued plan: the wording and target of each indicator (and the upper bound of a range), the due dates of its
 * reporting periods, with the reason. The rest of the plan is sent back as plan-service holds it (kinds, targets over the
 * years, deadlines, recipients…), so nothing the form does not show is lost; plan-service keeps the previous version, checks
 * the revision by the same rules as an issue and tells every unit below of the new one.
 */
@Controller
class PlanRevisionPages {

    /**
     * What plan-service's answer holds beside the plan's content and manages itself: the revision's body takes the rest as it
     * is. The recurring reports are already expanded into the schedule; sent again, their periods would be added twice.
     */
    private static final Set<String> MANAGED = Set.of("id", "status", "version", "revisions", "closedOn", "closeReason", "recurringReports");
    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    private final Gateway gateway;
    private final PlanDirectory plans;

    PlanRevisionPages(Gateway gateway, PlanDirectory plans) {
        this.gateway = gateway;
        this.plans = plans;
    }

    @GetMapping("/ke-hoach/{id}/dieu-chinh")
    String form(@PathVariable String id, Model model) {
        model.addAttribute("plan", plans.plan(id));
        return "plan-revise";
    }

    @PostMapping("/ke-hoach/{id}/dieu-chinh")
    String revise(@PathVariable String id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        Map<String, Object> content = new LinkedHashMap<>(gateway.get(JSON, "/api/plans/{id}", id));
        content.keySet().removeAll(MANAGED);
        String wrong = reviseIndicators(content, form);
        if (wrong != null) {
            return again(id, form, wrong, model);
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> issued = (List<Map<String, Object>>) content.get("schedule");
        List<Map<String, Object>> schedule = new ArrayList<>();
        for (Map<String, Object> issuedPeriod : issued) {
            Map<String, Object> period = new LinkedHashMap<>(issuedPeriod);
            schedule.add(period);
            String typed = form.getOrDefault("due-" + period.get("periodId"), "");
            LocalDate due = Format.parseDate(typed);
            if (due == null) {
                return again(id, form, "Hạn nộp theo dạng dd/mm/yyyy, ví dụ 15/12/2026: " + typed, model);
            }
            period.put("dueDate", due.toString());
        }
        content.put("schedule", schedule);
        try {
            gateway.send(HttpMethod.POST, revision(form.getOrDefault("reason", ""), content), Map.of(), Api.Plan.class,
                    "/api/plans/{id}/revisions", id);
        } catch (Refused e) {
            if (e.forbidden()) {
                throw e;
            }
            return again(id, form, e.toShow(), model);
        }
        redirect.addFlashAttribute("notice", "plan.revised");
        return "redirect:/ke-hoach";
    }

    /** Puts the typed wording and targets into the plan's indicators; what is wrong with them, or null. */
    private static String reviseIndicators(Map<String, Object> content, Map<String, String> form) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> issued = (List<Map<String, Object>>) content.get("indicators");
        List<Map<String, Object>> indicators = new ArrayList<>();
        for (Map<String, Object> issuedIndicator : issued) {
            Map<String, Object> indicator = new LinkedHashMap<>(issuedIndicator);
            indicators.add(indicator);
            Object code = indicator.get("code");
            String text = form.getOrDefault("text-" + code, "").strip();
            if (text.isEmpty()) {
                return "Chỉ tiêu " + code + ": hãy ghi nội dung chỉ tiêu.";
            }
            indicator.put("text", text);
            for (String field : List.of("target", "targetMax")) {
                if (!form.containsKey(field + "-" + code)) {
                    continue;
                }
                String typed = form.get(field + "-" + code);
                try {
                    BigDecimal value = Format.parseNumber(typed);
                    if (value == null && field.equals("target")) {
                        return "Chỉ tiêu " + code + ": hãy ghi mức chỉ tiêu.";
                    }
                    indicator.put(field, value);
                } catch (NumberFormatException e) {
                    return "Chỉ tiêu " + code + ": mức chỉ tiêu là một số, ví dụ 90 hoặc 1.234,5: " + typed;
                }
            }
        }
        content.put("indicators", indicators);
        return null;
    }

    /** The form again, as typed, with what was wrong. */
    private String again(String id, Map<String, String> form, String error, Model model) {
        model.addAttribute("plan", plans.plan(id)).addAttribute("typed", form).addAttribute("error", error);
        return "plan-revise";
    }

    /** The revision request, the reason first: one order for every request, whatever the map's implementation. */
    private static Map<String, Object> revision(String reason, Object content) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reason", reason);
        body.put("plan", content);
        return body;
    }
}
