package vn.doan.planservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.doan.support.test.Backends;
import vn.doan.support.test.HttpJson;

/**
 * Input every service refuses the same way (service-support): unknown fields and wrong types name the field, with no
 * conversion between text and numbers, ids that could be MongoDB operators or path tricks, bodies over 1 MiB, chunked
 * or not; and what plan-service refuses on its own: targets no real count reaches, dates that do not exist, a CSV that
 * is not UTF-8, split assignments keyed by anything but a child, a plan whose event Kafka would not take. Nothing is stored.
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
        assertBadField(http().post("/api/units", provinceWith("TH-NC", "$where", "sleep(5000)")), "$where");
        assertBadField(http().post("/api/units", provinceWith("TH-NC", "code", Map.of("$gt", ""))), "code");

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

    @Test
    void aNumberWhereTextBelongsAndTextWhereANumberBelongsAreRefused() {
        assertBadField(http().post("/api/units", provinceWith("TH-CO", "code", 18)), "code");
        assertBadField(http().post("/api/units", provinceWith("TH-CO", "level", 0)), "level");

        String district = createUnitId("TH-CO-TX", "Huyện đoàn Thọ Xuân", "DISTRICT", null);
        Map<String, Object> plan = PlanFixtures.thoXuanActionProgram(district);
        plan.put("indicators", java.util.List.of(Map.of("code", "CT2", "text", "Kết nạp 18 đoàn viên mới", "kind", "COUNT_AT_LEAST",
                "target", "18", "reportingLevels", java.util.List.of("GRASSROOTS"))));
        assertBadField(http().post("/api/plans", plan), "indicators[0].target");
        Map<String, Object> numericNumber = PlanFixtures.thoXuanActionProgram(district);
        numericNumber.put("number", 54);
        assertBadField(http().post("/api/plans", numericNumber), "number");

        assertThat(mongo.getCollection("org_units").countDocuments(new org.bson.Document("code", new org.bson.Document("$in",
                java.util.List.of("18", "TH-CO"))))).isZero();
        assertThat(mongo.getCollection("plans").countDocuments(new org.bson.Document("issuingUnitId", district))).isZero();
    }

    @Test
    void aTargetBeyondAnyRealNumberIsRefused() {
        String district = createUnitId("TH-BIG-TX", "Huyện đoàn Thọ Xuân", "DISTRICT", null);
        Map<String, Object> plan = PlanFixtures.thoXuanActionProgram(district);
        plan.put("indicators", java.util.List.of(PlanFixtures.indicator("CT2", "Kết nạp đoàn viên mới", "COUNT_AT_LEAST", 100)));
        String json = tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(plan);
        assertThat(json).contains("\"target\":100");
        for (String target : java.util.List.of("1e400", "1e999999999", "-1e400", "1e-400", "1000000000001", "0.00001")) {
            HttpJson.Response refused = http().post("/api/plans", json.replace("\"target\":100", "\"target\":" + target));
            assertThat(refused.status()).as(target + ": " + refused.body()).isEqualTo(422);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.body().get("rule").asString()).isEqualTo("indicator.target-out-of-range");
            assertThat(refused.body().get("field").asString()).as(target).isEqualTo("indicators[0].target");
            assertThat(refused.body().get("detail_vi").asString()).isNotBlank();
        }
        assertThat(mongo.getCollection("plans").countDocuments(new org.bson.Document("issuingUnitId", district))).isZero();
    }

    @Test
    void aDateThatDoesNotExistIsRefusedInJsonAndInTheCsvImport() {
        String district = createUnitId("TH-DATE-TX", "Huyện đoàn Thọ Xuân", "DISTRICT", null);
        Map<String, Object> plan = PlanFixtures.thoXuanActionProgram(district);
        plan.put("issuedOn", "2016-02-31");
        assertBadField(http().post("/api/plans", plan), "issuedOn");
        plan.put("issuedOn", "31/02/2016");
        assertBadField(http().post("/api/plans", plan), "issuedOn");

        String csv = "code,name,level,kind,parentCode,effectiveFrom\n"
                + "DATE-THOLAP,Đoàn xã Thọ Lập,GRASSROOTS,commune,TH-DATE-TX,01/01/2016\n"
                + "DATE-XUANHOA,Đoàn xã Xuân Hòa,GRASSROOTS,commune,TH-DATE-TX,31/02/2016\n";
        HttpJson.Response refused = http().post("/api/units/import", csv, "text/csv");
        assertThat(refused.status()).as(refused.body().toString()).isEqualTo(400);
        assertThat(refused.body().get("rule").asString()).isEqualTo("import.date-invalid");
        assertThat(refused.body().get("field").asString()).isEqualTo("rows[1].effectiveFrom");
        assertThat(refused.body().get("detail_vi").asString()).contains("Dòng 3", "31/02/2016");
        assertThat(mongo.getCollection("org_units").countDocuments(new org.bson.Document("code", new org.bson.Document("$in",
                java.util.List.of("DATE-THOLAP", "DATE-XUANHOA"))))).isZero();
    }

    @Test
    void aCsvThatIsNotUtf8IsRefusedWithItsLineAndNothingIsImported() {
        createUnitId("TH-UTF-TX", "Huyện đoàn Thọ Xuân", "DISTRICT", null);
        byte[] head = ("code,name,level,kind,parentCode,effectiveFrom\n"
                + "UTF-THOLAP,Đoàn xã Thọ Lập,GRASSROOTS,commune,TH-UTF-TX,01/01/2016\n"
                + "UTF-XUANHOA,Đoàn xã Xu").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] latin1 = "ân Hòa".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] tail = ",GRASSROOTS,commune,TH-UTF-TX,01/01/2016\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] csv = new byte[head.length + latin1.length + tail.length];
        System.arraycopy(head, 0, csv, 0, head.length);
        System.arraycopy(latin1, 0, csv, head.length, latin1.length);
        System.arraycopy(tail, 0, csv, head.length + latin1.length, tail.length);

        HttpJson.Response refused = http().postChunked("/api/units/import", csv, "text/csv");
        assertThat(refused.status()).as(refused.body().toString()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().get("rule").asString()).isEqualTo("import.csv-encoding");
        assertThat(refused.body().get("field").asString()).isEqualTo("rows[1]");
        assertThat(refused.body().get("line").asInt()).isEqualTo(3);
        assertThat(refused.body().get("detail_vi").asString()).contains("Dòng 3", "UTF-8");
        assertThat(mongo.getCollection("org_units").countDocuments(new org.bson.Document("code", new org.bson.Document("$in",
                java.util.List.of("UTF-THOLAP", "UTF-XUANHOA"))))).isZero();
    }

    @Test
    void aSplitsAssignmentKeyedByAnythingButAChildIsRefusedNamingTheKey() {
        String district = createUnitId("KEY-THOXUAN", "Huyện đoàn Thọ Xuân", "DISTRICT", null);
        String school = createUnitId("KEY-THPT4", "Đoàn trường THPT Thọ Xuân 4", "GRASSROOTS", district);
        String branch = createUnitId("KEY-12A", "Chi đoàn 12A", "BRANCH", school);
        java.util.List<Map<String, String>> parts = java.util.List.of(
                Map.of("code", "KEY-THPT4-A", "name", "Đoàn trường THPT Thọ Xuân 4 (cơ sở A)", "kind", "school"),
                Map.of("code", "KEY-THPT4-B", "name", "Đoàn trường THPT Thọ Xuân 4 (cơ sở B)", "kind", "school"));
        for (String key : java.util.List.of("$where", "a.b", "$gt.x", "khong-phai-chi-doan")) {
            Map<String, String> assignments = new java.util.LinkedHashMap<>();
            assignments.put(branch, "KEY-THPT4-A");
            assignments.put(key, "KEY-THPT4-B");
            HttpJson.Response refused = http().post("/api/units/" + school + "/split",
                    Map.of("parts", parts, "childAssignments", assignments, "effectiveFrom", "2019-09-01"));
            assertThat(refused.status()).as(key + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.body().get("field").asString()).isEqualTo("childAssignments." + key);
            assertThat(refused.body().get("detail_vi").asString()).contains(key);
        }
        assertThat(ok(http().get("/api/units/" + school)).get("status").asString()).isEqualTo("ACTIVE");
        assertThat(mongo.getCollection("org_units").countDocuments(new org.bson.Document("code", "KEY-THPT4-A"))).isZero();
        assertThat(mongo.getCollection("restructurings").countDocuments(new org.bson.Document("sourceUnitIds", school))).isZero();
    }

    @Test
    void aChunkedBodyIsCutAtOneMebibyteAndASmallOneIsRead() {
        byte[] twoMebibytes = ("{\"code\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        HttpJson.Response tooLarge = http().postChunked("/api/units", twoMebibytes, "application/json");
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.contentType()).startsWith("application/problem+json");
        assertThat(tooLarge.body().get("rule").asString()).isEqualTo("request.too-large");
        assertThat(tooLarge.body().get("detail_vi").asString()).isNotBlank();

        byte[] unit = tools.jackson.databind.json.JsonMapper.builder().build()
                .writeValueAsBytes(PlanFixtures.unit("CHUNK-THOXUAN", "Huyện đoàn Thọ Xuân", "DISTRICT", null));
        HttpJson.Response created = http().postChunked("/api/units", unit, "application/json");
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.body().get("name").asString()).isEqualTo("Huyện đoàn Thọ Xuân");
    }

    /**
     * Two recurring reports over a plan of a thousand years expand into 2,000 reporting periods, each repeating its long
     * label: the PlanIssued event would be larger than the broker takes, so issuing or revising the plan is refused and
     * it stays as it was.
     */
    @Test
    void aPlanWhoseEventTheBrokerCannotTakeIsNeitherIssuedNorRevised() {
        String district = createUnitId("TH-HUGE-TX", "Huyện đoàn Thọ Xuân", "DISTRICT", null);
        String about = " thực hiện Chương trình hành động 54-CT/ĐTN của Ban Chấp hành Huyện đoàn Thọ Xuân".repeat(5);
        Map<String, Object> huge = PlanFixtures.thoXuanActionProgram(district);
        huge.put("periodFrom", "2000-01-01");
        huge.put("periodTo", "2999-12-31");
        huge.put("schedule", java.util.List.of());
        huge.put("recurringReports", java.util.List.of(
                Map.of("frequency", "SIX_MONTH", "dueDay", "15/05", "label", "Báo cáo sơ kết 6 tháng" + about, "reportingLevels", java.util.List.of("GRASSROOTS")),
                Map.of("frequency", "YEAR", "dueDay", "15/11", "label", "Báo cáo tổng kết năm" + about, "reportingLevels", java.util.List.of("GRASSROOTS"))));
        String draft = ok(http().post("/api/plans", huge)).get("id").asString();

        HttpJson.Response refused = http().post("/api/plans/" + draft + "/issue", Map.of());
        assertUnpublishable(refused);
        org.bson.Document stillDraft = mongo.getCollection("plans").find(new org.bson.Document("_id", draft)).first();
        assertThat(stillDraft.getString("status")).isEqualTo("DRAFT");
        assertThat(stillDraft.getList("outbox", Object.class)).isEmpty();

        Map<String, Object> small = PlanFixtures.thoXuanActionProgram(district);
        small.put("number", "55-CT/ĐTN");
        String issued = ok(http().post("/api/plans", small)).get("id").asString();
        ok(http().post("/api/plans/" + issued + "/issue", Map.of()));
        huge.put("number", "55-CT/ĐTN");
        assertUnpublishable(http().post("/api/plans/" + issued + "/revisions", Map.of("reason", "Kéo dài thời gian thực hiện", "plan", huge)));
        org.bson.Document stored = mongo.getCollection("plans").find(new org.bson.Document("_id", issued)).first();
        assertThat(stored.getInteger("version")).isEqualTo(1);
        assertThat(stored.getList("revisions", Object.class)).isEmpty();
        assertThat(stored.get("content", org.bson.Document.class).getList("schedule", Object.class)).hasSize(1);
    }

    private static void assertUnpublishable(HttpJson.Response refused) {
        assertThat(refused.status()).as(refused.body().toString()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().get("rule").asString()).isEqualTo("plan.too-large-to-publish");
        assertThat(refused.body().get("eventBytes").asLong()).isGreaterThan(1_000_000);
        assertThat(refused.body().get("maxEventBytes").asLong()).isEqualTo(1_000_000);
        assertThat(refused.body().get("detail_vi").asString()).isNotBlank();
    }

    /** Tỉnh đoàn Thanh Hóa with one field set to what a hostile or careless client sends. */
    private static Map<String, Object> provinceWith(String code, String field, Object value) {
        Map<String, Object> unit = new java.util.HashMap<>(PlanFixtures.unit(code, "Tỉnh đoàn Thanh Hóa", "PROVINCE", null));
        unit.put(field, value);
        return unit;
    }

    static void assertBadField(HttpJson.Response response, String field) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("rule").asString()).isEqualTo("request.unreadable");
        assertThat(response.body().get("field").asString()).isEqualTo(field);
        assertThat(response.body().get("detail_vi").asString()).contains(field);
    }
}
