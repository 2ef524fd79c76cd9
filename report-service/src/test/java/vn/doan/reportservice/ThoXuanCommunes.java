package vn.doan.reportservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.doan.events.EventCodec;
import vn.doan.events.Topics;
import vn.doan.events.plan.UnitCreated;
import vn.doan.events.plan.UnitLevel;
import vn.doan.events.report.ReportSubmitted;
import vn.doan.support.test.Backends;
import vn.doan.support.test.HttpJson;
import vn.doan.support.test.KafkaTestClient;

/**
 * report-service over real HTTP on the in-process Kafka broker and MongoDB wire server, with Tỉnh đoàn Thanh Hóa,
 * Huyện đoàn Thọ Xuân and its Đông Sơn neighbour, the communes of Thọ Xuân and plan 54-CT/ĐTN of Thọ Xuân, as
 * plan-service announces them. The subclasses share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=report-service", "doan.outbox.interval=50ms", "doan.outbox.sweep-interval=1h"})
@Import(MongoCommands.class)
abstract class ThoXuanCommunes {

    static final List<String> COMMUNES = List.of("Đoàn xã Thọ Lập", "Đoàn xã Xuân Hòa", "Đoàn xã Xuân Lai", "Đoàn xã Xuân Tín",
            "Đoàn xã Xuân Minh", "Đoàn xã Thọ Diên", "Đoàn xã Thọ Hải", "Đoàn xã Tây Hồ", "Đoàn xã Xuân Giang", "Đoàn xã Bắc Lương",
            "Đoàn xã Nam Giang", "Đoàn xã Xuân Phong", "Đoàn xã Thọ Lâm");

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        Backends.embedded().register(registry, "report_batch_test");
    }

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;
    static KafkaTestClient kafka;
    HttpJson admin;

    String province;
    String thoXuan;
    String dongSon;
    String planId;
    /** Commune name → unit id, in the order of {@link #COMMUNES}. */
    Map<String, String> communes;

    @BeforeEach
    void thoXuan() {
        kafka = kafka == null ? new KafkaTestClient(Backends.embedded().kafkaBootstrap(), "/plan-service") : kafka;
        admin = new HttpJson("http://localhost:" + port);
        String run = UUID.randomUUID().toString().substring(0, 8);
        province = "thanhhoa-" + run;
        thoXuan = "thoxuan-" + run;
        dongSon = "dongson-" + run;
        planId = "plan54-" + run;
        unit(province, "Tỉnh đoàn Thanh Hóa", UnitLevel.PROVINCE, null, List.of());
        unit(thoXuan, "Huyện đoàn Thọ Xuân", UnitLevel.DISTRICT, province, List.of(province));
        unit(dongSon, "Huyện đoàn Đông Sơn", UnitLevel.DISTRICT, province, List.of(province));
        communes = new LinkedHashMap<>();
        for (int i = 0; i < COMMUNES.size(); i++) {
            String id = "xa" + i + "-" + run;
            communes.put(COMMUNES.get(i), id);
            unit(id, COMMUNES.get(i), UnitLevel.GRASSROOTS, thoXuan, List.of(province, thoXuan));
        }
        kafka.publish(ReportServiceIntegrationTests.plan(planId, thoXuan), thoXuan);
        String last = communes.get(COMMUNES.get(COMMUNES.size() - 1));
        ReportServiceIntegrationTests.await(() -> mongo.getCollection("plans").countDocuments(new Document("_id", planId)) == 1
                && mongo.getCollection("units").countDocuments(new Document("_id", last)) == 1);
    }

    @AfterAll
    static void close() {
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
    }

    void unit(String id, String name, UnitLevel level, String parent, List<String> ancestors) {
        kafka.publish(new UnitCreated(id, id.toUpperCase(), name, level, "commune", parent, ancestors, LocalDate.of(2016, 1, 1)), id);
    }

    /** A commune's report for 2016: of 20 cadres, {@code trained} went to a training course (CT01). */
    Map<String, Object> report(String unitId, int trained) {
        return Map.of("planId", planId, "unitId", unitId, "periodId", "2016", "values", values(trained));
    }

    static List<Map<String, Object>> values(int trained) {
        return List.of(Map.of("indicatorCode", "CT01", "numerator", trained, "denominator", 20));
    }

    static Map<String, String> key(String key) {
        return Map.of("Idempotency-Key", key);
    }

    /** The CT01 numerator published for each unit of the plan, once every report's outbox is empty; one event per report. */
    Map<String, Long> publishedNumerators() {
        ReportServiceIntegrationTests.await(() -> mongo.getCollection("reports").countDocuments(new Document("planId", planId)
                .append("outbox.0", new Document("$exists", true))) == 0);
        Map<String, Long> numerators = new HashMap<>();
        kafka.readToEnd(Topics.REPORTS).stream().map(KafkaTestClient::envelope).map(e -> EventCodec.data(e).orElseThrow())
                .filter(ReportSubmitted.class::isInstance).map(ReportSubmitted.class::cast).filter(r -> r.planId().equals(planId))
                .forEach(r -> {
                    assertThat(numerators.put(r.unitId(), r.values().get(0).numerator())).as("one event per report").isNull();
                });
        return numerators;
    }
}
