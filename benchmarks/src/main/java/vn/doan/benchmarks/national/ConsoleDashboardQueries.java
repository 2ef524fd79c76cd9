package vn.doan.benchmarks.national;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import vn.doan.localstack.Services.Service;

/**
 * The web console's dashboard page of one province ({@code /bang-theo-doi}), drawn on the server for that province's
 * cadre, at a steady pace while the load runs. The cadre's login is made as an administrator makes one (auth-server's
 * users API, a temporary password) and signs in as a person does ({@link ConsoleBrowser}). A page counts only if it
 * is the dashboard: HTTP 200, the province's name as the unit shown and at least one indicator's figure; anything
 * else (an error page, a sign-in form) is counted apart, never as a fast page.
 */
final class ConsoleDashboardQueries {

    /** The password the cadre chooses at the first sign-in (at least 10 characters). */
    private static final String OWN_PASSWORD = "BangTheoDoi@2026";
    private static final String FIGURE = "class=\"figure\"";

    private final ConsoleBrowser browser;
    private final String url;
    private final String province;
    private final String unitShown;
    private final int perSecond;
    private final List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger notCounted = new AtomicInteger();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private Thread thread;

    private ConsoleDashboardQueries(ConsoleBrowser browser, String url, String provinceName, int perSecond) {
        this.browser = browser;
        this.url = url;
        this.province = provinceName;
        this.unitShown = "<h2 id=\"unit-name\">" + provinceName + "</h2>";
        this.perSecond = perSecond;
    }

    /**
     * Makes the login of a cadre of {@code province} (waiting until auth-server has learnt the unit from Kafka), signs it
     * in at the console and opens the province's dashboard once.
     */
    static ConsoleDashboardQueries signIn(Api api, NationalTree.Unit province, String unitId, String planId, int perSecond) throws Exception {
        String username = "bt." + province.code().toLowerCase(java.util.Locale.ROOT);
        String temporary = cadreLogin(api, username, "Bí thư " + province.name(), unitId);
        String url = api.url(Service.CONSOLE) + "/bang-theo-doi?planId=" + planId + "&periodId=" + NationalPlan.PERIOD + "&unitId=" + unitId;
        ConsoleBrowser browser = new ConsoleBrowser();
        ConsoleDashboardQueries queries = new ConsoleDashboardQueries(browser, url, province.name(), perSecond);
        HttpResponse<String> first;
        try {
            first = browser.signIn(url, username, temporary, OWN_PASSWORD);
        } catch (IllegalStateException unanswered) {
            // signed in, but the first dashboard after the tree was stored reads each service's tree index whole: open it again
            System.out.println(unanswered.getMessage() + "; the dashboard again in 15 s");
            Thread.sleep(15_000);
            first = browser.get(url);
        }
        if (!queries.isDashboard(first)) {
            throw new IllegalStateException("The console did not show " + province.name() + "'s dashboard to " + username + ": "
                    + first.body().substring(0, Math.min(600, first.body().length())));
        }
        System.out.println("Web console: " + username + " signed in; " + url);
        return queries;
    }

    /** {@code POST /api/users} (CADRE of the unit) and its temporary password, as an administrator; returns the password. */
    private static String cadreLogin(Api api, String username, String displayName, String unitId) throws Exception {
        String users = api.url(Service.AUTH) + "/api/users";
        String body = Api.JSON.writeValueAsString(Map.of("username", username, "displayName", displayName, "email", username + "@doan.vn",
                "roles", List.of("CADRE"), "unitId", unitId));
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            HttpResponse<String> answer = api.send(api.request(users).header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
            if (answer.statusCode() == 201) {
                break;
            }
            // 400 on unitId: auth-server has not yet read the unit from Kafka
            if (answer.statusCode() != 400 || !answer.body().contains("unitId") || System.nanoTime() > deadline) {
                throw new IllegalStateException("POST " + users + ": " + answer.statusCode() + " " + answer.body());
            }
            Thread.sleep(500);
        }
        JsonNode temporary = api.post(users + "/" + username + "/temporary-password", "", 200);
        return temporary.get("temporaryPassword").asString();
    }

    void start() {
        long period = TimeUnit.SECONDS.toNanos(1) / perSecond;
        thread = new Thread(() -> {
            long next = System.nanoTime();
            while (running.get()) {
                long wait = next - System.nanoTime();
                try {
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                } catch (InterruptedException e) {
                    return;
                }
                next += period;
                query();
                // a late page delays the next one; none are sent in a burst to catch up
                next = Math.max(next, System.nanoTime());
            }
        }, "bench-console-dashboard");
        thread.start();
    }

    /** One page, timed from the request until its last byte. */
    private void query() {
        try {
            long t = System.nanoTime();
            HttpResponse<String> page = browser.get(url);
            long took = System.nanoTime() - t;
            if (isDashboard(page)) {
                nanos.add(took);
            } else if (notCounted.incrementAndGet() <= 3) {
                System.err.println("console dashboard: HTTP " + page.statusCode() + ", not the dashboard; not counted");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.set(false);
        } catch (Exception e) {
            notCounted.incrementAndGet();
            System.err.println("console dashboard: " + e);
        }
    }

    void stop() throws InterruptedException {
        running.set(false);
        thread.join();
        System.out.println("Web console dashboard: " + result());
    }

    /**
     * The same page at the same pace for {@code seconds}, by the same signed-in cadre, on a stack at rest (the load over and
     * counted at the centre): what the page costs when the machine is not busy with the load.
     */
    NationalResults.ConsoleDashboardPages atRest(int seconds) throws InterruptedException {
        ConsoleDashboardQueries quiet = new ConsoleDashboardQueries(browser, url, province, perSecond);
        quiet.start();
        Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
        quiet.stop();
        return quiet.result();
    }

    boolean isDashboard(HttpResponse<String> page) {
        return page.statusCode() == 200 && page.body().contains(unitShown) && page.body().contains(FIGURE);
    }

    /** The server times of the pages that were the dashboard, in nanoseconds, sorted. */
    long[] sorted() {
        long[] all = nanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(all);
        return all;
    }

    NationalResults.ConsoleDashboardPages result() {
        long[] sorted = sorted();
        return new NationalResults.ConsoleDashboardPages(province, "/bang-theo-doi?planId&periodId&unitId", perSecond,
                Percentiles.ofNanos(sorted), sorted.length, notCounted.get());
    }
}
