package vn.doan.console;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The gateway as the console sees it, over real HTTP on a free port: canned answers per method and path (with
 * its query), and every request it received, with its headers and body.
 */
final class StubGateway implements AutoCloseable {

    record Answer(int status, String contentType, String body, String disposition) {

        Answer(int status, String contentType, String body) {
            this(status, contentType, body, null);
        }
    }

    record Received(String method, String path, Map<String, List<String>> headers, String body) {

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(e -> e.getValue().get(0))
                    .findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Map<String, BlockingQueue<String>> streams = new ConcurrentHashMap<>();
    final List<Received> received = new CopyOnWriteArrayList<>();
    /** The requests {@link #holdTogether} holds, the latch they wait on, and the most of them seen in flight at once. */
    private volatile List<String> held = List.of();
    private volatile CountDownLatch allArrived = new CountDownLatch(0);
    private final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger mostHeldAtOnce = new AtomicInteger();

    StubGateway() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestMethod(), path, Map.copyOf(exchange.getRequestHeaders()), body));
            if (held.contains(path)) {
                mostHeldAtOnce.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                allArrived.countDown();
                try {
                    allArrived.await(3, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                inFlight.decrementAndGet();
            }
            BlockingQueue<String> events = streams.get(exchange.getRequestMethod() + " " + path);
            if (events != null) {
                stream(exchange, events);
                return;
            }
            Answer answer = answers.getOrDefault(exchange.getRequestMethod() + " " + path,
                    new Answer(404, "application/problem+json", "{\"status\":404,\"detail\":\"no stub for " + path + "\"}"));
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            if (answer.disposition() != null) {
                exchange.getResponseHeaders().set("Content-Disposition", answer.disposition());
            }
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        server.start();
    }

    /** Writes each event as it is queued, flushed at once, until an empty one ends the answer. */
    private static void stream(HttpExchange exchange, BlockingQueue<String> events) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            for (String event = events.take(); !event.isEmpty(); event = events.take()) {
                out.write(event.getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void json(String method, String path, String body) {
        answers.put(method + " " + path, new Answer(200, "application/json", body));
    }

    void problem(String method, String path, int status, String field, String detailVi) {
        answers.put(method + " " + path, new Answer(status, "application/problem+json",
                "{\"status\":" + status + ",\"field\":\"" + field + "\",\"detail\":\"refused\",\"detail_vi\":\"" + detailVi + "\"}"));
    }

    void answer(String method, String path, int status, String contentType, String body) {
        answers.put(method + " " + path, new Answer(status, contentType, body));
    }

    /** A Server-Sent Events answer held open: what the test puts in the queue is sent; an empty string ends it. */
    BlockingQueue<String> stream(String method, String path) {
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        streams.put(method + " " + path, events);
        return events;
    }

    /** A file, as a service sends one to download. */
    void file(String method, String path, String contentType, String disposition, String body) {
        answers.put(method + " " + path, new Answer(200, contentType, body, disposition));
    }

    /**
     * Holds each GET of these paths (with their query) until all of them have arrived, or 3 s have passed: if a page asks for
     * them one after another, each waits out the 3 s alone and {@link #mostHeldAtOnce} stays 1.
     */
    void holdTogether(List<String> paths) {
        mostHeldAtOnce.set(0);
        allArrived = new CountDownLatch(paths.size());
        held = List.copyOf(paths);
    }

    void unavailable(String method, String path) {
        answers.put(method + " " + path, new Answer(503, "text/plain", "Service Unavailable"));
    }

    Received last(String method, String path) {
        return received.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no " + method + " " + path + " among " + received));
    }

    void clear() {
        answers.clear();
        streams.values().forEach(events -> events.add(""));
        streams.clear();
        received.clear();
        held = List.of();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
