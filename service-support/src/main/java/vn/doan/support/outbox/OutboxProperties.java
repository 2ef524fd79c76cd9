package vn.doan.support.outbox;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code doan.outbox.collections}: the collections whose documents carry an {@code outbox} array;
 * {@code doan.outbox.sweep-interval} (default 1 min): how often the relay searches them all, besides sending
 * at once what writers point it to (see {@link OutboxRelay#wake}). Writers name every document they give events,
 * so the search only finds what a stopped instance left; it reads every document of the collections (a national
 * tree is 300,000 of them), which every 5 s was a tenth of the MongoDB server's work in the national benchmark.
 */
@ConfigurationProperties("doan.outbox")
public record OutboxProperties(List<String> collections, Duration sweepInterval) {

    public OutboxProperties {
        sweepInterval = sweepInterval == null ? Duration.ofMinutes(1) : sweepInterval;
    }
}
