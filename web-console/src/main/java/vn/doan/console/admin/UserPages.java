package vn.doan.console.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.doan.console.gateway.Gateway;
import vn.doan.console.gateway.Refused;
import vn.doan.console.web.CurrentUser;

/**
 * The logins of a unit, managed through the auth-server's {@code /api/users} (reached through the gateway): list,
 * create, disable, enable, reset, and the CSV import with its errors by row and column. Where the deployment uses an
 * external identity provider the gateway has no such API ({@code /api/users/provider} answers 404) and the page says
 * that users are managed there.
 */
@Controller
class UserPages {

    /** A login as the auth-server shows it. */
    record User(String username, String displayName, String email, List<String> roles, String unitId, String unitName, String department,
            boolean enabled, boolean mustChangePassword, boolean activationPending) {
    }

    private static final ParameterizedTypeReference<List<User>> USERS = new ParameterizedTypeReference<>() {
    };
    static final List<String> ROLES = List.of("CADRE", "DEPARTMENT_STAFF", "ANALYST", "ADMIN");

    private final Gateway gateway;

    UserPages(Gateway gateway) {
        this.gateway = gateway;
    }

    @GetMapping("/nguoi-dung")
    String users(@RequestParam(required = false) String unitId, Model model) {
        try {
            gateway.get(Map.class, "/api/users/provider");
        } catch (Refused e) {
            if (e.status() == 404) {
                model.addAttribute("external", true);
                return "users";
            }
            throw e;
        }
        String unit = unitId != null && !unitId.isBlank() ? unitId : CurrentUser.get().unitId();
        model.addAttribute("unitId", unit);
        model.addAttribute("roles", ROLES);
        if (unit != null) {
            model.addAttribute("users", gateway.get(USERS, "/api/users?unitId={u}", unit));
        }
        return "users";
    }

    @PostMapping("/nguoi-dung")
    String create(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", form.get("username"));
        user.put("displayName", form.get("displayName"));
        user.put("email", form.get("email"));
        user.put("roles", List.of(form.get("role")));
        user.put("unitId", form.get("unitId"));
        user.put("department", form.get("department") == null || form.get("department").isBlank() ? null : form.get("department"));
        return act(redirect, form.get("unitId"), "users.created", () -> gateway.send(HttpMethod.POST, user, Map.of(), Map.class, "/api/users"));
    }

    /** {@code disable}, {@code enable} or {@code reset} (a new one-time activation link by email). */
    @PostMapping("/nguoi-dung/{username}/{action:disable|enable|reset}")
    String change(@PathVariable String username, @PathVariable String action, @RequestParam String unitId, RedirectAttributes redirect) {
        return act(redirect, unitId, "users." + action + ".done", () -> gateway.send(HttpMethod.POST, null, Map.of(), Void.class,
                "/api/users/{u}/" + action, username));
    }

    /** A temporary password, shown once on the page: the person signs in with it and must set their own first. */
    @PostMapping("/nguoi-dung/{username}/temporary")
    String temporaryPassword(@PathVariable String username, @RequestParam String unitId, RedirectAttributes redirect) {
        return act(redirect, unitId, "users.temporary.done", () -> {
            Map<?, ?> issued = gateway.send(HttpMethod.POST, null, Map.of(), Map.class, "/api/users/{u}/temporary-password", username);
            redirect.addFlashAttribute("temporaryUser", username);
            redirect.addFlashAttribute("temporaryPassword", issued.get("temporaryPassword"));
        });
    }

    @PostMapping("/nguoi-dung/nhap")
    String importCsv(@RequestParam String csv, @RequestParam(required = false) String unitId, Model model) {
        model.addAttribute("csv", csv);
        try {
            model.addAttribute("imported", gateway.send(HttpMethod.POST, csv, new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8),
                    Map.class, "/api/users/import"));
        } catch (Refused e) {
            if (e.forbidden()) {
                throw e;
            }
            model.addAttribute("importError", e.detailVi());
            model.addAttribute("importErrors", e.errors());
        }
        return users(unitId, model);
    }

    private static String act(RedirectAttributes redirect, String unitId, String done, Runnable call) {
        try {
            call.run();
            redirect.addFlashAttribute("notice", done);
        } catch (Refused e) {
            if (e.forbidden()) {
                throw e;
            }
            redirect.addFlashAttribute("changeError", e.toShow());
        }
        return "redirect:/nguoi-dung" + (unitId == null || unitId.isBlank() ? "" : "?unitId=" + unitId);
    }
}
