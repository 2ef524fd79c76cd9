package vn.doan.benchmarks.national;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import tools.jackson.databind.JsonNode;

/** Polls the centre's dashboard every 50 ms and records when the number of reports it counts changes. */
final class CentreWatch {

    private final Api api;
    private final String url;
    /** {nanoTime, count} at each change. */
    private final List<long[]> changes = Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean running = new AtomicBoolean(true);
    private volatile int count;
    private Thread thread;

    CentreWatch(Api api, String url) {
        this.api = api;
        this.url = url;
    }

    void start() {
        thread = new Thread(() -> {
            while (running.get()) {
                try {
                    JsonNode body = Api.JSON.readTree(api.send(api.request(url)).body());
                    int now = body.get("indicators").get(0).get("subtree").get("reportingUnits").asInt();
                    if (now != count) {
                        count = now;
                        changes.add(new long[] {System.nanoTime(), now});
                    }
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    System.err.println("centre watch: " + e);
                }
            }
        }, "bench-centre-watch");
        thread.start();
    }

    /** The reports the centre counts now. */
    int count() {
        return count;
    }

    boolean awaitCount(int expected, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (count < expected && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        return count >= expected;
    }

    /** When the centre first counted at least {@code k} reports, or -1. */
    long firstReaching(int k) {
        synchronized (changes) {
            int lo = 0;
            int hi = changes.size() - 1;
            long found = -1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                if (changes.get(mid)[1] >= k) {
                    found = changes.get(mid)[0];
                    hi = mid - 1;
                } else {
                    lo = mid + 1;
                }
            }
            return found;
        }
    }

    void stop() throws InterruptedException {
        running.set(false);
        thread.join();
    }
}
