package vn.doan.indicatorservice.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.doan.events.plan.IndicatorKind;
import vn.doan.events.plan.UnitLevel;
import vn.doan.events.report.ReportSubmitted.Value;
import vn.doan.indicatorservice.ThoXuan;
import vn.doan.indicatorservice.replica.PlanDefinition;

/**
 * Figures judged at their exact boundaries: shares compared as exact fractions (1133/1333 is 84.996%, not "at least 85%",
 * and shown as 84.99, never as the 85 it misses), "at most" rates likewise, and yes/no and milestone indicators against the plan's own target
 * (80%, 90%) at every level, not against 100%.
 */
class JudgingTest {

    private static final PlanDefinition.Period YEAR_2018 = ThoXuan.period("2018");
    private static final LocalDate LAST_DAY_2018 = LocalDate.of(2018, 12, 31);
    /** Day 292 of 365: four fifths of 2018 have gone. */
    private static final LocalDate FOUR_FIFTHS_OF_2018 = LocalDate.of(2018, 10, 19);

    /** "Đánh giá xếp loại hàng năm 85% số đơn vị đoàn cơ sở loại khá trở lên". */
    private static final PlanDefinition.Indicator UNITS_GOOD = indicator("CT04", "Hàng năm 85% số đơn vị đoàn cơ sở loại khá trở lên",
            IndicatorKind.SHARE_OF_UNITS, "85");
    /** "Tỷ lệ thanh niên vi phạm pháp luật dưới 2%". */
    private static final PlanDefinition.Indicator OFFENDERS = indicator("CT09", "Tỷ lệ thanh niên vi phạm pháp luật không quá 2%",
            IndicatorKind.RATE_AT_MOST, "2");
    /** "80% Bí thư Đoàn cơ sở có trình độ lý luận chính trị trung cấp". */
    private static final PlanDefinition.Indicator SECRETARY_TRAINED = indicator("CT12", "80% Bí thư Đoàn cơ sở có trình độ lý luận trung cấp",
            IndicatorKind.YES_NO, "80");
    /** "90% đoàn cơ sở tổ chức hội nghị quán triệt trước ngày 30/06/2018". */
    private static final PlanDefinition.Indicator STUDY_CONFERENCE = new PlanDefinition.Indicator("MC2",
            "90% đoàn cơ sở tổ chức hội nghị quán triệt trước ngày 30/06/2018", IndicatorKind.MILESTONE, null, "BTG",
            List.of(new PlanDefinition.LevelDeadline(UnitLevel.GRASSROOTS, LocalDate.of(2018, 6, 30))),
            List.of(new PlanDefinition.PeriodTarget("2018", new BigDecimal("90"))));

    private static PlanDefinition.Indicator indicator(String code, String text, IndicatorKind kind, String target) {
        return new PlanDefinition.Indicator(code, text, kind, null, "BTG", List.of(),
                List.of(new PlanDefinition.PeriodTarget("2018", new BigDecimal(target))));
    }

    private static Totals own(PlanDefinition.Indicator indicator, long numerator, Long denominator) {
        return Contribution.of(indicator, YEAR_2018, UnitLevel.GRASSROOTS, new Value(indicator.code(), numerator, denominator));
    }

    private static Progress.Measure measure(PlanDefinition.Indicator indicator, Totals totals, boolean ownOnly, LocalDate today) {
        return Progress.measure(indicator, YEAR_2018, totals, ownOnly, today);
    }

    /** {@code yes} of {@code units} grassroots units answer yes (or held the conference on time). */
    private static Totals units(PlanDefinition.Indicator indicator, int yes, int units) {
        List<List<Totals>> reports = new java.util.ArrayList<>();
        for (int i = 0; i < units; i++) {
            reports.add(List.of(indicator.kind() == IndicatorKind.MILESTONE
                    ? Contribution.of(indicator, YEAR_2018, UnitLevel.GRASSROOTS,
                            new Value(indicator.code(), i < yes ? 1 : 0, null, i < yes ? LocalDate.of(2018, 6, 30) : null))
                    : own(indicator, i < yes ? 1 : 0, null)));
        }
        return Totals.sum(reports).get(0);
    }

    @Test
    void elevenHundredThirtyThreeOfThirteenHundredThirtyThreeIsShownAs85ButIsNotAtLeast85() {
        Progress.Measure justBelow = measure(UNITS_GOOD, own(UNITS_GOOD, 1133, 1333L), true, LAST_DAY_2018);
        Progress.Measure justAbove = measure(UNITS_GOOD, own(UNITS_GOOD, 1134, 1333L), true, LAST_DAY_2018);
        Progress.Measure exactly = measure(UNITS_GOOD, own(UNITS_GOOD, 17, 20L), true, LAST_DAY_2018);

        assertThat(justBelow.value()).as("84.996%, never shown as the 85 it misses").isEqualByComparingTo("84.99");
        assertThat(justBelow.status()).isEqualTo(Progress.Status.AT_RISK);
        assertThat(justBelow.unitsMet()).isZero();
        assertThat(measure(UNITS_GOOD, own(UNITS_GOOD, 1133, 1333L), true, LAST_DAY_2018.plusDays(1)).status()).isEqualTo(Progress.Status.OFF_TRACK);
        assertThat(justAbove.value()).isEqualByComparingTo("85.07");
        assertThat(measure(UNITS_GOOD, own(UNITS_GOOD, 1132, 1333L), true, LAST_DAY_2018).value()).as("84.921%: half up").isEqualByComparingTo("84.92");
        assertThat(List.of(justAbove.status(), exactly.status())).containsOnly(Progress.Status.ACHIEVED);
        assertThat(List.of(justAbove.unitsMet(), exactly.unitsMet())).containsOnly(1);
    }

    @Test
    void aUnitJustBelowItsShareDoesNotCountAsMetUpTheTree() {
        Totals district = Totals.sum(List.of(List.of(own(UNITS_GOOD, 1133, 1333L)), List.of(own(UNITS_GOOD, 17, 20L)),
                List.of(own(UNITS_GOOD, 1134, 1333L)))).get(0);
        Progress.Measure thoXuan = measure(UNITS_GOOD, district, false, LAST_DAY_2018);

        assertThat(List.of(thoXuan.reportingUnits(), thoXuan.unitsMet())).containsExactly(3, 2);
        assertThat(List.of(thoXuan.numerator(), thoXuan.denominator())).containsExactly(2284L, 2686L);
        assertThat(thoXuan.value()).as("2284 / 2686 = 85.033…%").isEqualByComparingTo("85.03");
        assertThat(thoXuan.status()).isEqualTo(Progress.Status.ACHIEVED);
    }

    @Test
    void fortyOf1999IsShownAs2ButIsAboveAtMost2AndFortyOf2000IsExactlyAtIt() {
        Progress.Measure above = measure(OFFENDERS, own(OFFENDERS, 40, 1999L), true, LAST_DAY_2018);
        Progress.Measure exactly = measure(OFFENDERS, own(OFFENDERS, 40, 2000L), true, LAST_DAY_2018);

        assertThat(above.value()).as("2.001%, never shown as the 2 it exceeds").isEqualByComparingTo("2.01");
        assertThat(measure(OFFENDERS, own(OFFENDERS, 39, 1999L), true, LAST_DAY_2018).value()).as("1.951%, met: half up").isEqualByComparingTo("1.95");
        assertThat(above.status()).isEqualTo(Progress.Status.AT_RISK);
        assertThat(above.unitsMet()).isZero();
        assertThat(exactly.status()).isEqualTo(Progress.Status.ACHIEVED);
        assertThat(exactly.unitsMet()).isOne();
        Totals province = Totals.sum(List.of(List.of(own(OFFENDERS, 40, 1999L)), List.of(own(OFFENDERS, 40, 2000L)))).get(0);
        Progress.Measure thanhHoa = measure(OFFENDERS, province, false, LAST_DAY_2018.plusDays(1));
        assertThat(List.of(thanhHoa.reportingUnits(), thanhHoa.unitsMet())).containsExactly(2, 1);
        assertThat(thanhHoa.status()).as("80 / 3999 = 2.0005%").isEqualTo(Progress.Status.OFF_TRACK);
    }

    @Test
    void aYesNoIndicatorIsJudgedAgainstItsEightyPercentAtEveryLevel() {
        Progress.Measure district = measure(SECRETARY_TRAINED, units(SECRETARY_TRAINED, 17, 20), false, LAST_DAY_2018);
        Progress.Measure exactly = measure(SECRETARY_TRAINED, units(SECRETARY_TRAINED, 16, 20), false, LAST_DAY_2018);
        Progress.Measure oneBelow = measure(SECRETARY_TRAINED, units(SECRETARY_TRAINED, 15, 20), false, LAST_DAY_2018);
        Progress.Measure yes = measure(SECRETARY_TRAINED, own(SECRETARY_TRAINED, 1, null), true, LAST_DAY_2018);

        assertThat(district.value()).isEqualByComparingTo("85.00");
        assertThat(district.target()).isEqualByComparingTo("80");
        assertThat(district.status()).as("85% of units say yes").isEqualTo(Progress.Status.ACHIEVED);
        assertThat(exactly.status()).as("16 of 20 is exactly 80%").isEqualTo(Progress.Status.ACHIEVED);
        assertThat(oneBelow.status()).as("15 of 20 is 75%, at least 80% of 80").isEqualTo(Progress.Status.AT_RISK);
        assertThat(List.of(yes.target(), yes.status())).containsExactly(new BigDecimal("80"), Progress.Status.ACHIEVED);
    }

    @Test
    void aProvinceAtSeventyFourPercentWithFourFifthsOfTheYearGoneIsOnTrackTowardsEighty() {
        Progress.Measure province = measure(SECRETARY_TRAINED, units(SECRETARY_TRAINED, 74, 100), false, FOUR_FIFTHS_OF_2018);
        Progress.Measure belowPath = measure(SECRETARY_TRAINED, units(SECRETARY_TRAINED, 63, 100), false, FOUR_FIFTHS_OF_2018);

        assertThat(Progress.elapsed(YEAR_2018, FOUR_FIFTHS_OF_2018)).isEqualTo(0.8);
        assertThat(province.status()).as("64% expected by now").isEqualTo(Progress.Status.ON_TRACK);
        assertThat(measure(SECRETARY_TRAINED, units(SECRETARY_TRAINED, 64, 100), false, FOUR_FIFTHS_OF_2018).status())
                .isEqualTo(Progress.Status.ON_TRACK);
        assertThat(belowPath.status()).isEqualTo(Progress.Status.AT_RISK);
    }

    @Test
    void aMilestoneIsJudgedAgainstItsNinetyPercent() {
        assertThat(measure(STUDY_CONFERENCE, units(STUDY_CONFERENCE, 9, 10), false, LAST_DAY_2018).status()).isEqualTo(Progress.Status.ACHIEVED);
        assertThat(measure(STUDY_CONFERENCE, units(STUDY_CONFERENCE, 8, 10), false, LAST_DAY_2018.plusDays(1)).status())
                .isEqualTo(Progress.Status.OFF_TRACK);
        assertThat(measure(STUDY_CONFERENCE, units(STUDY_CONFERENCE, 9, 10), false, LAST_DAY_2018).target()).isEqualByComparingTo("90");
    }
}
