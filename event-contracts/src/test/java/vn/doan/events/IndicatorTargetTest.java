package vn.doan.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.doan.events.plan.IndicatorKind;
import vn.doan.events.plan.PlanIssued;
import vn.doan.events.plan.PlanIssued.Target;
import vn.doan.events.plan.UnitLevel;

class IndicatorTargetTest {

    private static PlanIssued.Indicator withTargets(Target... targets) {
        return new PlanIssued.Indicator("CT1", "Đoàn cơ sở có phòng làm việc riêng", IndicatorKind.SHARE_OF_UNITS,
                new BigDecimal("100"), List.of(UnitLevel.GRASSROOTS), null, List.of(targets), "VP", List.of());
    }

    @Test
    void byYearTargetsApplyUpToTheirYearThenTheNextOne() {
        PlanIssued.Indicator indicator = withTargets(
                new Target(Target.When.BY_YEAR, 2018, new BigDecimal("85")),
                new Target(Target.When.BY_YEAR, 2020, new BigDecimal("100")));

        assertThat(indicator.targetFor(2017)).isEqualByComparingTo("85");
        assertThat(indicator.targetFor(2018)).isEqualByComparingTo("85");
        assertThat(indicator.targetFor(2019)).isEqualByComparingTo("100");
        assertThat(indicator.targetFor(2020)).isEqualByComparingTo("100");
        assertThat(indicator.targetFor(2021)).as("after the last year: the final target").isEqualByComparingTo("100");
    }

    @Test
    void aYearlyTargetHoldsEveryYearAndNoTargetsMeansTheFinalOne() {
        assertThat(withTargets(new Target(Target.When.EVERY_YEAR, null, new BigDecimal("75"))).targetFor(2019))
                .isEqualByComparingTo("75");
        assertThat(withTargets().targetFor(2019)).isEqualByComparingTo("100");
        assertThat(withTargets(new Target(Target.When.END_OF_PLAN, null, new BigDecimal("50"))).targetFor(2016))
                .isEqualByComparingTo("50");
    }
}
