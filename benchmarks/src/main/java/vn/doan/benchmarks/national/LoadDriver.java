package vn.doan.benchmarks.national;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import vn.doan.localstack.Services.Service;

/**
 * Sends reports through {@code POST /api/reports}, each with an {@code Idempotency-Key}, at a rate a second (0: as fast
 * as answers come), at most a number in flight, for a number of seconds; records when each was sent and answered.
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

    private final Api api;

    LoadDriver(Api api) {
        this.api = api;
    }

    Load drive(List<Submission> submissions, int rate, int seconds, int concurrency) throws InterruptedException {
        String url = api.url(Service.REPORT) + "/api/reports";
        int n = submissions.size();
        long[] sentAt = new long[n];
        long[] answeredAt = new long[n];
        int[] status = new int[n];
        Semaphore inFlight = new Semaphore(concurrency);
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        int sent = 0;
        for (int i = 0; i < n; i++) {
            if (rate > 0) {
                long due = start + (long) (i * 1e9 / rate);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
            }
            inFlight.acquire();
            if (System.nanoTime() > end) {
                inFlight.release();
                break;
            }
            int index = i;
            sentAt[i] = System.nanoTime();
            sent++;
            api.sendAsync(api.request(url).timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                            .header("Idempotency-Key", UUID.randomUUID().toString())
                            .POST(HttpRequest.BodyPublishers.ofString(submissions.get(i).body(), StandardCharsets.UTF_8)))
                    .whenComplete((answer, error) -> {
                        answeredAt[index] = System.nanoTime();
                        status[index] = answer == null ? 0 : answer.statusCode();
                        if (answer != null && answer.statusCode() != 201 && index < 3) {
                            System.err.println("Report refused: " + answer.statusCode() + " " + answer.body());
                        }
                        inFlight.release();
                    });
        }
        inFlight.acquire(concurrency);
        inFlight.release(concurrency);
        return new Load(submissions, sentAt, answeredAt, status, sent);
    }
}
