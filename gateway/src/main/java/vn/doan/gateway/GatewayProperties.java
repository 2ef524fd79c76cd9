package vn.doan.gateway;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param maxBodyBytes largest request body passed on; larger → 413
 * @param rateLimit per client and user: a bucket of {@code capacity} requests refilled at {@code perSecond}
 * @param allowedOrigins browser origins allowed by CORS
 */
@ConfigurationProperties("doan.gateway")
public record GatewayProperties(long maxBodyBytes, RateLimit rateLimit, List<String> allowedOrigins) {

    public record RateLimit(int capacity, double perSecond) {
    }
}
