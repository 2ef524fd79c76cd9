package vn.doan.authserver.activation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import vn.doan.authserver.AuthProperties;
import vn.doan.authserver.user.StoredUser;
import vn.doan.authserver.user.UserStore;

/**
 * One-time activation links: a random token mailed to the person, only its SHA-256 stored with the user, valid for
 * {@code doan.auth.activation-valid-for}; using it sets the password and closes it.
 */
@Service
public class Activations {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final UserStore store;
    private final ActivationMail mail;
    private final PasswordEncoder encoder;
    private final AuthProperties properties;
    private final Clock clock;

    Activations(UserStore store, ActivationMail mail, PasswordEncoder encoder, AuthProperties properties, Clock clock) {
        this.store = store;
        this.mail = mail;
        this.encoder = encoder;
        this.properties = properties;
        this.clock = clock;
    }

    /** Clears the user's password and mails a new link; an older link stops working. */
    public void open(StoredUser user) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        store.openActivation(user.username(), hash(token), clock.instant().plus(properties.activationValidFor()));
        mail.send(user.email(), user.displayName(), user.username(), properties.issuer() + "/activate?token=" + token,
                properties.activationValidFor().toHours());
    }

    /** The user the token activates, if it is open and not expired. */
    Optional<StoredUser> pending(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return store.byActivation(hash(token)).filter(u -> u.activationExpires() != null && clock.instant().isBefore(u.activationExpires()));
    }

    /** Sets the password; false if the token was used, replaced or expired meanwhile. */
    boolean activate(String token, String password) {
        return pending(token).isPresent() && store.activate(hash(token), encoder.encode(password));
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
