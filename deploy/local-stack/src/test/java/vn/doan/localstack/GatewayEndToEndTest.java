package vn.doan.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import vn.doan.authserver.TokenClient;
import vn.doan.events.EventCodec;

/**
 * The whole system as web and mobile clients see it: everything through the gateway, with access tokens from
 * the real authorisation server — demo users logging in (authorization code with PKCE) and the demo data
 * loader (client credentials). Each cadre sees and changes only their part of the tree. Then a few thousand
 * malformed and hostile requests: each answered 4xx problem+json, none stored.
 */
class GatewayEndToEndTest {

    static final String WEB = "doan-web";
    static final String CALLBACK = "http://localhost:3000/callback";
    static final String PASSWORD = "doan@2025";

    @TempDir
    static Path dataDir;
    static StackRun stack;
    static Services services;
    static ApiClient admin;
    static String province;
    static String thoXuan;
    static String dongSon;
    static String thoLap;
    static String xuanHoa;

    @BeforeAll
    static void start() {
        stack = StackRun.start(dataDir, List.of("--doan.outbox.interval=50ms", "--doan.inbox.keep-alive=1s",
                "--doan.gateway.rate-limit.capacity=100000", "--doan.gateway.rate-limit.per-second=10000"));
        services = stack.services();
        admin = new ApiClient(services);
        province = admin.createUnit("TD-THANHHOA", "Tỉnh đoàn Thanh Hóa", "PROVINCE", null, null);
        thoXuan = admin.createUnit("HD-THOXUAN", "Huyện đoàn Thọ Xuân", "DISTRICT", "district", province);
        dongSon = admin.createUnit("HD-DONGSON", "Huyện đoàn Đông Sơn", "DISTRICT", "district", province);
        thoLap = admin.createUnit("CS-THOXUAN-1", "Đoàn xã Thọ Lập", "GRASSROOTS", "commune", thoXuan);
        xuanHoa = admin.createUnit("CS-THOXUAN-2", "Đoàn xã Xuân Hòa", "GRASSROOTS", "commune", thoXuan);
        DemoData.assignDemoUnits(services, Map.of("TD-THANHHOA", province, "HD-THOXUAN", thoXuan, "CS-THOXUAN-1", thoLap,
                "CS-THOXUAN-2", xuanHoa));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    static ApiClient loggedIn(String username) {
        TokenClient tokens = ApiClient.tokens(services);
        return ApiClient.throughGateway(services, tokens.login(WEB, CALLBACK, username, PASSWORD));
    }

    static String gateway(String path) {
        return services.url(Services.Service.GATEWAY) + path;
    }

    @Test
    void throughTheGatewayEachCadreWorksOnlyOnTheirPartOfTheTree() {
        ApiClient district = loggedIn("bt.thoxuan");
        ApiClient commune = loggedIn("bt.tholap");
        ApiClient neighbour = loggedIn("bt.xuanhoa");
        ApiClient analyst = loggedIn("phantich");
        ApiClient anonymous = ApiClient.throughGateway(services, null);

        assertThat(anonymous.get(gateway("/api/units/" + thoXuan)).status()).isEqualTo(401);
        assertThat(district.get(gateway("/api/units/" + thoLap)).status()).isEqualTo(200);
        assertThat(district.get(gateway("/api/units/" + dongSon)).status()).as("a sibling district").isEqualTo(403);
        assertThat(commune.get(gateway("/api/units/" + xuanHoa)).status()).as("a neighbour").isEqualTo(403);

        LocalDate today = LocalDate.now(EventCodec.ZONE);
        String period = String.valueOf(today.getYear());
        Map<String, Object> plan = EndToEndTests.trainingPlan(thoXuan, today, today.plusDays(20));
        ApiClient.Answer refused = commune.post(gateway("/api/plans"), plan, Map.of());
        assertThat(refused.status()).as("a commune cannot issue the district's plan").isEqualTo(403);
        String planId = district.post(gateway("/api/plans"), plan, Map.of()).body().get("id").asString();
        assertThat(district.post(gateway("/api/plans/" + planId + "/issue"), Map.of(), Map.of()).status()).isEqualTo(200);
        assertThat(commune.get(gateway("/api/plans/" + planId)).status()).as("the plan reaches the communes").isEqualTo(200);

        Map<String, Object> forXuanHoa = report(planId, xuanHoa, period, 20, 25);
        assertThat(commune.post(gateway("/api/reports"), forXuanHoa, Map.of("Idempotency-Key", UUID.randomUUID().toString())).status())
                .as("a grassroots cadre cannot submit for a neighbour").isEqualTo(403);
        JsonNode submitted = commune.submitReport(planId, thoLap, period, List.of(Map.of("indicatorCode", "CT1", "numerator", 18,
                "denominator", 20)), Duration.ofSeconds(30));
        String reportId = submitted.get("id").asString();
        assertThat(neighbour.get(gateway("/api/reports/" + reportId)).status()).isEqualTo(403);
        assertThat(commune.post(gateway("/api/reports/" + reportId + "/accept"), Map.of(), Map.of()).status())
                .as("nobody reviews their own report").isEqualTo(403);
        ApiClient.Answer accepted = district.post(gateway("/api/reports/" + reportId + "/accept"), Map.of(),
                Map.of("X-Correlation-Id", "nghiem-thu-" + reportId));
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.body().get("transitions").values().stream().map(t -> t.get("to").asString() + " by " + t.get("by").asString())
                .toList()).containsExactly("DRAFT by bt.tholap", "SUBMITTED by bt.tholap", "ACCEPTED by bt.thoxuan");

        Document audit = services.context(Services.Service.REPORT).getBean(MongoTemplate.class).getCollection("audit")
                .find(new Document("path", "/api/reports/" + reportId + "/accept").append("status", 200)).first();
        assertThat(audit.getString("subject")).isEqualTo("bt.thoxuan");
        assertThat(audit.getString("unitId")).isEqualTo(thoXuan);
        assertThat(audit.getString("clientId")).isEqualTo(WEB);
        assertThat(audit.getString("correlationId")).isEqualTo("nghiem-thu-" + reportId);

        JsonNode progress = EndToEndTests.await("the district's progress", () -> analyst.progress(planId, period, thoXuan),
                answer -> answer.status() == 200 && answer.body().get("indicators").get(0).get("subtree").get("reportingUnits").asInt() == 1)
                .body();
        assertThat(progress.get("indicators").get(0).get("subtree").get("numerator").asLong()).isEqualTo(18);
        assertThat(commune.progress(planId, period, thoXuan).status()).as("a commune does not read the district's totals").isEqualTo(403);
        assertThat(analyst.get(gateway("/api/reports/" + reportId)).status()).as("analysts read aggregates only").isEqualTo(403);
    }

    record Hostile(String method, String path, String contentType, String body, Map<String, String> headers) {
    }

    /**
     * A secretary's live inbox through the gateway: each line of notification-service's stream reaches the client as it is
     * sent (the gateway passes the stream on, it does not hold it until it ends), the keep-alive comments too; a stream
     * the client closes ends at the gateway and, with the next keep-alive, at notification-service.
     */
    @Test
    void aLiveInboxStreamPassesThroughTheGatewayLineByLine() throws Exception {
        String person = "bt-tholap-" + UUID.randomUUID().toString().substring(0, 8);
        admin.registerRecipient(person, Map.of("unitId", thoLap, "role", "SECRETARY", "name", "Lê Văn Hùng",
                "email", "bt.tholap@thoxuan.doan.vn", "channels", List.of("INBOX"), "language", "vi", "subject", "bt.tholap"));
        String token = ApiClient.tokens(services).login(WEB, CALLBACK, "bt.tholap", PASSWORD);
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpResponse<java.util.stream.Stream<String>> stream = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(gateway("/api/inbox/stream?recipientId=" + person))).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
        CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> stream.body().forEach(lines::add));
        try {
            EndToEndTests.await("the connected event and two keep-alives through the gateway", () -> List.copyOf(lines),
                    l -> l.contains("event:connected") && l.stream().filter(":keep-alive"::equals).count() >= 2, Duration.ofSeconds(10));
            assertThat(lines).contains("data:" + person);
            assertThat(openStreams(Services.Service.NOTIFICATION)).isEqualTo(1);
            assertThat(openStreams(Services.Service.GATEWAY)).isEqualTo(1);
        } finally {
            reading.cancel(true);
            stream.body().close();
        }
        EndToEndTests.await("the gateway and notification-service to let go of the closed stream",
                () -> openStreams(Services.Service.GATEWAY) + openStreams(Services.Service.NOTIFICATION), n -> n == 0, Duration.ofSeconds(10));
    }

    /**
     * Requests in progress at the service, by its own server metrics; while the test holds the stream, it is the only one
     * (the metric knows a request's path only once it has ended).
     */
    static long openStreams(Services.Service service) {
        return services.context(service).getBean(io.micrometer.core.instrument.MeterRegistry.class).find("http.server.requests.active")
                .longTaskTimers().stream().mapToLong(io.micrometer.core.instrument.LongTaskTimer::activeTasks).sum();
    }

    @Test
    void aFewThousandMalformedOrHostileRequestsAreRefusedWithProblemJsonAndNothingIsStored() {
        String adminToken = ApiClient.tokens(services).clientCredentials(ApiClient.LOADER, ApiClient.LOADER_SECRET);
        String cadreToken = ApiClient.tokens(services).login(WEB, CALLBACK, "bt.tholap", PASSWORD);
        List<String> tokens = java.util.Arrays.asList(adminToken, adminToken, cadreToken, null, "garbage",
                adminToken.substring(0, adminToken.length() - 6) + "AAAAAA", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJxdWFudHJpIiwicm9sZXMiOlsiQURNSU4iXX0.");
        Map<String, Long> before = awaitStored();
        java.util.Random random = new java.util.Random(20161115);
        List<String> failures = new java.util.ArrayList<>();
        int sent = 0;
        for (int i = 0; i < 2500; i++) {
            Hostile request = hostile(random, i);
            String token = tokens.get(random.nextInt(tokens.size()));
            Map<String, String> headers = new java.util.HashMap<>(request.headers());
            if (token != null) {
                headers.put("Authorization", "Bearer " + token);
            }
            ApiClient.Answer answer = ApiClient.throughGateway(services, null).raw(request.method(), gateway(request.path()),
                    request.contentType(), request.body(), headers);
            sent++;
            if (answer.status() < 400 || answer.status() > 499 || !answer.contentType().startsWith("application/problem+json")) {
                failures.add(answer.status() + " " + answer.contentType() + " for " + request.method() + " " + request.path() + " "
                        + (request.body() == null ? "" : request.body().substring(0, Math.min(120, request.body().length()))) + " → "
                        + answer.body().toString().substring(0, Math.min(200, answer.body().toString().length())));
            }
        }
        assertThat(sent).isEqualTo(2500);
        assertThat(failures).as("answers that are not 4xx problem+json").isEmpty();
        assertThat(awaitStored()).as("nothing stored").isEqualTo(before);
    }

    static final List<String> HOSTILE_IDS = List.of("%7B%22%24ne%22%3Anull%7D", "%24where", "..%2F..%2Fetc%2Fpasswd", "x".repeat(300),
            "%27%3B%20db.dropDatabase()%3B", "a%00b", "%7B%7D", "%5B%5D", "%24gt", "null%20or%201%3D1");
    static final List<String> BODIES = List.of("{", "[]", "null", "\"text\"", "{\"$where\":\"sleep(5000)\"}",
            "{\"code\":{\"$gt\":\"\"},\"name\":\"Đoàn xã\",\"level\":\"GRASSROOTS\",\"effectiveFrom\":\"2016-01-01\"}",
            "{\"unitId\":{\"$ne\":null},\"planId\":\"p\",\"periodId\":\"2016\"}",
            "{\"planId\":[1,2],\"unitId\":\"u\",\"periodId\":{}}",
            "{\"name\":\"Đoàn xã Thọ Lập\",\"effectiveFrom\":\"31/02/2016\"}",
            "{\"name\":\"Đoàn xã Thọ Lập\",\"effectiveFrom\":\"2016-01-01\",\"$set\":{\"parentId\":\"x\"}}",
            "{\"values\":\"nope\",\"reason\":7,\"closedOn\":true}", "\u0000\u0001\u0002", "<unit><name>x</name></unit>",
            "{\"values\":[{\"indicatorCode\":\"CT1\",\"numerator\":1e400,\"denominator\":\"many\"}]}",
            "[".repeat(3000) + "]".repeat(3000), "{\"rows\":[{\"code\":{\"$regex\":\".*\"}}]}",
            "{\"sourceUnitIds\":\"all\",\"effectiveFrom\":\"2016-01-01\"}", "{\"newParentId\":{\"$exists\":true},\"effectiveFrom\":\"2016-01-01\"}");
    static final List<String> CONTENT_TYPES = java.util.Arrays.asList("application/json", "application/json", "text/plain", "application/xml", null,
            "application/json; charset=ISO-8859-1");

    /** A request with at least one defect: a hostile id, a broken or hostile body, a wrong method or address. */
    static Hostile hostile(java.util.Random random, int i) {
        String hostileId = HOSTILE_IDS.get(random.nextInt(HOSTILE_IDS.size()));
        String id = random.nextBoolean() ? thoLap : hostileId;
        String body = BODIES.get(random.nextInt(BODIES.size()));
        String type = CONTENT_TYPES.get(random.nextInt(CONTENT_TYPES.size()));
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        if (i % 1000 == 999) {
            return new Hostile("POST", "/api/reports", "application/json", "{\"planId\":\"" + "x".repeat(1_100_000) + "\"}", key);
        }
        return switch (random.nextInt(22)) {
            case 0 -> new Hostile("POST", "/api/units", type, body, Map.of());
            case 1 -> new Hostile("POST", "/api/units/" + id + "/rename", type, body, Map.of());
            case 2 -> new Hostile("POST", "/api/units/" + id + "/move", type, body, Map.of());
            case 3 -> new Hostile("POST", "/api/units/" + id + "/dissolve", type, body, Map.of());
            case 4 -> new Hostile("POST", "/api/units/merge", type, body, Map.of());
            case 5 -> new Hostile("POST", "/api/units/import", type, body, Map.of());
            case 6 -> new Hostile("POST", "/api/plans", type, body, Map.of());
            case 7 -> new Hostile("PUT", "/api/plans/" + id, type, body, Map.of());
            case 8 -> new Hostile("POST", "/api/plans/" + hostileId + "/issue", type, body, Map.of());
            case 9 -> new Hostile("POST", "/api/reports", type, body, random.nextBoolean() ? key : Map.of());
            case 10 -> new Hostile("POST", "/api/reports/drafts", type, body, key);
            case 11 -> new Hostile("PUT", "/api/reports/" + id, type, body, Map.of());
            case 12 -> new Hostile("POST", "/api/reports/" + hostileId + "/accept", type, body, Map.of());
            case 13 -> new Hostile("POST", "/api/reports/" + id + "/return", type, body, Map.of());
            case 14 -> new Hostile("GET", "/api/units/" + hostileId, null, null, Map.of());
            case 15 -> new Hostile("GET", "/api/units?parentId=" + hostileId, null, null, Map.of());
            case 16 -> new Hostile("GET", "/api/reports?planId=" + hostileId + "&periodId=2016", null, null, Map.of());
            case 17 -> new Hostile("GET", "/api/progress/" + hostileId + "/2016/units/" + thoLap, null, null, Map.of());
            case 18 -> new Hostile("GET", "/api/reminders?unitId=" + hostileId, null, null, Map.of());
            case 19 -> new Hostile("POST", "/api/reminders/" + hostileId + "/read", type, body, Map.of());
            case 20 -> new Hostile(random.nextBoolean() ? "DELETE" : "PATCH", "/api/units/" + hostileId, type, body, Map.of());
            default -> new Hostile("GET", random.nextBoolean() ? "/actuator/env" : "/internal/../api/units", null, null, Map.of());
        };
    }

    /** Documents in every collection the APIs write (the audit trail aside), once nothing is moving. */
    static Map<String, Long> awaitStored() {
        Map<String, Long> previous = stored();
        while (true) {
            try {
                Thread.sleep(1500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            Map<String, Long> now = stored();
            if (now.equals(previous)) {
                return now;
            }
            previous = now;
        }
    }

    static Map<String, Long> stored() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (Services.Service service : List.of(Services.Service.PLAN, Services.Service.REPORT, Services.Service.INDICATOR,
                Services.Service.NOTIFICATION)) {
            MongoTemplate db = services.context(service).getBean(MongoTemplate.class);
            for (String collection : db.getCollectionNames()) {
                if (!collection.equals("audit")) {
                    counts.put(service + "." + collection, db.getCollection(collection).countDocuments());
                }
            }
        }
        return counts;
    }

    static Map<String, Object> report(String planId, String unitId, String period, long numerator, long denominator) {
        return Map.of("planId", planId, "unitId", unitId, "periodId", period,
                "values", List.of(Map.of("indicatorCode", "CT1", "numerator", numerator, "denominator", denominator)));
    }
}
