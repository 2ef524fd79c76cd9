package vn.doan.indicatorservice.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.doan.indicatorservice.ThoXuan.POOR_HOUSEHOLDS;
import static vn.doan.indicatorservice.ThoXuan.REFRESHER_CLASS;
import static vn.doan.indicatorservice.ThoXuan.STUDY_CONFERENCE;
import static vn.doan.indicatorservice.ThoXuan.THO_LAP;
import static vn.doan.indicatorservice.ThoXuan.THPT_4;
import static vn.doan.indicatorservice.ThoXuan.TRAINING_CLASSES;
import static vn.doan.indicatorservice.ThoXuan.UNITS_GOOD;
import static vn.doan.indicatorservice.ThoXuan.XUAN_HOA;
import static vn.doan.indicatorservice.ThoXuan.XUAN_LAI;
import static vn.doan.indicatorservice.ThoXuan.YOUTH_JOINING;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.doan.events.UnitPeriod;
import vn.doan.events.report.ReportSubmitted;
import vn.doan.events.report.ReportSubmitted.Value;
import vn.doan.indicatorservice.ThoXuan;
import vn.doan.indicatorservice.replica.PlanDefinition;
import vn.doan.indicatorservice.rollup.Contribution;
import vn.doan.indicatorservice.rollup.Progress;
import vn.doan.indicatorservice.rollup.Rollup;
import vn.doan.indicatorservice.rollup.Totals;
import vn.doan.support.security.Caller;

/**
 * The emulation ranking of Thọ Xuân's communes for 2018 (54-CT/ĐTN's six indicators, CT03 weighted 3, 10 points off for
 * late reports as a share of those expected; the Union's classes by default), the indicators behind, and what a department's
 * staff sees.
 */
class StandingTest {

    private static final PlanDefinition PLAN = ThoXuan.plan();
    private static final PlanDefinition.Period YEAR_2018 = ThoXuan.period("2018");
    private static final LocalDate LAST_DAY_2018 = LocalDate.of(2018, 12, 31);
    private static final Caller CADRE = new Caller("bt-thoxuan", Set.of(Caller.CADRE), ThoXuan.THO_XUAN, null, null);
    private static final RankingRules RULES = new RankingRules(Map.of(YOUTH_JOINING, 3.0), 10.0, null);

    /** A grassroots unit without reporting branches: its subtree is its own report. */
    private static ProgressQuery.UnitProgress reported(String unitId, int daysLate, Value... values) {
        ReportSubmitted report = ThoXuan.report2018(unitId, daysLate, values);
        List<Totals> totals = Contribution.of(PLAN, YEAR_2018, ThoXuan.unit(unitId).level(), report);
        Rollup doc = new Rollup(new UnitPeriod(ThoXuan.PLAN, "2018", unitId).id(), ThoXuan.PLAN, "2018", YEAR_2018.from(), unitId, ThoXuan.THO_XUAN,
                new Rollup.Own(report.reportId(), 1, List.of(), report.submittedAt(), daysLate, totals), Map.of(), totals, 1, null, null,
                null);
        return ProgressQuery.view(PLAN, YEAR_2018, ThoXuan.unit(unitId), doc, LAST_DAY_2018, CADRE, null);
    }

    private static ProgressQuery.UnitProgress thpt4() {
        return reported(THPT_4, 3, new Value(YOUTH_JOINING, 149, 200L), new Value(UNITS_GOOD, 1, 1L), new Value(POOR_HOUSEHOLDS, 9, 200L),
                new Value(TRAINING_CLASSES, 4, null), new Value(REFRESHER_CLASS, 1, null), new Value(STUDY_CONFERENCE, 1, null, LocalDate.of(2018, 7, 5)));
    }

    /** The dashboard with its subtree's reports counted: {@code expected} units, all reported, {@code late} of them late. */
    private static ProgressQuery.UnitProgress counted(ProgressQuery.UnitProgress row, int expected, int late) {
        return new ProgressQuery.UnitProgress(row.planId(), row.periodId(), row.unitId(), row.unitName(), row.level(), row.ownVersion(),
                row.daysLate(), row.indicators(), new ProgressQuery.Reports(expected, expected, expected - late, late, 0, 0, 0));
    }

    @Test
    void communesAreRankedByWeightedAttainmentLessTheLatePenalty() {
        ProgressQuery.UnitProgress xuanLai = reported(XUAN_LAI, 0, new Value(YOUTH_JOINING, 150, 200L), new Value(UNITS_GOOD, 1, 1L),
                new Value(POOR_HOUSEHOLDS, 8, 200L), new Value(TRAINING_CLASSES, 2, null), new Value(REFRESHER_CLASS, 0, null),
                new Value(STUDY_CONFERENCE, 1, null, LocalDate.of(2018, 6, 30)));
        ProgressQuery.UnitProgress thoLap = reported(THO_LAP, 0, new Value(YOUTH_JOINING, 112, 150L), new Value(UNITS_GOOD, 0, 1L),
                new Value(POOR_HOUSEHOLDS, 7, 150L), new Value(TRAINING_CLASSES, 3, null), new Value(REFRESHER_CLASS, 2, null),
                new Value(STUDY_CONFERENCE, 1, null, LocalDate.of(2018, 7, 1)));
        ProgressQuery.UnitProgress xuanHoa = ProgressQuery.view(PLAN, YEAR_2018, ThoXuan.unit(XUAN_HOA), null, LAST_DAY_2018, CADRE, null);
        List<Standing.Ranked> ranking = Standing.rank(List.of(counted(thpt4(), 1, 1), counted(xuanHoa, 1, 0), counted(thoLap, 3, 0),
                counted(xuanLai, 1, 0)), RULES.forPlan(null));

        // Xuân Lai: (3×1 + 1 + 1 + 1 + 0 + 1) / 8 = 87.50
        // Thọ Lập: (3×0.9956 + 0 + 4.5/4.67 = 0.9636 + 1 + 1 + 0) / 8 = 74.38
        // THPT Thọ Xuân 4: (3×0.9933 + 1 + 1 + 0 + 1 + 0) / 8 = 74.74875, less 10 × 1 late / 1 expected = 64.75
        assertThat(ranking).containsExactly(
                new Standing.Ranked(1, XUAN_LAI, "Đoàn xã Xuân Lai", new BigDecimal("87.50"), 1, 0, "Khá"),
                new Standing.Ranked(2, THO_LAP, "Đoàn xã Thọ Lập", new BigDecimal("74.38"), 3, 0, "Khá"),
                new Standing.Ranked(3, THPT_4, "Đoàn trường THPT Thọ Xuân 4", new BigDecimal("64.75"), 1, 1, "Trung bình"),
                new Standing.Ranked(4, XUAN_HOA, "Đoàn xã Xuân Hòa", new BigDecimal("0.00"), 1, 0, "Yếu"));
    }

    @Test
    void attainmentIsOneExactlyAtATargetAndTargetOverValueForARate() {
        Map<String, ProgressQuery.IndicatorProgress> byCode = byCode(thpt4());

        assertThat(Standing.attainment(byCode.get(YOUTH_JOINING))).as("74.50 of 75").isEqualByComparingTo("0.9933");
        assertThat(Standing.attainment(byCode.get(POOR_HOUSEHOLDS))).as("4.50 at most 4.5").isEqualByComparingTo("1.0000");
        assertThat(Standing.attainment(byCode.get(UNITS_GOOD))).as("100% against 85%, capped").isEqualByComparingTo("1.0000");
    }

    @Test
    void theIndicatorsBehindAreThoseAtRiskOrOffTrackWorstFirst() {
        List<Standing.Behind> behind = Standing.behind(thpt4());

        assertThat(behind).extracting(Standing.Behind::code, Standing.Behind::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple(TRAINING_CLASSES, Progress.Status.OFF_TRACK),
                org.assertj.core.groups.Tuple.tuple(STUDY_CONFERENCE, Progress.Status.OFF_TRACK),
                org.assertj.core.groups.Tuple.tuple(YOUTH_JOINING, Progress.Status.AT_RISK));
    }

    @Test
    void departmentStaffSeeTheIndicatorsTheirDepartmentFollowsAndCadresSeeAll() {
        ProgressQuery.UnitProgress thpt4 = thpt4();
        Caller propaganda = new Caller("btg-thoxuan", Set.of(Caller.DEPARTMENT_STAFF), ThoXuan.THO_XUAN, "BTG", null);
        Caller organisation = new Caller("btc-thoxuan", Set.of(Caller.DEPARTMENT_STAFF), ThoXuan.THO_XUAN, "BTC-KT", null);
        Rollup none = null;

        assertThat(thpt4.indicators()).extracting(ProgressQuery.IndicatorProgress::code)
                .containsExactly(YOUTH_JOINING, UNITS_GOOD, POOR_HOUSEHOLDS, TRAINING_CLASSES, REFRESHER_CLASS, STUDY_CONFERENCE);
        assertThat(ProgressQuery.view(PLAN, YEAR_2018, ThoXuan.unit(THPT_4), none, LAST_DAY_2018, propaganda, null).indicators())
                .extracting(ProgressQuery.IndicatorProgress::code).containsExactly(STUDY_CONFERENCE);
        assertThat(ProgressQuery.view(PLAN, YEAR_2018, ThoXuan.unit(THPT_4), none, LAST_DAY_2018, organisation, null).indicators())
                .extracting(ProgressQuery.IndicatorProgress::code).containsExactly(TRAINING_CLASSES);
    }

    private static Map<String, ProgressQuery.IndicatorProgress> byCode(ProgressQuery.UnitProgress unit) {
        return unit.indicators().stream().collect(java.util.stream.Collectors.toMap(ProgressQuery.IndicatorProgress::code, i -> i));
    }
}
