package vn.doan.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The compose file and Kubernetes run the same applications on the same ports with the same settings. Where they differ
 * on purpose, the difference is listed here with its reason; any other difference fails.
 */
class ComposeKubernetesParityTest {

    /** The applications both run; compose adds the local auth-server, which Keycloak replaces in Kubernetes. */
    static final List<String> APPLICATIONS = List.of("plan-service", "report-service", "indicator-service", "notification-service",
            "gateway", "web-console");

    private static final Map<String, String> ONLY_IN_KUBERNETES = Map.of(
            "DOAN_KAFKA_CREATE_TOPICS", "the topics are Strimzi KafkaTopic resources; in compose the services create them",
            "SPRING_MAIL_USERNAME", "the Union's SMTP server needs a login; compose's mail catcher does not",
            "SPRING_MAIL_PASSWORD", "as above",
            "SPRING_MAIL_PROPERTIES_MAIL_SMTP_AUTH", "as above",
            "SPRING_MAIL_PROPERTIES_MAIL_SMTP_STARTTLS_ENABLE", "as above",
            "SPRING_MAIL_PROPERTIES_MAIL_SMTP_STARTTLS_REQUIRED", "as above",
            "SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_DOAN_AUTHORIZATIONURI", "Keycloak's endpoints have other paths than the auth-server's",
            "SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_DOAN_TOKENURI", "as above",
            "SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_DOAN_JWKSETURI", "as above");
    private static final Map<String, String> ONLY_IN_COMPOSE = Map.of(
            "AUTH_SERVER_URL", "the gateway sends /api/users to the local auth-server; Keycloak keeps the users in Kubernetes",
            "DOAN_AUTH_URL", "the console's endpoints at the auth-server; in Kubernetes they are set one by one (above)");
    /** Settings that must have the same value in both. */
    private static final Set<String> SAME_VALUE = Set.of("PORT", "GATEWAY_PORT", "GATEWAY_MANAGEMENT_PORT", "WEB_CONSOLE_PORT", "KAFKA_REPLICATION_FACTOR",
            "JAVA_TOOL_OPTIONS", "PLAN_SERVICE_URL", "REPORT_SERVICE_URL", "INDICATOR_SERVICE_URL", "NOTIFICATION_SERVICE_URL",
            "DOAN_GATEWAY_URL");

    @Test
    void bothRunTheSameApplicationsOnTheSamePortsWithTheSameSettings() {
        Map<String, Object> compose = Yamls.map(Yamls.read(ServiceConfig.ROOT.resolve("deploy/compose/compose.yaml")).get(0).get("services"));
        List<Map<String, Object>> k8s = Kustomize.render("base");

        Set<String> composeApps = images(compose.values().stream().map(Yamls::map).map(s -> String.valueOf(s.get("image"))).toList());
        Set<String> k8sApps = images(Kustomize.ofKind(k8s, "Deployment").stream()
                .map(d -> String.valueOf(Yamls.at(d, "spec.template.spec.containers.0.image"))).toList());
        assertThat(composeApps).containsExactlyInAnyOrderElementsOf(union(APPLICATIONS, "auth-server"));
        assertThat(k8sApps).containsExactlyInAnyOrderElementsOf(APPLICATIONS);

        Map<String, String> differences = new LinkedHashMap<>();
        for (String app : APPLICATIONS) {
            Map<String, Object> service = Yamls.map(compose.get(app));
            Map<String, String> composeEnv = new LinkedHashMap<>();
            Yamls.map(service.get("environment")).forEach((k, v) -> composeEnv.put(k, String.valueOf(v)));
            Map<String, Object> container = Yamls.map(Yamls.at(Kustomize.named(k8s, "Deployment", app), "spec.template.spec.containers.0"));
            Map<String, String> k8sEnv = Settings.of(k8s, container);

            int port = (Integer) Yamls.at(container, "ports.0.containerPort");
            assertThat(Yamls.list(service.get("ports"))).as(app).containsExactly(port + ":" + port);
            assertThat(Yamls.at(Kustomize.named(k8s, "Service", app), "spec.ports.0.port")).as(app).isEqualTo(port);

            for (String name : new TreeSet<>(union(composeEnv.keySet(), k8sEnv.keySet()))) {
                boolean inCompose = composeEnv.containsKey(name);
                boolean inK8s = k8sEnv.containsKey(name);
                if (inCompose && !inK8s && !ONLY_IN_COMPOSE.containsKey(name)) {
                    differences.put(app + " " + name, "only in compose");
                } else if (inK8s && !inCompose && !ONLY_IN_KUBERNETES.containsKey(name)) {
                    differences.put(app + " " + name, "only in Kubernetes");
                } else if (inCompose && inK8s && SAME_VALUE.contains(name) && !composeEnv.get(name).equals(k8sEnv.get(name))) {
                    differences.put(app + " " + name, composeEnv.get(name) + " ≠ " + k8sEnv.get(name));
                }
            }
        }
        assertThat(differences).isEmpty();
    }

    /**
     * The gateway's actuator (health, metrics, no token) is on its management port in both: the probes and Prometheus use it
     * there, and neither file opens it to the outside (compose does not publish it; the Ingress routes only http).
     */
    @Test
    void theGatewaysHealthAndMetricsAreOnItsManagementPortInBoth() {
        Map<String, Object> gateway = Yamls.map(Yamls.map(Yamls.read(ServiceConfig.ROOT.resolve("deploy/compose/compose.yaml")).get(0)
                .get("services")).get("gateway"));
        String port = String.valueOf(Yamls.map(gateway.get("environment")).get("GATEWAY_MANAGEMENT_PORT"));
        assertThat(port).isEqualTo("9080");
        assertThat(Yamls.list(gateway.get("ports"))).containsExactly("8080:8080");
        assertThat(Yamls.list(Yamls.at(gateway, "healthcheck.test")).toString()).contains("http://localhost:" + port + "/actuator/health/readiness");
        assertThat(ServiceConfig.text(ServiceConfig.ROOT.resolve("deploy/compose/prometheus/prometheus.yml"))).contains("'gateway:" + port + "'");

        List<Map<String, Object>> k8s = Kustomize.render("base");
        Map<String, Object> container = Yamls.map(Yamls.at(Kustomize.named(k8s, "Deployment", "gateway"), "spec.template.spec.containers.0"));
        assertThat(Yamls.list(container.get("ports"))).contains(Map.of("name", "management", "containerPort", Integer.valueOf(port)));
        assertThat(Settings.of(k8s, container)).containsEntry("GATEWAY_MANAGEMENT_PORT", port);
        for (String probe : List.of("readinessProbe", "livenessProbe")) {
            assertThat(Yamls.at(container, probe + ".httpGet.port")).as(probe).isEqualTo("management");
        }
        assertThat(ServiceConfig.text(ServiceConfig.ROOT.resolve("gateway/src/main/resources/gateway.yml")))
                .contains("server.port: ${GATEWAY_MANAGEMENT_PORT:" + port + "}");
    }

    /** The identity provider: the auth-server in compose, Keycloak in Kubernetes; every service trusts the one of its file. */
    @Test
    void everyServiceTrustsTheIdentityProviderOfItsOwnDeployment() {
        Map<String, Object> compose = Yamls.map(Yamls.read(ServiceConfig.ROOT.resolve("deploy/compose/compose.yaml")).get(0).get("services"));
        Map<String, Object> authServer = Yamls.map(compose.get("auth-server"));
        String issuer = String.valueOf(Yamls.map(authServer.get("environment")).get("DOAN_AUTH_ISSUER"));
        assertThat(Yamls.list(authServer.get("ports"))).containsExactly("9000:9000");
        assertThat(issuer).isEqualTo("http://auth-server:9000");
        for (String app : union(ServiceConfig.NAMES, "gateway")) {
            Map<String, Object> env = Yamls.map(Yamls.map(compose.get(app)).get("environment"));
            assertThat(env).as(app).containsEntry("DOAN_OIDC_ISSUER_URI", issuer).containsEntry("DOAN_OIDC_JWK_SET_URI", issuer + "/oauth2/jwks");
        }
        assertThat(Yamls.map(Yamls.map(compose.get("web-console")).get("environment"))).containsEntry("DOAN_AUTH_URL", issuer);

        List<Map<String, Object>> k8s = Kustomize.render("base");
        String keycloakIssuer = String.valueOf(Yamls.at(Kustomize.named(k8s, "ConfigMap", "doan-config"), "data.DOAN_OIDC_ISSUER_URI"));
        for (String app : union(ServiceConfig.NAMES, "gateway")) {
            Map<String, Object> container = Yamls.map(Yamls.at(Kustomize.named(k8s, "Deployment", app), "spec.template.spec.containers.0"));
            assertThat(Settings.of(k8s, container)).as(app).containsEntry("DOAN_OIDC_ISSUER_URI", keycloakIssuer)
                    .containsKey("DOAN_OIDC_JWK_SET_URI");
        }
        assertThat(keycloakIssuer).endsWith("/realms/doan");
    }

    private static Set<String> images(List<String> images) {
        Set<String> apps = new LinkedHashSet<>();
        for (String image : images) {
            if (image.startsWith("doan/")) {
                apps.add(image.substring("doan/".length(), image.indexOf(':')));
            }
        }
        return apps;
    }

    private static List<String> union(java.util.Collection<String> names, String... more) {
        Set<String> all = new LinkedHashSet<>(names);
        all.addAll(List.of(more));
        return List.copyOf(all);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return all;
    }
}
