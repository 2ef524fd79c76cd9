package vn.doan.benchmarks.national;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ExpectedTotalsTest {

    private static NationalPlan.Indicator indicator(String code) {
        return NationalPlan.INDICATORS.stream().filter(i -> i.code().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void aShareMeetsItsTargetOnTheRoundedPercent() {
        // "Thu hút 75% thanh niên": 3 of 4 is exactly 75%
        assertThat(ExpectedTotals.of(indicator("CT02"), new NationalPlan.Value("CT02", 3, 4L, null)).unitsMet()).isEqualTo(1);
        assertThat(ExpectedTotals.of(indicator("CT02"), new NationalPlan.Value("CT02", 2, 4L, null)).unitsMet()).isZero();
    }

    @Test
    void aRateAtMostIsMetAtOrBelowItsTarget() {
        // "hộ nghèo giảm còn 3%": 3 of 100 meets it, 4 of 100 does not
        assertThat(ExpectedTotals.of(indicator("CT05"), new NationalPlan.Value("CT05", 3, 100L, null)).unitsMet()).isEqualTo(1);
        assertThat(ExpectedTotals.of(indicator("CT05"), new NationalPlan.Value("CT05", 4, 100L, null)).unitsMet()).isZero();
    }

    @Test
    void aCountInARangeIsBelowWithinOrAbove() {
        // "Từ 2-3 lớp tập huấn"
        assertThat(ExpectedTotals.of(indicator("CT09"), new NationalPlan.Value("CT09", 1, null, null)).below()).isEqualTo(1);
        assertThat(ExpectedTotals.of(indicator("CT09"), new NationalPlan.Value("CT09", 3, null, null)).within()).isEqualTo(1);
        assertThat(ExpectedTotals.of(indicator("CT09"), new NationalPlan.Value("CT09", 4, null, null)).above()).isEqualTo(1);
    }

    @Test
    void aMilestoneIsOnTimeByItsDeadlineAndLateAfter() {
        ExpectedTotals.Measure onTime = ExpectedTotals.of(indicator("CT12"), new NationalPlan.Value("CT12", 1, null, LocalDate.of(2026, 10, 31)));
        ExpectedTotals.Measure late = ExpectedTotals.of(indicator("CT12"), new NationalPlan.Value("CT12", 1, null, LocalDate.of(2026, 11, 1)));
        ExpectedTotals.Measure notDone = ExpectedTotals.of(indicator("CT12"), new NationalPlan.Value("CT12", 0, null, null));

        assertThat(List.of(onTime.doneOnTime(), onTime.doneLate(), late.doneOnTime(), late.doneLate(), notDone.numerator(), notDone.reportingUnits()))
                .containsExactly(1, 0, 0, 1, 0L, 1);
    }

    @Test
    void aReportCountsForItsBranchAndEveryAncestor() {
        ExpectedTotals totals = new ExpectedTotals();
        Random random = new Random(1);
        totals.add("chi-doan-thon-1", List.of("tw", "tinh-doan-thanh-hoa", "doan-khoi", "doan-xa-tho-lap"), NationalPlan.values(random));
        totals.add("chi-doan-thon-2", List.of("tw", "tinh-doan-thanh-hoa", "doan-khoi", "doan-xa-tho-lap"), NationalPlan.values(random));

        assertThat(totals.units()).hasSize(6);
        assertThat(totals.of("tw").get("CT01").reportingUnits()).isEqualTo(2);
        assertThat(totals.of("chi-doan-thon-1").get("CT01").reportingUnits()).isEqualTo(1);
        assertThat(totals.of("tw")).hasSize(12);
    }

    @Test
    void everyKindOfIndicatorIsInThePlan() {
        assertThat(NationalPlan.INDICATORS).hasSize(12);
        // a task is rolled up with a milestone's arithmetic, so the plan keeps its twelve indicators and stays comparable
        // with the results recorded before tasks existed
        assertThat(NationalPlan.INDICATORS.stream().map(NationalPlan.Indicator::kind).distinct())
                .containsExactlyInAnyOrder(java.util.Arrays.stream(vn.doan.events.plan.IndicatorKind.values())
                        .filter(kind -> kind != vn.doan.events.plan.IndicatorKind.TASK).toArray(vn.doan.events.plan.IndicatorKind[]::new));
    }
}
