package vn.doan.authserver.user;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.doan.support.security.Caller;

/** The users of the units: {@code /api/users}, for the administrator and the cadres of the units above. */
@RestController
@RequestMapping("/api/users")
class UsersController {

    private final UserAdmin users;

    UsersController(UserAdmin users) {
        this.users = users;
    }

    @GetMapping
    List<UserView> list(@RequestParam String unitId) {
        return users.list(Caller.current(), unitId);
    }

    @PostMapping(consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    UserView create(@RequestBody NewUser user) {
        return users.create(Caller.current(), user);
    }

    /** A CSV file, UTF-8: {@code unit_code,name,email,role[,username,department]}. */
    @PostMapping(path = "/import", consumes = "text/csv")
    Map<String, List<String>> importCsv(@RequestBody byte[] csv) {
        return users.importCsv(Caller.current(), new String(csv, StandardCharsets.UTF_8));
    }

    @PostMapping("/{username}/disable")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void disable(@PathVariable String username) {
        users.setEnabled(Caller.current(), username, false);
    }

    @PostMapping("/{username}/enable")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void enable(@PathVariable String username) {
        users.setEnabled(Caller.current(), username, true);
    }

    @PostMapping("/{username}/reset")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void reset(@PathVariable String username) {
        users.reset(Caller.current(), username);
    }

    /** A temporary password, answered once: the person signs in with it and must set their own before anything else. */
    @PostMapping("/{username}/temporary-password")
    Map<String, String> temporaryPassword(@PathVariable String username) {
        return Map.of("username", username, "temporaryPassword", users.temporaryPassword(Caller.current(), username));
    }

    /** Users are managed here (a console configured against another provider gets no such answer and says so). */
    @GetMapping("/provider")
    Map<String, Boolean> provider() {
        return Map.of("managed", true);
    }
}
