package vn.doan.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import vn.doan.authserver.TokenClient;
import vn.doan.events.EventCodec;

/**
 * The whole system as web and mobile clients see it: everything through the gateway, with access tokens from
 * the real authorisation server — demo users logging in (authorization code with PKCE) and the demo data
 * loader (client credentials). Each cadre sees and changes only their part of the tree. Then a few thousand
 * malformed and hostile requests: each answered 4xx problem+json, none stored.
 */
class GatewayEndToEndTest {

    static final String WEB = "doan-web";
    static final String CALLBACK = "http://localhost:3000/callback";
    static final String PASSWORD = "doan@2025";

    @TempDir
    static Path dataDir;
    static EmbeddedKafka kafka;
    static EmbeddedMongo mongo;
    static Services services;
    static ApiClient admin;
    static String province;
    static String thoXuan;
    static String dongSon;
    static String thoLap;
    static String xuanHoa;

    @BeforeAll
    static void start() throws IOException {
        kafka = EmbeddedKafka.start(freePort(), freePort(), dataDir.resolve("kafka"));
        mongo = EmbeddedMongo.start(freePort(), dataDir.resolve("mongo.mv.db"));
        services = Services.start(kafka.bootstrap(), mongo.uri(), Map.of(), List.of("--doan.outbox.interval=50ms",
                "--doan.gateway.rate-limit.capacity=100000", "--doan.gateway.rate-limit.per-second=10000"));
        admin = new ApiClient(services);
        province = admin.createUnit("TD-THANHHOA", "Tỉnh đoàn Thanh Hóa", "PROVINCE", null, null);
        thoXuan = admin.createUnit("HD-THOXUAN", "Huyện đoàn Thọ Xuân", "DISTRICT", "district", province);
        dongSon = admin.createUnit("HD-DONGSON", "Huyện đoàn Đông Sơn", "DISTRICT", "district", province);
        thoLap = admin.createUnit("CS-THOXUAN-1", "Đoàn xã Thọ Lập", "GRASSROOTS", "commune", thoXuan);
        xuanHoa = admin.createUnit("CS-THOXUAN-2", "Đoàn xã Xuân Hòa", "GRASSROOTS", "commune", thoXuan);
        DemoData.assignDemoUnits(services, Map.of("TD-THANHHOA", province, "HD-THOXUAN", thoXuan, "CS-THOXUAN-1", thoLap,
                "CS-THOXUAN-2", xuanHoa));
    }

    @AfterAll
    static void stop() {
        if (services != null) {
            services.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (mongo != null) {
            mongo.close();
        }
    }

    static ApiClient loggedIn(String username) {
        TokenClient tokens = ApiClient.tokens(services);
        return ApiClient.throughGateway(services, tokens.login(WEB, CALLBACK, username, PASSWORD));
    }

    static String gateway(String path) {
        return services.url(Services.Service.GATEWAY) + path;
    }

    @Test
    void throughTheGatewayEachCadreWorksOnlyOnTheirPartOfTheTree() {
        ApiClient district = loggedIn("bt.thoxuan");
        ApiClient commune = loggedIn("bt.tholap");
        ApiClient neighbour = loggedIn("bt.xuanhoa");
        ApiClient analyst = loggedIn("phantich");
        ApiClient anonymous = ApiClient.throughGateway(services, null);

        assertThat(anonymous.get(gateway("/api/units/" + thoXuan)).status()).isEqualTo(401);
        assertThat(district.get(gateway("/api/units/" + thoLap)).status()).isEqualTo(200);
        assertThat(district.get(gateway("/api/units/" + dongSon)).status()).as("a sibling district").isEqualTo(403);
        assertThat(commune.get(gateway("/api/units/" + xuanHoa)).status()).as("a neighbour").isEqualTo(403);

        LocalDate today = LocalDate.now(EventCodec.ZONE);
        String period = String.valueOf(today.getYear());
        ApiClient.Answer refused = commune.post(gateway("/api/plans"), plan(thoXuan, today), Map.of());
        assertThat(refused.status()).as("a commune cannot issue the district's plan").isEqualTo(403);
        String planId = district.post(gateway("/api/plans"), plan(thoXuan, today), Map.of()).body().get("id").asString();
        assertThat(district.post(gateway("/api/plans/" + planId + "/issue"), Map.of(), Map.of()).status()).isEqualTo(200);
        assertThat(commune.get(gateway("/api/plans/" + planId)).status()).as("the plan reaches the communes").isEqualTo(200);

        Map<String, Object> forXuanHoa = report(planId, xuanHoa, period, 20, 25);
        assertThat(commune.post(gateway("/api/reports"), forXuanHoa, Map.of("Idempotency-Key", UUID.randomUUID().toString())).status())
                .as("a grassroots cadre cannot submit for a neighbour").isEqualTo(403);
        JsonNode submitted = commune.submitReport(planId, thoLap, period, List.of(Map.of("indicatorCode", "CT1", "numerator", 18,
                "denominator", 20)), Duration.ofSeconds(30));
        String reportId = submitted.get("id").asString();
        assertThat(neighbour.get(gateway("/api/reports/" + reportId)).status()).isEqualTo(403);
        assertThat(commune.post(gateway("/api/reports/" + reportId + "/accept"), Map.of(), Map.of()).status())
                .as("nobody reviews their own report").isEqualTo(403);
        ApiClient.Answer accepted = district.post(gateway("/api/reports/" + reportId + "/accept"), Map.of(),
                Map.of("X-Correlation-Id", "nghiem-thu-" + reportId));
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.body().get("transitions").values().stream().map(t -> t.get("to").asString() + " by " + t.get("by").asString())
                .toList()).containsExactly("DRAFT by bt.tholap", "SUBMITTED by bt.tholap", "ACCEPTED by bt.thoxuan");

        Document audit = services.context(Services.Service.REPORT).getBean(MongoTemplate.class).getCollection("audit")
                .find(new Document("path", "/api/reports/" + reportId + "/accept").append("status", 200)).first();
        assertThat(audit.getString("subject")).isEqualTo("bt.thoxuan");
        assertThat(audit.getString("unitId")).isEqualTo(thoXuan);
        assertThat(audit.getString("clientId")).isEqualTo(WEB);
        assertThat(audit.getString("correlationId")).isEqualTo("nghiem-thu-" + reportId);

        JsonNode progress = EndToEndTests.await("the district's progress", () -> analyst.progress(planId, period, thoXuan),
                answer -> answer.status() == 200 && answer.body().get("indicators").get(0).get("subtree").get("reportingUnits").asInt() == 1)
                .body();
        assertThat(progress.get("indicators").get(0).get("subtree").get("numerator").asLong()).isEqualTo(18);
        assertThat(commune.progress(planId, period, thoXuan).status()).as("a commune does not read the district's totals").isEqualTo(403);
        assertThat(analyst.get(gateway("/api/reports/" + reportId)).status()).as("analysts read aggregates only").isEqualTo(403);
    }

    static Map<String, Object> report(String planId, String unitId, String period, long numerator, long denominator) {
        return Map.of("planId", planId, "unitId", unitId, "periodId", period,
                "values", List.of(Map.of("indicatorCode", "CT1", "numerator", numerator, "denominator", denominator)));
    }

    static Map<String, Object> plan(String issuer, LocalDate today) {
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("number", "54-CT/ĐTN");
        plan.put("title", "Chương trình hành động thực hiện Nghị quyết số 02-NQ/TU của Ban Thường vụ Tỉnh ủy");
        plan.put("issuingUnitId", issuer);
        plan.put("issuedOn", today.withDayOfYear(1).toString());
        plan.put("periodFrom", today.withDayOfYear(1).toString());
        plan.put("periodTo", today.withDayOfYear(today.lengthOfYear()).toString());
        plan.put("indicators", List.of(Map.of("code", "CT1",
                "text", "Hàng năm 100% cán bộ Đoàn – Hội – Đội được tham gia các lớp tập huấn của tỉnh và của huyện",
                "kind", "SHARE_OF_PEOPLE", "target", 100, "reportingLevels", List.of("GRASSROOTS"))));
        plan.put("schedule", List.of(Map.of("periodId", String.valueOf(today.getYear()), "label", "Báo cáo năm " + today.getYear(),
                "from", today.withDayOfYear(1).toString(), "to", today.withDayOfYear(today.lengthOfYear()).toString(),
                "dueDate", today.plusDays(20).toString(), "reportingLevels", List.of("GRASSROOTS"))));
        return plan;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
