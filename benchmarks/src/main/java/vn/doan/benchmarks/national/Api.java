package vn.doan.benchmarks.national;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.doan.localstack.ApiClient;
import vn.doan.localstack.Services.Service;

/**
 * The driver's side of the public APIs: one HTTP/1.1 client, every request with an administrator's token (the demo
 * loader's client credentials, renewed every minute): reports for every unit of the country.
 */
final class Api {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    private final Function<Service, String> urls;
    private final Supplier<String> token;

    Api(Function<Service, String> urls) {
        this(urls, ApiClient.loaderToken(urls.apply(Service.AUTH)));
    }

    Api(Function<Service, String> urls, Supplier<String> token) {
        this.urls = urls;
        this.token = token;
    }

    String url(Service service) {
        return urls.apply(service);
    }

    /** indicator-service's dashboard of one unit for the national plan's period. */
    String progressUrl(String planId, String unitId) {
        return url(Service.INDICATOR) + "/api/progress/" + planId + "/" + NationalPlan.PERIOD + "/units/" + unitId;
    }

    /** A request to {@code url} with the token. */
    HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token.get());
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    CompletableFuture<HttpResponse<String>> sendAsync(HttpRequest.Builder request) {
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The JSON answer of a GET that must answer 200. */
    JsonNode get(String url) throws Exception {
        HttpResponse<String> answer = send(request(url));
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + ": " + answer.statusCode() + " " + answer.body());
        }
        return JSON.readTree(answer.body());
    }

    /** The JSON answer (a null node if empty) of a POST of JSON that must answer {@code status}. */
    JsonNode post(String url, String body, int status) throws Exception {
        return expect(status, "POST " + url, send(request(url).timeout(Duration.ofMinutes(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))));
    }

    /** plan-service's CSV import of units. */
    void importUnits(String csv) throws Exception {
        String url = url(Service.PLAN) + "/api/units/import";
        expect(201, "Import", send(request(url).header("Content-Type", "text/csv").timeout(Duration.ofMinutes(10))
                .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8))));
    }

    /** The {@code statistic → value} measurements of one of a service's actuator metrics. */
    Map<String, Double> metric(Service service, String name) throws Exception {
        Map<String, Double> values = new java.util.HashMap<>();
        for (JsonNode m : get(url(service) + "/actuator/metrics/" + name).get("measurements")) {
            values.put(m.get("statistic").asString(), m.get("value").asDouble());
        }
        return values;
    }

    private static JsonNode expect(int status, String what, HttpResponse<String> answer) {
        if (answer.statusCode() != status) {
            throw new IllegalStateException(what + ": " + answer.statusCode() + " " + answer.body());
        }
        return answer.body().isBlank() ? JSON.nullNode() : JSON.readTree(answer.body());
    }
}
