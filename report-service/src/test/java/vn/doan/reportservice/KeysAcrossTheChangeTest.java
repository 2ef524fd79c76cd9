package vn.doan.reportservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import vn.doan.reportservice.report.Report;
import vn.doan.reportservice.report.ReportService;
import vn.doan.support.test.HttpJson;
import vn.doan.support.test.TestTokens;

/**
 * Reports created before idempotency keys were kept on them: their key is only in {@code idempotency_keys} (the report it
 * created, the request written out). A phone retrying such a request after the change gets the report it created, alone
 * and in a batch; the key sent with another request is refused.
 */
class KeysAcrossTheChangeTest extends ThoXuanCommunes {

    /** Thọ Lập's report as the earlier code left it: the key and request moved to idempotency_keys, none on the report. */
    private String storedBeforeTheChange(String unitId, String key, int trained) throws Exception {
        HttpJson secretary = admin.as(TestTokens.cadre("bt-" + unitId, unitId));
        HttpJson.Response created = secretary.post("/api/reports", report(unitId, trained), key(key));
        assertThat(created.status()).isEqualTo(201);
        String id = created.body().get("id").asString();
        // the request as the earlier code wrote it out: ["create", submit, the submission]
        String request = JsonMapper.builder().build().writeValueAsString(new Object[] {"create", true, new ReportService.Submission(planId,
                unitId, "2016", List.of(new Report.Value("CT01", trained, 20L, null)), null, null)});
        Document stored = mongo.getCollection("reports").find(new Document("_id", id)).first();
        assertThat(stored.getList("idempotentRequests", Document.class).get(0).getString("request"))
                .as("the request written out as this test does").isEqualTo(HexFormat.of().formatHex(
                        MessageDigest.getInstance("SHA-256").digest(request.getBytes(StandardCharsets.UTF_8))));
        mongo.getCollection("reports").updateOne(new Document("_id", id),
                new Document("$unset", new Document("idempotencyKeys", "").append("idempotentRequests", "")));
        mongo.getCollection("idempotency_keys").insertOne(new Document("_id", key).append("reportId", id).append("request", request));
        return id;
    }

    @Test
    void aRetryOfARequestMadeBeforeTheChangeGetsTheReportItCreated() throws Exception {
        String thoLap = communes.get("Đoàn xã Thọ Lập");
        String key = "truoc-thay-doi-" + planId;
        String id = storedBeforeTheChange(thoLap, key, 19);
        HttpJson secretary = admin.as(TestTokens.cadre("bt-" + thoLap, thoLap));

        HttpJson.Response retried = secretary.post("/api/reports", report(thoLap, 19), key(key));
        HttpJson.Response changed = secretary.post("/api/reports", report(thoLap, 18), key(key));

        assertThat(retried.status()).as(retried.body().toString()).isEqualTo(200);
        assertThat(retried.body().get("id").asString()).isEqualTo(id);
        assertThat(changed.status()).as(changed.body().toString()).isEqualTo(422);
        assertThat(changed.body().get("rule").asString()).isEqualTo("report.idempotency-key-reused");
        assertThat(mongo.getCollection("reports").countDocuments(new Document("planId", planId).append("unitId", thoLap))).isEqualTo(1);
    }

    @Test
    void aBatchRetriedAcrossTheChangeGetsItsReportsAsBefore() throws Exception {
        String thoLap = communes.get("Đoàn xã Thọ Lập");
        String xuanHoa = communes.get("Đoàn xã Xuân Hòa");
        String key = "lo-truoc-" + planId;
        String id = storedBeforeTheChange(thoLap, key, 17);

        HttpJson.Response batch = admin.as(TestTokens.cadre("bt-huyendoan", thoXuan)).post("/api/reports/batch", Map.of("reports", List.of(
                Map.of("idempotencyKey", key, "planId", planId, "unitId", thoLap, "periodId", "2016", "values", values(17)),
                Map.of("idempotencyKey", "lo-moi-" + planId, "planId", planId, "unitId", xuanHoa, "periodId", "2016", "values", values(16)))));

        assertThat(batch.status()).as(batch.body().toString()).isEqualTo(200);
        assertThat(batch.body().get("reports").get(0).get("outcome").asString()).as(batch.body().toString()).isEqualTo("REPEATED");
        assertThat(batch.body().get("reports").get(0).get("status").asInt()).isEqualTo(200);
        assertThat(batch.body().get("reports").get(0).get("reportId").asString()).isEqualTo(id);
        assertThat(batch.body().get("reports").get(1).get("outcome").asString()).isEqualTo("CREATED");
    }
}
