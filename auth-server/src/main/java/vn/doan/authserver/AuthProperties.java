package vn.doan.authserver;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The issuer, the client applications and the demo users of {@code auth-server.yml}.
 *
 * @param issuer the {@code iss} of every token; services are configured with the same value
 * @param clients web, mobile and machine clients
 * @param mailFrom the sender of activation emails
 * @param activationValidFor how long an activation link works (72 h by default)
 * @param users demo users, stored at the first start; their unit is named by its code ({@code TD-THANHHOA})
 */
@ConfigurationProperties("doan.auth")
public record AuthProperties(String issuer, String mailFrom, java.time.Duration activationValidFor, List<Client> clients,
        List<User> users) {

    /**
     * @param secret empty for a public client (browser, mobile app), which must use PKCE
     * @param grantTypes {@code authorization_code}, {@code refresh_token}, {@code client_credentials}
     * @param roles the roles of a machine client's own tokens (client credentials)
     */
    public record Client(String id, String secret, List<String> grantTypes, List<String> redirectUris, List<String> roles) {
    }

    public record User(String username, String password, List<String> roles, String unitCode, String department) {
    }
}
