package vn.doan.authserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.doan.support.test.Backends;

/** The real authorisation server over HTTP: machine tokens, user logins with PKCE, and the claims services rely on. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=auth-server", "doan.auth.issuer=http://auth.doan.test",
                "spring.cloud.stream.bindings.onUnitEvent-in-0.group=auth-server-test"})
class AuthServerTest {

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        Backends.embedded().register(registry, "doan_auth_server_test");
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    UnitDirectory units;

    TokenClient tokens() {
        return new TokenClient("http://localhost:" + port);
    }

    static JsonNode claims(String jwt) {
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    @Test
    void theDemoLoaderGetsAnAdministratorsTokenByClientCredentials() {
        JsonNode claims = claims(tokens().clientCredentials("doan-demo-loader", "demo-loader-secret"));
        assertThat(claims.get("iss").asString()).isEqualTo("http://auth.doan.test");
        assertThat(claims.get("sub").asString()).isEqualTo("doan-demo-loader");
        assertThat(claims.get("azp").asString()).isEqualTo("doan-demo-loader");
        assertThat(claims.get("roles").values().stream().map(JsonNode::asString).toList()).containsExactly("ADMIN");
        assertThatThrownBy(() -> tokens().clientCredentials("doan-demo-loader", "wrong")).hasMessageContaining("HTTP 401");
    }

    @Test
    void aDistrictCadreLogsInWithPkceAndGetsTheirUnitInTheToken() {
        units.assign("HD-THOXUAN", "unit-thoxuan-42");
        JsonNode claims = claims(tokens().login("doan-web", "http://localhost:3000/callback", "bt.thoxuan", "doan@2025"));
        assertThat(claims.get("sub").asString()).isEqualTo("bt.thoxuan");
        assertThat(claims.get("roles").values().stream().map(JsonNode::asString).toList()).containsExactly("CADRE");
        assertThat(claims.get("unit_id").asString()).isEqualTo("unit-thoxuan-42");
        assertThat(claims.get("azp").asString()).isEqualTo("doan-web");

        JsonNode staff = claims(tokens().login("doan-mobile", "vn.doan.mobile:/oauth2redirect", "btg.thoxuan", "doan@2025"));
        assertThat(staff.get("department").asString()).isEqualTo("BTG");
        assertThatThrownBy(() -> tokens().login("doan-web", "http://localhost:3000/callback", "bt.thoxuan", "sai-mat-khau"))
                .hasMessageContaining("Login refused");
    }

    @Test
    void theDiscoveryDocumentPointsAtThePublicKeys() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        JsonNode discovery = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/.well-known/openid-configuration"))
                .build(), HttpResponse.BodyHandlers.ofString()).body());
        assertThat(discovery.get("issuer").asString()).isEqualTo("http://auth.doan.test");
        assertThat(discovery.get("jwks_uri").asString()).isEqualTo("http://auth.doan.test/oauth2/jwks");
        JsonNode jwks = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth2/jwks")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertThat(jwks.get("keys").get(0).get("kty").asString()).isEqualTo("RSA");
    }
}
