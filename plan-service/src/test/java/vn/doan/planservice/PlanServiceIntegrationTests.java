package vn.doan.planservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import vn.doan.events.EventCodec;
import vn.doan.events.EventEnvelope;
import vn.doan.events.Topics;
import vn.doan.events.plan.PlanIssued;
import vn.doan.events.plan.UnitCreated;
import vn.doan.support.test.HttpJson;
import vn.doan.support.test.KafkaTestClient;

/** The first slice: units and a plan, announced on Kafka; errors as problem+json. */
abstract class PlanServiceIntegrationTests extends PlanServiceTestBase {

    @Test
    void unitsAreCreatedUnderTheirParentAndAnnouncedKeyedByUnit() {
        JsonNode province = createUnit("TH", "Tỉnh đoàn Thanh Hóa", "PROVINCE", null);
        JsonNode district = createUnit("TH-TX", "Huyện đoàn Thọ Xuân", "DISTRICT", province.get("id").asString());
        JsonNode commune = createUnit("TH-TX-THOLAP", "Đoàn xã Thọ Lập", "GRASSROOTS", district.get("id").asString());

        assertThat(commune.get("ancestorIds").values().stream().map(JsonNode::asString).toList())
                .containsExactly(province.get("id").asString(), district.get("id").asString());

        String communeId = commune.get("id").asString();
        List<ConsumerRecord<String, String>> records = kafka.read(Topics.ORG_UNITS, Duration.ofSeconds(20),
                read -> read.stream().anyMatch(r -> r.key().equals(communeId)));
        ConsumerRecord<String, String> record = records.stream().filter(r -> r.key().equals(communeId)).findFirst().orElseThrow();
        EventEnvelope envelope = KafkaTestClient.envelope(record);
        assertThat(envelope.type()).isEqualTo("vn.doan.plan.UnitCreated");
        assertThat(envelope.source()).isEqualTo("/plan-service");
        assertThat(envelope.subject()).isEqualTo(communeId);
        assertThat(envelope.dataschema()).isEqualTo("/schemas/vn.doan.plan.UnitCreated.v1.json");
        UnitCreated created = (UnitCreated) EventCodec.data(envelope).orElseThrow();
        assertThat(created.name()).isEqualTo("Đoàn xã Thọ Lập");
        assertThat(created.parentId()).isEqualTo(district.get("id").asString());
        assertThat(created.ancestorIds()).containsExactly(province.get("id").asString(), district.get("id").asString());
        assertThat(mongo.getCollection("org_units").countDocuments(new org.bson.Document("outbox.0", new org.bson.Document("$exists", true))))
                .isZero();
    }

    @Test
    void anIssuedPlanIsPublishedOnceWithItsIndicatorsAndSchedule() {
        JsonNode district = createUnit("TX2016", "Huyện đoàn Thọ Xuân", "DISTRICT", null);
        String districtId = district.get("id").asString();
        HttpJson.Response draft = http().post("/api/plans", PlanFixtures.thoXuanActionProgram(districtId));
        assertThat(draft.status()).as(draft.body().toString()).isEqualTo(201);
        assertThat(draft.body().get("status").asString()).isEqualTo("DRAFT");
        String planId = draft.body().get("id").asString();

        HttpJson.Response issued = http().post("/api/plans/" + planId + "/issue", "");
        assertThat(issued.status()).isEqualTo(200);
        assertThat(issued.body().get("status").asString()).isEqualTo("ISSUED");
        HttpJson.Response again = http().post("/api/plans/" + planId + "/issue", "");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().get("rule").asString()).isEqualTo("plan.not-draft");

        List<ConsumerRecord<String, String>> records = kafka.read(Topics.PLANS, Duration.ofSeconds(20),
                read -> read.stream().anyMatch(r -> r.key().equals(districtId)));
        List<PlanIssued> plans = records.stream().filter(r -> r.key().equals(districtId))
                .map(r -> (PlanIssued) EventCodec.data(KafkaTestClient.envelope(r)).orElseThrow()).toList();
        assertThat(plans).hasSize(1);
        PlanIssued plan = plans.get(0);
        assertThat(plan.number()).isEqualTo("54-CT/ĐTN");
        assertThat(plan.indicators()).extracting(PlanIssued.Indicator::code).containsExactly("CT1");
        assertThat(plan.indicators().get(0).text())
                .isEqualTo("Hàng năm 100% cán bộ Đoàn – Hội – Đội được tham gia các lớp tập huấn của tỉnh và của huyện");
        assertThat(plan.schedule()).extracting(PlanIssued.ReportingPeriod::dueDate)
                .containsExactly(java.time.LocalDate.of(2016, 11, 15));
    }

    @Test
    void aTargetAbove100PercentIsRefusedInBothLanguagesAndNothingIsStored() {
        String districtId = createUnit("TX-BAD", "Huyện đoàn Thọ Xuân", "DISTRICT", null).get("id").asString();
        Map<String, Object> plan = PlanFixtures.thoXuanActionProgram(districtId);
        plan.put("number", "55-CT/ĐTN");
        plan.put("indicators", List.of(PlanFixtures.indicator("CT1", "Tập huấn cán bộ", "SHARE_OF_PEOPLE", 120)));
        long before = mongo.getCollection("plans").countDocuments();

        HttpJson.Response response = http().post("/api/plans", plan);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("rule").asString()).isEqualTo("indicator.target-out-of-range");
        assertThat(response.body().get("field").asString()).isEqualTo("indicators[0].target");
        assertThat(response.body().get("detail_vi").asString()).contains("không hợp lệ");
        assertThat(mongo.getCollection("plans").countDocuments()).isEqualTo(before);
    }

    @Test
    void anUnknownParentOrAReusedCodeIsRefused() {
        HttpJson.Response orphan = http().post("/api/units", PlanFixtures.unit("X1", "Đoàn xã mồ côi", "GRASSROOTS", "no-such-unit"));
        assertThat(orphan.status()).isEqualTo(404);
        assertThat(orphan.body().get("field").asString()).isEqualTo("parentId");

        createUnit("KG", "Tỉnh đoàn Kiên Giang", "PROVINCE", null);
        HttpJson.Response reused = http().post("/api/units", PlanFixtures.unit("KG", "Tỉnh đoàn Kiên Giang", "PROVINCE", null));
        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.body().get("rule").asString()).isEqualTo("unit.code-taken");
    }

    @Test
    void malformedJsonAndUnknownFieldsAreProblems() {
        HttpJson.Response broken = http().post("/api/units", "{\"code\": ");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.body().get("rule").asString()).isEqualTo("request.unreadable");

        HttpJson.Response unknownField = http().post("/api/units",
                "{\"code\":\"A\",\"name\":\"B\",\"level\":\"PROVINCE\",\"effectiveFrom\":\"2016-01-01\",\"$where\":\"1\"}");
        assertThat(unknownField.status()).isEqualTo(400);

        HttpJson.Response missingName = http().post("/api/units",
                "{\"code\":\"A\",\"level\":\"PROVINCE\",\"effectiveFrom\":\"2016-01-01\"}");
        assertThat(missingName.status()).isEqualTo(400);
        assertThat(missingName.body().get("field").asString()).isEqualTo("name");
    }
}
