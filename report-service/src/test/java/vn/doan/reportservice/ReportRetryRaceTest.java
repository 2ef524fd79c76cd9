package vn.doan.reportservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.doan.events.EventCodec;
import vn.doan.events.Topics;
import vn.doan.events.report.ReportSubmitted;
import vn.doan.support.test.HttpJson;
import vn.doan.support.test.KafkaTestClient;
import vn.doan.support.test.TestTokens;

/**
 * A phone on a bad connection sends its submission or revision again while the first request is still running: both
 * requests, started together from two threads, get the same report and one version is stored. Two different keys
 * racing are two requests: one wins, the other is told the report changed meanwhile.
 */
class ReportRetryRaceTest extends ThoXuanCommunes {

    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void aSubmissionRetriedWhileTheFirstRunsGetsTheSameReportAndOneVersion() {
        List<String> reports = new ArrayList<>();
        for (String commune : COMMUNES) {
            String unitId = communes.get(commune);
            HttpJson secretary = admin.as(TestTokens.cadre("bt-" + unitId, unitId));
            String id = secretary.post("/api/reports/drafts", report(unitId, 17), key(UUID.randomUUID().toString())).body().get("id").asString();
            String key = UUID.randomUUID().toString();

            List<HttpJson.Response> both = together(() -> secretary.post("/api/reports/" + id + "/submit", "", key(key)));

            assertThat(both).extracting(HttpJson.Response::status).as(commune + ": " + both.get(0).body() + both.get(1).body())
                    .containsExactlyInAnyOrder(201, 200);
            assertThat(both).allSatisfy(r -> {
                assertThat(r.body().get("id").asString()).isEqualTo(id);
                assertThat(r.body().get("status").asString()).isEqualTo("SUBMITTED");
                assertThat(r.body().get("version").asInt()).isEqualTo(1);
            });
            assertStored(id, 1);
            reports.add(id);
        }
        assertThat(publishedVersions(reports)).as("one ReportSubmitted per report").isEqualTo(times(reports, List.of(1)));
    }

    @Test
    void aRevisionRetriedWhileTheFirstRunsGetsTheSameReportAndOneVersion() {
        List<String> reports = new ArrayList<>();
        for (String commune : COMMUNES) {
            String unitId = communes.get(commune);
            HttpJson secretary = admin.as(TestTokens.cadre("bt-" + unitId, unitId));
            String id = secretary.post("/api/reports", report(unitId, 17), key(UUID.randomUUID().toString())).body().get("id").asString();
            String key = UUID.randomUUID().toString();

            List<HttpJson.Response> both = together(() -> secretary.post("/api/reports/" + id + "/revisions", Map.of("values", values(19)),
                    key(key)));

            assertThat(both).extracting(HttpJson.Response::status).as(commune + ": " + both.get(0).body() + both.get(1).body())
                    .containsExactlyInAnyOrder(201, 200);
            assertThat(both).allSatisfy(r -> {
                assertThat(r.body().get("version").asInt()).isEqualTo(2);
                assertThat(r.body().get("values").get(0).get("numerator").asInt()).isEqualTo(19);
            });
            assertStored(id, 2);
            reports.add(id);
        }
        assertThat(publishedVersions(reports)).as("versions 1 and 2 published once each").isEqualTo(times(reports, List.of(1, 2)));
    }

    @Test
    void twoDifferentKeysRacingAreTwoRequestsAndTheLoserIsRefused() {
        for (String commune : COMMUNES) {
            String unitId = communes.get(commune);
            HttpJson secretary = admin.as(TestTokens.cadre("bt-" + unitId, unitId));
            String id = secretary.post("/api/reports/drafts", report(unitId, 17), key(UUID.randomUUID().toString())).body().get("id").asString();

            List<HttpJson.Response> both = together(() -> secretary.post("/api/reports/" + id + "/submit", "", key(UUID.randomUUID().toString())));

            assertThat(both).extracting(HttpJson.Response::status).as(commune).containsExactlyInAnyOrder(201, 409);
            HttpJson.Response loser = both.get(0).status() == 409 ? both.get(0) : both.get(1);
            assertThat(loser.body().get("rule").asString()).isIn("report.changed-meanwhile", "report.wrong-status");
            assertStored(id, 1);
        }
    }

    /** The versions published in ReportSubmitted events, by report, once the reports' outboxes are empty. */
    private Map<String, List<Integer>> publishedVersions(List<String> reports) {
        ReportServiceIntegrationTests.await(() -> mongo.getCollection("reports").countDocuments(new Document("_id", new Document("$in", reports))
                .append("outbox.0", new Document("$exists", true))) == 0);
        return kafka.readToEnd(Topics.REPORTS).stream().map(KafkaTestClient::envelope).map(e -> EventCodec.data(e).orElseThrow())
                .filter(ReportSubmitted.class::isInstance).map(ReportSubmitted.class::cast).filter(r -> reports.contains(r.reportId()))
                .collect(Collectors.groupingBy(ReportSubmitted::reportId, TreeMap::new, Collectors.mapping(ReportSubmitted::version, Collectors.toList())));
    }

    private static Map<String, List<Integer>> times(List<String> reports, List<Integer> versions) {
        Map<String, List<Integer>> expected = new TreeMap<>();
        reports.forEach(id -> expected.put(id, versions));
        return expected;
    }

    /** Sends the request from two threads released at the same moment; their answers. */
    private List<HttpJson.Response> together(Supplier<HttpJson.Response> request) {
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<HttpJson.Response>> sent = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            sent.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return request.get();
            }, threads));
        }
        start.countDown();
        return sent.stream().map(CompletableFuture::join).toList();
    }

    /** The report holds exactly {@code versions} versions and one more transition (its creation as a draft). */
    private void assertStored(String id, int versions) {
        Document report = mongo.getCollection("reports").find(new Document("_id", id)).first();
        assertThat(report.getInteger("version")).isEqualTo(versions);
        assertThat(report.getList("versions", Document.class)).hasSize(versions);
        assertThat(report.getList("transitions", Document.class)).hasSize(versions + 1);
    }
}
