package vn.doan.benchmarks.national;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/** A province dashboard, round robin over the provinces, ten times a second while the load runs. */
final class ProvinceQueries {

    private final Api api;
    private final List<String> urls;
    private final List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean running = new AtomicBoolean(true);
    private Thread thread;

    /** @param urls each province's dashboard */
    ProvinceQueries(Api api, List<String> urls) {
        this.api = api;
        this.urls = urls;
    }

    void start() {
        thread = new Thread(() -> {
            for (int i = 0; running.get(); i++) {
                try {
                    long t = System.nanoTime();
                    HttpResponse<String> answer = api.send(api.request(urls.get(i % urls.size())));
                    if (answer.statusCode() == 200) {
                        nanos.add(System.nanoTime() - t);
                    }
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    System.err.println("province query: " + e);
                }
            }
        }, "bench-province-queries");
        thread.start();
    }

    void stop() throws InterruptedException {
        running.set(false);
        thread.join();
    }

    /** The answer times of the queries answered 200, in nanoseconds, sorted. */
    long[] sorted() {
        long[] all = nanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(all);
        return all;
    }
}
