package vn.doan.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.doan.events.EventCodec;

/**
 * The first slice, through the public REST APIs with all four services running: a province, a
 * district and three grassroots units; a plan with one indicator; a reminder for each unit that has
 * not reported as the due date nears; then each unit's report, and the exact progress of every unit,
 * the district and the province, read from indicator-service.
 */
abstract class EndToEndTests {

    static Services services;
    static ApiClient api;

    static void startServices(String kafkaBootstrap, String mongoUri) {
        services = Services.start(kafkaBootstrap, mongoUri, Map.of(),
                List.of("--doan.outbox.interval=50ms", "--doan.outbox.sweep-interval=1h", "--doan.reminders.interval=500ms",
                        "--doan.reminders.quiet-from=00:00", "--doan.reminders.quiet-until=00:00"));
        api = new ApiClient(services);
    }

    @AfterAll
    static void stopServices() {
        if (services != null) {
            services.close();
        }
    }

    @Test
    void reportsMoveEveryLevelOfTheTreeAndUnreportedUnitsAreReminded() {
        String province = api.createUnit("E2E-THANHHOA", "Tỉnh đoàn Thanh Hóa", "PROVINCE", null, null);
        String district = api.createUnit("E2E-THOXUAN", "Huyện đoàn Thọ Xuân", "DISTRICT", "district", province);
        String thoLap = api.createUnit("E2E-THOLAP", "Đoàn xã Thọ Lập", "GRASSROOTS", "commune", district);
        String xuanHoa = api.createUnit("E2E-XUANHOA", "Đoàn xã Xuân Hòa", "GRASSROOTS", "commune", district);
        String school = api.createUnit("E2E-THPT4", "Đoàn trường THPT Thọ Xuân 4", "GRASSROOTS", "school", district);
        LocalDate today = LocalDate.now(EventCodec.ZONE);
        String period = String.valueOf(today.getYear());
        String planId = api.issuePlan(trainingPlan(district, today, today.plusDays(3)));

        for (String unit : List.of(thoLap, xuanHoa, school)) {
            JsonNode reminders = await("a reminder for " + unit, () -> api.reminders(unit).body(), r -> r.size() > 0);
            assertThat(reminders.size()).isEqualTo(1);
            assertThat(reminders.get(0).get("rule").asString()).isEqualTo("before-7");
            assertThat(reminders.get(0).get("planId").asString()).isEqualTo(planId);
        }

        long submitted = System.nanoTime();
        submit(planId, thoLap, period, 18, 20);
        submit(planId, xuanHoa, period, 25, 25);
        String schoolReport = submit(planId, school, period, 9, 12);

        JsonNode top = await("the province to count three reports",
                () -> indicator(api.progress(planId, period, province).body()), i -> i.get("subtree").get("reportingUnits").asInt() == 3);
        long millis = Duration.ofNanos(System.nanoTime() - submitted).toMillis();
        System.out.printf("Submit of 3 reports to province progress: %d ms%n", millis);
        assertThat(millis).as("reports reach the top of the tree within seconds").isLessThan(10_000);

        assertSubtree(top, 52, 57, "91.23");
        assertSubtree(indicator(api.progress(planId, period, district).body()), 52, 57, "91.23");
        assertSubtree(indicator(api.progress(planId, period, thoLap).body()), 18, 20, "90.00");
        assertSubtree(indicator(api.progress(planId, period, xuanHoa).body()), 25, 25, "100.00");
        assertSubtree(indicator(api.progress(planId, period, school).body()), 9, 12, "75.00");
        assertThat(indicator(api.progress(planId, period, xuanHoa).body()).get("achieved").asBoolean()).isTrue();
        assertThat(top.get("achieved").asBoolean()).isFalse();
        assertThat(api.reminders(thoLap).body().size()).as("no further reminder once reported").isEqualTo(1);

        String reports = services.url(Services.Service.REPORT) + "/api/reports/" + schoolReport;
        assertThat(api.post(reports + "/return", Map.of("reason", "Số cán bộ được tập huấn chưa khớp danh sách."), Map.of()).status()).isEqualTo(200);
        assertThat(api.send("PUT", reports, Map.of("values", List.of(Map.of("indicatorCode", "CT1", "numerator", 11, "denominator", 12))))
                .status()).isEqualTo(200);
        assertThat(api.post(reports + "/submit", Map.of(), Map.of("Idempotency-Key", java.util.UUID.randomUUID().toString())).body()
                .get("status").asString()).isEqualTo("RESUBMITTED");
        JsonNode revised = await("the revision at the province", () -> indicator(api.progress(planId, period, province).body()),
                i -> i.get("subtree").get("numerator").asLong() == 54);
        assertSubtree(revised, 54, 57, "94.74");
        assertThat(revised.get("subtree").get("reportingUnits").asInt()).as("replaced, not added").isEqualTo(3);
    }

    private static String submit(String planId, String unitId, String period, long trained, long cadres) {
        return api.submitReport(planId, unitId, period,
                List.of(Map.of("indicatorCode", "CT1", "numerator", trained, "denominator", cadres)), Duration.ofSeconds(30)).get("id").asString();
    }

    private static JsonNode indicator(JsonNode progress) {
        return progress.get("indicators").get(0);
    }

    private static void assertSubtree(JsonNode indicator, long numerator, long denominator, String percent) {
        assertThat(indicator.get("code").asString()).isEqualTo("CT1");
        assertThat(indicator.get("subtree").get("numerator").asLong()).isEqualTo(numerator);
        assertThat(indicator.get("subtree").get("denominator").asLong()).isEqualTo(denominator);
        assertThat(indicator.get("subtree").get("percent").decimalValue()).isEqualByComparingTo(percent);
    }

    static <T> T await(String what, java.util.function.Supplier<T> probe, Predicate<T> done) {
        return await(what, probe, done, Duration.ofSeconds(30));
    }

    static <T> T await(String what, java.util.function.Supplier<T> probe, Predicate<T> done, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        T value = probe.get();
        while (!done.test(value)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what + "; last seen: " + value);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            value = probe.get();
        }
        return value;
    }

    /** "Share of cadres trained, at least 100%, yearly", as 54-CT/ĐTN of Huyện đoàn Thọ Xuân words it. */
    static Map<String, Object> trainingPlan(String district, LocalDate today, LocalDate due) {
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("number", "54-CT/ĐTN");
        plan.put("title", "Chương trình hành động thực hiện Nghị quyết số 02-NQ/TU của Ban Thường vụ Tỉnh ủy");
        plan.put("issuingUnitId", district);
        plan.put("issuedOn", today.withDayOfYear(1).toString());
        plan.put("periodFrom", today.withDayOfYear(1).toString());
        plan.put("periodTo", today.withDayOfYear(today.lengthOfYear()).toString());
        plan.put("indicators", List.of(Map.of("code", "CT1",
                "text", "Hàng năm 100% cán bộ Đoàn – Hội – Đội được tham gia các lớp tập huấn của tỉnh và của huyện",
                "kind", "SHARE_OF_PEOPLE", "target", 100, "reportingLevels", List.of("GRASSROOTS"))));
        plan.put("schedule", List.of(Map.of("periodId", String.valueOf(today.getYear()), "label", "Báo cáo năm " + today.getYear(),
                "from", today.withDayOfYear(1).toString(), "to", today.withDayOfYear(today.lengthOfYear()).toString(),
                "dueDate", due.toString(), "reportingLevels", List.of("GRASSROOTS"))));
        return plan;
    }
}
