package vn.doan.support;

import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.micrometer.metrics.autoconfigure.MeterRegistryCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import io.micrometer.core.instrument.MeterRegistry;
import vn.doan.events.EventCodec;

/** The clock (Asia/Ho_Chi_Minh), the event codec and the common metric tag of every service. */
@AutoConfiguration
public class ServiceConfig {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.system(EventCodec.ZONE);
    }

    @Bean
    EventCodec eventCodec(@Value("${spring.application.name}") String name, Clock clock) {
        return new EventCodec("/" + name, clock);
    }

    @Bean
    MeterRegistryCustomizer<MeterRegistry> applicationTag(@Value("${spring.application.name}") String name) {
        return registry -> registry.config().commonTags("application", name);
    }
}
