package vn.doan.indicatorservice.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.doan.events.plan.IndicatorKind;
import vn.doan.events.plan.PlanIssued;
import vn.doan.events.plan.PlanIssued.Target;
import vn.doan.events.plan.UnitLevel;
import vn.doan.events.report.ReportSubmitted.Value;
import vn.doan.indicatorservice.ThoXuan;
import vn.doan.indicatorservice.replica.PlanDefinition;

/**
 * 54-CT/ĐTN runs 01/01/2016 – 31/12/2020 with a report each year. "Đến năm 2018, 100% Đoàn cơ sở có phòng làm việc riêng"
 * is judged in 2016 and 2017 against the path to it, not as if it were due then; "hàng năm 100% cán bộ được tập huấn"
 * until 2018 sets no target for 2019.
 */
class TargetsOverTimeTest {

    private static final String OFFICE = "CT11";
    private static final String TRAINED = "CT01";

    private static final PlanDefinition PLAN = PlanDefinition.of(new PlanIssued(ThoXuan.PLAN, "54-CT/ĐTN",
            "Chương trình hành động thực hiện Nghị quyết số 02-NQ/TU", ThoXuan.THO_XUAN, LocalDate.of(2016, 3, 15), LocalDate.of(2016, 1, 1),
            LocalDate.of(2020, 12, 31), List.of(
                    new PlanIssued.Indicator(OFFICE, "Đến năm 2018, 100% Đoàn cơ sở có phòng làm việc riêng", IndicatorKind.SHARE_OF_UNITS,
                            new BigDecimal("100"), List.of(UnitLevel.GRASSROOTS), null,
                            List.of(new Target(Target.When.BY_YEAR, 2018, new BigDecimal("100"))), "VP", List.of()),
                    new PlanIssued.Indicator(TRAINED, "Hàng năm 100% cán bộ Đoàn – Hội – Đội được tham gia các lớp tập huấn",
                            IndicatorKind.SHARE_OF_PEOPLE, new BigDecimal("100"), List.of(UnitLevel.GRASSROOTS), null,
                            List.of(new Target(Target.When.EVERY_YEAR, null, new BigDecimal("100"), 2018)), "BTC-KT", List.of())),
            List.of(year(2016), year(2017), year(2018), year(2019))), 1);

    private static PlanIssued.ReportingPeriod year(int year) {
        return new PlanIssued.ReportingPeriod(String.valueOf(year), "Báo cáo năm " + year, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31),
                LocalDate.of(year, 11, 15), List.of(UnitLevel.GRASSROOTS));
    }

    private static PlanDefinition.Indicator indicator(String code) {
        return PLAN.indicators().stream().filter(i -> i.code().equals(code)).findFirst().orElseThrow();
    }

    /** Thọ Xuân's units with an office of their own, of {@code units}, judged the day after the year {@code year} ends. */
    private static Progress.Measure officesAfter(int year, long withOffice, long units) {
        PlanDefinition.Period period = PLAN.period(String.valueOf(year)).orElseThrow();
        Totals district = Contribution.of(indicator(OFFICE), period, UnitLevel.DISTRICT, new Value(OFFICE, withOffice, units));
        return Progress.measure(indicator(OFFICE), period, district, false, LocalDate.of(year + 1, 1, 1));
    }

    @Test
    void aTargetDueByTwoThousandEighteenIsJudgedInTheEarlierYearsAgainstThePathToIt() {
        assertThat(officesAfter(2016, 34, 100).target()).isEqualByComparingTo("33.3333");
        assertThat(officesAfter(2016, 34, 100).status()).as("34 of 100 in 2016").isEqualTo(Progress.Status.ACHIEVED);
        assertThat(officesAfter(2016, 33, 100).status()).as("33 of 100, below 33.3333").isEqualTo(Progress.Status.OFF_TRACK);
        assertThat(officesAfter(2017, 2, 3).status()).as("2 of 3 is above 66.6666").isEqualTo(Progress.Status.ACHIEVED);
        assertThat(officesAfter(2017, 66, 100).status()).isEqualTo(Progress.Status.OFF_TRACK);
        assertThat(officesAfter(2018, 99, 100).status()).as("due now: all of them").isEqualTo(Progress.Status.OFF_TRACK);
        assertThat(officesAfter(2018, 67, 67).status()).isEqualTo(Progress.Status.ACHIEVED);
    }

    /** Thọ Xuân's units with an office, of 100, on {@code day} of 2017. */
    private static Progress.Status officesOn(LocalDate day, long withOffice) {
        PlanDefinition.Period period = PLAN.period("2017").orElseThrow();
        Totals district = Contribution.of(indicator(OFFICE), period, UnitLevel.DISTRICT, new Value(OFFICE, withOffice, 100L));
        return Progress.measure(indicator(OFFICE), period, district, false, day).status();
    }

    @Test
    void duringTwoThousandSeventeenTheExpectationRunsAlongThePathFromWhereTwoThousandSixteenEnded() {
        LocalDate secondOfJuly = LocalDate.of(2017, 7, 2);
        // day 183 of 365: 33.3333 + (66.6666 − 33.3333) × 183/365 = 50.0456…, 80% of it 40.0365…
        assertThat(officesOn(secondOfJuly, 51)).isEqualTo(Progress.Status.ON_TRACK);
        assertThat(officesOn(secondOfJuly, 50)).as("not the 33.42 of 66.6666 × 183/365 from nothing").isEqualTo(Progress.Status.AT_RISK);
        assertThat(officesOn(secondOfJuly, 41)).isEqualTo(Progress.Status.AT_RISK);
        assertThat(officesOn(secondOfJuly, 40)).isEqualTo(Progress.Status.OFF_TRACK);
        assertThat(officesOn(LocalDate.of(2017, 1, 1), 34)).as("on its first day 2017 expects about what 2016 reached")
                .isEqualTo(Progress.Status.ON_TRACK);
    }

    @Test
    void aYearlyTargetUntilTwoThousandEighteenSetsNoneForTwoThousandNineteen() {
        PlanDefinition.Period year2018 = PLAN.period("2018").orElseThrow();
        PlanDefinition.Period year2019 = PLAN.period("2019").orElseThrow();
        Value trained = new Value(TRAINED, 45, 60L);
        Totals own2018 = Contribution.of(indicator(TRAINED), year2018, UnitLevel.GRASSROOTS, trained);
        Totals own2019 = Contribution.of(indicator(TRAINED), year2019, UnitLevel.GRASSROOTS, trained);

        assertThat(Progress.measure(indicator(TRAINED), year2018, own2018, true, LocalDate.of(2019, 1, 1)).status())
                .isEqualTo(Progress.Status.OFF_TRACK);
        Progress.Measure after = Progress.measure(indicator(TRAINED), year2019, own2019, true, LocalDate.of(2020, 1, 1));
        assertThat(after.target()).isNull();
        assertThat(after.value()).isEqualByComparingTo("75.00");
        assertThat(after.status()).as("the day after 2019 ends").isEqualTo(Progress.Status.NO_TARGET);
        assertThat(own2019.met()).isZero();
    }
}
