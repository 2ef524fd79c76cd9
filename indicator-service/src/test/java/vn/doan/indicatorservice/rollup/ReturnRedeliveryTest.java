package vn.doan.indicatorservice.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import vn.doan.events.EventCodec;
import vn.doan.events.report.ReportReturned;
import vn.doan.events.report.ReportSubmitted;
import vn.doan.support.test.Backends;
import vn.doan.support.test.HttpJson;
import vn.doan.support.test.KafkaTestClient;
import vn.doan.support.test.TwoProvinces;

/**
 * A process stopped after a return was written on the unit's own document and before its parents took it: the return
 * comes again from Kafka (its offset was never committed) and must then reach the district and the province, once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=indicator-service", "doan.outbox.interval=50ms", "doan.outbox.sweep-interval=1h"})
class ReturnRedeliveryTest {

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        Backends.embedded().register(registry, "indicator_return_redelivery_test");
    }

    @LocalServerPort
    int port;
    @Autowired
    OwnValues ownValues;
    static KafkaTestClient kafka;

    @AfterAll
    static void close() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void aReturnRedeliveredAfterAStopBetweenTheUnitAndItsParentsReachesEveryLevelOnce() {
        kafka = new KafkaTestClient(Backends.embedded().kafkaBootstrap(), "/report-service");
        HttpJson http = new HttpJson("http://localhost:" + port);
        TwoProvinces u = TwoProvinces.publish(kafka);
        report(u, u.commune(0), 18, 20);
        report(u, u.commune(1), 25, 25);
        report(u, u.commune(2), 174, 179);
        awaitTrained(http, u, u.thanhHoa, t -> t.get("reportingUnits").asInt() == 3);

        ReportReturned returned = new ReportReturned("bc-" + u.commune(2) + "-2016", 1, u.plan, u.commune(2), "2016",
                "Số liệu cán bộ được tập huấn chưa khớp danh sách", "bt.thoxuan", Instant.parse("2016-11-18T03:00:00Z"));
        List<Rollup> written = ownValues.returned(List.of(returned));
        assertThat(written).as("the unit's own document took the return").hasSize(1);
        JsonNode stale = trained(http, u, u.thoXuan);
        assertThat(List.of(stale.get("numerator").asLong(), stale.get("denominator").asLong(), stale.get("reportingUnits").asInt()))
                .as("the stop left the district with the returned figures").containsExactly(217L, 224L, 3);

        kafka.publish(returned, u.commune(2));
        for (String level : List.of(u.thoXuan, u.thanhHoa, u.centre)) {
            JsonNode trained = awaitTrained(http, u, level, t -> t.get("reportingUnits").asInt() == 2);
            assertThat(List.of(trained.get("numerator").asLong(), trained.get("denominator").asLong()))
                    .as("%s: 18 + 25 of 20 + 25, without Xuân Lai's 174 of 179", level).containsExactly(43L, 45L);
        }

        kafka.publish(returned, u.commune(2));
        sleep(1000);
        JsonNode again = trained(http, u, u.thanhHoa);
        assertThat(List.of(again.get("numerator").asLong(), again.get("denominator").asLong(), again.get("reportingUnits").asInt()))
                .as("a third delivery changes nothing").containsExactly(43L, 45L, 2);
    }

    private static void report(TwoProvinces u, String unit, long trained, long cadres) {
        kafka.publish(new ReportSubmitted("bc-" + unit + "-2016", 1, u.plan, unit, "2016",
                LocalDate.of(2016, 10, 15).atStartOfDay(EventCodec.ZONE).toInstant(), LocalDate.of(2016, 11, 15), 0,
                List.of(new ReportSubmitted.Value("CT01", trained, cadres))), unit);
    }

    private static JsonNode trained(HttpJson http, TwoProvinces u, String unit) {
        HttpJson.Response progress = http.get("/api/progress/" + u.plan + "/2016/units/" + unit);
        return progress.status() == 200 ? progress.body().get("indicators").get(0).get("subtree") : null;
    }

    private static JsonNode awaitTrained(HttpJson http, TwoProvinces u, String unit, Predicate<JsonNode> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = trained(http, u, unit);
            if (last != null && done.test(last)) {
                return last;
            }
            sleep(100);
        }
        throw new AssertionError(unit + ": roll-up not reached; last: " + last);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
