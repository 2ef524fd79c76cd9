package vn.doan.notificationservice.delivery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code doan.deliveries.*}: how often the sweep runs, how long a claim is held, how many attempts a
 * delivery gets and how the wait between them grows (first-retry, doubled each time, at most max-backoff).
 */
@ConfigurationProperties("doan.deliveries")
public record DeliverySettings(Duration interval, Duration lease, int maxAttempts, Duration firstRetry, Duration maxBackoff, int batch) {

    public DeliverySettings {
        interval = interval == null ? Duration.ofSeconds(2) : interval;
        lease = lease == null ? Duration.ofMinutes(2) : lease;
        maxAttempts = maxAttempts <= 0 ? 6 : maxAttempts;
        firstRetry = firstRetry == null ? Duration.ofSeconds(30) : firstRetry;
        maxBackoff = maxBackoff == null ? Duration.ofHours(1) : maxBackoff;
        batch = batch <= 0 ? 100 : batch;
    }

    /** The wait after the {@code attempts}-th failed attempt: first-retry, 2×, 4× … capped. */
    public Duration backoff(int attempts) {
        Duration wait = firstRetry.multipliedBy(1L << Math.min(20, Math.max(0, attempts - 1)));
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
