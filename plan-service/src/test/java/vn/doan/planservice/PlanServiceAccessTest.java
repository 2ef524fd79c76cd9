package vn.doan.planservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.doan.events.Topics;
import vn.doan.support.test.Backends;
import vn.doan.support.test.HttpJson;
import vn.doan.support.test.TestTokens;

/**
 * Who may read and change the tree and the plans, endpoint by endpoint: no token → 401, wrong role or unit
 * → 403 problem+json, the right one → success. Tỉnh đoàn Thanh Hóa above the districts Thọ Xuân and
 * Đông Sơn (siblings); Đoàn xã Thọ Lập under Thọ Xuân.
 */
class PlanServiceAccessTest extends PlanServiceTestBase {

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        Backends.embedded().register(registry, "plan_access_test");
    }

    @Override
    String kafkaBootstrap() {
        return Backends.embedded().kafkaBootstrap();
    }

    String province;
    String thoXuan;
    String dongSon;
    String thoLap;
    HttpJson anonymous;
    HttpJson provinceCadre;
    HttpJson thoXuanCadre;
    HttpJson dongSonCadre;
    HttpJson thoLapCadre;
    HttpJson analyst;

    @BeforeEach
    void tree() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        province = createUnitId("TH-" + run, "Tỉnh đoàn Thanh Hóa", "PROVINCE", null);
        thoXuan = createUnitId("TH-TX-" + run, "Huyện đoàn Thọ Xuân", "DISTRICT", province);
        dongSon = createUnitId("TH-DS-" + run, "Huyện đoàn Đông Sơn", "DISTRICT", province);
        thoLap = createUnitId("TH-TX-TL-" + run, "Đoàn xã Thọ Lập", "GRASSROOTS", thoXuan);
        anonymous = http().anonymous();
        provinceCadre = http().as(TestTokens.cadre("pbt-tinhdoan", province));
        thoXuanCadre = http().as(TestTokens.cadre("bt-huyendoan-thoxuan", thoXuan));
        dongSonCadre = http().as(TestTokens.cadre("bt-huyendoan-dongson", dongSon));
        thoLapCadre = http().as(TestTokens.cadre("bt-tholap", thoLap));
        analyst = http().as(TestTokens.analyst("chuyen-vien-phan-tich"));
    }

    @Test
    void onlyAnAdministratorChangesTheTree() {
        Map<String, Object> unit = PlanFixtures.unit("TH-TX-XH-" + UUID.randomUUID(), "Đoàn xã Xuân Hòa", "GRASSROOTS", thoXuan);
        assertUnauthorized(anonymous.post("/api/units", unit));
        assertForbidden(thoXuanCadre.post("/api/units", unit));
        assertForbidden(analyst.post("/api/units", unit));
        assertThat(http().post("/api/units", unit).status()).isEqualTo(201);

        Map<String, Object> rename = Map.of("name", "Đoàn xã Thọ Lập (mới)", "effectiveFrom", "2017-01-01");
        assertUnauthorized(anonymous.post("/api/units/" + thoLap + "/rename", rename));
        assertForbidden(thoLapCadre.post("/api/units/" + thoLap + "/rename", rename));
        assertForbidden(thoXuanCadre.post("/api/units/" + thoLap + "/rename", rename));
        assertThat(http().post("/api/units/" + thoLap + "/rename", rename).status()).isEqualTo(200);

        Map<String, Object> move = Map.of("newParentId", dongSon, "effectiveFrom", "2017-01-01");
        assertForbidden(provinceCadre.post("/api/units/" + thoLap + "/move", move));
        assertForbidden(provinceCadre.post("/api/units/import", Map.of("rows", List.of())));
        assertForbidden(provinceCadre.post("/api/units/merge", Map.of("sourceUnitIds", List.of(thoXuan, dongSon), "targetUnitId", thoXuan,
                "effectiveFrom", "2017-01-01")));
    }

    @Test
    void aCadreReadsTheUnitsOfTheirSubtreeAndNotASiblingDistrict() {
        assertUnauthorized(anonymous.get("/api/units/" + thoLap));
        assertForbidden(dongSonCadre.get("/api/units/" + thoLap));
        assertForbidden(dongSonCadre.get("/api/units/" + thoXuan));
        assertForbidden(thoLapCadre.get("/api/units/" + thoXuan));
        assertThat(thoLapCadre.get("/api/units/" + thoLap).status()).isEqualTo(200);
        assertThat(thoXuanCadre.get("/api/units/" + thoLap).status()).isEqualTo(200);
        assertThat(provinceCadre.get("/api/units/" + thoLap).status()).isEqualTo(200);
        assertThat(analyst.get("/api/units/" + thoLap).status()).isEqualTo(200);

        assertUnauthorized(anonymous.get("/api/units?parentId=" + thoXuan));
        assertForbidden(dongSonCadre.get("/api/units?parentId=" + thoXuan));
        HttpJson.Response children = thoXuanCadre.get("/api/units?parentId=" + thoXuan);
        assertThat(children.status()).isEqualTo(200);
        assertThat(children.body().values().stream().map(u -> u.get("name").asString()).toList()).containsExactly("Đoàn xã Thọ Lập");
    }

    @Test
    void aDistrictCadreIssuesPlansForTheirOwnUnitOnly() {
        Map<String, Object> plan = PlanFixtures.thoXuanActionProgram(thoXuan);
        plan.put("number", "54-CT/ĐTN-" + UUID.randomUUID().toString().substring(0, 4));
        assertUnauthorized(anonymous.post("/api/plans", plan));
        assertForbidden(dongSonCadre.post("/api/plans", plan));
        assertForbidden(thoLapCadre.post("/api/plans", plan));
        assertForbidden(provinceCadre.post("/api/plans", plan));
        assertForbidden(analyst.post("/api/plans", plan));
        HttpJson.Response draft = thoXuanCadre.post("/api/plans", plan, Map.of("X-Correlation-Id", "ke-hoach-54-" + thoXuan));
        assertThat(draft.status()).as(draft.body().toString()).isEqualTo(201);
        String id = draft.body().get("id").asString();

        assertUnauthorized(anonymous.send("PUT", "/api/plans/" + id, plan));
        assertForbidden(dongSonCadre.send("PUT", "/api/plans/" + id, plan));
        Map<String, Object> handedToSibling = new java.util.LinkedHashMap<>(plan);
        handedToSibling.put("issuingUnitId", dongSon);
        assertForbidden(thoXuanCadre.send("PUT", "/api/plans/" + id, handedToSibling));
        assertThat(thoXuanCadre.send("PUT", "/api/plans/" + id, plan).status()).isEqualTo(200);

        assertUnauthorized(anonymous.post("/api/plans/" + id + "/issue", ""));
        assertForbidden(thoLapCadre.post("/api/plans/" + id + "/issue", ""));
        assertForbidden(provinceCadre.post("/api/plans/" + id + "/issue", ""));
        HttpJson.Response issued = thoXuanCadre.post("/api/plans/" + id + "/issue", "", Map.of("X-Correlation-Id", "phat-hanh-" + id));
        assertThat(issued.status()).as(issued.body().toString()).isEqualTo(200);

        Map<String, Object> close = Map.of("closedOn", "2020-12-31", "reason", "Hết nhiệm kỳ");
        assertForbidden(dongSonCadre.post("/api/plans/" + id + "/close", close));
        assertForbidden(thoLapCadre.post("/api/plans/" + id + "/revisions", Map.of("reason", "Điều chỉnh", "plan", plan)));

        List<ConsumerRecord<String, String>> records = kafka.read(Topics.PLANS, Duration.ofSeconds(20),
                read -> read.stream().anyMatch(r -> r.value().contains(id)));
        ConsumerRecord<String, String> record = records.stream().filter(r -> r.value().contains(id)).findFirst().orElseThrow();
        assertThat(new String(record.headers().lastHeader("correlation-id").value(), java.nio.charset.StandardCharsets.UTF_8))
                .as("the issuing request's correlation id travels on the Kafka record").isEqualTo("phat-hanh-" + id);

        Document audit = mongo.getCollection("audit").find(new Document("path", "/api/plans/" + id + "/issue").append("status", 200)).first();
        assertThat(audit).isNotNull();
        assertThat(audit.getString("subject")).isEqualTo("bt-huyendoan-thoxuan");
        assertThat(audit.getString("unitId")).isEqualTo(thoXuan);
        assertThat(audit.getString("clientId")).isEqualTo(TestTokens.CLIENT);
        assertThat(audit.getString("method")).isEqualTo("POST");
        assertThat(audit.getString("correlationId")).isEqualTo("phat-hanh-" + id);
        assertThat(audit.get("at")).isNotNull();
        assertThat(mongo.getCollection("audit").countDocuments(new Document("path", "/api/plans/" + id + "/issue").append("status", 403)))
                .as("refused writes are audited too").isEqualTo(2);
    }

    @Test
    void plansAreReadDownAndUpTheTreeButNotAcrossIt() {
        Map<String, Object> plan = PlanFixtures.thoXuanActionProgram(thoXuan);
        String id = http().post("/api/plans", plan).body().get("id").asString();

        assertUnauthorized(anonymous.get("/api/plans/" + id));
        assertForbidden(dongSonCadre.get("/api/plans/" + id));
        assertThat(thoLapCadre.get("/api/plans/" + id).status()).as("addressed to the units below").isEqualTo(200);
        assertThat(thoXuanCadre.get("/api/plans/" + id).status()).isEqualTo(200);
        assertThat(provinceCadre.get("/api/plans/" + id).status()).isEqualTo(200);

        assertUnauthorized(anonymous.get("/api/plans?issuingUnitId=" + thoXuan));
        assertForbidden(dongSonCadre.get("/api/plans?issuingUnitId=" + thoXuan));
        assertThat(thoLapCadre.get("/api/plans?issuingUnitId=" + thoXuan).body().size()).isEqualTo(1);

        assertUnauthorized(anonymous.get("/api/plans/" + id + "/implementation"));
        assertForbidden(thoLapCadre.get("/api/plans/" + id + "/implementation"));
        assertForbidden(dongSonCadre.get("/api/plans/" + id + "/implementation"));
        assertThat(thoXuanCadre.get("/api/plans/" + id + "/implementation").status()).isEqualTo(200);
        assertThat(analyst.get("/api/plans/" + id + "/implementation").status()).isEqualTo(200);
    }

    @Test
    void aTokenThatIsExpiredOrFromAnotherIssuerIsRefused() {
        assertUnauthorized(http().as(TestTokens.expired("bt-huyendoan-thoxuan", thoXuan, "CADRE")).get("/api/units/" + thoXuan));
        assertUnauthorized(http().as(TestTokens.otherIssuer("bt-huyendoan-thoxuan", thoXuan, "CADRE")).get("/api/units/" + thoXuan));
        assertUnauthorized(http().as("not-a-jwt").get("/api/units/" + thoXuan));
        assertThat(http().anonymous().get("/actuator/health").status()).isEqualTo(200);
    }

    static void assertUnauthorized(HttpJson.Response response) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("rule").asString()).isEqualTo("auth.token-missing-or-invalid");
    }

    static void assertForbidden(HttpJson.Response response) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("rule").asString()).isEqualTo("access.denied");
        assertThat(response.body().get("detail_vi").asString()).isNotBlank();
    }
}
