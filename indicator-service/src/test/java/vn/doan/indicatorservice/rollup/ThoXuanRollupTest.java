package vn.doan.indicatorservice.rollup;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.doan.indicatorservice.ThoXuan.THANH_HOA;
import static vn.doan.indicatorservice.ThoXuan.THON_LAP_CHANH;
import static vn.doan.indicatorservice.ThoXuan.THON_PHU_XA;
import static vn.doan.indicatorservice.ThoXuan.THO_LAP;
import static vn.doan.indicatorservice.ThoXuan.THO_XUAN;
import static vn.doan.indicatorservice.ThoXuan.THPT_4;
import static vn.doan.indicatorservice.ThoXuan.TRAINING_CLASSES;
import static vn.doan.indicatorservice.ThoXuan.XUAN_HOA;
import static vn.doan.indicatorservice.ThoXuan.XUAN_LAI;
import static vn.doan.indicatorservice.ThoXuan.YOUTH_JOINING;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.doan.events.report.ReportSubmitted.Value;
import vn.doan.indicatorservice.ThoXuan;
import vn.doan.indicatorservice.replica.PlanDefinition;

/**
 * Reports of Thọ Xuân for 2018 on "thu hút 75% thanh niên vào tổ chức Đoàn – Hội", added up the tree: the totals every
 * level must reach, and the step by which a parent takes a child's newer totals — once, never twice.
 */
class ThoXuanRollupTest {

    private static final PlanDefinition PLAN = ThoXuan.plan();
    private static final PlanDefinition.Period YEAR_2018 = ThoXuan.period("2018");

    /** Two branches of Thọ Lập, Thọ Lập itself, Xuân Lai and THPT Thọ Xuân 4 (three days late) report; Xuân Hòa does not. */
    private static final Map<String, List<Totals>> OWN = new LinkedHashMap<>();

    static {
        OWN.put(THON_PHU_XA, own(THON_PHU_XA, 0, 45, 60));
        OWN.put(THON_LAP_CHANH, own(THON_LAP_CHANH, 0, 38, 50));
        OWN.put(THO_LAP, own(THO_LAP, 0, 112, 150));
        OWN.put(XUAN_LAI, own(XUAN_LAI, 0, 150, 200));
        OWN.put(THPT_4, own(THPT_4, 3, 149, 200));
    }

    private static List<Totals> own(String unitId, int daysLate, long joined, long youth) {
        return own(unitId, daysLate, new Value(YOUTH_JOINING, joined, youth));
    }

    private static Map<String, List<Totals>> subtrees(Map<String, List<Totals>> own) {
        return SubtreeTotals.of(own, unitId -> ThoXuan.unit(unitId).placementFor(YEAR_2018.from()).ancestorIds());
    }

    private static Totals youth(long joined, long youth, int units, int met) {
        return new Totals(YOUTH_JOINING, joined, youth, units, met, 0, 0, 0, 0, 0);
    }

    private static Totals reports(int units, int onTime, int late) {
        return new Totals(Contribution.REPORTS, 0, 0, units, 0, 0, 0, 0, onTime, late);
    }

    @Test
    void eachLevelSumsItsWholeSubtreeAndCountsTheUnitsThatMetTheTargetThemselves() {
        Map<String, List<Totals>> subtree = subtrees(OWN);

        assertThat(OWN.get(THON_PHU_XA)).as("45 of 60 is exactly 75%: met").containsExactly(youth(45, 60, 1, 1), reports(1, 1, 0));
        assertThat(OWN.get(THO_LAP)).as("112 of 150 is 74.67%: not met").containsExactly(youth(112, 150, 1, 0), reports(1, 1, 0));
        assertThat(subtree.get(THO_LAP)).containsExactly(youth(195, 260, 3, 2), reports(3, 3, 0));
        assertThat(subtree.get(THO_XUAN)).containsExactly(youth(494, 660, 5, 3), reports(5, 4, 1));
        assertThat(subtree.get(THANH_HOA)).isEqualTo(subtree.get(THO_XUAN));
        assertThat(subtree).doesNotContainKey(XUAN_HOA);
    }

    @Test
    void thoLapExactlyAtItsTargetIsAchievedAndThoXuanJustBelowIsAtRiskOnTheLastDayAndOffTrackTheDayAfter() {
        Map<String, List<Totals>> subtree = subtrees(OWN);
        PlanDefinition.Indicator youth = ThoXuan.indicator(YOUTH_JOINING);
        LocalDate lastDay = LocalDate.of(2018, 12, 31);

        Progress.Measure thoLap = Progress.measure(youth, YEAR_2018, Totals.byCode(subtree.get(THO_LAP)).get(YOUTH_JOINING), false, lastDay);
        Progress.Measure thoXuan = Progress.measure(youth, YEAR_2018, Totals.byCode(subtree.get(THO_XUAN)).get(YOUTH_JOINING), false, lastDay);
        Progress.Measure thoXuanAfter = Progress.measure(youth, YEAR_2018, Totals.byCode(subtree.get(THO_XUAN)).get(YOUTH_JOINING), false,
                lastDay.plusDays(1));

        assertThat(thoLap.value()).isEqualByComparingTo("75.00");
        assertThat(thoLap.status()).isEqualTo(Progress.Status.ACHIEVED);
        assertThat(thoXuan.value()).as("494 / 660").isEqualByComparingTo("74.85");
        assertThat(List.of(thoXuan.reportingUnits(), thoXuan.unitsMet())).containsExactly(5, 3);
        assertThat(thoXuan.status()).isEqualTo(Progress.Status.AT_RISK);
        assertThat(thoXuanAfter.status()).isEqualTo(Progress.Status.OFF_TRACK);
    }

    @Test
    void aRevisedReportReachesTheDistrictAsAReplacementAndTheSameOrAnOlderSnapshotChangesNothing() {
        Map<String, List<Totals>> before = subtrees(OWN);
        Rollup district = new Rollup(Rollup.key(ThoXuan.PLAN, "2018", THO_XUAN), ThoXuan.PLAN, "2018", YEAR_2018.from(), THO_XUAN, THANH_HOA,
                null, Map.of(THO_LAP, Rollup.ChildSnapshot.of(4, before.get(THO_LAP)), XUAN_LAI, Rollup.ChildSnapshot.of(1, before.get(XUAN_LAI)),
                THPT_4, Rollup.ChildSnapshot.of(1, before.get(THPT_4))), before.get(THO_XUAN), 7, null, null, null);
        Map<String, List<Totals>> revised = new LinkedHashMap<>(OWN);
        revised.put(THO_LAP, own(THO_LAP, 0, 120, 150));
        Map<String, List<Totals>> after = subtrees(revised);

        ParentSnapshots.Snapshots taken = ParentSnapshots.snapshots(district, List.of(thoLap(5, after.get(THO_LAP))));

        assertThat(after.get(THO_LAP)).containsExactly(youth(203, 260, 3, 3), reports(3, 3, 0));
        assertThat(taken.subtree()).containsExactlyInAnyOrderElementsOf(after.get(THO_XUAN))
                .containsExactlyInAnyOrder(youth(502, 660, 5, 4), reports(5, 4, 1));
        assertThat(ParentSnapshots.snapshots(district, List.of(thoLap(4, after.get(THO_LAP))))).as("the revision it holds").isNull();
        assertThat(ParentSnapshots.snapshots(district, List.of(thoLap(3, after.get(THO_LAP))))).as("an older revision").isNull();
    }

    /**
     * Huyện đoàn Thọ Xuân, not a leaf, submits its consolidated report as report-service drafts it: only what the district
     * did itself (3 training classes), never its communes' figures it quotes. Its own values join its subtree once, a
     * revision replaces them, and the communes' numbers reach Thọ Xuân and Thanh Hóa once. Had the office typed the
     * consolidated 411/550 in as its own, the district would read 822/1100 over 4 units — which is why the draft's
     * submission carries the unit's own values only (report-service README, "Consolidated report").
     */
    @Test
    void aDistrictsConsolidatedReportAddsOnlyWhatTheDistrictDidItselfAndARevisionReplacesIt() {
        Map<String, List<Totals>> communes = new LinkedHashMap<>();
        communes.put(THO_LAP, OWN.get(THO_LAP));
        communes.put(XUAN_LAI, OWN.get(XUAN_LAI));
        communes.put(THPT_4, OWN.get(THPT_4));
        Map<String, List<Totals>> below = subtrees(communes);
        Rollup district = new Rollup(Rollup.key(ThoXuan.PLAN, "2018", THO_XUAN), ThoXuan.PLAN, "2018", YEAR_2018.from(), THO_XUAN, THANH_HOA,
                null, Map.of(THO_LAP, Rollup.ChildSnapshot.of(1, below.get(THO_LAP)), XUAN_LAI, Rollup.ChildSnapshot.of(1, below.get(XUAN_LAI)),
                THPT_4, Rollup.ChildSnapshot.of(1, below.get(THPT_4))), below.get(THO_XUAN), 3, null, null, null);
        assertThat(below.get(THO_XUAN)).containsExactly(youth(411, 550, 3, 1), reports(3, 2, 1));

        List<Totals> consolidated = own(THO_XUAN, 0, new Value(TRAINING_CLASSES, 3, null));
        List<Totals> subtree = Totals.replace(district.subtree(), district.ownTotals(), consolidated);
        List<Totals> revised = Totals.replace(subtree, consolidated, own(THO_XUAN, 0, new Value(TRAINING_CLASSES, 2, null)));
        Map<String, List<Totals>> withDistrict = new LinkedHashMap<>(communes);
        withDistrict.put(THO_XUAN, consolidated);

        Totals threeClasses = new Totals(TRAINING_CLASSES, 3, 0, 1, 1, 0, 1, 0, 0, 0);
        assertThat(subtree).containsExactlyInAnyOrder(youth(411, 550, 3, 1), threeClasses, reports(4, 3, 1));
        assertThat(revised).as("version 2 replaces version 1").containsExactlyInAnyOrder(youth(411, 550, 3, 1),
                new Totals(TRAINING_CLASSES, 2, 0, 1, 1, 0, 1, 0, 0, 0), reports(4, 3, 1));
        assertThat(subtrees(withDistrict).get(THANH_HOA)).as("recomputed from scratch, as reconciliation does")
                .containsExactlyInAnyOrderElementsOf(subtree);
        assertThat(Totals.replace(district.subtree(), List.of(), own(THO_XUAN, 0, new Value(YOUTH_JOINING, 411, 550L))))
                .as("the subtree figures typed in as the district's own").contains(youth(822, 1100, 4, 1));
    }

    private static List<Totals> own(String unitId, int daysLate, Value value) {
        return Contribution.of(PLAN, YEAR_2018, ThoXuan.unit(unitId).level(), ThoXuan.report2018(unitId, daysLate, value));
    }

    private static Rollup thoLap(long rev, List<Totals> subtree) {
        return new Rollup(Rollup.key(ThoXuan.PLAN, "2018", THO_LAP), ThoXuan.PLAN, "2018", YEAR_2018.from(), THO_LAP, THO_XUAN, null, null, subtree,
                rev, null, null, null);
    }
}
