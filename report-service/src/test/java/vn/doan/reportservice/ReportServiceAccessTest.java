package vn.doan.reportservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.doan.support.test.HttpJson;
import vn.doan.support.test.TestTokens;

/**
 * Who may submit, read and review which reports, endpoint by endpoint: no token → 401, wrong role or unit →
 * 403 problem+json, the right one → success. Huyện đoàn Thọ Xuân and its sibling Đông Sơn under Tỉnh đoàn
 * Thanh Hóa; Đoàn xã Thọ Lập and its neighbour Xuân Hòa among the communes of Thọ Xuân, which issued plan 54-CT/ĐTN
 * ({@link ThoXuanCommunes}).
 */
class ReportServiceAccessTest extends ThoXuanCommunes {

    String thoLap;
    String xuanHoa;
    HttpJson anonymous;
    HttpJson provinceCadre;
    HttpJson thoXuanCadre;
    HttpJson dongSonCadre;
    HttpJson thoLapCadre;
    HttpJson xuanHoaCadre;
    HttpJson analyst;

    @BeforeEach
    void callers() {
        thoLap = communes.get("Đoàn xã Thọ Lập");
        xuanHoa = communes.get("Đoàn xã Xuân Hòa");
        anonymous = admin.anonymous();
        provinceCadre = admin.as(TestTokens.cadre("pbt-tinhdoan", province));
        thoXuanCadre = admin.as(TestTokens.cadre("bt-huyendoan-thoxuan", thoXuan));
        dongSonCadre = admin.as(TestTokens.cadre("bt-huyendoan-dongson", dongSon));
        thoLapCadre = admin.as(TestTokens.cadre("bt-tholap", thoLap));
        xuanHoaCadre = admin.as(TestTokens.cadre("bt-xuanhoa", xuanHoa));
        analyst = admin.as(TestTokens.analyst("chuyen-vien-phan-tich"));
    }

    static Map<String, String> key() {
        return key(UUID.randomUUID().toString());
    }

    String submittedByThoLap() {
        HttpJson.Response submitted = thoLapCadre.post("/api/reports", report(thoLap, 18), key());
        assertThat(submitted.status()).as(submitted.body().toString()).isEqualTo(201);
        return submitted.body().get("id").asString();
    }

    @Test
    void aGrassrootsCadreSubmitsForTheirOwnUnitAndNotForANeighbour() {
        assertUnauthorized(anonymous.post("/api/reports", report(thoLap, 18), key()));
        assertForbidden(xuanHoaCadre.post("/api/reports", report(thoLap, 18), key()));
        assertForbidden(thoXuanCadre.post("/api/reports", report(thoLap, 18), key()));
        assertForbidden(analyst.post("/api/reports", report(thoLap, 18), key()));
        assertForbidden(xuanHoaCadre.post("/api/reports/drafts", report(thoLap, 18), key()));
        assertThat(mongo.getCollection("reports").countDocuments(new Document("unitId", thoLap))).as("nothing stored").isZero();

        String id = submittedByThoLap();
        Document audit = mongo.getCollection("audit").find(new Document("path", "/api/reports").append("status", 201)
                .append("unitId", thoLap)).first();
        assertThat(audit.getString("subject")).isEqualTo("bt-tholap");
        assertThat(mongo.getCollection("reports").find(new Document("_id", id)).first().getList("transitions", Document.class).get(0)
                .getString("by")).as("the actor is the token's subject").isEqualTo("bt-tholap");

        Map<String, Object> revision = Map.of("values", List.of(Map.of("indicatorCode", "CT01", "numerator", 19, "denominator", 20)));
        assertUnauthorized(anonymous.post("/api/reports/" + id + "/revisions", revision, key()));
        assertForbidden(xuanHoaCadre.post("/api/reports/" + id + "/revisions", revision, key()));
        assertForbidden(thoXuanCadre.post("/api/reports/" + id + "/revisions", revision, key()));
        assertThat(thoLapCadre.post("/api/reports/" + id + "/revisions", revision, key()).status()).isEqualTo(201);

        HttpJson.Response drafted = xuanHoaCadre.post("/api/reports/drafts", report(xuanHoa, 10), key());
        assertThat(drafted.status()).as(drafted.body().toString()).isEqualTo(201);
        String draft = drafted.body().get("id").asString();
        Map<String, Object> edit = Map.of("values", List.of(Map.of("indicatorCode", "CT01", "numerator", 11, "denominator", 20)));
        assertUnauthorized(anonymous.send("PUT", "/api/reports/" + draft, edit));
        assertForbidden(thoLapCadre.send("PUT", "/api/reports/" + draft, edit));
        assertForbidden(thoLapCadre.post("/api/reports/" + draft + "/submit", "", key()));
        assertThat(thoLapCadre.upload("/api/reports/" + draft + "/attachments", "file", "anh.png", "image/png", new byte[] {1}).status())
                .isEqualTo(403);
        assertThat(xuanHoaCadre.send("PUT", "/api/reports/" + draft, edit).status()).isEqualTo(200);
        assertThat(xuanHoaCadre.post("/api/reports/" + draft + "/submit", "", key()).status()).isEqualTo(201);
    }

    @Test
    void reportsAreReadByTheirUnitAndTheUnitsAboveItButNotBySiblingsOrAnalysts() {
        String id = submittedByThoLap();
        assertUnauthorized(anonymous.get("/api/reports/" + id));
        assertForbidden(dongSonCadre.get("/api/reports/" + id));
        assertForbidden(xuanHoaCadre.get("/api/reports/" + id));
        assertForbidden(analyst.get("/api/reports/" + id));
        assertThat(thoLapCadre.get("/api/reports/" + id).status()).isEqualTo(200);
        assertThat(thoXuanCadre.get("/api/reports/" + id).status()).isEqualTo(200);
        assertThat(provinceCadre.get("/api/reports/" + id).status()).isEqualTo(200);

        String list = "/api/reports?planId=" + planId + "&periodId=2016";
        assertUnauthorized(anonymous.get(list));
        assertForbidden(analyst.get(list));
        assertThat(thoXuanCadre.get(list).body().size()).isEqualTo(1);
        assertThat(provinceCadre.get(list).body().size()).isEqualTo(1);
        assertThat(dongSonCadre.get(list).body().size()).as("a sibling district sees none").isZero();
        assertThat(xuanHoaCadre.get(list).body().size()).as("a neighbour sees none").isZero();
        assertThat(thoXuanCadre.get(list + "&unitIds=" + thoLap + "," + xuanHoa).body().findValuesAsString("unitId")).containsExactly(thoLap);
        assertThat(thoXuanCadre.get(list + "&unitIds=" + xuanHoa).body().size()).as("only the units named").isZero();
        assertThat(dongSonCadre.get(list + "&unitIds=" + thoLap).body().size()).as("naming a unit does not open it").isZero();

        String completeness = "/api/reports/completeness?planId=" + planId + "&periodId=2016";
        assertUnauthorized(anonymous.get(completeness));
        assertForbidden(dongSonCadre.get(completeness));
        assertForbidden(thoLapCadre.get(completeness));
        assertThat(thoXuanCadre.get(completeness).body().get("submitted").asInt()).isEqualTo(1);
        assertThat(analyst.get(completeness).status()).isEqualTo(200);
        assertThat(provinceCadre.get(completeness).status()).isEqualTo(200);
        assertForbidden(dongSonCadre.get(completeness + "&unitId=" + thoXuan));
        assertThat(dongSonCadre.get(completeness + "&unitId=" + dongSon).status()).isEqualTo(200);

        assertForbidden(dongSonCadre.get("/api/reports/" + id + "/attachments/none"));
    }

    @Test
    void onlyTheCadreDirectlyAboveReviewsAReport() {
        String id = submittedByThoLap();
        Map<String, Object> reason = Map.of("reason", "Số liệu tập huấn chưa khớp danh sách gửi kèm.");
        assertUnauthorized(anonymous.post("/api/reports/" + id + "/accept", ""));
        assertForbidden(thoLapCadre.post("/api/reports/" + id + "/accept", ""));
        assertForbidden(xuanHoaCadre.post("/api/reports/" + id + "/accept", ""));
        assertForbidden(provinceCadre.post("/api/reports/" + id + "/accept", ""));
        assertForbidden(dongSonCadre.post("/api/reports/" + id + "/return", reason));
        assertForbidden(analyst.post("/api/reports/" + id + "/return", reason));
        assertForbidden(provinceCadre.post("/api/reports/" + id + "/return", reason));

        HttpJson.Response returned = thoXuanCadre.post("/api/reports/" + id + "/return", reason);
        assertThat(returned.status()).as(returned.body().toString()).isEqualTo(200);
        thoLapCadre.post("/api/reports/" + id + "/submit", "", key());
        HttpJson.Response accepted = thoXuanCadre.post("/api/reports/" + id + "/accept", "");
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.body().get("transitions").values().stream().map(t -> t.get("to").asString() + " by " + t.get("by").asString())
                .toList()).containsExactly("DRAFT by bt-tholap", "SUBMITTED by bt-tholap", "RETURNED by bt-huyendoan-thoxuan", "RESUBMITTED by bt-tholap",
                "ACCEPTED by bt-huyendoan-thoxuan");
    }

    static void assertUnauthorized(HttpJson.Response response) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    static void assertForbidden(HttpJson.Response response) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("rule").asString()).isEqualTo("access.denied");
    }
}
