package vn.doan.reportservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.doan.support.test.HttpJson;
import vn.doan.support.test.TwoProvinces;

/**
 * Completeness as indicator-service's README defines it ("Who is expected to report"), over real HTTP, with the tree
 * learnt from events on a real Kafka broker, in the Union of {@link TwoProvinces}. indicator-service's
 * {@code CompletenessEmbeddedTest} plays the same moves and expects the same numbers.
 */
class CompletenessTreeTest extends ClockedReportService {

    @BeforeEach
    void autumn2016() {
        CLOCK.set("2016-10-15T09:00");
    }

    TwoProvinces union() {
        TwoProvinces u = TwoProvinces.publish(kafka);
        await(() -> mongo.getCollection("plans").countDocuments(new Document("_id", u.plan)) == 1
                && mongo.getCollection("units").countDocuments(new Document("_id", u.namGiang)) == 1);
        return u;
    }

    HttpJson.Response submit(TwoProvinces u, String unit, int year, long trained, long cadres) {
        return http.post("/api/reports", Map.of("planId", u.plan, "unitId", unit, "periodId", String.valueOf(year),
                "values", List.of(Map.of("indicatorCode", "CT01", "numerator", trained, "denominator", cadres))),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    }

    String submitted(TwoProvinces u, String unit, int year, long trained, long cadres) {
        HttpJson.Response response = submit(u, unit, year, trained, cadres);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        return response.body().get("id").asString();
    }

    JsonNode completeness(TwoProvinces u, int year, String unit) {
        HttpJson.Response response = http.get("/api/reports/completeness?planId=" + u.plan + "&periodId=" + year + "&unitId=" + unit);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        return response.body();
    }

    /** expected, submitted, on time, late, returned, missing (past the due date), not yet due. */
    static void assertCounts(JsonNode c, int... counts) {
        assertThat(List.of(c.get("expected").asInt(), c.get("submitted").asInt(), c.get("onTime").asInt(), c.get("late").asInt(),
                c.get("returned").asInt(), c.get("missing").asInt(), c.get("notYetDue").asInt()))
                .as("expected, submitted, on time, late, returned, missing, not yet due in %s", c)
                .containsExactly(Arrays.stream(counts).boxed().toArray(Integer[]::new));
    }

    static List<String> unitIds(JsonNode c, String state) {
        List<String> ids = new ArrayList<>();
        c.get("units").forEach(unit -> {
            if (unit.get("state").asString().equals(state)) {
                ids.add(unit.get("unitId").asString());
            }
        });
        return ids;
    }

    @Test
    void aProvincePlanAskedAtTheCentreExpectsOnlyTheProvincesUnits() {
        TwoProvinces u = union();
        submitted(u, u.commune(0), 2016, 18, 20);
        CLOCK.set("2017-01-20T09:00");

        JsonNode centre = completeness(u, 2016, u.centre);
        assertCounts(centre, 9, 1, 1, 0, 0, 8, 0);
        assertThat(unitIds(centre, "MISSING")).doesNotContain(u.kimLien, u.namGiang).contains(u.danLuc, u.danLy);
        assertCounts(completeness(u, 2016, u.ngheAn), 0, 0, 0, 0, 0, 0, 0);
        assertCounts(completeness(u, 2016, u.thanhHoa), 9, 1, 1, 0, 0, 8, 0);
        assertThat(submit(u, u.kimLien, 2016, 5, 5).body().get("rule").asString()).isEqualTo("report.unit-out-of-scope");
        assertThat(submit(u, u.thoXuan, 2016, 5, 5).body().get("rule").asString())
                .as("the periods name districts, no indicator does").isEqualTo("report.level-not-reporting");
    }

    /** Seven communes: five submitted (Xuân Minh three days late), Xuân Lai's report returned, Thọ Diên silent. */
    @Test
    void aReturnedReportIsCountedApartFromTheSubmittedOnes() {
        TwoProvinces u = union();
        CLOCK.set("2016-11-15T16:00");
        for (int i : new int[] {0, 1, 4, 5}) {
            submitted(u, u.commune(i), 2016, 18, 20);
        }
        String xuanLai = submitted(u, u.commune(2), 2016, 7, 30);
        CLOCK.set("2016-11-18T08:00");
        submitted(u, u.commune(3), 2016, 12, 15);
        assertThat(http.post("/api/reports/" + xuanLai + "/return", Map.of("reason", "Số liệu cán bộ được tập huấn chưa khớp danh sách"))
                .status()).isEqualTo(200);
        CLOCK.set("2016-11-20T09:00");

        JsonNode district = completeness(u, 2016, u.thoXuan);
        assertCounts(district, 7, 5, 4, 1, 1, 1, 0);
        assertThat(unitIds(district, "RETURNED")).containsExactly(u.commune(2));
        assertThat(unitIds(district, "MISSING")).containsExactly(u.commune(6));
        assertCounts(completeness(u, 2016, u.thanhHoa), 9, 5, 4, 1, 1, 3, 0);

        HttpJson.Response again = http.post("/api/reports/" + xuanLai + "/submit", "", Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(again.status()).as(again.body().toString()).isEqualTo(201);
        assertCounts(completeness(u, 2016, u.thoXuan), 7, 6, 4, 2, 0, 1, 0);
    }

    /** Xuân Lai moves from Thọ Xuân to Triệu Sơn from 01/01/2017: 2016 is counted in the tree of 2016, 2017 in today's. */
    @Test
    void aMovedCommuneCountsWhereItStoodInEachPeriod() {
        TwoProvinces u = union();
        submitted(u, u.commune(2), 2016, 7, 10);
        submitted(u, u.commune(0), 2016, 18, 20);
        u.moveToTrieuSon(u.commune(2));
        await(() -> mongo.getCollection("units").countDocuments(new Document("_id", u.commune(2)).append("parentId", u.trieuSon)) == 1);
        CLOCK.set("2017-01-15T09:00");
        submitted(u, u.commune(2), 2017, 9, 10);
        submitted(u, u.commune(0), 2017, 20, 20);
        CLOCK.set("2017-01-20T09:00");

        assertCounts(completeness(u, 2016, u.thoXuan), 7, 2, 2, 0, 0, 5, 0);
        assertCounts(completeness(u, 2016, u.trieuSon), 2, 0, 0, 0, 0, 2, 0);
        assertCounts(completeness(u, 2017, u.thoXuan), 6, 1, 1, 0, 0, 0, 5);
        assertCounts(completeness(u, 2017, u.trieuSon), 3, 1, 1, 0, 0, 0, 2);
    }

    /**
     * Thọ Diên is dissolved, and Xuân Minh and Xuân Tín merge into a new Đoàn xã Xuân Hồng, from 01/01/2017: 2016 expects
     * the old communes (and Thọ Diên may still send its 2016 report, late), 2017 expects Xuân Hồng and not the dissolved ones.
     */
    @Test
    void dissolvedAndMergedCommunesAreExpectedInThePeriodsTheyBelongTo() {
        TwoProvinces u = union();
        submitted(u, u.commune(3), 2016, 10, 12);
        String xuanHong = "xuan-hong-" + u.s;
        u.mergeInto(xuanHong, "Đoàn xã Xuân Hồng", u.commune(3), u.commune(4));
        u.dissolve(u.commune(6), "Giải thể");
        await(() -> mongo.getCollection("units").countDocuments(new Document("_id", u.commune(6)).append("active", false)) == 1
                && mongo.getCollection("units").countDocuments(new Document("_id", xuanHong)) == 1);
        CLOCK.set("2017-01-20T09:00");
        submitted(u, u.commune(6), 2016, 5, 6);
        submitted(u, xuanHong, 2017, 20, 25);
        HttpJson.Response outOfPeriod = submit(u, xuanHong, 2016, 20, 25);
        assertThat(outOfPeriod.body().get("rule").asString()).as(outOfPeriod.body().toString()).isEqualTo("report.unit-not-in-period");
        assertThat(submit(u, u.commune(4), 2017, 1, 1).body().get("rule").asString()).isEqualTo("report.unit-dissolved");

        JsonNode y2016 = completeness(u, 2016, u.thoXuan);
        assertCounts(y2016, 7, 2, 1, 1, 0, 5, 0);
        assertThat(unitIds(y2016, "MISSING")).contains(u.commune(4)).doesNotContain(xuanHong);
        JsonNode y2017 = completeness(u, 2017, u.thoXuan);
        assertCounts(y2017, 5, 1, 1, 0, 0, 0, 4);
        assertThat(unitIds(y2017, "NOT_YET_DUE")).doesNotContain(u.commune(3), u.commune(4), u.commune(6));
    }

    static void await(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 20 s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
