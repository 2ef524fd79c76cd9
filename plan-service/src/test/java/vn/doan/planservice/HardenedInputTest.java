package vn.doan.planservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.doan.support.test.Backends;
import vn.doan.support.test.HttpJson;

/**
 * Input every service refuses the same way (service-support): unknown fields and wrong types name the field,
 * ids that could be MongoDB operators or path tricks, bodies over 1 MiB. Nothing is stored.
 */
class HardenedInputTest extends PlanServiceTestBase {

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        Backends.embedded().register(registry, "plan_hardened_input");
    }

    @Override
    String kafkaBootstrap() {
        return Backends.embedded().kafkaBootstrap();
    }

    @Test
    void unknownFieldsAndWrongTypesAreRefusedNamingTheField() {
        Map<String, Object> unit = new java.util.HashMap<>(PlanFixtures.unit("TH-NC", "Tỉnh đoàn Thanh Hóa", "PROVINCE", null));
        unit.put("$where", "sleep(5000)");
        assertBadField(http().post("/api/units", unit), "$where");

        Map<String, Object> operator = new java.util.HashMap<>(PlanFixtures.unit("TH-NC", "Tỉnh đoàn Thanh Hóa", "PROVINCE", null));
        operator.put("code", Map.of("$gt", ""));
        assertBadField(http().post("/api/units", operator), "code");

        String district = createUnitId("TH-NC-TX", "Huyện đoàn Thọ Xuân", "DISTRICT", null);
        Map<String, Object> plan = PlanFixtures.thoXuanActionProgram(district);
        plan.put("indicators", java.util.List.of(Map.of("code", "CT1", "text", "Hàng năm 100% cán bộ được tập huấn", "kind", "SHARE_OF_PEOPLE",
                "target", "một trăm", "reportingLevels", java.util.List.of("GRASSROOTS"))));
        assertBadField(http().post("/api/plans", plan), "indicators[0].target");

        assertThat(mongo.getCollection("org_units").countDocuments(new org.bson.Document("code", "TH-NC"))).isZero();
        assertThat(mongo.getCollection("plans").countDocuments(new org.bson.Document("issuingUnitId", district))).isZero();
    }

    @Test
    void idsThatAreNotPlainTokensAreRefusedBeforeAnyQuery() {
        for (String path : java.util.List.of("/api/units/%7B%22%24ne%22%3Anull%7D", "/api/units?parentId=%7B%22%24ne%22%3Anull%7D",
                "/api/plans?issuingUnitId=%24where", "/api/plans/" + "x".repeat(201), "/api/units?parentId=a&parentId=b")) {
            HttpJson.Response refused = http().get(path);
            assertThat(refused.status()).as(path).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.body().get("rule").asString()).isEqualTo("request.invalid-id");
            assertThat(refused.body().get("detail_vi").asString()).isNotBlank();
        }
    }

    @Test
    void aBodyOverOneMebibyteIsRefusedAndTheCorrelationIdComesBack() {
        HttpJson.Response tooLarge = http().post("/api/units", Map.of("code", "x".repeat(1_100_000)));
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.body().get("rule").asString()).isEqualTo("request.too-large");

        HttpJson.Response answered = http().get("/api/units/khong-co", Map.of("X-Correlation-Id", "tra-cuu-42"));
        assertThat(answered.status()).isEqualTo(404);
        assertThat(answered.header("X-Correlation-Id")).isEqualTo("tra-cuu-42");
        assertThat(http().get("/api/units/khong-co").header("X-Correlation-Id")).matches("[0-9a-f-]{36}");
    }

    static void assertBadField(HttpJson.Response response, String field) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("rule").asString()).isEqualTo("request.unreadable");
        assertThat(response.body().get("field").asString()).isEqualTo(field);
        assertThat(response.body().get("detail_vi").asString()).contains(field);
    }
}
