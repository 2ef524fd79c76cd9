package vn.doan.authserver.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.doan.authserver.TokenClient;
import vn.doan.authserver.orgunit.OrgUnits;
import vn.doan.events.plan.UnitCreated;
import vn.doan.events.plan.UnitLevel;
import vn.doan.support.test.Backends;
import vn.doan.support.test.HttpJson;
import vn.doan.support.test.KafkaTestClient;

/**
 * The real authorisation server over HTTP with its users in the MongoDB wire server, its tree learnt from the real Kafka
 * broker (Tỉnh đoàn Thanh Hóa → Huyện đoàn Thọ Xuân → Đoàn xã Thọ Lập, Xuân Hòa, Thọ Lộc) and its activation mails
 * caught by a GreenMail SMTP server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=auth-server", "doan.auth.issuer=" + UsersTestBase.ISSUER,
                "spring.cloud.stream.bindings.onUnitEvent-in-0.group=auth-server-users-test"})
abstract class UsersTestBase {

    static final String ISSUER = "http://auth.doan.test";
    static final String DATABASE = "doan_auth_users_test";
    static final String WEB = "doan-web";
    static final String CALLBACK = "http://localhost:3000/callback";
    static final String DEMO_PASSWORD = "doan@2025";
    static final String PROVINCE = "td-thanhhoa", THO_XUAN = "hd-thoxuan", THO_LAP = "cs-tholap", XUAN_HOA = "cs-xuanhoa",
            THO_LOC = "cs-tholoc";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern LINK = Pattern.compile(Pattern.quote(ISSUER) + "/activate\\?token=([A-Za-z0-9_-]+)");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    static final GreenMail MAIL = startMail();
    private static boolean treePublished;

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        Backends.embedded().register(registry, DATABASE);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
    }

    @LocalServerPort
    int port;
    @Autowired
    OrgUnits units;
    @Autowired
    org.springframework.data.mongodb.core.MongoTemplate mongo;

    private static GreenMail startMail() {
        GreenMail mail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        Runtime.getRuntime().addShutdownHook(new Thread(mail::stop));
        return mail;
    }

    static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** plan-service's events for the tree, once per test JVM; waits until the server has learnt the last unit. */
    @BeforeEach
    void theTreeIsKnown() throws InterruptedException {
        synchronized (UsersTestBase.class) {
            if (!treePublished) {
                try (KafkaTestClient kafka = new KafkaTestClient(Backends.embedded().kafkaBootstrap(), "/plan-service")) {
                    LocalDate from = LocalDate.of(2025, 7, 1);
                    kafka.publish(new UnitCreated(PROVINCE, "TD-THANHHOA", "Tỉnh đoàn Thanh Hóa", UnitLevel.PROVINCE, "tinh-doan", null, List.of(), from), PROVINCE);
                    kafka.publish(new UnitCreated(THO_XUAN, "HD-THOXUAN", "Huyện đoàn Thọ Xuân", UnitLevel.DISTRICT, "huyen-doan", PROVINCE,
                            List.of(PROVINCE), from), THO_XUAN);
                    for (String[] unit : List.of(new String[] {THO_LAP, "CS-THOXUAN-1", "Đoàn xã Thọ Lập"},
                            new String[] {XUAN_HOA, "CS-THOXUAN-2", "Đoàn xã Xuân Hòa"}, new String[] {THO_LOC, "CS-THOXUAN-3", "Đoàn xã Thọ Lộc"})) {
                        kafka.publish(new UnitCreated(unit[0], unit[1], unit[2], UnitLevel.GRASSROOTS, "xa", THO_XUAN, List.of(PROVINCE, THO_XUAN),
                                from), unit[0]);
                    }
                }
                treePublished = true;
            }
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (units.unit(THO_LOC).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(units.unit(THO_LOC)).as("the tree learnt from Kafka").isPresent();
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    TokenClient tokens() {
        return new TokenClient(baseUrl());
    }

    HttpJson admin() {
        return new HttpJson(baseUrl(), tokens().clientCredentials("doan-demo-loader", "demo-loader-secret"));
    }

    HttpJson as(String username, String password) {
        return new HttpJson(baseUrl(), tokens().login(WEB, CALLBACK, username, password));
    }

    static JsonNode claims(String jwt) {
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    static Map<String, Object> newUser(String username, String name, String role, String unitId) {
        return Map.of("username", username, "displayName", name, "email", username + "@thoxuan.doan.vn", "roles", List.of(role),
                "unitId", unitId);
    }

    /** The activation tokens mailed to this address so far, oldest first. */
    static List<String> activationTokens(String email) throws Exception {
        return Arrays.stream(MAIL.getReceivedMessages()).filter(m -> recipient(m).equals(email)).map(UsersTestBase::token).toList();
    }

    /** Waits for the {@code count}-th mail to this address and returns its token. */
    static String awaitActivationToken(String email, int count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (activationTokens(email).size() < count && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        List<String> tokens = activationTokens(email);
        assertThat(tokens).as("activation mails to " + email).hasSize(count);
        return tokens.get(count - 1);
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String token(MimeMessage message) {
        try {
            Matcher link = LINK.matcher(String.valueOf(message.getContent()));
            assertThat(link.find()).as("an activation link in the mail").isTrue();
            return link.group(1);
        } catch (IOException | jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A browser on the activation page: opens the link, then posts the form with the page's CSRF token. */
    HttpResponse<String> activate(String token, String password, String confirmation) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/activate?token=" + token)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        Matcher csrf = CSRF.matcher(page.body());
        if (!csrf.find()) {
            return page;
        }
        String form = Map.of("token", token, "password", password, "confirmation", confirmation, "_csrf", csrf.group(1)).entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return browser.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/activate")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Creates the user as the administrator and sets their password through the mailed link. */
    void createAndActivate(String username, String role, String unitId, String password) throws Exception {
        assertThat(admin().post("/api/users", newUser(username, "Nguyễn Văn An", role, unitId)).status()).isEqualTo(201);
        HttpResponse<String> done = activate(awaitActivationToken(username + "@thoxuan.doan.vn", 1), password, password);
        assertThat(done.body()).contains("Đã đặt mật khẩu");
    }
}
