package vn.doan.indicatorservice.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.doan.events.plan.IndicatorKind;
import vn.doan.events.plan.PlanIssued;
import vn.doan.events.plan.UnitLevel;
import vn.doan.events.report.ReportSubmitted.Value;
import vn.doan.indicatorservice.replica.PlanDefinition;

/**
 * A task (nhiệm vụ) of Đồng Phú's plan counted like a milestone: done by its deadline, done late, or not done; without a
 * deadline of its level, by the last day of the reporting period.
 */
class TaskContributionTest {

    private static final PlanDefinition PLAN = PlanDefinition.of(new PlanIssued("p-dongphu", "12-KH/ĐTN", "Triển khai thực hiện Kế hoạch số 153-KH/HU",
            "u-dongphu", LocalDate.of(2020, 5, 4), LocalDate.of(2020, 5, 4), LocalDate.of(2021, 12, 31),
            List.of(new PlanIssued.Indicator("NV1", "Xây dựng Chương trình phối hợp giữa Đoàn với UBND cùng cấp", IndicatorKind.TASK,
                            new BigDecimal("100"), List.of(UnitLevel.GRASSROOTS), null, List.of(), null, List.of()),
                    new PlanIssued.Indicator("NV2", "Kiện toàn tổ chức bộ máy", IndicatorKind.TASK, new BigDecimal("100"),
                            List.of(UnitLevel.GRASSROOTS, UnitLevel.DISTRICT), null, List.of(), "BTC-KT",
                            List.of(new PlanIssued.LevelDeadline(UnitLevel.GRASSROOTS, LocalDate.of(2020, 9, 30))))),
            List.of(new PlanIssued.ReportingPeriod("2020", "Báo cáo năm 2020", LocalDate.of(2020, 5, 4), LocalDate.of(2020, 12, 31),
                    LocalDate.of(2020, 11, 15), List.of(UnitLevel.GRASSROOTS), true))), 1);
    private static final PlanDefinition.Period YEAR_2020 = PLAN.period("2020").orElseThrow();
    private static final PlanDefinition.Indicator NV1 = PLAN.indicators().get(0);
    private static final PlanDefinition.Indicator NV2 = PLAN.indicators().get(1);

    private static Totals reported(PlanDefinition.Indicator task, long done, LocalDate doneOn) {
        return Contribution.of(task, YEAR_2020, UnitLevel.GRASSROOTS, new Value(task.code(), done, null, doneOn));
    }

    @Test
    void withoutADeadlineTheLastDayOfThePeriodIsOnTimeAndTheNextDayLate() {
        assertThat(List.of(reported(NV1, 1, LocalDate.of(2020, 12, 31)).onTime(), reported(NV1, 1, LocalDate.of(2020, 12, 31)).late()))
                .containsExactly(1, 0);
        assertThat(List.of(reported(NV1, 1, LocalDate.of(2021, 1, 1)).onTime(), reported(NV1, 1, LocalDate.of(2021, 1, 1)).late()))
                .containsExactly(0, 1);
        Totals notDone = reported(NV1, 0, null);
        assertThat(List.of(notDone.units(), notDone.onTime(), notDone.late(), (int) notDone.numerator())).containsExactly(1, 0, 0, 0);
    }

    @Test
    void aLevelsDeadlineJudgesItsUnitsAndTheSubtreeIsTheShareDoneOnTime() {
        Totals onTheDay = reported(NV2, 1, LocalDate.of(2020, 9, 30));
        Totals dayAfter = reported(NV2, 1, LocalDate.of(2020, 10, 1));
        Totals notDone = reported(NV2, 0, null);
        assertThat(List.of(onTheDay.onTime(), dayAfter.late())).containsExactly(1, 1);

        Totals subtree = Totals.sum(List.of(List.of(onTheDay), List.of(dayAfter), List.of(notDone))).get(0);
        Progress.Measure measure = Progress.measure(NV2, YEAR_2020, subtree, false, LocalDate.of(2021, 1, 1));

        // 1 of 3 communes done by 30/09/2020: 33.33% of 100%; 1 late, 1 not done; the period is over.
        assertThat(List.of(measure.reportingUnits(), measure.doneOnTime(), measure.doneLate())).containsExactly(3, 1, 1);
        assertThat(measure.value()).isEqualByComparingTo("33.33");
        assertThat(measure.target()).isEqualByComparingTo("100");
        assertThat(measure.status()).isEqualTo(Progress.Status.OFF_TRACK);
    }
}
