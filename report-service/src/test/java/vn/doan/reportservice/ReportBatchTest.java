package vn.doan.reportservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.doan.events.plan.UnitLevel;
import vn.doan.reportservice.catalog.UnitView;
import vn.doan.support.test.HttpJson;
import vn.doan.support.test.TestTokens;

/**
 * {@code POST /api/reports/batch}: Huyện đoàn Thọ Xuân types in the paper reports of its communes and sends them in one
 * request. Each report is answered on its own, the accepted ones are stored in one write with their events, and the
 * same batch sent again changes nothing.
 */
class ReportBatchTest extends ThoXuanCommunes {

    /**
     * Twelve paper reports: ten new ones (from 0 to all 20 cadres trained), the one Thọ Lập's secretary already sent
     * from her phone with the same key, and one of a Đông Sơn commune, which is not Thọ Xuân's to send.
     */
    @Test
    void aDistrictSendsTheReportsOfItsCommunesEachAnsweredOnItsOwnAndAllStoredInOneWrite() {
        HttpJson district = admin.as(TestTokens.cadre("bt-huyendoan-thoxuan", thoXuan));
        String thoLap = communes.get("Đoàn xã Thọ Lập");
        String phoneKey = UUID.randomUUID().toString();
        HttpJson.Response fromPhone = admin.as(TestTokens.cadre("bt-tholap", thoLap)).post("/api/reports", report(thoLap, 18), key(phoneKey));
        assertThat(fromPhone.status()).isEqualTo(201);
        String dongThanh = "dongthanh-" + planId;
        unit(dongThanh, "Đoàn xã Đông Thanh", UnitLevel.GRASSROOTS, dongSon, List.of(province, dongSon));
        ReportServiceIntegrationTests.await(() -> mongo.getCollection("units").countDocuments(new Document("_id", dongThanh)) == 1);

        List<Map<String, Object>> sheet = new ArrayList<>();
        sheet.add(item(phoneKey, report(thoLap, 18)));
        for (int i = 1; i <= 10; i++) {
            sheet.add(item(UUID.randomUUID().toString(), report(communes.get(COMMUNES.get(i)), i == 10 ? 20 : i - 1)));
        }
        sheet.add(5, item(UUID.randomUUID().toString(), report(dongThanh, 12)));
        int insertsBefore = MongoCommands.sent("insert reports");

        HttpJson.Response sent = district.post("/api/reports/batch", Map.of("reports", sheet));

        assertThat(sent.status()).as(sent.body().toString()).isEqualTo(200);
        assertThat(MongoCommands.sent("insert reports") - insertsBefore).as("the ten new reports in one bulk write").isEqualTo(1);
        JsonNode answer = sent.body();
        assertThat(List.of(answer.get("created").asInt(), answer.get("repeated").asInt(), answer.get("refused").asInt())).containsExactly(10, 1, 1);
        List<String> outcomes = new ArrayList<>();
        answer.get("reports").values().forEach(r -> outcomes.add(r.get("index").asInt() + " " + r.get("outcome").asString() + " " + r.get("status").asInt()));
        assertThat(outcomes).containsExactly("0 REPEATED 200", "1 CREATED 201", "2 CREATED 201", "3 CREATED 201", "4 CREATED 201",
                "5 REFUSED 403", "6 CREATED 201", "7 CREATED 201", "8 CREATED 201", "9 CREATED 201", "10 CREATED 201", "11 CREATED 201");
        JsonNode repeated = answer.get("reports").get(0);
        assertThat(repeated.get("reportId").asString()).isEqualTo(fromPhone.body().get("id").asString());
        JsonNode refused = answer.get("reports").get(5);
        assertThat(refused.get("unitId").asString()).isEqualTo(dongThanh);
        assertThat(refused.get("problem").get("rule").asString()).isEqualTo("access.denied");
        assertThat(refused.get("problem").get("field").asString()).isEqualTo("unitId");
        assertThat(refused.get("problem").get("detail_vi").asString()).isNotBlank();
        assertThat(refused.get("reportId").isNull()).isTrue();

        assertThat(mongo.getCollection("reports").countDocuments(new Document("planId", planId))).isEqualTo(11);
        assertThat(mongo.getCollection("reports").countDocuments(new Document("unitId", dongThanh))).isZero();
        Document allTrained = mongo.getCollection("reports").find(new Document("unitId", communes.get(COMMUNES.get(10)))).first();
        assertThat(allTrained.getString("status")).isEqualTo("SUBMITTED");
        assertThat(allTrained.getList("versions", Document.class).get(0).getString("submittedBy")).isEqualTo("bt-huyendoan-thoxuan");
        assertThat(allTrained.getList("versions", Document.class).get(0).getString("idempotencyKey"))
                .isEqualTo(answer.get("reports").get(11).get("idempotencyKey").asString());
        Map<String, Long> published = publishedNumerators();
        assertThat(published).hasSize(11);
        assertThat(published.get(communes.get(COMMUNES.get(1)))).as("none of 20 trained").isZero();
        assertThat(published.get(communes.get(COMMUNES.get(10)))).as("all 20 trained").isEqualTo(20);
        assertThat(published.get(thoLap)).isEqualTo(18);

        HttpJson.Response again = district.post("/api/reports/batch", Map.of("reports", sheet));

        assertThat(again.status()).isEqualTo(200);
        assertThat(List.of(again.body().get("created").asInt(), again.body().get("repeated").asInt(), again.body().get("refused").asInt()))
                .as("a batch sent again changes nothing").containsExactly(0, 11, 1);
        for (int i = 0; i < sheet.size(); i++) {
            assertThat(again.body().get("reports").get(i).path("reportId").asString()).isEqualTo(answer.get("reports").get(i).path("reportId").asString());
        }
        assertThat(mongo.getCollection("reports").countDocuments(new Document("planId", planId))).isEqualTo(11);
        assertThat(publishedNumerators()).as("no event more").hasSize(11);
    }

    /** The rules of a single report hold for each: a value out of range or a second report of a unit is refused alone. */
    @Test
    void eachReportIsCheckedAsASingleOneAndRefusedAlone() {
        HttpJson district = admin.as(TestTokens.cadre("bt-huyendoan-thoxuan", thoXuan));
        String xuanHoa = communes.get("Đoàn xã Xuân Hòa");
        String xuanLai = communes.get("Đoàn xã Xuân Lai");
        String earlier = admin.post("/api/reports", report(xuanLai, 5), key(UUID.randomUUID().toString())).body().get("id").asString();

        HttpJson.Response sent = district.post("/api/reports/batch", Map.of("reports", List.of(
                item(UUID.randomUUID().toString(), report(xuanHoa, 21)),
                item(UUID.randomUUID().toString(), report(xuanHoa, 20)),
                item(UUID.randomUUID().toString(), report(xuanHoa, 19)),
                item(UUID.randomUUID().toString(), report(xuanLai, 6)),
                item(UUID.randomUUID().toString(), report(thoXuan, 6)))));

        assertThat(sent.status()).as(sent.body().toString()).isEqualTo(200);
        List<String> answers = new ArrayList<>();
        sent.body().get("reports").values().forEach(r -> answers.add(r.get("status").asInt() + " "
                + (r.get("problem").isNull() ? r.get("outcome").asString() : r.get("problem").get("rule").asString() + " " + r.get("problem").get("field").asString())));
        assertThat(answers).containsExactly("422 report.share-out-of-range values[0].numerator", "201 CREATED",
                "409 report.already-submitted periodId", "409 report.already-submitted periodId", "422 report.indicator-not-for-level values[0].indicatorCode");
        assertThat(sent.body().get("reports").get(2).get("problem").get("sameAsReport").asInt()).isEqualTo(1);
        assertThat(sent.body().get("reports").get(3).get("problem").get("reportId").asString()).isEqualTo(earlier);
        assertThat(mongo.getCollection("reports").countDocuments(new Document("unitId", xuanHoa))).isEqualTo(1);
        assertThat(mongo.getCollection("reports").countDocuments(new Document("idempotencyKeys",
                sent.body().get("reports").get(3).get("idempotencyKey").asString()))).as("a refused report's key is on no report").isZero();
    }

    /**
     * 500 reports is the most a batch carries: 501 are refused whole, stating the limit, and nothing is stored; exactly
     * 500 are all created. A batch with a key missing or given twice, or a report without its unit, is refused whole.
     */
    @Test
    void aBatchOverFiveHundredReportsOrMalformedIsRefusedWholeAndNothingIsStored() {
        List<String> units = new ArrayList<>(communes.values());
        List<UnitView> more = new ArrayList<>();
        for (int i = units.size() + 1; i <= 501; i++) {
            more.add(new UnitView("coso" + i + "-" + planId, "Đoàn cơ sở số " + i + " huyện Thọ Xuân", UnitLevel.GRASSROOTS, thoXuan,
                    List.of(province, thoXuan), true, null, null));
        }
        // the replica of the tree as 488 UnitCreated events would leave it, written at once to keep the test fast
        mongo.insert(more, UnitView.class);
        more.forEach(u -> units.add(u.id()));
        List<Map<String, Object>> sheet = new ArrayList<>();
        units.forEach(unitId -> sheet.add(item(UUID.randomUUID().toString(), report(unitId, 15))));

        HttpJson.Response tooMany = admin.post("/api/reports/batch", Map.of("reports", sheet));

        assertThat(tooMany.status()).as(tooMany.body().toString()).isEqualTo(422);
        assertThat(tooMany.contentType()).startsWith("application/problem+json");
        assertThat(tooMany.body().get("rule").asString()).isEqualTo("report.batch-too-large");
        assertThat(tooMany.body().get("maxReports").asInt()).isEqualTo(500);
        assertThat(tooMany.body().get("detail_vi").asString()).contains("tối đa 500 báo cáo (đang gửi 501)");
        List<Map<String, Object>> repeatedKey = new ArrayList<>(sheet.subList(0, 3));
        repeatedKey.add(item((String) sheet.get(1).get("idempotencyKey"), report(units.get(3), 15)));
        refusedWhole(repeatedKey, 422, "report.batch-key-repeated", "reports[3].idempotencyKey");
        List<Map<String, Object>> noKey = new ArrayList<>(sheet.subList(0, 3));
        noKey.add(item(" ", report(units.get(3), 15)));
        refusedWhole(noKey, 422, "report.idempotency-key-missing", "reports[3].idempotencyKey");
        Map<String, Object> noUnit = new HashMap<>(report(units.get(3), 15));
        noUnit.remove("unitId");
        List<Map<String, Object>> withoutUnit = new ArrayList<>(sheet.subList(0, 3));
        withoutUnit.add(item(UUID.randomUUID().toString(), noUnit));
        refusedWhole(withoutUnit, 400, "request.NotBlank", "reports[3].unitId");
        refusedWhole(List.of(), 422, "report.batch-empty", "reports");
        assertThat(mongo.getCollection("reports").countDocuments(new Document("planId", planId))).as("nothing stored").isZero();

        HttpJson.Response largest = admin.post("/api/reports/batch", Map.of("reports", sheet.subList(0, 500)));

        assertThat(largest.status()).as(largest.body().toString()).isEqualTo(200);
        assertThat(largest.body().get("created").asInt()).isEqualTo(500);
        assertThat(mongo.getCollection("reports").countDocuments(new Document("planId", planId))).isEqualTo(500);
    }

    @Test
    void onlyCadresSendBatchesAndACommuneSendsForItselfAlone() {
        String thoLap = communes.get("Đoàn xã Thọ Lập");
        String xuanHoa = communes.get("Đoàn xã Xuân Hòa");
        Map<String, Object> body = Map.of("reports", List.of(item(UUID.randomUUID().toString(), report(thoLap, 14)),
                item(UUID.randomUUID().toString(), report(xuanHoa, 14))));

        assertThat(admin.anonymous().post("/api/reports/batch", body).status()).isEqualTo(401);
        assertThat(admin.as(TestTokens.analyst("chuyen-vien-phan-tich")).post("/api/reports/batch", body).status()).isEqualTo(403);
        assertThat(admin.as(TestTokens.departmentStaff("can-bo-btg", thoXuan, "BTG")).post("/api/reports/batch", body).status()).isEqualTo(403);
        HttpJson.Response commune = admin.as(TestTokens.cadre("bt-tholap", thoLap)).post("/api/reports/batch", body);

        assertThat(commune.body().get("reports").get(0).get("status").asInt()).isEqualTo(201);
        assertThat(commune.body().get("reports").get(1).get("status").asInt()).as("a neighbour's report").isEqualTo(403);
        assertThat(mongo.getCollection("reports").countDocuments(new Document("planId", planId))).isEqualTo(1);
    }

    private void refusedWhole(List<Map<String, Object>> reports, int status, String rule, String field) {
        HttpJson.Response refused = admin.post("/api/reports/batch", Map.of("reports", reports));
        assertThat(refused.status()).as(rule + ": " + refused.body()).isEqualTo(status);
        assertThat(refused.body().get("rule").asString()).isEqualTo(rule);
        assertThat(refused.body().get("field").asString()).isEqualTo(field);
    }

    private static Map<String, Object> item(String key, Map<String, Object> report) {
        Map<String, Object> item = new HashMap<>(report);
        item.put("idempotencyKey", key);
        return item;
    }
}
