package vn.doan.authserver.user;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A login as stored in {@code doan_auth.users}.
 *
 * @param unitId the user's unit; empty for the demo users of {@code auth-server.yml}, named by {@code unitCode} until
 *               the tree is known
 * @param password the encoded password ({@code {bcrypt}…}); null until the person sets one through the activation link
 * @param activationHash SHA-256 of the one-time activation token sent by email, null when none is open
 */
@Document("users")
public record StoredUser(@Id String username, String displayName, String email, List<String> roles, String unitId,
        @Indexed String unitCode, String department, String password, boolean enabled, boolean mustChangePassword,
        @Indexed(sparse = true) String activationHash, Instant activationExpires, Instant createdAt) {

    public boolean activationPending() {
        return activationHash != null;
    }
}
