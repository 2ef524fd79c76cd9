package vn.doan.authserver.user;

import java.util.List;

/** A user as the API shows it: never the password or the activation token. */
public record UserView(String username, String displayName, String email, List<String> roles, String unitId, String unitName,
        String department, boolean enabled, boolean mustChangePassword, boolean activationPending) {
}
