package vn.doan.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * Brings the compose stack up and waits for every service to be ready. Optional: it needs a Docker engine
 * and the images ({@code ./mvnw -Pimages package jib:dockerBuild}), so it runs only with {@code -Dcompose=true}.
 */
@Testcontainers(disabledWithoutDocker = true)
@EnabledIfSystemProperty(named = "compose", matches = "true")
class ComposeStackTest {

    @Test
    void everyServiceBecomesReadyOnRealKafkaAndMongoDb() throws Exception {
        ComposeContainer compose = new ComposeContainer(ServiceConfig.ROOT.resolve("deploy/compose/compose.yaml").toFile().getCanonicalFile());
        for (ServiceConfig service : ServiceConfig.all()) {
            compose.withExposedService(service.name(), service.port(),
                    Wait.forHttp("/actuator/health/readiness").forStatusCode(200).withStartupTimeout(Duration.ofMinutes(5)));
        }
        try (compose) {
            compose.start();
            HttpClient http = HttpClient.newHttpClient();
            for (ServiceConfig service : ServiceConfig.all()) {
                String url = "http://" + compose.getServiceHost(service.name(), service.port()) + ":"
                        + compose.getServicePort(service.name(), service.port()) + "/actuator/health";
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(health.body()).as(service.name()).contains("\"status\":\"UP\"");
            }
        }
    }
}
