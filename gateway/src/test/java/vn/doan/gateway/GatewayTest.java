package vn.doan.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.doan.events.EventType;
import vn.doan.support.test.HttpJson;
import vn.doan.support.test.TestTokens;

/**
 * The gateway over real HTTP in front of a real HTTP back end that records what reaches it: routing, the
 * token check, correlation ids, CORS, the body size limit and the per-client rate limit.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=gateway", "doan.gateway.max-body-bytes=2048", "doan.gateway.rate-limit.capacity=10",
                "doan.gateway.rate-limit.per-second=0.2"})
class GatewayTest {

    record Received(String method, String path, String query, Map<String, List<String>> headers, String body) {

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(e -> e.getValue().get(0)).findFirst()
                    .orElse(null);
        }
    }

    static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    static HttpServer backend;
    /** Counted down when the back end's endless event stream can no longer be written: whoever read it has let it go. */
    static final CountDownLatch STREAM_LET_GO = new CountDownLatch(1);

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) throws IOException {
        backend = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        backend.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            RECEIVED.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), exchange.getRequestURI().getQuery(),
                    Map.copyOf(exchange.getRequestHeaders()), body));
            byte[] answer = ("{\"path\":\"" + exchange.getRequestURI().getPath() + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        backend.createContext("/api/inbox/stream", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            try {
                out.write("event:connected\ndata:bt-tholap\n\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
                while (true) {
                    Thread.sleep(100);
                    out.write(":keep-alive\n\n".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            } catch (IOException | InterruptedException gone) {
                STREAM_LET_GO.countDown();
            } finally {
                exchange.close();
            }
        });
        backend.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        backend.start();
        String url = "http://127.0.0.1:" + backend.getAddress().getPort();
        for (String service : List.of("PLAN", "REPORT", "INDICATOR", "NOTIFICATION")) {
            registry.add(service + "_SERVICE_URL", () -> url);
        }
        registry.add("AUTH_SERVER_URL", () -> url);
        TestTokens.register(registry);
    }

    @AfterAll
    static void stop() {
        backend.stop(0);
    }

    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;
    HttpJson gateway;

    @BeforeEach
    void connect() {
        gateway = new HttpJson("http://localhost:" + port);
        RECEIVED.clear();
    }

    HttpJson as(String subject) {
        return gateway.as(TestTokens.cadre(subject, "thoxuan"));
    }

    @Test
    void eachServicesPathsAreRoutedWithTheTokenAndACorrelationId() {
        HttpJson cadre = as("bt-thoxuan-routes");
        for (String path : List.of("/api/units/u1", "/api/plans?issuingUnitId=thoxuan", "/api/reports/r1", "/api/progress/p/2016/units/thoxuan",
                "/api/reminders?unitId=thoxuan", "/api/admin/reconcile/p/2016", "/api/users?unitId=thoxuan", "/api/users/provider")) {
            HttpJson.Response answer = cadre.get(path);
            assertThat(answer.status()).as(path).isEqualTo(200);
            Received received = RECEIVED.get(RECEIVED.size() - 1);
            assertThat(received.path() + (received.query() == null ? "" : "?" + received.query())).isEqualTo(path);
            assertThat(received.header("Authorization")).startsWith("Bearer ey");
            assertThat(received.header("X-Correlation-Id")).isNotBlank().isEqualTo(answer.header("X-Correlation-Id"));
        }
        cadre.post("/api/reports", Map.of("unitId", "thoxuan"), Map.of("X-Correlation-Id", "bao-cao-2016-thoxuan"));
        Received posted = RECEIVED.get(RECEIVED.size() - 1);
        assertThat(posted.header("X-Correlation-Id")).isEqualTo("bao-cao-2016-thoxuan");
        assertThat(posted.body()).isEqualTo("{\"unitId\":\"thoxuan\"}");
        cadre.post("/api/users/bt.tholap/reset", "");
        assertThat(RECEIVED.get(RECEIVED.size() - 1).path()).as("user management goes to the authorisation server").isEqualTo("/api/users/bt.tholap/reset");

        cadre.get("/api/units/u1", Map.of("X-Correlation-Id", "{\"$gt\":\"\"} <script>"));
        assertThat(RECEIVED.get(RECEIVED.size() - 1).header("X-Correlation-Id")).as("a hostile id is replaced").matches("[0-9a-f-]{36}");
    }

    /**
     * A live stream (Server-Sent Events, as notification-service's inbox sends them) is passed on as it comes; when the
     * caller closes it, the gateway lets go of the service's stream too, rather than reading a stream without end.
     */
    @Test
    void aLiveStreamIsPassedOnAsItComesAndLetGoWhenTheCallerLeaves() throws Exception {
        HttpResponse<java.util.stream.Stream<String>> stream = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/inbox/stream?recipientId=bt-tholap"))
                .header("Authorization", "Bearer " + TestTokens.cadre("bt-tholap", "tholap")).build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(stream.statusCode()).isEqualTo(200);
        List<String> lines = new CopyOnWriteArrayList<>();
        CompletableFuture.runAsync(() -> stream.body().limit(5).forEach(lines::add)).get(10, TimeUnit.SECONDS);
        assertThat(lines).containsExactly("event:connected", "data:bt-tholap", "", ":keep-alive", "");

        stream.body().close();
        assertThat(STREAM_LET_GO.await(10, TimeUnit.SECONDS)).as("the gateway closed the service's stream").isTrue();
    }

    @Test
    void withoutAValidTokenNothingReachesTheServices() {
        HttpJson.Response anonymous = gateway.anonymous().get("/api/reports/r1");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(anonymous.body().get("detail_vi").asString()).isNotBlank();
        assertThat(gateway.as(TestTokens.expired("bt-thoxuan", "thoxuan", "CADRE")).get("/api/reports/r1").status()).isEqualTo(401);
        assertThat(gateway.as(TestTokens.otherIssuer("bt-thoxuan", "thoxuan", "CADRE")).get("/api/reports/r1").status()).isEqualTo(401);
        assertThat(gateway.as("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.").get("/api/reports/r1").status()).isEqualTo(401);
        assertThat(as("bt-thoxuan-other").get("/internal/anything").status()).isEqualTo(403);
        assertThat(RECEIVED).isEmpty();
    }

    /** Prometheus scrapes the management port, which only the cluster reaches; the public port refuses the metrics. */
    @Test
    void metricsAreScrapedOnTheManagementPortWithoutATokenAndRefusedOnThePublicPort() throws Exception {
        assertThat(managementPort).isNotEqualTo(port);
        HttpResponse<String> before = scrape("/actuator/prometheus");
        assertThat(before.statusCode()).isEqualTo(200);
        assertThat(as("bt-thoxuan-metrics").get("/api/progress/p/2016/units/thoxuan").status()).isEqualTo(200);
        HttpResponse<String> after = scrape("/actuator/prometheus");
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        String routed = "http_server_requests_seconds_count{error=\"none\",exception=\"none\",method=\"GET\",outcome=\"SUCCESS\","
                + "status=\"200\",uri=\"/api/progress/**\"}";
        assertThat(count(after.body(), routed) - count(before.body(), routed)).as("the one routed call, by its route").isEqualTo(1);
        assertThat(scrape("/actuator/health/readiness").body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(scrape("/actuator/env").statusCode()).as("only health and metrics on the management port").isEqualTo(401);

        HttpJson.Response anonymous = gateway.anonymous().get("/actuator/prometheus");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        HttpJson.Response withToken = as("bt-thoxuan-metrics").get("/actuator/prometheus");
        assertThat(withToken.status()).as("not even with a token").isEqualTo(403);
        assertThat(withToken.body().get("rule").asString()).isEqualTo("access.denied");
        assertThat(RECEIVED).hasSize(1);
    }

    HttpResponse<String> scrape(String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The value of one series in a Prometheus scrape, 0 when it is not there yet. */
    static double count(String scrape, String series) {
        return scrape.lines().filter(l -> l.startsWith(series + " ")).mapToDouble(l -> Double.parseDouble(l.substring(series.length() + 1)))
                .findFirst().orElse(0);
    }

    @Test
    void theServicesOpenApiDocumentsAreServedForTheOneSwaggerUi() {
        assertThat(gateway.anonymous().get("/openapi/report-service").body().get("path").asString()).isEqualTo("/v3/api-docs");
        HttpJson.Response config = gateway.anonymous().get("/gateway/api-docs/swagger-config");
        assertThat(config.status()).isEqualTo(200);
        assertThat(config.body().get("urls").values().stream().map(u -> u.get("url").asString()).toList())
                .containsExactlyInAnyOrder("/openapi/plan-service", "/openapi/report-service", "/openapi/indicator-service",
                        "/openapi/notification-service");
    }

    @Test
    void everyEventSchemaIsServedAtTheAddressItsRecordsNameAndSoIsTheAsyncApiDocument() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (EventType type : EventType.values()) {
            HttpResponse<byte[]> schema = client.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + type.schemaPath())).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(schema.statusCode()).as(type.schemaPath()).isEqualTo(200);
            assertThat(schema.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
            try (InputStream file = getClass().getResourceAsStream(type.schemaPath())) {
                assertThat(schema.body()).isEqualTo(file.readAllBytes());
            }
        }
        HttpJson.Response submitted = gateway.anonymous().get("/schemas/vn.doan.report.ReportSubmitted.v1.json");
        assertThat(submitted.body().get("$id").asString()).isEqualTo("/schemas/vn.doan.report.ReportSubmitted.v1.json");
        HttpResponse<String> asyncApi = client.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/schemas/asyncapi.yaml")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(asyncApi.statusCode()).isEqualTo(200);
        assertThat(asyncApi.body()).contains("asyncapi: 3.0.0", "address: doan.report.reports.v1");
        assertThat(gateway.anonymous().get("/schemas/vn.doan.report.ReportFiled.v1.json").status())
                .as("no such schema: the error page is closed like every address the gateway does not open").isEqualTo(401);
        assertThat(gateway.anonymous().get("/schemas/application.yml").status()).as("only the event-contracts' schemas folder").isEqualTo(401);
        assertThat(RECEIVED).as("served by the gateway itself").isEmpty();
    }

    @Test
    void whatTomcatRefusesIsProblemJsonToo() {
        for (String path : List.of("/api/units/a%00b", "/api/units/..%2F..%2Fetc%2Fpasswd")) {
            HttpJson.Response refused = as("bt-thoxuan-paths").get(path);
            assertThat(refused.status()).as(path).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.body().get("rule").asString()).isEqualTo("request.rejected");
        }
        assertThat(RECEIVED).isEmpty();
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413() {
        HttpJson.Response tooLarge = as("bt-thoxuan-large").post("/api/reports", Map.of("text", "x".repeat(4000)));
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.body().get("rule").asString()).isEqualTo("request.too-large");
        assertThat(RECEIVED).isEmpty();
    }

    @Test
    void aChunkedBodyOverTheLimitIsCutWith413AndASmallOneIsPassedOnWhole() {
        byte[] large = ("{\"text\":\"" + "x".repeat(4000) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpJson.Response tooLarge = as("bt-thoxuan-chunked").postChunked("/api/reports", large, "application/json");
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.contentType()).startsWith("application/problem+json");
        assertThat(tooLarge.body().get("rule").asString()).isEqualTo("request.too-large");
        assertThat(tooLarge.body().get("detail_vi").asString()).isNotBlank();
        assertThat(RECEIVED).isEmpty();

        byte[] small = "{\"unitId\":\"thoxuan\",\"ghiChu\":\"Báo cáo năm 2016\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(as("bt-thoxuan-chunked").postChunked("/api/reports", small, "application/json").status()).isEqualTo(200);
        assertThat(RECEIVED).hasSize(1);
        assertThat(RECEIVED.get(0).body()).isEqualTo("{\"unitId\":\"thoxuan\",\"ghiChu\":\"Báo cáo năm 2016\"}");
    }

    @Test
    void eachClientAndUserHasItsOwnRateLimit() {
        HttpJson busy = as("bt-thoxuan-busy");
        for (int i = 0; i < 10; i++) {
            assertThat(busy.get("/api/units/u1").status()).isEqualTo(200);
        }
        HttpJson.Response limited = busy.get("/api/units/u1");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.contentType()).startsWith("application/problem+json");
        assertThat(limited.header("Retry-After")).isEqualTo("5");
        assertThat(RECEIVED).hasSize(10);
        assertThat(as("bt-tholap-calm").get("/api/units/u1").status()).as("another user is not slowed").isEqualTo(200);
    }

    @Test
    void browsersFromTheWebAppsOriginMayCallAndOthersMayNot() {
        HttpJson.Response allowed = gateway.anonymous().raw("OPTIONS", "/api/reports", null, null,
                Map.of("Origin", "http://localhost:3000", "Access-Control-Request-Method", "POST",
                        "Access-Control-Request-Headers", "authorization,content-type,idempotency-key"));
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:3000");
        HttpJson.Response refused = gateway.anonymous().raw("OPTIONS", "/api/reports", null, null,
                Map.of("Origin", "https://evil.example", "Access-Control-Request-Method", "POST"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Access-Control-Allow-Origin")).isNull();
        assertThat(RECEIVED).isEmpty();
    }
}
