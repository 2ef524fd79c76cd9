package vn.doan.indicatorservice.replica;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.doan.events.plan.UnitLevel;
import vn.doan.indicatorservice.ThoXuan;

/** The plan as indicator-service keeps it: the target in force resolved for each reporting period of 54-CT/ĐTN. */
class PlanDefinitionTest {

    @Test
    void theTargetInForceIsResolvedForEachPeriodFromTheYearItEndsIn() {
        PlanDefinition plan = ThoXuan.plan();
        PlanDefinition.Period year2018 = plan.period("2018").orElseThrow();
        PlanDefinition.Period year2019 = plan.period("2019").orElseThrow();

        PlanDefinition.Indicator poorHouseholds = ThoXuan.indicator(ThoXuan.POOR_HOUSEHOLDS);
        assertThat(poorHouseholds.target(year2018)).as("giảm còn 4,5% đến năm 2018").isEqualByComparingTo("4.5");
        assertThat(poorHouseholds.target(year2019)).as("giảm còn 3% đến năm 2019").isEqualByComparingTo("3");
        PlanDefinition.Indicator youth = ThoXuan.indicator(ThoXuan.YOUTH_JOINING);
        assertThat(List.of(youth.target(year2018), youth.target(year2019))).containsExactly(new BigDecimal("75"), new BigDecimal("75"));
    }

    @Test
    void keepsTheScheduleTheRangeTheDepartmentAndTheDeadlinesPerLevel() {
        PlanDefinition plan = ThoXuan.plan();

        assertThat(plan.id()).isEqualTo(ThoXuan.PLAN);
        assertThat(plan.schedule()).containsExactly(
                new PlanDefinition.Period("2018", LocalDate.of(2018, 1, 1), LocalDate.of(2018, 12, 31), List.of(UnitLevel.GRASSROOTS, UnitLevel.BRANCH),
                        LocalDate.of(2018, 11, 15)),
                new PlanDefinition.Period("2019", LocalDate.of(2019, 1, 1), LocalDate.of(2019, 12, 31), List.of(UnitLevel.GRASSROOTS, UnitLevel.BRANCH),
                        LocalDate.of(2019, 11, 15)));
        assertThat(plan.issuingUnitId()).isEqualTo(ThoXuan.THO_XUAN);
        assertThat(plan.reportingLevels()).containsExactly(UnitLevel.GRASSROOTS, UnitLevel.BRANCH);
        assertThat(plan.reports(plan.period("2018").orElseThrow(), UnitLevel.DISTRICT)).as("the issuer itself reports nothing").isFalse();
        assertThat(plan.period("2020")).isEmpty();
        PlanDefinition.Indicator classes = ThoXuan.indicator(ThoXuan.TRAINING_CLASSES);
        assertThat(List.of(classes.target(plan.period("2018").orElseThrow()), classes.targetMax())).containsExactly(new BigDecimal("2"), new BigDecimal("3"));
        assertThat(classes.department()).isEqualTo("BTC-KT");
        assertThat(ThoXuan.indicator(ThoXuan.STUDY_CONFERENCE).deadlines()).containsExactly(
                new PlanDefinition.LevelDeadline(UnitLevel.GRASSROOTS, LocalDate.of(2018, 6, 30)),
                new PlanDefinition.LevelDeadline(UnitLevel.BRANCH, LocalDate.of(2018, 7, 15)));
    }
}
