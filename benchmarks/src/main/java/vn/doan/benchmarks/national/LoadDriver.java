package vn.doan.benchmarks.national;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import vn.doan.localstack.Services.Service;

/**
 * Sends reports through {@code POST /api/reports}, each with an {@code Idempotency-Key}, or in batches through
 * {@code POST /api/reports/batch} ({@link Batching}), at a rate a second (0: as fast as answers come), at most a number
 * of requests in flight, for a number of seconds; records when each was sent and answered.
 */
final class LoadDriver {

    /** One branch's report: its unit, the JSON body sent, and the values in it. */
    record Submission(String code, StackSetup.Known unit, String body, List<NationalPlan.Value> values) {

        static Submission of(String planId, String code, StackSetup.Known unit, List<NationalPlan.Value> values) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("planId", planId);
            report.put("unitId", unit.id());
            report.put("periodId", NationalPlan.PERIOD);
            report.put("values", values.stream().map(NationalPlan.Value::json).toList());
            return new Submission(code, unit, Api.JSON.writeValueAsString(report), values);
        }
    }

    /** Per submission: when it was sent and answered (nanoTime) and the HTTP status (0: no answer); the first {@code sent} were sent. */
    record Load(List<Submission> submissions, long[] sentAt, long[] answeredAt, int[] status, int sent) {

        int accepted() {
            return acceptedSubmissions().size();
        }

        List<Submission> acceptedSubmissions() {
            List<Submission> list = new ArrayList<>();
            for (int i = 0; i < sent; i++) {
                if (status[i] == 201) {
                    list.add(submissions.get(i));
                }
            }
            return list;
        }
    }

    /** report-service's problem code for a write whose outcome it does not know. */
    static final String OUTCOME_UNKNOWN = "storage.outcome-unknown";
    private static final int OUTCOME_ATTEMPTS = 3;

    private final Api api;
    private final Batching batching;
    private final Random sizes;

    /** {@code sizes} draws each batch's size (unused for one report a request). */
    LoadDriver(Api api, Batching batching, Random sizes) {
        this.api = api;
        this.batching = batching;
        this.sizes = sizes;
    }

    /**
     * Sends the submissions, one a request or in batches; {@code rate} counts reports (a batch is sent when its first
     * report is due) and {@code concurrency} requests. A report of a batch is sent and answered when its batch is; its
     * status is the one the batch's answer gives it (the batch's own when it has none).
     */
    Load drive(List<Submission> submissions, int rate, int seconds, int concurrency) throws InterruptedException {
        int n = submissions.size();
        long[] sentAt = new long[n];
        long[] answeredAt = new long[n];
        int[] status = new int[n];
        Semaphore inFlight = new Semaphore(concurrency);
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        int sent = 0;
        while (sent < n) {
            int from = sent;
            int to = Math.min(n, from + batching.size(sizes));
            if (rate > 0) {
                long wait = start + (long) (from * 1e9 / rate) - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
            }
            inFlight.acquire();
            if (System.nanoTime() > end) {
                inFlight.release();
                break;
            }
            long now = System.nanoTime();
            Arrays.fill(sentAt, from, to, now);
            sent = to;
            send(submissions.subList(from, to)).whenComplete((answer, error) -> {
                try {
                    Arrays.fill(answeredAt, from, to, System.nanoTime());
                    JsonNode items = batching == Batching.NONE || answer == null || answer.statusCode() != 200 ? null
                            : Api.JSON.readTree(answer.body()).get("reports");
                    for (int i = from; i < to; i++) {
                        status[i] = items != null ? items.get(i - from).get("status").asInt() : answer == null ? 0 : answer.statusCode();
                    }
                    if (answer != null && status[from] != 201 && from < 3) {
                        System.err.println("Report refused: " + answer.statusCode() + " " + answer.body());
                    }
                } finally {
                    inFlight.release();
                }
            });
        }
        inFlight.acquire(concurrency);
        inFlight.release(concurrency);
        return new Load(submissions, sentAt, answeredAt, status, sent);
    }

    /** One report through {@code POST /api/reports}, or the reports through {@code POST /api/reports/batch}. */
    private CompletableFuture<HttpResponse<String>> send(List<Submission> reports) {
        String url = api.url(Service.REPORT) + "/api/reports";
        HttpRequest.Builder request = api.request(batching == Batching.NONE ? url : url + "/batch").timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json");
        if (batching == Batching.NONE) {
            request.header("Idempotency-Key", UUID.randomUUID().toString());
        }
        return sendUntilKnown(request.POST(HttpRequest.BodyPublishers.ofString(body(reports), StandardCharsets.UTF_8)), OUTCOME_ATTEMPTS);
    }

    /**
     * The request, and again with the same keys while report-service answers that it does not know whether the reports were
     * stored (503 {@value #OUTCOME_UNKNOWN}: MongoDB's acknowledgement was lost), as a client must: the answer then says what
     * was stored, so that a stored report is never counted as refused.
     */
    private CompletableFuture<HttpResponse<String>> sendUntilKnown(HttpRequest.Builder request, int attempts) {
        return api.sendAsync(request).thenCompose(answer -> attempts > 1 && answer.statusCode() == 503 && answer.body().contains(OUTCOME_UNKNOWN)
                ? sendUntilKnown(request, attempts - 1) : CompletableFuture.completedFuture(answer));
    }

    /** The report's body, or the batch's: each report's with its idempotency key. */
    private String body(List<Submission> reports) {
        if (batching == Batching.NONE) {
            return reports.get(0).body();
        }
        StringJoiner batch = new StringJoiner(",", "{\"reports\":[", "]}");
        for (Submission report : reports) {
            batch.add("{\"idempotencyKey\":\"" + UUID.randomUUID() + "\"," + report.body().substring(1));
        }
        return batch.toString();
    }
}
