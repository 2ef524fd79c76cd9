package vn.doan.authserver.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Instant;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.JsonNode;
import vn.doan.authserver.AuthServerApplication;
import vn.doan.authserver.TokenClient;
import vn.doan.support.test.Backends;

/** From the mailed link to a token: activation, first sign-in, disabled users (and their refresh tokens), resets, expiry, a restart. */
class ActivationTest extends UsersTestBase {

    static final String PASSWORD = "Thang5-ThoLap-2025";
    static final String CONSOLE = "doan-console", CONSOLE_SECRET = "console-secret",
            CONSOLE_CALLBACK = "http://localhost:8090/login/oauth2/code/doan";

    @Test
    void theNewSecretaryActivatesTheLoginOnceAndSignsInWithTheirUnitInTheToken() throws Exception {
        assertThat(admin().post("/api/users", newUser("bt2.tholap", "Lê Văn Hùng", "CADRE", THO_LAP)).status()).isEqualTo(201);
        String token = awaitActivationToken("bt2.tholap@thoxuan.doan.vn", 1);
        assertThatThrownBy(() -> tokens().login(WEB, CALLBACK, "bt2.tholap", "")).as("no password yet").hasMessageContaining("Login refused");

        assertThat(activate(token, "ngan", "ngan").body()).contains("ít nhất 10 ký tự");
        assertThat(activate(token, PASSWORD, PASSWORD + "x").body()).contains("không khớp");
        HttpResponse<String> done = activate(token, PASSWORD, PASSWORD);
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("Đã đặt mật khẩu").contains("bt2.tholap");
        assertThat(activate(token, "Mat-khau-khac-2025", "Mat-khau-khac-2025").body()).as("one use only")
                .contains("không hợp lệ, đã được dùng hoặc đã hết hạn");

        JsonNode claims = claims(tokens().login(WEB, CALLBACK, "bt2.tholap", PASSWORD));
        assertThat(claims.get("sub").asString()).isEqualTo("bt2.tholap");
        assertThat(claims.get("unit_id").asString()).isEqualTo(THO_LAP);
        assertThat(claims.get("roles").values().stream().map(JsonNode::asString).toList()).containsExactly("CADRE");

        Document stored = mongo.getCollection("users").find(new Document("_id", "bt2.tholap")).first();
        assertThat(stored.getString("password")).startsWith("{bcrypt}").doesNotContain(PASSWORD);
        assertThat(stored.containsKey("activationHash")).isFalse();
        Document demo = mongo.getCollection("users").find(new Document("_id", "bt.thoxuan")).first();
        assertThat(demo.getString("password")).startsWith("{bcrypt}").isNotEqualTo(DEMO_PASSWORD);
    }

    @Test
    void anExpiredLinkIsRefused() throws Exception {
        assertThat(admin().post("/api/users", newUser("bt3.tholap", "Mai Văn Tú", "CADRE", THO_LAP)).status()).isEqualTo(201);
        String token = awaitActivationToken("bt3.tholap@thoxuan.doan.vn", 1);
        mongo.updateFirst(Query.query(Criteria.where("_id").is("bt3.tholap")), new Update().set("activationExpires",
                Instant.now().minusSeconds(1)), StoredUser.class);
        assertThat(activate(token, PASSWORD, PASSWORD).body()).contains("đã hết hạn").doesNotContain("Đã đặt mật khẩu");
        assertThatThrownBy(() -> tokens().login(WEB, CALLBACK, "bt3.tholap", PASSWORD)).hasMessageContaining("Login refused");
    }

    @Test
    void aDisabledUserCannotSignInAndAResetMailsANewLink() throws Exception {
        createAndActivate("bt.xuanhoa2", "CADRE", XUAN_HOA, PASSWORD);
        String refresh = tokens().loginWithRefresh(CONSOLE, CONSOLE_SECRET, CONSOLE_CALLBACK, "bt.xuanhoa2", PASSWORD).get("refresh_token");
        assertThat(claims(tokens().refresh(CONSOLE, CONSOLE_SECRET, refresh)).get("sub").asString()).isEqualTo("bt.xuanhoa2");

        assertThat(admin().post("/api/users/bt.xuanhoa2/disable", "").status()).isEqualTo(204);
        assertThatThrownBy(() -> tokens().login(WEB, CALLBACK, "bt.xuanhoa2", PASSWORD)).hasMessageContaining("Login refused");
        assertThatThrownBy(() -> tokens().refresh(CONSOLE, CONSOLE_SECRET, refresh)).as("the console's refresh token")
                .hasMessageContaining("HTTP 400").hasMessageContaining("invalid_grant");
        assertThat(admin().post("/api/users/bt.xuanhoa2/enable", "").status()).isEqualTo(204);
        assertThat(claims(tokens().login(WEB, CALLBACK, "bt.xuanhoa2", PASSWORD)).get("unit_id").asString()).isEqualTo(XUAN_HOA);
        assertThat(claims(tokens().refresh(CONSOLE, CONSOLE_SECRET, refresh)).get("unit_id").asString()).isEqualTo(XUAN_HOA);

        assertThat(admin().post("/api/users/bt.xuanhoa2/reset", "").status()).isEqualTo(204);
        assertThatThrownBy(() -> tokens().login(WEB, CALLBACK, "bt.xuanhoa2", PASSWORD)).as("the old password is cleared")
                .hasMessageContaining("Login refused");
        String second = awaitActivationToken("bt.xuanhoa2@thoxuan.doan.vn", 2);
        String renewed = "Moi-XuanHoa-2026";
        assertThat(activate(second, renewed, renewed).body()).contains("Đã đặt mật khẩu");
        assertThat(claims(tokens().login(WEB, CALLBACK, "bt.xuanhoa2", renewed)).get("sub").asString()).isEqualTo("bt.xuanhoa2");
        assertThat(admin().post("/api/users/khong-ai/reset", "").status()).isEqualTo(404);
    }

    @Test
    void usersSurviveARestartOnTheSameDatabase() throws Exception {
        createAndActivate("bt.tholoc2", "CADRE", THO_LOC, PASSWORD);
        try (ConfigurableApplicationContext restarted = new SpringApplicationBuilder(AuthServerApplication.class)
                .properties("spring.config.name=auth-server").run("--server.port=0", "--doan.auth.issuer=" + ISSUER,
                        "--spring.mongodb.uri=" + Backends.embedded().mongoUri(), "--spring.mongodb.database=" + DATABASE,
                        "--spring.cloud.stream.kafka.binder.brokers=" + Backends.embedded().kafkaBootstrap(),
                        "--spring.cloud.stream.bindings.onUnitEvent-in-0.group=auth-server-restart-test")) {
            TokenClient other = new TokenClient("http://localhost:" + restarted.getEnvironment().getProperty("local.server.port"));
            JsonNode claims = claims(other.login(WEB, CALLBACK, "bt.tholoc2", PASSWORD));
            assertThat(claims.get("unit_id").asString()).isEqualTo(THO_LOC);
            assertThatThrownBy(() -> other.login(WEB, CALLBACK, "bt.tholoc2", DEMO_PASSWORD)).hasMessageContaining("Login refused");
        }
    }
}
