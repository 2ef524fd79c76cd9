package vn.doan.reportservice;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ServerAddress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.JsonNode;
import vn.doan.support.test.Backends;
import vn.doan.support.test.HttpJson;
import vn.doan.support.test.TestTokens;

/**
 * MongoDB stores the reports but its acknowledgement never reaches report-service (the reply is swallowed by a proxy on
 * the wire, as a server too busy to answer in time does): the client is told the reports may be stored, never that
 * nothing was; sent again with the same keys, it gets the stored reports as the same as before; each report's event
 * is published once.
 */
class LostAcknowledgementTest extends ThoXuanCommunes {

    private static StallingProxy proxy;

    /** report-service reaches MongoDB through the proxy and waits 2 s for an answer. */
    @TestConfiguration
    static class ThroughTheProxy {

        @Bean
        MongoClientSettingsBuilderCustomizer throughTheProxy() {
            return settings -> settings.applyToClusterSettings(cluster -> cluster.hosts(List.of(new ServerAddress("127.0.0.1", proxy().port()))))
                    .applyToSocketSettings(socket -> socket.readTimeout(2, TimeUnit.SECONDS));
        }
    }

    private static synchronized StallingProxy proxy() {
        if (proxy == null) {
            try {
                proxy = new StallingProxy(URI.create(Backends.embedded().mongoUri()).getPort());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return proxy;
    }

    @Test
    void aBatchStoredWithoutAcknowledgementIsAnsweredMaybeStoredAndSentAgainIsTheSameReports() {
        HttpJson district = admin.as(TestTokens.cadre("la-huyendoan-thoxuan", thoXuan));
        List<Map<String, Object>> reports = new ArrayList<>();
        Map<String, Long> trained = new HashMap<>();
        for (int i = 0; i < COMMUNES.size(); i++) {
            String unitId = communes.get(COMMUNES.get(i));
            reports.add(Map.of("idempotencyKey", "la-" + i + "-" + planId, "planId", planId, "unitId", unitId, "periodId", "2016",
                    "values", values(i + 7)));
            trained.put(unitId, (long) i + 7);
        }
        proxy().swallowReplyToNextInsertInto("reports");

        HttpJson.Response lost = district.post("/api/reports/batch", Map.of("reports", reports));

        maybeStored(lost);
        Map<String, String> stored = storedReports();
        assertThat(stored).as("all thirteen stored, though unacknowledged").hasSize(13);

        HttpJson.Response again = district.post("/api/reports/batch", Map.of("reports", reports));

        assertThat(again.status()).as(again.body().toString()).isEqualTo(200);
        assertThat(List.of(again.body().get("created").asInt(), again.body().get("repeated").asInt(), again.body().get("refused").asInt()))
                .containsExactly(0, 13, 0);
        for (JsonNode answer : again.body().get("reports").values()) {
            assertThat(answer.get("status").asInt()).isEqualTo(200);
            assertThat(answer.get("reportId").asString()).isEqualTo(stored.get(answer.get("unitId").asString()));
        }
        assertThat(storedReports()).isEqualTo(stored);
        assertThat(publishedNumerators()).as("one event per report, with its values").isEqualTo(trained);
    }

    @Test
    void aReportStoredWithoutAcknowledgementIsPublishedOnceAndSentAgainIsTheSameReport() {
        String thoLap = communes.get("Đoàn xã Thọ Lập");
        HttpJson secretary = admin.as(TestTokens.cadre("la-tholap", thoLap));
        proxy().swallowReplyToNextInsertInto("reports");

        HttpJson.Response lost = secretary.post("/api/reports", report(thoLap, 19), key("la-tholap-" + planId));

        maybeStored(lost);
        Map<String, String> stored = storedReports();
        assertThat(stored).as("stored, though unacknowledged").containsOnlyKeys(thoLap);

        HttpJson.Response again = secretary.post("/api/reports", report(thoLap, 19), key("la-tholap-" + planId));

        assertThat(again.status()).as(again.body().toString()).isEqualTo(200);
        assertThat(again.body().get("id").asString()).isEqualTo(stored.get(thoLap));
        assertThat(publishedNumerators()).as("its event, once, without waiting for the relay's search of the collection").isEqualTo(Map.of(thoLap, 19L));
    }

    private static void maybeStored(HttpJson.Response lost) {
        assertThat(lost.status()).as(lost.body().toString()).isEqualTo(503);
        assertThat(lost.contentType()).startsWith("application/problem+json");
        assertThat(lost.body().get("rule").asString()).isEqualTo("storage.outcome-unknown");
        assertThat(lost.body().get("detail_vi").asString()).contains("có thể đã được lưu");
    }

    /** The plan's stored reports: unit → report id. */
    private Map<String, String> storedReports() {
        Map<String, String> stored = new HashMap<>();
        mongo.getCollection("reports").find(new Document("planId", planId)).forEach(r -> stored.put(r.getString("unitId"), r.getString("_id")));
        return stored;
    }
}
