package vn.doan.console.dashboard;

import java.util.Map;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import vn.doan.console.gateway.Gateway;
import vn.doan.console.gateway.Refused;

/**
 * The one-click reminder ("đôn đốc") next to a unit that has not reported: notification-service sends it at most once per
 * unit, period and day. With htmx the button is replaced by the outcome; without script the dashboard is shown again with it.
 */
@Controller
class RemindController {

    private final Gateway gateway;

    RemindController(Gateway gateway) {
        this.gateway = gateway;
    }

    @PostMapping("/bang-theo-doi/nhac")
    String remind(@RequestParam String planId, @RequestParam String periodId, @RequestParam String unitId,
            @RequestParam(required = false) String returnUnitId, @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model, RedirectAttributes redirect) {
        String outcome;
        String error = null;
        try {
            gateway.send(HttpMethod.POST, null, Map.of(), Map.class, "/api/reminders/now?planId={p}&periodId={q}&unitId={u}", planId, periodId,
                    unitId);
            outcome = "dash.reminded";
        } catch (Refused e) {
            if (e.forbidden()) {
                throw e;
            }
            outcome = "dash.remindRefused";
            error = e.toShow();
        }
        if (htmx != null) {
            model.addAttribute("outcome", outcome).addAttribute("error", error).addAttribute("unitId", unitId);
            return "dashboard :: reminded";
        }
        redirect.addFlashAttribute("notice", outcome);
        redirect.addFlashAttribute("remindError", error);
        return "redirect:" + UriComponentsBuilder.fromPath("/bang-theo-doi").queryParam("planId", planId).queryParam("periodId", periodId)
                .queryParam("unitId", returnUnitId == null ? "" : returnUnitId).build().toUriString();
    }
}
