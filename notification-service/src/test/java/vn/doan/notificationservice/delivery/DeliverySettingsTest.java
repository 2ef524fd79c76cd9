package vn.doan.notificationservice.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeliverySettingsTest {

    private final DeliverySettings settings = new DeliverySettings(null, null, 0, null, null, 0);

    @Test
    void defaultsAreSixAttemptsWaitingThirtySecondsThenDoublingUpToAnHour() {
        assertThat(settings.maxAttempts()).isEqualTo(6);
        assertThat(settings.backoff(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.backoff(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.backoff(5)).isEqualTo(Duration.ofMinutes(8));
        assertThat(settings.backoff(8)).isEqualTo(Duration.ofMinutes(60));
        assertThat(settings.backoff(40)).isEqualTo(Duration.ofHours(1));
    }
}
