package vn.doan.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import vn.doan.localstack.Services.Service;
import vn.doan.support.test.MutableClock;
import vn.doan.support.test.SeedPlans;

/**
 * Two seed plans entered through plan-service's API as they are written, then their calendar walked: the units report
 * what the text asks of them, on dates of the plan's own calendar, and at each date chosen the status read from
 * indicator-service is the one a person reading the plan would state (quoted from the seed's text beside each check).
 * plan-, report- and indicator-service on the in-process Kafka broker and MongoDB wire server, all on one clock that the
 * test moves along the calendar.
 */
class SeedCalendarTest {

    private static final MutableClock CLOCK = new MutableClock("2016-04-28T08:00");

    @TempDir
    static Path dataDir;
    static EmbeddedKafka kafka;
    static EmbeddedMongo mongo;
    static Services services;
    static ApiClient api;

    @BeforeAll
    static void start() {
        kafka = EmbeddedKafka.start(Services.freePort(), Services.freePort(), dataDir.resolve("kafka"));
        mongo = EmbeddedMongo.start(Services.freePort(), dataDir.resolve("mongo.mv.db"));
        services = Services.start(kafka.bootstrap(), mongo.uri(), Map.of(), List.of("--doan.outbox.interval=50ms", "--doan.outbox.sweep-interval=1h"),
                EnumSet.of(Service.AUTH, Service.PLAN, Service.REPORT, Service.INDICATOR), Map.of(), CLOCK);
        api = ApiClient.direct(services.url(Service.PLAN), services.url(Service.REPORT), services.url(Service.INDICATOR),
                ApiClient.loaderToken(services.url(Service.AUTH)));
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

    /**
     * Chương trình hành động 54-CT/ĐTN of Huyện đoàn Thọ Xuân (28/4/2016), reported "gắn với báo cáo định kỳ" (the
     * yearly report of 15/11) by its grassroots units and by the district itself.
     */
    @Test
    void thoXuan54ReadsAsItsTextSaysYearByYear() {
        CLOCK.set("2016-04-28T08:00");
        String province = api.createUnit("SC-THANHHOA", "Tỉnh đoàn Thanh Hóa", "PROVINCE", null, null);
        String district = api.createUnit("SC-THOXUAN", "Huyện đoàn Thọ Xuân", "DISTRICT", "district", province);
        String thoLap = api.createUnit("SC-THOLAP", "Đoàn xã Thọ Lập", "GRASSROOTS", "commune", district);
        String xuanLai = api.createUnit("SC-XUANLAI", "Đoàn xã Xuân Lai", "GRASSROOTS", "commune", district);
        String school = api.createUnit("SC-THPT4", "Đoàn trường THPT Thọ Xuân 4", "GRASSROOTS", "school", district);
        String plan = api.issuePlan(SeedPlans.thoXuan54(district));

        // "Hàng năm 100% cán bộ Đoàn – Hội – Đội được tham gia các lớp tập huấn": 119 of 120 in 2017. On 10/11/2017, with
        // seven weeks of the year left, that is on the way; once 2017 is over, the year's 100% was missed.
        CLOCK.set("2017-11-10T09:00");
        // "Tỷ lệ hộ nghèo do Đoàn viên - Hội viên làm chủ giảm còn 3%" by 2019: the text sets no figure for 2017
        report(plan, thoLap, "2017", value("CT01", 40, 40), value("CT07", 36, 400));
        assertThat(awaitSubtree(plan, "2017", district, "CT07", 36, 400).get("status").asString()).isEqualTo("NO_TARGET");
        report(plan, xuanLai, "2017", value("CT01", 45, 45));
        report(plan, school, "2017", value("CT01", 34, 35));
        JsonNode cadres = awaitSubtree(plan, "2017", district, "CT01", 119, 120);
        assertThat(cadres.get("value").decimalValue()).isEqualByComparingTo("99.17");
        assertThat(cadres.get("status").asString()).isEqualTo("ON_TRACK");
        CLOCK.set("2018-01-02T09:00");
        assertThat(subtree(plan, "2017", district, "CT01").get("status").asString()).isEqualTo("OFF_TRACK");

        // "Hàng năm mở từ 2-3 lớp tập huấn", the district's own figure: one class by 10/11/2017 is short of two with the
        // year still running; after the year, short; two and three are both what the text asks.
        CLOCK.set("2017-11-10T09:00");
        String classes = report(plan, district, "2017", count("CT15", 1));
        assertThat(awaitOwn(plan, "2017", district, "CT15", 1).get("status").asString()).isEqualTo("AT_RISK");
        CLOCK.set("2018-01-02T09:00");
        assertThat(own(plan, "2017", district, "CT15").get("status").asString()).isEqualTo("OFF_TRACK");
        revise(classes, count("CT15", 2));
        assertThat(awaitOwn(plan, "2017", district, "CT15", 2).get("status").asString()).isEqualTo("ACHIEVED");
        revise(classes, count("CT15", 3));
        assertThat(awaitOwn(plan, "2017", district, "CT15", 3).get("status").asString()).isEqualTo("ACHIEVED");

        // "Thu hút 75% thanh niên vào tổ chức Đoàn - Hội" by 2018: 674 of 900 young people (74.89 %) on 10/11/2018 is on the
        // way; when 2018 is over it is below 75 %; one more young person at THPT Thọ Xuân 4 makes exactly 75 %: achieved.
        CLOCK.set("2018-11-10T09:00");
        report(plan, thoLap, "2018", value("CT04", 300, 400));
        report(plan, xuanLai, "2018", value("CT04", 225, 300));
        String schoolYouth = report(plan, school, "2018", value("CT04", 149, 200));
        JsonNode youth = awaitSubtree(plan, "2018", district, "CT04", 674, 900);
        assertThat(youth.get("value").decimalValue()).isEqualByComparingTo("74.89");
        assertThat(youth.get("target").decimalValue()).isEqualByComparingTo("75");
        assertThat(youth.get("status").asString()).isEqualTo("ON_TRACK");
        CLOCK.set("2019-01-02T09:00");
        assertThat(subtree(plan, "2018", district, "CT04").get("status").asString()).isEqualTo("OFF_TRACK");
        revise(schoolYouth, value("CT04", 150, 200));
        JsonNode reached = awaitSubtree(plan, "2018", district, "CT04", 675, 900);
        assertThat(reached.get("value").decimalValue()).isEqualByComparingTo("75");
        assertThat(reached.get("status").asString()).isEqualTo("ACHIEVED");

        // The poverty rate in 2019, its target year: 28 of 900 households (3.11 %) on 10/11/2019 is not down to 3 % yet;
        // after 2019, missed; 27 of 900 is exactly 3 %: achieved.
        CLOCK.set("2019-11-10T09:00");
        report(plan, thoLap, "2019", value("CT07", 12, 400));
        report(plan, xuanLai, "2019", value("CT07", 9, 300));
        String schoolPoverty = report(plan, school, "2019", value("CT07", 7, 200));
        JsonNode poverty = awaitSubtree(plan, "2019", district, "CT07", 28, 900);
        assertThat(poverty.get("value").decimalValue()).isEqualByComparingTo("3.11");
        assertThat(poverty.get("status").asString()).isEqualTo("AT_RISK");
        CLOCK.set("2020-01-02T09:00");
        assertThat(subtree(plan, "2019", district, "CT07").get("status").asString()).isEqualTo("OFF_TRACK");
        revise(schoolPoverty, value("CT07", 6, 200));
        JsonNode down = awaitSubtree(plan, "2019", district, "CT07", 27, 900);
        assertThat(down.get("value").decimalValue()).isEqualByComparingTo("3");
        assertThat(down.get("status").asString()).isEqualTo("ACHIEVED");
    }

    /**
     * Kế hoạch 66-KH/TĐTN-BTG of Tỉnh đoàn Thanh Hóa (25/9/2018): districts hold their conference "trước ngày 15/11/2018"
     * and send the result "trước ngày 05/01/2019"; the province reads how many of its districts held it on time.
     */
    @Test
    void thanhHoa66CountsTheDistrictsThatHeldTheirConferenceBy15November() {
        CLOCK.set("2018-09-25T08:00");
        String province = api.createUnit("SC66-THANHHOA", "Tỉnh đoàn Thanh Hóa", "PROVINCE", null, null);
        String thoXuan = api.createUnit("SC66-THOXUAN", "Huyện đoàn Thọ Xuân", "DISTRICT", "district", province);
        String trieuSon = api.createUnit("SC66-TRIEUSON", "Huyện đoàn Triệu Sơn", "DISTRICT", "district", province);
        String ngocLac = api.createUnit("SC66-NGOCLAC", "Huyện đoàn Ngọc Lặc", "DISTRICT", "district", province);
        String plan = api.issuePlan(SeedPlans.thanhHoa66(province));

        // Thọ Xuân held it on 14/11/2018, before the 15th; Triệu Sơn on 16/11/2018, late; Ngọc Lặc sends nothing.
        CLOCK.set("2018-12-01T09:00");
        report(plan, thoXuan, "final-2018", done("MC1", "2018-11-14"));
        report(plan, trieuSon, "final-2018", done("MC1", "2018-11-16"));
        JsonNode conferences = await("the province's conferences", () -> subtree(plan, "final-2018", province, "MC1"),
                s -> s != null && s.get("reportingUnits").asInt() == 2);
        assertThat(List.of(conferences.get("doneOnTime").asInt(), conferences.get("doneLate").asInt())).containsExactly(1, 1);
        assertThat(conferences.get("value").decimalValue()).as("one of the two districts that reported held it on time")
                .isEqualByComparingTo("50");
        // on 01/12/2018 the districts' date has passed with one of them late and one silent: the plan is behind
        assertThat(conferences.get("status").asString()).isEqualTo("OFF_TRACK");
        CLOCK.set("2019-01-06T09:00");
        assertThat(subtree(plan, "final-2018", province, "MC1").get("status").asString()).isEqualTo("OFF_TRACK");
        JsonNode completeness = api.get(services.url(Service.INDICATOR) + "/api/progress/" + plan + "/final-2018/units/" + province
                + "/completeness").body();
        assertThat(List.of(completeness.get("expected").asInt(), completeness.get("submitted").asInt(), completeness.get("missing").asInt()))
                .as("three districts asked, two reported, Ngọc Lặc missing after 05/01/2019").containsExactly(3, 2, 1);
        assertThat(completeness.get("missingUnits").get(0).get("unitId").asString()).isEqualTo(ngocLac);
    }

    private static Map<String, Object> value(String code, long numerator, long denominator) {
        return Map.of("indicatorCode", code, "numerator", numerator, "denominator", denominator);
    }

    private static Map<String, Object> count(String code, long count) {
        return Map.of("indicatorCode", code, "numerator", count);
    }

    private static Map<String, Object> done(String code, String on) {
        return Map.of("indicatorCode", code, "numerator", 1, "doneOn", on);
    }

    /** Submits the unit's report of the period; returns its id. */
    @SafeVarargs
    private static String report(String plan, String unit, String period, Map<String, Object>... values) {
        return api.submitReport(plan, unit, period, List.of(values), Duration.ofSeconds(60)).get("id").asString();
    }

    private static void revise(String reportId, Map<String, Object> value) {
        ApiClient.Answer answer = api.post(services.url(Service.REPORT) + "/api/reports/" + reportId + "/revisions",
                Map.of("values", List.of(value)), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(answer.status()).as("%s", answer.body()).isEqualTo(201);
    }

    private static JsonNode indicator(String plan, String period, String unit, String code) {
        ApiClient.Answer progress = api.progress(plan, period, unit);
        if (progress.status() != 200) {
            return null;
        }
        for (JsonNode indicator : progress.body().get("indicators")) {
            if (indicator.get("code").asString().equals(code)) {
                return indicator;
            }
        }
        return null;
    }

    private static JsonNode subtree(String plan, String period, String unit, String code) {
        JsonNode indicator = indicator(plan, period, unit, code);
        return indicator == null ? null : indicator.get("subtree");
    }

    private static JsonNode own(String plan, String period, String unit, String code) {
        JsonNode indicator = indicator(plan, period, unit, code);
        return indicator == null ? null : indicator.get("own");
    }

    private static JsonNode awaitSubtree(String plan, String period, String unit, String code, long numerator, long denominator) {
        return await(code + " of " + period + " = " + numerator + "/" + denominator, () -> subtree(plan, period, unit, code),
                s -> s != null && s.get("numerator").asLong() == numerator && s.get("denominator").asLong() == denominator);
    }

    private static JsonNode awaitOwn(String plan, String period, String unit, String code, long count) {
        return await(code + " of " + period + " = " + count, () -> own(plan, period, unit, code),
                s -> s != null && !s.isNull() && s.get("numerator").asLong() == count);
    }

    private static JsonNode await(String what, java.util.function.Supplier<JsonNode> probe, java.util.function.Predicate<JsonNode> done) {
        return EndToEndTests.await(what, probe, done, Duration.ofSeconds(60));
    }
}
