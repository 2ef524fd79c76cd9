package vn.doan.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.doan.events.plan.IndicatorKind;
import vn.doan.events.plan.PlanIssued;
import vn.doan.events.plan.PlanIssued.Target;
import vn.doan.events.plan.UnitLevel;

/**
 * The target in force for each reporting period of a plan running 01/01/2016 – 31/12/2020 (54-CT/ĐTN of Thọ Xuân): a
 * by-year target is expected along the path to it, a yearly target holds in its years only.
 */
class IndicatorTargetTest {

    private static final LocalDate PLAN_FROM = LocalDate.of(2016, 1, 1);
    private static final LocalDate PLAN_TO = LocalDate.of(2020, 12, 31);

    private static PlanIssued.Indicator withTargets(IndicatorKind kind, Target... targets) {
        return new PlanIssued.Indicator("CT1", "100% Đoàn cơ sở có phòng làm việc riêng", kind,
                new BigDecimal("100"), List.of(UnitLevel.GRASSROOTS), null, List.of(targets), "VP", List.of());
    }

    private static PlanIssued.Indicator withTargets(Target... targets) {
        return withTargets(IndicatorKind.SHARE_OF_UNITS, targets);
    }

    private static BigDecimal yearEnd(PlanIssued.Indicator indicator, int year) {
        return indicator.targetFor(PLAN_FROM, PLAN_TO, LocalDate.of(year, 12, 31));
    }

    @Test
    void aTargetByTwoThousandEighteenIsExpectedAlongThePathToItAndKeptAfter() {
        PlanIssued.Indicator office = withTargets(new Target(Target.When.BY_YEAR, 2018, new BigDecimal("100")));

        assertThat(yearEnd(office, 2016)).as("12 of 36 months").isEqualTo(new BigDecimal("33.3333"));
        assertThat(office.targetFor(PLAN_FROM, PLAN_TO, LocalDate.of(2017, 6, 30))).as("18 of 36 months").isEqualTo(new BigDecimal("50"));
        assertThat(yearEnd(office, 2017)).as("cut in the unit's favour").isEqualTo(new BigDecimal("66.6666"));
        assertThat(yearEnd(office, 2018)).isEqualTo(new BigDecimal("100"));
        assertThat(yearEnd(office, 2019)).as("reached, it holds").isEqualTo(new BigDecimal("100"));
        assertThat(office.targetAtStart(PLAN_FROM, PLAN_TO, LocalDate.of(2017, 1, 1), LocalDate.of(2017, 12, 31)))
                .as("2017 starts from what 2016 expected").isEqualTo(new BigDecimal("33.3333"));
        assertThat(office.targetAtStart(PLAN_FROM, PLAN_TO, PLAN_FROM, LocalDate.of(2016, 12, 31))).as("from 0 at the plan's start").isNull();
    }

    @Test
    void theNextByYearTargetStartsFromThePreviousOne() {
        PlanIssued.Indicator office = withTargets(
                new Target(Target.When.BY_YEAR, 2018, new BigDecimal("85")),
                new Target(Target.When.BY_YEAR, 2020, new BigDecimal("100")));

        assertThat(yearEnd(office, 2017)).isEqualTo(new BigDecimal("56.6666"));
        assertThat(yearEnd(office, 2018)).isEqualTo(new BigDecimal("85"));
        assertThat(yearEnd(office, 2019)).as("85 + 15 × 12/24").isEqualTo(new BigDecimal("92.5"));
        assertThat(yearEnd(office, 2020)).isEqualTo(new BigDecimal("100"));
    }

    @Test
    void eachYearMayHaveItsOwnTargetAndAYearlyTargetEndsWithItsLastYear() {
        PlanIssued.Indicator ownTargets = withTargets(
                new Target(Target.When.EVERY_YEAR, 2017, new BigDecimal("50")),
                new Target(Target.When.EVERY_YEAR, 2018, new BigDecimal("70")));
        PlanIssued.Indicator untilTwoThousandEighteen = withTargets(new Target(Target.When.EVERY_YEAR, null, new BigDecimal("85"), 2018));

        assertThat(yearEnd(ownTargets, 2016)).as("nothing set for 2016").isNull();
        assertThat(List.of(yearEnd(ownTargets, 2017), yearEnd(ownTargets, 2018), yearEnd(ownTargets, 2020)))
                .containsExactly(new BigDecimal("50"), new BigDecimal("70"), new BigDecimal("70"));
        assertThat(List.of(yearEnd(untilTwoThousandEighteen, 2016), yearEnd(untilTwoThousandEighteen, 2018)))
                .containsExactly(new BigDecimal("85"), new BigDecimal("85"));
        assertThat(yearEnd(untilTwoThousandEighteen, 2019)).as("the year after its last").isNull();
        assertThat(ownTargets.targetAtStart(PLAN_FROM, PLAN_TO, LocalDate.of(2018, 1, 1), LocalDate.of(2018, 12, 31)))
                .as("a yearly target starts afresh each year").isNull();
    }

    @Test
    void aRateComesDownFromItsFirstCeilingWhichAppliesInItsOwnYearOnly() {
        PlanIssued.Indicator poorHouseholds = withTargets(IndicatorKind.RATE_AT_MOST,
                new Target(Target.When.BY_YEAR, 2018, new BigDecimal("4.5")),
                new Target(Target.When.BY_YEAR, 2019, new BigDecimal("3")));

        assertThat(yearEnd(poorHouseholds, 2017)).as("no level to come down from").isNull();
        assertThat(poorHouseholds.targetFor(PLAN_FROM, PLAN_TO, LocalDate.of(2018, 6, 30))).isEqualTo(new BigDecimal("4.5"));
        assertThat(poorHouseholds.targetFor(PLAN_FROM, PLAN_TO, LocalDate.of(2019, 6, 30))).isEqualTo(new BigDecimal("3.75"));
        assertThat(poorHouseholds.targetFor(PLAN_FROM, PLAN_TO, LocalDate.of(2019, 7, 31))).as("4.5 − 1.5 × 7/12, up in the unit's favour")
                .isEqualTo(new BigDecimal("3.625"));
        assertThat(poorHouseholds.targetFor(PLAN_FROM, PLAN_TO, LocalDate.of(2019, 5, 31))).isEqualTo(new BigDecimal("3.875"));
        assertThat(poorHouseholds.targetFor(PLAN_FROM, PLAN_TO, LocalDate.of(2019, 1, 31))).as("4.5 − 1.5/12 = 4.375")
                .isEqualTo(new BigDecimal("4.375"));
        assertThat(yearEnd(poorHouseholds, 2019)).isEqualTo(new BigDecimal("3"));
    }

    @Test
    void withoutTargetsOverTimeTheTargetHoldsEveryPeriodAndTheEndOfThePlanIsTheLastStep() {
        assertThat(yearEnd(withTargets(), 2016)).isEqualByComparingTo("100");
        PlanIssued.Indicator endOfPlan = withTargets(new Target(Target.When.END_OF_PLAN, null, new BigDecimal("50")));
        assertThat(List.of(yearEnd(endOfPlan, 2016), yearEnd(endOfPlan, 2019), yearEnd(endOfPlan, 2020)))
                .containsExactly(new BigDecimal("10"), new BigDecimal("40"), new BigDecimal("50"));
    }
}
