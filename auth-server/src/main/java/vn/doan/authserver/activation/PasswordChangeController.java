package vn.doan.authserver.activation;

import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.doan.authserver.user.StoredUser;
import vn.doan.authserver.user.UserStore;

/**
 * The first sign-in with a temporary password: the person types it again and chooses their own (at least 10 characters,
 * typed twice, not the temporary one), then continues where the sign-in was going (the console's authorization request).
 */
@Controller
class PasswordChangeController {

    private final UserStore users;
    private final PasswordEncoder encoder;

    PasswordChangeController(UserStore users, PasswordEncoder encoder) {
        this.users = users;
        this.encoder = encoder;
    }

    @GetMapping(FirstSignInGuard.CHANGE_PAGE)
    String form(Principal principal, Model model) {
        model.addAttribute("username", principal.getName());
        return "change-password";
    }

    @PostMapping(FirstSignInGuard.CHANGE_PAGE)
    String change(Principal principal, @RequestParam(defaultValue = "") String current, @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String confirmation, HttpSession session, Model model) {
        StoredUser user = users.find(principal.getName()).orElseThrow();
        model.addAttribute("username", user.username());
        String error = null;
        if (user.password() == null || !encoder.matches(current, user.password())) {
            error = "Mật khẩu hiện tại không đúng.";
        } else if (password.length() < ActivationController.MIN_PASSWORD) {
            error = "Mật khẩu mới cần ít nhất " + ActivationController.MIN_PASSWORD + " ký tự.";
        } else if (!password.equals(confirmation)) {
            error = "Mật khẩu nhập lại không khớp.";
        } else if (password.equals(current)) {
            error = "Mật khẩu mới phải khác mật khẩu tạm thời.";
        }
        if (error != null) {
            model.addAttribute("error", error);
            return "change-password";
        }
        users.changePassword(user.username(), encoder.encode(password));
        Object next = session.getAttribute(FirstSignInGuard.CONTINUE_WITH);
        session.removeAttribute(FirstSignInGuard.CONTINUE_WITH);
        if (next instanceof String url && url.startsWith("/")) {
            return "redirect:" + url;
        }
        model.addAttribute("done", true);
        return "change-password";
    }
}
