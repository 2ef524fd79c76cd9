package vn.doan.support.outbox;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code doan.outbox.collections}: the collections whose documents carry an {@code outbox} array. */
@ConfigurationProperties("doan.outbox")
public record OutboxProperties(List<String> collections) {
}
