package vn.doan.gateway;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param maxBodyBytes largest request body passed on; larger → 413
 * @param rateLimit per client and user: a bucket of {@code capacity} requests refilled at {@code perSecond}
 * @param allowedOrigins browser origins allowed by CORS
 * @param usersApiUrl the auth-server whose {@code /api/users/**} the gateway opens; blank where an external provider keeps the users
 */
@ConfigurationProperties("doan.gateway")
public record GatewayProperties(long maxBodyBytes, RateLimit rateLimit, List<String> allowedOrigins, String usersApiUrl) {

    public record RateLimit(int capacity, double perSecond) {
    }
}
