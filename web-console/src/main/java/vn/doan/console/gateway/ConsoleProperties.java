package vn.doan.console.gateway;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where the gateway is and how long to wait for it. */
@ConfigurationProperties("doan.console")
public record ConsoleProperties(String gatewayUrl, Duration timeout) {
}
