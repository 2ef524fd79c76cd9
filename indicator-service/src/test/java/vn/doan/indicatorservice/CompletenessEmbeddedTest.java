package vn.doan.indicatorservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
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
import vn.doan.events.plan.IndicatorKind;
import vn.doan.events.plan.PlanIssued;
import vn.doan.events.plan.UnitCreated;
import vn.doan.events.plan.UnitDissolved;
import vn.doan.events.plan.UnitLevel;
import vn.doan.events.plan.UnitMoved;
import vn.doan.events.plan.UnitSplit;
import vn.doan.events.plan.UnitsMerged;
import vn.doan.events.report.ReportReturned;
import vn.doan.events.report.ReportSubmitted;
import vn.doan.support.test.Backends;
import vn.doan.support.test.HttpJson;
import vn.doan.support.test.KafkaTestClient;
import vn.doan.support.test.MutableClock;

/**
 * Completeness as the README defines it ("Who is expected to report"), fed by events on a real Kafka broker and read
 * over HTTP: the plan's scope, returned reports, moves, dissolutions, merges and splits. report-service's
 * {@code CompletenessTreeTest} plays the same moves and expects the same numbers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=indicator-service", "doan.outbox.interval=50ms", "doan.outbox.sweep-interval=1h"})
@Import(CompletenessEmbeddedTest.Clock.class)
class CompletenessEmbeddedTest {

    /** After the 2016 due date (15/11/2016) and before the 2017 one. */
    static final MutableClock CLOCK = new MutableClock("2017-01-20T09:00");
    static final LocalDate FOUNDED = LocalDate.of(2016, 1, 1);
    static final LocalDate FROM_2017 = LocalDate.of(2017, 1, 1);

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

    /**
     * TW Đoàn → Tỉnh đoàn Thanh Hóa → Huyện đoàn Thọ Xuân (seven communes) and Huyện đoàn Triệu Sơn (two communes);
     * TW Đoàn → Tỉnh đoàn Nghệ An → Huyện đoàn Nam Đàn (two communes). The province's plan 66-KH/TĐTN-BTG asks the
     * grassroots units of Thanh Hóa for a report on 2016 (due 15/11/2016) and on 2017.
     */
    static final class Union {
        final String s = UUID.randomUUID().toString().substring(0, 8);
        final String centre = "tw-" + s;
        final String thanhHoa = "thanh-hoa-" + s;
        final String ngheAn = "nghe-an-" + s;
        final String thoXuan = "tho-xuan-" + s;
        final String trieuSon = "trieu-son-" + s;
        final String namDan = "nam-dan-" + s;
        final String plan = "66-KH-" + s;
        final List<String> communes = new ArrayList<>();

        String commune(int i) {
            return communes.get(i);
        }
    }

    static final String[] THO_XUAN_COMMUNES = {"Đoàn xã Thọ Lập", "Đoàn xã Xuân Hòa", "Đoàn xã Xuân Lai", "Đoàn xã Xuân Minh",
            "Đoàn xã Xuân Tín", "Đoàn xã Thọ Hải", "Đoàn xã Thọ Diên"};

    Union union() {
        Union u = new Union();
        unit(u.centre, "Ban Thường vụ TW Đoàn", UnitLevel.CENTRAL, List.of());
        unit(u.thanhHoa, "Tỉnh đoàn Thanh Hóa", UnitLevel.PROVINCE, List.of(u.centre));
        unit(u.ngheAn, "Tỉnh đoàn Nghệ An", UnitLevel.PROVINCE, List.of(u.centre));
        unit(u.thoXuan, "Huyện đoàn Thọ Xuân", UnitLevel.DISTRICT, List.of(u.centre, u.thanhHoa));
        unit(u.trieuSon, "Huyện đoàn Triệu Sơn", UnitLevel.DISTRICT, List.of(u.centre, u.thanhHoa));
        unit(u.namDan, "Huyện đoàn Nam Đàn", UnitLevel.DISTRICT, List.of(u.centre, u.ngheAn));
        for (int i = 0; i < THO_XUAN_COMMUNES.length; i++) {
            String id = "tx" + i + "-" + u.s;
            u.communes.add(id);
            unit(id, THO_XUAN_COMMUNES[i], UnitLevel.GRASSROOTS, List.of(u.centre, u.thanhHoa, u.thoXuan));
        }
        unit("dan-luc-" + u.s, "Đoàn xã Dân Lực", UnitLevel.GRASSROOTS, List.of(u.centre, u.thanhHoa, u.trieuSon));
        unit("dan-ly-" + u.s, "Đoàn xã Dân Lý", UnitLevel.GRASSROOTS, List.of(u.centre, u.thanhHoa, u.trieuSon));
        unit("kim-lien-" + u.s, "Đoàn xã Kim Liên", UnitLevel.GRASSROOTS, List.of(u.centre, u.ngheAn, u.namDan));
        unit("nam-giang-" + u.s, "Đoàn xã Nam Giang", UnitLevel.GRASSROOTS, List.of(u.centre, u.ngheAn, u.namDan));
        kafka.publish(plan(u), u.thanhHoa);
        return u;
    }

    void unit(String id, String name, UnitLevel level, List<String> ancestors) {
        unit(id, name, level, ancestors, FOUNDED);
    }

    void unit(String id, String name, UnitLevel level, List<String> ancestors, LocalDate from) {
        String parent = ancestors.isEmpty() ? null : ancestors.get(ancestors.size() - 1);
        kafka.publish(new UnitCreated(id, id, name, level, "xã", parent, ancestors, from), id);
    }

    static PlanIssued plan(Union u) {
        List<UnitLevel> grassroots = List.of(UnitLevel.GRASSROOTS);
        return new PlanIssued(u.plan, "66-KH/TĐTN-BTG", "Kế hoạch tổ chức hội nghị quán triệt Nghị quyết Đại hội Đoàn", u.thanhHoa,
                LocalDate.of(2016, 3, 2), FOUNDED, LocalDate.of(2017, 12, 31), List.of(
                new PlanIssued.Indicator("CT01", "Hàng năm 100% cán bộ Đoàn – Hội – Đội được tham gia các lớp tập huấn",
                        IndicatorKind.SHARE_OF_PEOPLE, new BigDecimal("100"), grassroots)),
                List.of(year(2016), year(2017)));
    }

    static PlanIssued.ReportingPeriod year(int y) {
        return new PlanIssued.ReportingPeriod(String.valueOf(y), "Báo cáo năm " + y, LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31),
                LocalDate.of(y, 11, 15), List.of(UnitLevel.GRASSROOTS));
    }

    /** Version {@code version} of the unit's report, {@code daysLate} days after the due date, training {@code trained} of {@code cadres}. */
    void report(Union u, String unit, int year, int version, int daysLate, long trained, long cadres) {
        LocalDate due = LocalDate.of(year, 11, 15);
        LocalDate submitted = daysLate > 0 ? due.plusDays(daysLate) : LocalDate.of(year, 1, 15).plusMonths(year == 2016 ? 9 : 0);
        kafka.publish(new ReportSubmitted("bc-" + unit + "-" + year, version, u.plan, unit, String.valueOf(year),
                submitted.atStartOfDay(EventCodec.ZONE).toInstant(), due, daysLate,
                List.of(new ReportSubmitted.Value("CT01", trained, cadres))), unit);
    }

    JsonNode completeness(Union u, int year, String unit) {
        HttpJson.Response response = http.get("/api/progress/" + u.plan + "/" + year + "/units/" + unit + "/completeness");
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        return response.body();
    }

    JsonNode awaitCompleteness(Union u, int year, String unit, Predicate<JsonNode> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            HttpJson.Response response = http.get("/api/progress/" + u.plan + "/" + year + "/units/" + unit + "/completeness");
            if (response.status() == 200 && done.test(response.body())) {
                return response.body();
            }
            last = response.body();
            sleep(100);
        }
        throw new AssertionError("completeness not reached; last: " + last);
    }

    JsonNode trained(Union u, int year, String unit) {
        JsonNode progress = http.get("/api/progress/" + u.plan + "/" + year + "/units/" + unit).body();
        return progress.get("indicators").get(0).get("subtree");
    }

    static Predicate<JsonNode> counted(int expected, int submitted) {
        return c -> c.get("expected").asInt() == expected && c.get("submitted").asInt() == submitted;
    }

    /** expected, submitted, on time, late, returned, missing (past the due date), not yet due. */
    static void assertCounts(JsonNode c, int... counts) {
        assertThat(List.of(c.get("expected").asInt(), c.get("submitted").asInt(), c.get("onTime").asInt(), c.get("late").asInt(),
                c.get("returned").asInt(), c.get("missing").asInt(), c.get("notYetDue").asInt()))
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
        Union u = union();
        report(u, u.commune(0), 2016, 1, 0, 18, 20);
        awaitCompleteness(u, 2016, u.thoXuan, counted(7, 1));

        JsonNode centre = awaitCompleteness(u, 2016, u.centre, c -> c.get("submitted").asInt() == 1);
        assertCounts(centre, 9, 1, 1, 0, 0, 8, 0);
        assertThat(missingIds(centre)).doesNotContain("kim-lien-" + u.s, "nam-giang-" + u.s).contains("dan-luc-" + u.s, "dan-ly-" + u.s);
        assertCounts(completeness(u, 2016, u.ngheAn), 0, 0, 0, 0, 0, 0, 0);
        assertCounts(completeness(u, 2016, u.thanhHoa), 9, 1, 1, 0, 0, 8, 0);
    }

    /**
     * Seven communes: five submitted (Xuân Minh three days late), Xuân Lai's report returned, Thọ Diên silent. The returned
     * report's figures leave the roll-up until it is resubmitted, and the unit is counted as returned, not missing.
     */
    @Test
    void aReturnedReportIsCountedApartAndItsFiguresWaitForTheResubmission() {
        Union u = union();
        report(u, u.commune(0), 2016, 1, 0, 18, 20);
        report(u, u.commune(1), 2016, 1, 0, 25, 25);
        report(u, u.commune(2), 2016, 1, 0, 7, 30);
        report(u, u.commune(3), 2016, 1, 3, 12, 15);
        report(u, u.commune(4), 2016, 1, 0, 9, 9);
        report(u, u.commune(5), 2016, 1, 0, 1, 1);
        kafka.publish(new ReportReturned("bc-" + u.commune(2) + "-2016", 1, u.plan, u.commune(2), "2016",
                "Số liệu cán bộ được tập huấn chưa khớp danh sách", "bt.thoxuan", Instant.parse("2016-11-18T03:00:00Z")), u.commune(2));

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

        report(u, u.commune(2), 2016, 2, 5, 30, 30);
        district = awaitCompleteness(u, 2016, u.thoXuan, c -> c.get("returned").asInt() == 0 && c.get("submitted").asInt() == 6);
        assertCounts(district, 7, 6, 4, 2, 0, 1, 0);
        assertThat(trained(u, 2016, u.thoXuan).get("numerator").asLong()).isEqualTo(95);
        assertThat(trained(u, 2016, u.thoXuan).get("denominator").asLong()).isEqualTo(100);
    }

    CompletenessChanged lastCompleteness(String unit, String plan) {
        return kafka.readToEnd(Topics.INDICATOR_ALERTS).stream().map(KafkaTestClient::envelope).flatMap(e -> EventCodec.data(e).stream())
                .filter(CompletenessChanged.class::isInstance).map(CompletenessChanged.class::cast)
                .filter(c -> c.unitId().equals(unit) && c.planId().equals(plan)).reduce((first, next) -> next).orElseThrow();
    }

    /** Xuân Lai moves from Thọ Xuân to Triệu Sơn from 01/01/2017: 2016 is counted in the tree of 2016, 2017 in today's. */
    @Test
    void aMovedCommuneCountsWhereItStoodInEachPeriod() {
        Union u = union();
        report(u, u.commune(2), 2016, 1, 0, 7, 10);
        report(u, u.commune(0), 2016, 1, 0, 18, 20);
        kafka.publish(new UnitMoved(u.commune(2), u.thoXuan, u.trieuSon, List.of(u.centre, u.thanhHoa, u.thoXuan),
                List.of(u.centre, u.thanhHoa, u.trieuSon), FROM_2017), u.commune(2));
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
        Union u = union();
        report(u, u.commune(0), 2016, 1, 0, 18, 20);
        report(u, u.commune(0), 2017, 1, 0, 19, 20);
        kafka.publish(new UnitDissolved(u.commune(6), FROM_2017, "Giải thể"), u.commune(6));
        awaitCompleteness(u, 2017, u.thoXuan, counted(6, 1));

        JsonNode y2016 = awaitCompleteness(u, 2016, u.thoXuan, counted(7, 1));
        assertThat(missingIds(y2016)).contains(u.commune(6));
        JsonNode y2017 = completeness(u, 2017, u.thoXuan);
        assertCounts(y2017, 6, 1, 1, 0, 0, 0, 5);
        assertThat(missingIds(y2017)).doesNotContain(u.commune(6));
    }

    /**
     * Xuân Minh and Xuân Tín merge into a new Đoàn xã Xuân Hồng from 01/01/2017 (as plan-service announces it: the new unit,
     * each source dissolved, then the merge). Their 2016 reports stay in the 2016 tree; 2017 expects Xuân Hồng alone.
     */
    @Test
    void aMergeKeepsEarlierReportsUnderTheTreeOfTheirTimeAndLaterOnesUnderTheMergedUnit() {
        Union u = union();
        report(u, u.commune(3), 2016, 1, 0, 10, 12);
        report(u, u.commune(4), 2016, 1, 2, 8, 10);
        String xuanHong = "xuan-hong-" + u.s;
        unit(xuanHong, "Đoàn xã Xuân Hồng", UnitLevel.GRASSROOTS, List.of(u.centre, u.thanhHoa, u.thoXuan), FROM_2017);
        kafka.publish(new UnitDissolved(u.commune(3), FROM_2017, "Sáp nhập"), u.commune(3));
        kafka.publish(new UnitDissolved(u.commune(4), FROM_2017, "Sáp nhập"), u.commune(4));
        kafka.publish(new UnitsMerged(List.of(u.commune(3), u.commune(4)), xuanHong, FROM_2017), xuanHong);
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
        Union u = union();
        report(u, u.commune(5), 2016, 1, 0, 4, 5);
        String east = "tho-hai-dong-" + u.s;
        String west = "tho-hai-tay-" + u.s;
        unit(east, "Đoàn xã Thọ Hải Đông", UnitLevel.GRASSROOTS, List.of(u.centre, u.thanhHoa, u.thoXuan), FROM_2017);
        unit(west, "Đoàn xã Thọ Hải Tây", UnitLevel.GRASSROOTS, List.of(u.centre, u.thanhHoa, u.thoXuan), FROM_2017);
        kafka.publish(new UnitDissolved(u.commune(5), FROM_2017, "Chia tách"), u.commune(5));
        kafka.publish(new UnitSplit(u.commune(5), List.of(east, west), FROM_2017), u.commune(5));
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
