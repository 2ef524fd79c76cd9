package vn.doan.indicatorservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import vn.doan.events.EventCodec;
import vn.doan.events.Topics;
import vn.doan.events.indicator.CompletenessChanged;
import vn.doan.events.indicator.ProgressUpdated;
import vn.doan.events.report.ReportReturned;
import vn.doan.events.report.ReportSubmitted;
import vn.doan.support.test.Backends;
import vn.doan.support.test.HttpJson;
import vn.doan.support.test.KafkaTestClient;
import vn.doan.support.test.MutableClock;
import vn.doan.support.test.TwoProvinces;

/**
 * Completeness as the README defines it ("Who is expected to report"), fed by events on a real Kafka broker and read
 * over HTTP: the plan's scope, returned reports, moves, dissolutions, merges and splits, in the Union of
 * {@link TwoProvinces}. report-service's {@code CompletenessTreeTest} plays the same moves and expects the same numbers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=indicator-service", "doan.outbox.interval=50ms", "doan.outbox.sweep-interval=1h"})
@Import(CompletenessEmbeddedTest.Clock.class)
class CompletenessEmbeddedTest {

    /** After the 2016 due date (15/11/2016) and before the 2017 one. */
    static final MutableClock CLOCK = new MutableClock("2017-01-20T09:00");

    @TestConfiguration
    static class Clock {
        @Bean
        MutableClock clock() {
            return CLOCK;
        }
    }

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        Backends.embedded().register(registry, "indicator_completeness_test");
    }

    @LocalServerPort
    int port;
    HttpJson http;
    static KafkaTestClient kafka;

    @BeforeEach
    void connect() {
        http = new HttpJson("http://localhost:" + port);
        kafka = kafka == null ? new KafkaTestClient(Backends.embedded().kafkaBootstrap(), "/report-service") : kafka;
    }

    @AfterAll
    static void close() {
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
    }

    /** Version {@code version} of the unit's report, {@code daysLate} days after the due date, training {@code trained} of {@code cadres}. */
    void report(TwoProvinces u, String unit, int year, int version, int daysLate, long trained, long cadres) {
        LocalDate due = LocalDate.of(year, 11, 15);
        LocalDate submitted = daysLate > 0 ? due.plusDays(daysLate) : year == 2016 ? LocalDate.of(2016, 10, 15) : LocalDate.of(2017, 1, 15);
        kafka.publish(new ReportSubmitted("bc-" + unit + "-" + year, version, u.plan, unit, String.valueOf(year),
                submitted.atStartOfDay(EventCodec.ZONE).toInstant(), due, daysLate,
                List.of(new ReportSubmitted.Value("CT01", trained, cadres))), unit);
    }

    JsonNode completeness(TwoProvinces u, int year, String unit) {
        HttpJson.Response response = http.get("/api/progress/" + u.plan + "/" + year + "/units/" + unit + "/completeness");
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        return countedAlike(u, year, unit, response.body());
    }

    /**
     * The unit's dashboard counts the same seven numbers as the listing, from its roll-up (once the roll-up has reached what
     * the listing read): what a province's dashboard shows without listing every unit below it.
     */
    JsonNode countedAlike(TwoProvinces u, int year, String unit, JsonNode listed) {
        List<Integer> expected = counts(listed);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        JsonNode reports = null;
        while (System.nanoTime() < deadline) {
            reports = http.get("/api/progress/" + u.plan + "/" + year + "/units/" + unit).body().get("reports");
            if (reports != null && counts(reports).equals(expected)) {
                return listed;
            }
            sleep(100);
        }
        throw new AssertionError("the dashboard's counts " + reports + " differ from the listing's " + listed);
    }

    JsonNode awaitCompleteness(TwoProvinces u, int year, String unit, Predicate<JsonNode> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            HttpJson.Response response = http.get("/api/progress/" + u.plan + "/" + year + "/units/" + unit + "/completeness");
            if (response.status() == 200 && done.test(response.body())) {
                return countedAlike(u, year, unit, response.body());
            }
            last = response.body();
            sleep(100);
        }
        throw new AssertionError("completeness not reached; last: " + last);
    }

    JsonNode trained(TwoProvinces u, int year, String unit) {
        JsonNode progress = http.get("/api/progress/" + u.plan + "/" + year + "/units/" + unit).body();
        return progress.get("indicators").get(0).get("subtree");
    }

    static Predicate<JsonNode> counted(int expected, int submitted) {
        return c -> c.get("expected").asInt() == expected && c.get("submitted").asInt() == submitted;
    }

    /** expected, submitted, on time, late, returned, missing (past the due date), not yet due. */
    static List<Integer> counts(JsonNode c) {
        return List.of(c.get("expected").asInt(), c.get("submitted").asInt(), c.get("onTime").asInt(), c.get("late").asInt(),
                c.get("returned").asInt(), c.get("missing").asInt(), c.get("notYetDue").asInt());
    }

    static void assertCounts(JsonNode c, int... counts) {
        assertThat(counts(c))
                .as("expected, submitted, on time, late, returned, missing, not yet due in %s", c)
                .containsExactly(java.util.Arrays.stream(counts).boxed().toArray(Integer[]::new));
    }

    static List<String> missingIds(JsonNode c) {
        List<String> ids = new ArrayList<>();
        c.get("missingUnits").forEach(m -> ids.add(m.get("unitId").asString()));
        return ids;
    }

    @Test
    void aProvincePlanAskedAtTheCentreExpectsOnlyTheProvincesUnits() {
        TwoProvinces u = TwoProvinces.publish(kafka);
        report(u, u.commune(0), 2016, 1, 0, 18, 20);
        awaitCompleteness(u, 2016, u.thoXuan, counted(7, 1));

        JsonNode centre = awaitCompleteness(u, 2016, u.centre, c -> c.get("submitted").asInt() == 1);
        assertCounts(centre, 9, 1, 1, 0, 0, 8, 0);
        assertThat(missingIds(centre)).doesNotContain(u.kimLien, u.namGiang).contains(u.danLuc, u.danLy);
        assertCounts(completeness(u, 2016, u.ngheAn), 0, 0, 0, 0, 0, 0, 0);
        assertCounts(completeness(u, 2016, u.thanhHoa), 9, 1, 1, 0, 0, 8, 0);
    }

    /**
     * Seven communes: five submitted (Xuân Minh three days late), Xuân Lai's report returned, Thọ Diên silent. The returned
     * report's figures leave the roll-up until it is resubmitted, and the unit is counted as returned, not missing.
     */
    @Test
    void aReturnedReportIsCountedApartAndItsFiguresWaitForTheResubmission() {
        TwoProvinces u = TwoProvinces.publish(kafka);
        report(u, u.commune(0), 2016, 1, 0, 18, 20);
        report(u, u.commune(1), 2016, 1, 0, 25, 25);
        report(u, u.commune(2), 2016, 1, 0, 7, 30);
        report(u, u.commune(3), 2016, 1, 3, 12, 15);
        report(u, u.commune(4), 2016, 1, 0, 9, 9);
        report(u, u.commune(5), 2016, 1, 0, 1, 1);
        ReportReturned returned = new ReportReturned("bc-" + u.commune(2) + "-2016", 1, u.plan, u.commune(2), "2016",
                "Số liệu cán bộ được tập huấn chưa khớp danh sách", "bt.thoxuan", Instant.parse("2016-11-18T03:00:00Z"));
        kafka.publish(returned, u.commune(2));

        JsonNode district = awaitCompleteness(u, 2016, u.thoXuan, c -> c.get("returned").asInt() == 1 && c.get("submitted").asInt() == 5);
        assertCounts(district, 7, 5, 4, 1, 1, 1, 0);
        assertThat(missingIds(district)).containsExactly(u.commune(6));
        JsonNode trained = trained(u, 2016, u.thoXuan);
        assertThat(trained.get("numerator").asLong()).as("18 + 25 + 12 + 9 + 1, without Xuân Lai's 7").isEqualTo(65);
        assertThat(trained.get("denominator").asLong()).isEqualTo(70);
        assertThat(trained.get("reportingUnits").asInt()).isEqualTo(5);
        assertCounts(awaitCompleteness(u, 2016, u.thanhHoa, c -> c.get("returned").asInt() == 1), 9, 5, 4, 1, 1, 3, 0);
        CompletenessChanged announced = lastCompleteness(u.thoXuan, u.plan);
        assertThat(List.of(announced.submitted(), announced.onTime(), announced.late(), announced.returned())).containsExactly(5, 4, 1, 1);
        ProgressUpdated progress = lastProgress(u.thoXuan, u.plan);
        assertThat(List.of(progress.reportsSubmitted(), progress.reportsOnTime(), progress.reportsLate(), progress.reportsReturned()))
                .containsExactly(5, 4, 1, 1);
        assertThat(List.of(progress.unitsExpected(), progress.unitsMissing())).as("seven communes, Thọ Diên without a report")
                .containsExactly(7, 1);
        ProgressUpdated province = awaitProgress(u.thanhHoa, u.plan, "2016", p -> p.reportsReturned() == 1);
        assertThat(List.of(province.unitsExpected(), province.unitsMissing())).as("nine communes; Triệu Sơn's two and Thọ Diên without one")
                .containsExactly(9, 3);

        kafka.publish(returned, u.commune(2));
        report(u, u.commune(2), 2016, 1, 0, 7, 30);
        sleep(1000);
        assertCounts(completeness(u, 2016, u.thoXuan), 7, 5, 4, 1, 1, 1, 0);
        assertThat(trained(u, 2016, u.thoXuan).get("numerator").asLong()).as("the return and the returned version again change nothing")
                .isEqualTo(65);

        report(u, u.commune(2), 2016, 2, 5, 30, 30);
        district = awaitCompleteness(u, 2016, u.thoXuan, c -> c.get("returned").asInt() == 0 && c.get("submitted").asInt() == 6);
        assertCounts(district, 7, 6, 4, 2, 0, 1, 0);
        ProgressUpdated resubmitted = awaitProgress(u.thoXuan, u.plan, "2016", p -> p.reportsSubmitted() == 6);
        assertThat(List.of(resubmitted.reportsReturned(), resubmitted.unitsExpected(), resubmitted.unitsMissing())).containsExactly(0, 7, 1);
        assertThat(trained(u, 2016, u.thoXuan).get("numerator").asLong()).isEqualTo(95);
        assertThat(trained(u, 2016, u.thoXuan).get("denominator").asLong()).isEqualTo(100);
    }

    /** The latest ProgressUpdated of the unit's period once it meets {@code done}: the outbox publishes it after the roll-up. */
    ProgressUpdated awaitProgress(String unit, String plan, String period, Predicate<ProgressUpdated> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        ProgressUpdated last = null;
        while (System.nanoTime() < deadline) {
            last = published(Topics.PROGRESS, ProgressUpdated.class)
                    .filter(p -> p.unitId().equals(unit) && p.planId().equals(plan) && p.periodId().equals(period))
                    .reduce((first, next) -> next.rev() > first.rev() ? next : first).orElse(null);
            if (last != null && done.test(last)) {
                return last;
            }
            sleep(200);
        }
        throw new AssertionError("progress of " + unit + " " + period + " not announced; last: " + last);
    }

    CompletenessChanged lastCompleteness(String unit, String plan) {
        return published(Topics.INDICATOR_ALERTS, CompletenessChanged.class).filter(c -> c.unitId().equals(unit) && c.planId().equals(plan))
                .reduce((first, next) -> next).orElseThrow();
    }

    ProgressUpdated lastProgress(String unit, String plan) {
        return published(Topics.PROGRESS, ProgressUpdated.class).filter(p -> p.unitId().equals(unit) && p.planId().equals(plan))
                .reduce((first, next) -> next.rev() > first.rev() ? next : first).orElseThrow();
    }

    static <T> java.util.stream.Stream<T> published(String topic, Class<T> type) {
        return kafka.readToEnd(topic).stream().map(KafkaTestClient::envelope).flatMap(e -> EventCodec.data(e).stream())
                .filter(type::isInstance).map(type::cast);
    }

    /** Xuân Lai moves from Thọ Xuân to Triệu Sơn from 01/01/2017: 2016 is counted in the tree of 2016, 2017 in today's. */
    @Test
    void aMovedCommuneCountsWhereItStoodInEachPeriod() {
        TwoProvinces u = TwoProvinces.publish(kafka);
        report(u, u.commune(2), 2016, 1, 0, 7, 10);
        report(u, u.commune(0), 2016, 1, 0, 18, 20);
        u.moveToTrieuSon(u.commune(2));
        report(u, u.commune(2), 2017, 1, 0, 9, 10);
        report(u, u.commune(0), 2017, 1, 0, 20, 20);

        awaitCompleteness(u, 2017, u.trieuSon, counted(3, 1));
        assertCounts(awaitCompleteness(u, 2016, u.thoXuan, counted(7, 2)), 7, 2, 2, 0, 0, 5, 0);
        assertCounts(completeness(u, 2016, u.trieuSon), 2, 0, 0, 0, 0, 2, 0);
        assertCounts(awaitCompleteness(u, 2017, u.thoXuan, counted(6, 1)), 6, 1, 1, 0, 0, 0, 5);
        assertCounts(completeness(u, 2017, u.trieuSon), 3, 1, 1, 0, 0, 0, 2);
    }

    /** Thọ Diên is dissolved from 01/01/2017, the first day of the 2017 period: expected (and missing) in 2016, not in 2017. */
    @Test
    void aDissolvedCommuneStopsBeingExpectedFromTheNextPeriod() {
        TwoProvinces u = TwoProvinces.publish(kafka);
        report(u, u.commune(0), 2016, 1, 0, 18, 20);
        report(u, u.commune(0), 2017, 1, 0, 19, 20);
        ProgressUpdated before = awaitProgress(u.thoXuan, u.plan, "2017", p -> p.reportsSubmitted() == 1);
        assertThat(List.of(before.unitsExpected(), before.unitsMissing())).as("announced before the dissolution").containsExactly(7, 6);
        u.dissolve(u.commune(6), "Giải thể");
        awaitCompleteness(u, 2017, u.thoXuan, counted(6, 1));

        JsonNode y2016 = awaitCompleteness(u, 2016, u.thoXuan, counted(7, 1));
        assertThat(missingIds(y2016)).contains(u.commune(6));
        JsonNode y2017 = completeness(u, 2017, u.thoXuan);
        assertCounts(y2017, 6, 1, 1, 0, 0, 0, 5);
        assertThat(missingIds(y2017)).doesNotContain(u.commune(6));

        report(u, u.commune(1), 2017, 1, 0, 25, 25);
        ProgressUpdated after = awaitProgress(u.thoXuan, u.plan, "2017", p -> p.reportsSubmitted() == 2);
        assertThat(List.of(after.unitsExpected(), after.unitsMissing())).as("the next change counts the tree without Thọ Diên")
                .containsExactly(6, 4);
        ProgressUpdated y2016Progress = awaitProgress(u.thoXuan, u.plan, "2016", p -> p.reportsSubmitted() == 1);
        assertThat(List.of(y2016Progress.unitsExpected(), y2016Progress.unitsMissing())).containsExactly(7, 6);
    }

    /**
     * Xuân Minh and Xuân Tín merge into a new Đoàn xã Xuân Hồng from 01/01/2017 (as plan-service announces it: the new unit,
     * each source dissolved, then the merge). Their 2016 reports stay in the 2016 tree; 2017 expects Xuân Hồng alone.
     */
    @Test
    void aMergeKeepsEarlierReportsUnderTheTreeOfTheirTimeAndLaterOnesUnderTheMergedUnit() {
        TwoProvinces u = TwoProvinces.publish(kafka);
        report(u, u.commune(3), 2016, 1, 0, 10, 12);
        report(u, u.commune(4), 2016, 1, 2, 8, 10);
        String xuanHong = "xuan-hong-" + u.s;
        u.mergeInto(xuanHong, "Đoàn xã Xuân Hồng", u.commune(3), u.commune(4));
        report(u, xuanHong, 2017, 1, 0, 20, 25);

        JsonNode y2017 = awaitCompleteness(u, 2017, u.thoXuan, counted(6, 1));
        assertCounts(y2017, 6, 1, 1, 0, 0, 0, 5);
        assertThat(missingIds(y2017)).doesNotContain(u.commune(3), u.commune(4));
        assertThat(trained(u, 2017, u.thoXuan).get("numerator").asLong()).isEqualTo(20);
        JsonNode y2016 = awaitCompleteness(u, 2016, u.thoXuan, counted(7, 2));
        assertCounts(y2016, 7, 2, 1, 1, 0, 5, 0);
        assertThat(missingIds(y2016)).doesNotContain(xuanHong);
        assertThat(trained(u, 2016, u.thoXuan).get("numerator").asLong()).isEqualTo(18);
        assertThat(trained(u, 2016, u.thoXuan).get("denominator").asLong()).isEqualTo(22);
    }

    /** Thọ Hải splits into Đoàn xã Thọ Hải Đông and Đoàn xã Thọ Hải Tây from 01/01/2017: one unit expected in 2016, two in 2017. */
    @Test
    void aSplitExpectsTheSourceBeforeAndThePartsAfter() {
        TwoProvinces u = TwoProvinces.publish(kafka);
        report(u, u.commune(5), 2016, 1, 0, 4, 5);
        String east = "tho-hai-dong-" + u.s;
        String west = "tho-hai-tay-" + u.s;
        u.split(u.commune(5), east, "Đoàn xã Thọ Hải Đông", west, "Đoàn xã Thọ Hải Tây");
        report(u, east, 2017, 1, 0, 3, 4);

        JsonNode y2017 = awaitCompleteness(u, 2017, u.thoXuan, counted(8, 1));
        assertCounts(y2017, 8, 1, 1, 0, 0, 0, 7);
        JsonNode y2016 = awaitCompleteness(u, 2016, u.thoXuan, counted(7, 1));
        assertCounts(y2016, 7, 1, 1, 0, 0, 6, 0);
        assertThat(missingIds(y2016)).doesNotContain(east, west);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
