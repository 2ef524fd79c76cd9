package vn.doan.benchmarks.national;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.doan.events.plan.UnitLevel;

/**
 * The load driver sending reports as an offline phone (batches of 5–20) and as a district's sheet (100–500) would,
 * against an HTTP server that answers {@code POST /api/reports/batch} as report-service does: a status per report, here
 * 409 for the second report of every batch.
 */
class LoadDriverBatchTest {

    private HttpServer server;
    private final List<JsonNode> batches = new CopyOnWriteArrayList<>();
    private final List<String> paths = new CopyOnWriteArrayList<>();
    /** When set, each batch's first request is answered 503 storage.outcome-unknown, as report-service does when MongoDB's acknowledgement is lost. */
    private volatile boolean acknowledgementLost;
    private final Set<String> seenBodies = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @BeforeEach
    void reportService() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/reports", exchange -> {
            paths.add(exchange.getRequestURI().getPath());
            String text = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (acknowledgementLost && seenBodies.add(text)) {
                byte[] problem = ("{\"status\":503,\"code\":\"" + LoadDriver.OUTCOME_UNKNOWN + "\",\"detail_vi\":\"Có thể đã lưu; hãy gửi lại với cùng khóa.\"}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
                exchange.sendResponseHeaders(503, problem.length);
                exchange.getResponseBody().write(problem);
                exchange.close();
                return;
            }
            JsonNode batch = Api.JSON.readTree(text);
            batches.add(batch);
            StringJoiner answers = new StringJoiner(",", "{\"reports\":[", "]}");
            for (int i = 0; i < batch.get("reports").size(); i++) {
                answers.add("{\"index\":" + i + ",\"status\":" + (i == 1 ? 409 : 201) + "}");
            }
            byte[] body = answers.toString().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aPhoneSendsItsQueueInBatchesOfFiveToTwentyEachReportWithItsOwnKey() throws Exception {
        List<LoadDriver.Submission> reports = reports(157);

        LoadDriver.Load load = driver(Batching.PHONE).drive(reports, 0, 60, 4);

        assertThat(paths).containsOnly("/api/reports/batch");
        List<Integer> sizes = batches.stream().map(b -> b.get("reports").size()).toList();
        assertThat(sizes.subList(0, sizes.size() - 1)).allSatisfy(size -> assertThat(size).isBetween(5, 20));
        assertThat(sizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(157);
        assertSentInOrderWithDistinctKeys(reports);
        assertThat(load.sent()).isEqualTo(157);
        assertThat(load.accepted()).as("all but the second of each batch").isEqualTo(157 - sizes.stream().filter(size -> size > 1).count());
    }

    @Test
    void aDistrictSendsItsSheetInBatchesOfOneHundredToFiveHundred() throws Exception {
        List<LoadDriver.Submission> reports = reports(1_201);

        LoadDriver.Load load = driver(Batching.SHEET).drive(reports, 0, 60, 2);

        List<Integer> sizes = batches.stream().map(b -> b.get("reports").size()).toList();
        assertThat(sizes.subList(0, sizes.size() - 1)).allSatisfy(size -> assertThat(size).isBetween(100, 500));
        assertSentInOrderWithDistinctKeys(reports);
        assertThat(load.accepted()).isEqualTo(1_201 - sizes.stream().filter(size -> size > 1).count());
        assertThat(load.status()[1]).isEqualTo(409);
        int firstBatch = batches.stream()
                .filter(b -> b.get("reports").get(0).get("unitId").asString().equals(reports.get(0).unit().id()))
                .findFirst().orElseThrow().get("reports").size();
        assertThat(load.answeredAt()[0]).as("a report is answered when its batch is").isEqualTo(load.answeredAt()[firstBatch - 1]);
    }

    @Test
    void aBatchWhoseOutcomeIsUnknownIsSentAgainWithTheSameKeysAndCountedAsItsSecondAnswerSays() throws Exception {
        acknowledgementLost = true;
        List<LoadDriver.Submission> reports = reports(57);

        LoadDriver.Load load = driver(Batching.PHONE).drive(reports, 0, 60, 3);

        List<Integer> sizes = batches.stream().map(b -> b.get("reports").size()).toList();
        assertThat(paths).as("each batch twice: the lost acknowledgement, then the answer").hasSize(2 * batches.size());
        assertThat(seenBodies).as("the second request of a batch is the first's, keys included").hasSize(batches.size());
        assertSentInOrderWithDistinctKeys(reports);
        assertThat(load.accepted()).isEqualTo(57 - sizes.stream().filter(size -> size > 1).count());
    }

    private void assertSentInOrderWithDistinctKeys(List<LoadDriver.Submission> reports) {
        List<String> units = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        batches.stream().sorted((a, b) -> a.get("reports").get(0).get("unitId").asString().compareTo(b.get("reports").get(0).get("unitId").asString()))
                .forEach(b -> b.get("reports").forEach(r -> {
                    units.add(r.get("unitId").asString());
                    keys.add(r.get("idempotencyKey").asString());
                    assertThat(r.get("planId").asString()).isEqualTo("ke-hoach-2026");
                    assertThat(r.get("values").size()).isEqualTo(12);
                }));
        assertThat(units).containsExactlyElementsOf(reports.stream().map(s -> s.unit().id()).toList());
        assertThat(keys).hasSize(reports.size());
    }

    private LoadDriver driver(Batching batching) {
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        return new LoadDriver(new Api(service -> url, () -> "token"), batching, new Random(2026));
    }

    /** Reports of the branches of Đoàn xã Thọ Lập, numbered so that their order sorts as text. */
    private static List<LoadDriver.Submission> reports(int count) {
        Random values = new Random(7);
        List<LoadDriver.Submission> reports = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = String.format("chi-doan-tho-lap-%05d", i);
            reports.add(LoadDriver.Submission.of("ke-hoach-2026", id, new StackSetup.Known(id, UnitLevel.BRANCH, List.of("tho-lap")),
                    NationalPlan.values(values)));
        }
        return reports;
    }
}
