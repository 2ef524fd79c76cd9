package vn.doan.console.web;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import vn.doan.console.gateway.Refused;
import vn.doan.console.gateway.ServiceDown;

/**
 * What a page shows when a service says no or does not answer: a Vietnamese page, never a stack trace. Forms
 * catch these themselves to keep what was typed.
 */
@ControllerAdvice
class ErrorPages {

    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

    @ExceptionHandler(Refused.class)
    String refused(Refused e, Model model, HttpServletResponse response) {
        response.setStatus(e.status());
        model.addAttribute("me", CurrentUser.get());
        if (e.forbidden()) {
            return "error/forbidden";
        }
        model.addAttribute("detail", e.toShow());
        return "error/refused";
    }

    @ExceptionHandler(ServiceDown.class)
    String down(ServiceDown e, jakarta.servlet.http.HttpServletRequest request, HttpServletResponse response, Model model) {
        log.warn("Service unavailable: {}", e.getMessage());
        if ("POST".equals(request.getMethod())) {
            // the page offers to send the same form again, so nothing typed is lost
            java.util.Map<String, String> typed = new java.util.LinkedHashMap<>();
            request.getParameterMap().forEach((name, values) -> {
                if (!name.equals("_csrf") && values.length > 0) {
                    typed.put(name, values[0]);
                }
            });
            model.addAttribute("resend", typed);
            model.addAttribute("resendTo", request.getRequestURI());
        }
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        model.addAttribute("me", CurrentUser.get());
        return "error/unavailable";
    }
}
