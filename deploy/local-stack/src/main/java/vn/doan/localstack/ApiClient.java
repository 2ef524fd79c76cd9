package vn.doan.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Drives the services through their public REST APIs, as a web client would, with an access token from the
 * authorisation server: by default the demo data loader's (client credentials, role ADMIN), renewed every
 * minute. {@link #throughGateway} sends everything to the gateway instead, with any token.
 */
public final class ApiClient {

    /** Refusals that only mean report-service has not yet read the plan or unit from Kafka. */
    private static final Set<String> NOT_YET_KNOWN = Set.of("report.plan-unknown", "report.unit-unknown");

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String planService;
    private final String reportService;
    private final String indicatorService;
    private final String notificationService;
    private final java.util.function.Supplier<String> token;

    static final String LOADER = "doan-demo-loader";
    static final String LOADER_SECRET = System.getenv().getOrDefault("DOAN_DEMO_LOADER_SECRET", "demo-loader-secret");

    ApiClient(Services services) {
        this(services.url(Services.Service.PLAN), services.url(Services.Service.REPORT), services.url(Services.Service.INDICATOR),
                services.url(Services.Service.NOTIFICATION), loaderToken(services.url(Services.Service.AUTH)));
    }

    private ApiClient(String plan, String report, String indicator, String notification, java.util.function.Supplier<String> token) {
        this.planService = plan;
        this.reportService = report;
        this.indicatorService = indicator;
        this.notificationService = notification;
        this.token = token;
    }

    /** plan-, report- and indicator-service at these addresses (no notification-service), with these access tokens. */
    static ApiClient direct(String plan, String report, String indicator, java.util.function.Supplier<String> token) {
        return new ApiClient(plan, report, indicator, null, token);
    }

    /** Everything through the gateway, with this access token (null for none). */
    static ApiClient throughGateway(Services services, String accessToken) {
        String gateway = services.url(Services.Service.GATEWAY);
        return new ApiClient(gateway, gateway, gateway, gateway, () -> accessToken);
    }

    static vn.doan.authserver.TokenClient tokens(Services services) {
        return new vn.doan.authserver.TokenClient(services.url(Services.Service.AUTH));
    }

    /**
     * The demo loader's client-credentials token (an administrator's) from the authorisation server at
     * {@code authServer}, fetched again every minute.
     */
    public static java.util.function.Supplier<String> loaderToken(String authServer) {
        vn.doan.authserver.TokenClient tokens = new vn.doan.authserver.TokenClient(authServer);
        String[] current = new String[1];
        long[] fetched = new long[1];
        return () -> {
            synchronized (current) {
                if (current[0] == null || System.nanoTime() - fetched[0] > Duration.ofMinutes(1).toNanos()) {
                    current[0] = tokens.clientCredentials(LOADER, LOADER_SECRET);
                    fetched[0] = System.nanoTime();
                }
                return current[0];
            }
        };
    }

    record Answer(int status, JsonNode body, String contentType) {
    }

    private static JsonNode parse(String body) {
        try {
            return MAPPER.readTree(body);
        } catch (tools.jackson.core.JacksonException e) {
            return MAPPER.getNodeFactory().stringNode(body);
        }
    }

    String createUnit(String code, String name, String level, String kind, String parentId) {
        Map<String, Object> unit = new java.util.HashMap<>(Map.of("code", code, "name", name, "level", level,
                "effectiveFrom", "2016-01-01"));
        unit.put("kind", kind);
        unit.put("parentId", parentId);
        return expect(201, post(planService + "/api/units", unit, Map.of())).get("id").asString();
    }

    /** Registers (or replaces) a person notification-service tells things to. */
    void registerRecipient(String id, Map<String, Object> recipient) {
        expect(200, send("PUT", notificationService + "/api/recipients/" + id, recipient));
    }

    /** Creates the plan as a draft and issues it; returns its id. */
    String issuePlan(Map<String, Object> plan) {
        String id = expect(201, post(planService + "/api/plans", plan, Map.of())).get("id").asString();
        expect(200, post(planService + "/api/plans/" + id + "/issue", Map.of(), Map.of()));
        return id;
    }

    /**
     * Submits a report, waiting while report-service has not yet learnt the plan or unit from Kafka.
     * The idempotency key makes the retries safe.
     */
    JsonNode submitReport(String planId, String unitId, String periodId, List<Map<String, Object>> values, Duration wait) {
        Map<String, Object> report = Map.of("planId", planId, "unitId", unitId, "periodId", periodId, "values", values);
        Map<String, String> headers = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            Answer answer = post(reportService + "/api/reports", report, headers);
            boolean notYet = answer.status() == 422 && answer.body().has("rule")
                    && NOT_YET_KNOWN.contains(answer.body().get("rule").asString());
            if (!notYet || System.nanoTime() > deadline) {
                return expect(201, answer);
            }
            pause();
        }
    }

    Answer progress(String planId, String periodId, String unitId) {
        return get(indicatorService + "/api/progress/" + planId + "/" + periodId + "/units/" + unitId);
    }

    Answer reminders(String unitId) {
        return get(notificationService + "/api/reminders?unitId=" + unitId);
    }

    Answer get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), Map.of());
    }

    Answer post(String url, Object body, Map<String, String> headers) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(MAPPER.writeValueAsString(body), StandardCharsets.UTF_8)), headers);
    }

    /** Any method, content type, body (sent as is) and headers: for malformed and hostile requests. */
    Answer raw(String method, String url, String contentType, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request, headers);
    }

    Answer send(String method, String url, Object body) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(MAPPER.writeValueAsString(body), StandardCharsets.UTF_8)), Map.of());
    }

    private Answer send(HttpRequest.Builder request, Map<String, String> headers) {
        String bearer = token.get();
        if (bearer != null && !headers.containsKey("Authorization")) {
            request.header("Authorization", "Bearer " + bearer);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String body = response.body();
            return new Answer(response.statusCode(), body == null || body.isBlank() ? MAPPER.nullNode() : parse(body),
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new IllegalStateException("Call failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode expect(int status, Answer answer) {
        if (answer.status() != status) {
            throw new IllegalStateException("Expected HTTP " + status + " but got " + answer.status() + ": " + answer.body());
        }
        return answer.body();
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
