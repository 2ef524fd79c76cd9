package vn.doan.authserver.activation;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.doan.authserver.user.StoredUser;

/** The page where a person opens their activation link and sets their password (at least 10 characters, typed twice). */
@Controller
class ActivationController {

    static final int MIN_PASSWORD = 10;
    private final Activations activations;

    ActivationController(Activations activations) {
        this.activations = activations;
    }

    @GetMapping("/activate")
    String form(@RequestParam(required = false) String token, Model model) {
        return activations.pending(token).map(user -> form(model, user, token, null)).orElseGet(() -> invalid(model));
    }

    @PostMapping("/activate")
    String activate(@RequestParam(required = false) String token, @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String confirmation, Model model) {
        StoredUser user = activations.pending(token).orElse(null);
        if (user == null) {
            return invalid(model);
        }
        if (password.length() < MIN_PASSWORD) {
            return form(model, user, token, "Mật khẩu cần ít nhất " + MIN_PASSWORD + " ký tự.");
        }
        if (!password.equals(confirmation)) {
            return form(model, user, token, "Mật khẩu nhập lại không khớp.");
        }
        if (!activations.activate(token, password)) {
            return invalid(model);
        }
        model.addAttribute("username", user.username()).addAttribute("done", true);
        return "activate";
    }

    private static String form(Model model, StoredUser user, String token, String error) {
        model.addAttribute("username", user.username()).addAttribute("token", token).addAttribute("done", false).addAttribute("error", error);
        return "activate";
    }

    private static String invalid(Model model) {
        model.addAttribute("invalid", true).addAttribute("done", false);
        return "activate";
    }
}
