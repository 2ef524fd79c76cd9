package vn.doan.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.ScopeMappingRepresentation;
import org.keycloak.representations.userprofile.config.UPAttribute;
import org.keycloak.representations.userprofile.config.UPConfig;

/**
 * The Keycloak realm (k8s/base/keycloak/doan-realm.json), read with Keycloak's own representation classes with unknown
 * fields refused, against what its users expect: the claims the services and the console read, the roles the
 * services check, the client ids and redirect URIs of the gateway's Swagger UI, the console and the mobile app.
 */
class RealmTest {

    static final Path REALM_FILE = Kustomize.K8S.resolve("base/keycloak/doan-realm.json");
    private static final Pattern CLAIM = Pattern.compile("getClaim(?:AsString|AsStringList)?\\(\"([a-z_]+)\"\\)|getClaims\\(\\)\\.get\\(\"([a-z_]+)\"\\)");
    private static final Pattern ROLE_CONSTANT = Pattern.compile("static final String [A-Z_]+ = \"([A-Z_]+)\"");

    private static RealmRepresentation realm;
    private static List<Map<String, Object>> base;

    @BeforeAll
    static void read() throws IOException {
        realm = StrictJackson.MAPPER.readValue(REALM_FILE.toFile(), RealmRepresentation.class);
        base = Kustomize.render("base");
    }

    @Test
    void aFieldKeycloakDoesNotKnowIsRefused() {
        String misspelt = ServiceConfig.text(REALM_FILE).replaceFirst("\"redirectUris\"", "\"redirectUrls\"");
        assertThatThrownBy(() -> StrictJackson.MAPPER.readValue(misspelt, RealmRepresentation.class))
                .isInstanceOf(UnrecognizedPropertyException.class).hasMessageContaining("redirectUrls");
    }

    /** The services accept tokens of one issuer: this realm, at the public address the ingress serves. */
    @Test
    void theRealmIsTheIssuerTheServicesAndTheConsoleTrust() {
        Map<String, Object> config = Yamls.map(Kustomize.named(base, "ConfigMap", "doan-config").get("data"));
        Map<String, String> keycloak = env(base, "keycloak");
        String issuer = keycloak.get("KC_HOSTNAME") + "/realms/" + realm.getRealm();
        assertThat(config.get("DOAN_OIDC_ISSUER_URI")).isEqualTo(issuer);
        String inside = "http://keycloak:" + port(base, "keycloak") + "/realms/" + realm.getRealm() + "/protocol/openid-connect";
        assertThat(config.get("DOAN_OIDC_JWK_SET_URI")).isEqualTo(inside + "/certs");
        Map<String, String> console = env(base, "web-console");
        assertThat(console.get("SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_DOAN_AUTHORIZATIONURI")).isEqualTo(issuer + "/protocol/openid-connect/auth");
        assertThat(console.get("SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_DOAN_TOKENURI")).isEqualTo(inside + "/token");
        assertThat(console.get("SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_DOAN_JWKSETURI")).isEqualTo(inside + "/certs");
        assertThat(realm.isEnabled()).isTrue();
        assertThat(realm.getSslRequired()).isEqualTo("external");
    }

    /** The realm is read here with the representation classes of the Keycloak that imports it. */
    @Test
    void keycloakRunsTheVersionWhoseRepresentationsReadTheRealm() {
        Matcher version = Pattern.compile("<keycloak.version>([^<]+)</keycloak.version>").matcher(ServiceConfig.text(Path.of("pom.xml")));
        assertThat(version.find()).isTrue();
        for (String containers : List.of("initContainers", "containers")) {
            assertThat(Yamls.at(Kustomize.named(base, "Deployment", "keycloak"), "spec.template.spec." + containers + ".0.image"))
                    .isEqualTo("quay.io/keycloak/keycloak:" + version.group(1));
        }
    }

    @Test
    void theRealmRolesAreExactlyTheRolesTheServicesCheckAndEveryClientCarriesOnlyThem() {
        Set<String> checked = matches(ROLE_CONSTANT, "service-support/src/main/java/vn/doan/support/security/Caller.java");
        assertThat(checked).containsExactlyInAnyOrder("ADMIN", "CADRE", "DEPARTMENT_STAFF", "ANALYST");
        assertThat(realm.getRoles().getRealm()).extracting(RoleRepresentation::getName).containsExactlyInAnyOrderElementsOf(checked);
        for (ClientRepresentation client : realm.getClients()) {
            assertThat(client.isFullScopeAllowed()).as(client.getClientId()).isFalse();
            ScopeMappingRepresentation scope = realm.getScopeMappings().stream().filter(s -> client.getClientId().equals(s.getClient()))
                    .findFirst().orElseThrow(() -> new AssertionError("no scope mapping for " + client.getClientId()));
            assertThat(scope.getRoles()).as(client.getClientId()).containsExactlyInAnyOrderElementsOf(checked);
        }
    }

    /**
     * Every claim the services (Caller) and the console (CurrentUser, from the ID token) read is put by every client's
     * mappers into the access token and the ID token, from the realm roles or the user attribute of the same name;
     * the attributes are declared in the user profile, and only an administrator may change them.
     */
    @Test
    void everyClientPutsTheClaimsTheServicesAndTheConsoleReadIntoBothTokens() throws IOException {
        Set<String> claims = matches(CLAIM, "service-support/src/main/java/vn/doan/support/security/Caller.java");
        claims.addAll(matches(CLAIM, "web-console/src/main/java/vn/doan/console/web/CurrentUser.java"));
        claims.removeAll(Set.of("azp", "client_id"));
        assertThat(claims).containsExactlyInAnyOrder("roles", "unit_id", "department");

        for (ClientRepresentation client : realm.getClients()) {
            Map<String, ProtocolMapperRepresentation> byClaim = client.getProtocolMappers().stream()
                    .collect(Collectors.toMap(m -> m.getConfig().get("claim.name"), m -> m));
            assertThat(byClaim.keySet()).as(client.getClientId()).containsExactlyInAnyOrderElementsOf(claims);
            byClaim.forEach((claim, mapper) -> {
                assertThat(mapper.getConfig()).as(client.getClientId() + " " + claim)
                        .containsEntry("access.token.claim", "true").containsEntry("id.token.claim", "true");
                if (claim.equals("roles")) {
                    assertThat(mapper.getProtocolMapper()).isEqualTo("oidc-usermodel-realm-role-mapper");
                    assertThat(mapper.getConfig()).containsEntry("multivalued", "true");
                } else {
                    assertThat(mapper.getProtocolMapper()).isEqualTo("oidc-usermodel-attribute-mapper");
                    assertThat(mapper.getConfig()).containsEntry("user.attribute", claim).containsEntry("multivalued", "false");
                }
            });
        }

        List<String> profiles = realm.getComponents().get("org.keycloak.userprofile.UserProfileProvider").get(0).getConfig()
                .get("kc.user.profile.config");
        UPConfig profile = StrictJackson.MAPPER.readValue(profiles.get(0), UPConfig.class);
        for (String attribute : List.of("unit_id", "department")) {
            UPAttribute declared = profile.getAttribute(attribute);
            assertThat(declared).as(attribute).isNotNull();
            assertThat(declared.getPermissions().getEdit()).as(attribute).containsExactly("admin");
        }
    }

    /** The clients the gateway's Swagger UI, the console and the mobile app sign in with, and where they come back. */
    @Test
    void theClientsAndRedirectUrisAreThoseOfTheGatewayTheConsoleAndTheMobileApp() {
        Map<String, Object> gateway = Yamls.properties(ServiceConfig.ROOT.resolve("gateway/src/main/resources/gateway.yml"));
        ClientRepresentation swagger = client(String.valueOf(gateway.get("springdoc.swagger-ui.oauth.client-id")));
        assertThat(swagger.isPublicClient()).isTrue();
        assertThat(swagger.getAttributes()).containsEntry("pkce.code.challenge.method", "S256");
        assertThat(swagger.getRedirectUris()).contains("https://" + host("gateway") + "/swagger-ui/oauth2-redirect.html");

        Map<String, Object> consoleYml = Yamls.properties(ServiceConfig.ROOT.resolve("web-console/src/main/resources/web-console.yml"));
        String registration = "spring.security.oauth2.client.registration.";
        String registrationId = consoleYml.keySet().stream().filter(k -> k.startsWith(registration) && k.endsWith(".client-id"))
                .map(k -> k.substring(registration.length(), k.length() - ".client-id".length())).findFirst().orElseThrow();
        ClientRepresentation console = client(String.valueOf(consoleYml.get(registration + registrationId + ".client-id")));
        assertThat(console.isPublicClient()).isFalse();
        assertThat(console.isStandardFlowEnabled()).isTrue();
        assertThat(String.valueOf(consoleYml.get(registration + registrationId + ".authorization-grant-type"))).isEqualTo("authorization_code");
        String redirect = String.valueOf(consoleYml.get(registration + registrationId + ".redirect-uri"))
                .replace("{baseUrl}", "https://" + host("web-console")).replace("{registrationId}", registrationId);
        assertThat(console.getRedirectUris()).containsExactly(redirect);
        // the secret Keycloak imports is the one the console presents: both from the Secret doan-console
        assertThat(console.getSecret()).isEqualTo("${DOAN_CONSOLE_SECRET}");
        assertThat(String.valueOf(consoleYml.get(registration + registrationId + ".client-secret"))).startsWith("${DOAN_CONSOLE_SECRET");
        assertThat(Yamls.at(envEntry(base, "keycloak", "DOAN_CONSOLE_SECRET"), "valueFrom.secretKeyRef"))
                .isEqualTo(Map.of("name", "doan-console", "key", "DOAN_CONSOLE_SECRET"));
        assertThat(Yamls.list(Yamls.at(container(base, "web-console"), "envFrom")))
                .contains(Map.of("secretRef", Map.of("name", "doan-console")));

        // the clients people sign in with at the local auth-server are the realm's clients; its machine client is local only
        Map<String, Object> auth = Yamls.properties(ServiceConfig.ROOT.resolve("auth-server/src/main/resources/auth-server.yml"));
        Set<String> userClients = new LinkedHashSet<>();
        for (Object c : Yamls.list(auth.get("doan.auth.clients"))) {
            Map<String, Object> local = Yamls.map(c);
            if (Yamls.list(local.get("grant-types")).contains("authorization_code")) {
                userClients.add(String.valueOf(local.get("id")));
            }
            if ("doan-mobile".equals(local.get("id"))) {
                assertThat(client("doan-mobile").getRedirectUris()).containsExactlyElementsOf(
                        Yamls.list(local.get("redirect-uris")).stream().map(String::valueOf).toList());
            }
        }
        assertThat(realm.getClients()).extracting(ClientRepresentation::getClientId).containsExactlyInAnyOrderElementsOf(userClients);
        for (ClientRepresentation client : realm.getClients()) {
            assertThat(client.isImplicitFlowEnabled()).as(client.getClientId()).isFalse();
            assertThat(client.isDirectAccessGrantsEnabled()).as(client.getClientId()).isFalse();
            assertThat(client.getRedirectUris()).as(client.getClientId()).noneMatch(uri -> uri.contains("*") || uri.startsWith("http:"));
        }
    }

    private static ClientRepresentation client(String clientId) {
        return realm.getClients().stream().filter(c -> clientId.equals(c.getClientId())).findFirst()
                .orElseThrow(() -> new AssertionError("no client " + clientId + " in the realm"));
    }

    /** The public host the ingress sends to a Service. */
    private static String host(String service) {
        for (Object rule : Yamls.list(Yamls.at(Kustomize.named(base, "Ingress", "doan"), "spec.rules"))) {
            if (service.equals(Yamls.at(rule, "http.paths.0.backend.service.name"))) {
                return String.valueOf(Yamls.map(rule).get("host"));
            }
        }
        throw new AssertionError("the ingress does not serve " + service);
    }

    private static Map<String, Object> container(List<Map<String, Object>> docs, String deployment) {
        return Yamls.map(Yamls.list(Yamls.at(Kustomize.named(docs, "Deployment", deployment), "spec.template.spec.containers")).get(0));
    }

    private static Map<String, String> env(List<Map<String, Object>> docs, String deployment) {
        return Yamls.list(container(docs, deployment).get("env")).stream().map(Yamls::map).filter(e -> e.containsKey("value"))
                .collect(Collectors.toMap(e -> String.valueOf(e.get("name")), e -> String.valueOf(e.get("value"))));
    }

    private static Map<String, Object> envEntry(List<Map<String, Object>> docs, String deployment, String name) {
        return Yamls.list(container(docs, deployment).get("env")).stream().map(Yamls::map).filter(e -> name.equals(e.get("name")))
                .findFirst().orElseThrow();
    }

    private static Object port(List<Map<String, Object>> docs, String service) {
        return Yamls.at(Kustomize.named(docs, "Service", service), "spec.ports.0.port");
    }

    private static Set<String> matches(Pattern pattern, String file) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = pattern.matcher(ServiceConfig.text(ServiceConfig.ROOT.resolve(file)));
        while (m.find()) {
            for (int g = 1; g <= m.groupCount(); g++) {
                if (m.group(g) != null) {
                    found.add(m.group(g));
                }
            }
        }
        return found;
    }
}
