package vn.doan.indicatorservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import vn.doan.support.test.Backends;
import vn.doan.support.test.HttpJson;
import vn.doan.support.test.TestTokens;

/**
 * Progress dashboards by place in the tree: a district cadre reads its own subtree and not the sibling district,
 * a grassroots cadre not its district's totals, an analyst every aggregate, only the administrator reconciles.
 */
@org.springframework.boot.test.context.SpringBootTest(webEnvironment = org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=indicator-service", "doan.outbox.interval=50ms"})
class IndicatorServiceAccessTest {

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        Backends.embedded().register(registry, "indicator_access_test");
    }

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;
    HttpJson http;
    static vn.doan.support.test.KafkaTestClient kafka;

    @org.junit.jupiter.api.AfterAll
    static void close() {
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
    }

    /** Tỉnh đoàn Thanh Hóa → Thọ Xuân and its sibling Triệu Sơn → communes of Thọ Xuân; plan 54-CT/ĐTN of Thọ Xuân. */
    IndicatorServiceIntegrationTests.Tree tree() {
        http = new HttpJson("http://localhost:" + port);
        kafka = kafka == null ? new vn.doan.support.test.KafkaTestClient(Backends.embedded().kafkaBootstrap(), "/plan-service") : kafka;
        String s = java.util.UUID.randomUUID().toString().substring(0, 8);
        IndicatorServiceIntegrationTests.Tree t = new IndicatorServiceIntegrationTests.Tree("th-" + s, "tx-" + s, "ts-" + s, "tl-" + s,
                "xh-" + s, "thpt4-" + s, "p54-" + s, "xl-" + s);
        unit(t.province(), "Tỉnh đoàn Thanh Hóa", vn.doan.events.plan.UnitLevel.PROVINCE, null, List.of());
        unit(t.thoXuan(), "Huyện đoàn Thọ Xuân", vn.doan.events.plan.UnitLevel.DISTRICT, t.province(), List.of(t.province()));
        unit(t.trieuSon(), "Huyện đoàn Triệu Sơn", vn.doan.events.plan.UnitLevel.DISTRICT, t.province(), List.of(t.province()));
        unit(t.thoLap(), "Đoàn xã Thọ Lập", vn.doan.events.plan.UnitLevel.GRASSROOTS, t.thoXuan(), List.of(t.province(), t.thoXuan()));
        kafka.publish(IndicatorServiceIntegrationTests.plan(t), t.thoXuan());
        return t;
    }

    void unit(String id, String name, vn.doan.events.plan.UnitLevel level, String parent, List<String> ancestors) {
        kafka.publish(new vn.doan.events.plan.UnitCreated(id, id, name, level, "commune", parent, ancestors, java.time.LocalDate.of(2016, 1, 1)), id);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void everyProgressEndpointByRoleAndUnit() {
        IndicatorServiceIntegrationTests.Tree t = tree();
        HttpJson district = http.as(TestTokens.cadre("bt-thoxuan", t.thoXuan()));
        String unit = "/api/progress/" + t.plan() + "/2016/units/" + t.thoXuan();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (district.get(unit).status() != 200 && System.nanoTime() < deadline) {
            sleep(100);
        }
        HttpJson sibling = http.as(TestTokens.cadre("bt-trieuson", t.trieuSon()));
        HttpJson commune = http.as(TestTokens.cadre("bt-tholap", t.thoLap()));
        HttpJson province = http.as(TestTokens.cadre("bt-tinhdoan", t.province()));
        HttpJson staff = http.as(TestTokens.departmentStaff("btg-thoxuan", t.thoXuan(), "BTG"));
        HttpJson analyst = http.as(TestTokens.analyst("phan-tich"));

        for (String path : List.of(unit, unit + "/children", unit + "/completeness", unit + "/ranking", unit + "/behind",
                unit + "/dashboard", "/api/progress/" + t.plan() + "/units/" + t.thoXuan() + "/history")) {
            assertThat(http.anonymous().get(path).status()).as(path).isEqualTo(401);
            assertForbidden(sibling.get(path), path);
            assertForbidden(commune.get(path), path);
            assertThat(district.get(path).status()).as(path).isEqualTo(200);
            assertThat(province.get(path).status()).as(path).isEqualTo(200);
            assertThat(staff.get(path).status()).as(path).isEqualTo(200);
            assertThat(analyst.get(path).status()).as(path).isEqualTo(200);
        }
        assertThat(commune.get("/api/progress/" + t.plan() + "/2016/units/" + t.thoLap()).status()).isEqualTo(200);
        assertThat(staff.get(unit).body().get("indicators").findValues("code").stream().map(JsonNode::asString).toList())
                .as("Ban Tuyên giáo follows MC1 alone").containsExactly("MC1");
        assertThat(district.get(unit).body().get("indicators").size()).isEqualTo(7);
        assertThat(staff.get(unit + "/children").body().get(0).get("indicators").size()).isEqualTo(1);
        JsonNode staffsDashboard = staff.get(unit + "/dashboard").body();
        assertThat(staffsDashboard.get("unit").get("indicators").findValues("code").stream().map(JsonNode::asString).toList())
                .as("the dashboard in one answer keeps to the department's indicators too").containsExactly("MC1");
        assertThat(staffsDashboard.get("children").get(0).get("indicators").size()).isEqualTo(1);

        String reconcile = "/api/admin/reconcile/" + t.plan() + "/2016";
        assertThat(http.anonymous().post(reconcile, "").status()).isEqualTo(401);
        assertForbidden(province.post(reconcile, ""), reconcile);
        assertForbidden(analyst.post(reconcile, ""), reconcile);
        assertThat(http.post(reconcile, "").status()).isEqualTo(200);
    }

    static void assertForbidden(HttpJson.Response response, String path) {
        assertThat(response.status()).as(path + " " + response.body()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }
}
