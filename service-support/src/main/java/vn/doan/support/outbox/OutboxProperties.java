package vn.doan.support.outbox;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code doan.outbox.collections}: the collections whose documents carry an {@code outbox} array;
 * {@code doan.outbox.sweep-interval} (default 5 s): how often the relay searches them all, besides sending
 * at once what writers point it to (see {@link OutboxRelay#wake}).
 */
@ConfigurationProperties("doan.outbox")
public record OutboxProperties(List<String> collections, Duration sweepInterval) {

    public OutboxProperties {
        sweepInterval = sweepInterval == null ? Duration.ofSeconds(5) : sweepInterval;
    }
}
