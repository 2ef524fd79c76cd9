package vn.doan.benchmarks.national;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import vn.doan.localstack.Services.Service;

/**
 * The cheapest request report-service answers behind its token check — {@code GET /api/reports/{id}} of an id
 * that does not exist: token, access rules, one read by id, a 404 problem+json — as fast as answers come for
 * some seconds with the load's concurrency: what the HTTP stack alone allows before any report is stored.
 */
final class HttpCeiling {

    record Result(String request, double answeredPerSecond, int concurrency, double seconds, Map<Integer, Integer> httpStatuses,
            @JsonUnwrapped Percentiles<Long> answerMs) {
    }

    private HttpCeiling() {
    }

    static Result run(Api api, int seconds, int concurrency) throws InterruptedException {
        Semaphore inFlight = new Semaphore(concurrency);
        List<Long> answerNanos = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, Integer> statuses = new ConcurrentSkipListMap<>();
        String base = api.url(Service.REPORT) + "/api/reports/ceiling-";
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        int sent = 0;
        while (System.nanoTime() < end) {
            inFlight.acquire();
            long sentAt = System.nanoTime();
            sent++;
            api.sendAsync(api.request(base + sent).timeout(Duration.ofSeconds(60)).GET()).whenComplete((answer, error) -> {
                answerNanos.add(System.nanoTime() - sentAt);
                statuses.merge(answer == null ? 0 : answer.statusCode(), 1, Integer::sum);
                inFlight.release();
            });
        }
        inFlight.acquire(concurrency);
        double elapsed = (System.nanoTime() - start) / 1e9;
        inFlight.release(concurrency);
        long[] ms = answerNanos.stream().mapToLong(n -> n / 1_000_000).sorted().toArray();
        Result result = new Result("GET /api/reports/{unknown id} with a token (404)", Rounding.tenth(sent / elapsed), concurrency,
                Rounding.tenth(elapsed), new TreeMap<>(statuses), Percentiles.ofMillis(ms));
        System.out.println("HTTP ceiling: " + result);
        return result;
    }
}
