package vn.doan.support;

import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.micrometer.metrics.autoconfigure.MeterRegistryCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.data.mongodb.core.MongoTemplate;
import vn.doan.events.EventCodec;

/**
 * The clock (Asia/Ho_Chi_Minh), the event codec, the common metric tag and the MongoDB health check of
 * every service. The health check pings instead of Boot's {@code hello}, which the in-process wire
 * server does not answer; {@code management.health.mongodb.enabled=false} switches Boot's off.
 */
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

    /**
     * A request fails after this long without a reachable MongoDB (the driver's default is 30 s), so the
     * API answers 503 while a user is still waiting.
     */
    @Bean
    org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer serverSelectionTimeout(
            @Value("${doan.mongodb.server-selection-timeout:5s}") java.time.Duration timeout) {
        return builder -> builder.applyToClusterSettings(c -> c.serverSelectionTimeout(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS));
    }

    /**
     * Writes acknowledged only once a majority of the replica set has them in its journal, so an acknowledged report
     * survives the loss of the primary and a power cut. A connection string that names its own write concern keeps it;
     * deploy-check refuses deployment files that weaken this.
     */
    @Bean
    org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer majorityJournaledWrites(
            @Value("${spring.mongodb.uri:}") String uri) {
        boolean uriNamesOne = !uri.isBlank() && new com.mongodb.ConnectionString(uri).getWriteConcern() != null;
        return builder -> {
            if (!uriNamesOne) {
                builder.writeConcern(com.mongodb.WriteConcern.MAJORITY.withJournal(true));
            }
        };
    }

    /** The OpenAPI document of the service, browsable at /swagger-ui.html; every call needs a bearer access token. */
    @Bean
    io.swagger.v3.oas.models.OpenAPI openApi(@Value("${spring.application.name}") String name) {
        return new io.swagger.v3.oas.models.OpenAPI().info(new io.swagger.v3.oas.models.info.Info()
                .title(name).version("v1")
                .description("Đoàn reporting platform — " + name + ". Errors are RFC 9457 problem+json with a Vietnamese detail_vi."))
                .components(new io.swagger.v3.oas.models.Components().addSecuritySchemes("bearer", new io.swagger.v3.oas.models.security.SecurityScheme()
                        .type(io.swagger.v3.oas.models.security.SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new io.swagger.v3.oas.models.security.SecurityRequirement().addList("bearer"));
    }

    @Bean
    HealthIndicator mongoHealthContributor(MongoTemplate mongo) {
        return () -> {
            Document answer = mongo.executeCommand(new Document("ping", 1));
            return Health.up().withDetail("database", mongo.getDb().getName()).withDetail("ping", answer.get("ok")).build();
        };
    }
}
