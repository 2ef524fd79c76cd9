package vn.doan.notificationservice.delivery;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * POSTs the notification as JSON to the recipient's URL; any 2xx is acceptance. The header
 * {@code Idempotency-Key} is the delivery id, the same on every attempt. Before each attempt the URL's name is
 * resolved and checked again ({@link WebhookTargets}): a name that now points inside the network makes the delivery
 * dead at once. Redirects are not followed (a 3xx is a failure), so an accepted public address cannot send us inside.
 * The client resolves the name once more to connect; the JVM's address cache (30 s) gives it the answer just checked.
 */
@Component
class WebhookChannel implements Channel {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final WebhookTargets targets;

    WebhookChannel(WebhookTargets targets) {
        this.targets = targets;
    }

    @Override
    public ChannelType type() {
        return ChannelType.WEBHOOK;
    }

    @Override
    public void send(Delivery d) throws Exception {
        String refusal = targets.refusalBeforeSending(d.address());
        if (refusal != null) {
            throw new Undeliverable("webhook target refused: " + refusal);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("deliveryId", d.id());
        body.put("notificationId", d.notificationId());
        body.put("kind", d.kind());
        body.put("unitId", d.unitId());
        body.put("recipientId", d.recipientId());
        body.put("language", d.language());
        body.put("subject", d.subject());
        body.put("body", d.body());
        HttpRequest request = HttpRequest.newBuilder(URI.create(d.address())).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json; charset=UTF-8").header("Idempotency-Key", d.id())
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8)).build();
        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status / 100 != 2) {
            throw new IllegalStateException("HTTP " + status);
        }
    }
}
