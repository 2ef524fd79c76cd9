package vn.doan.authserver.user;

import java.util.List;

/** The body of {@code POST /api/users}, and one row of an imported CSV file. */
public record NewUser(String username, String displayName, String email, List<String> roles, String unitId, String department) {
}
