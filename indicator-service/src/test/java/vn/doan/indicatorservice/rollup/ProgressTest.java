package vn.doan.indicatorservice.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.doan.events.plan.UnitLevel;
import vn.doan.events.report.ReportSubmitted.Value;
import vn.doan.indicatorservice.ThoXuan;
import vn.doan.indicatorservice.replica.PlanDefinition;

/**
 * Statuses of Thọ Xuân's indicators against their targets, at the boundaries: exactly at a target and just below it,
 * the linear expectation during the year (14/03/2018 is exactly a fifth of 2018), the last day and the day after.
 */
class ProgressTest {

    private static final PlanDefinition.Period YEAR_2018 = ThoXuan.period("2018");
    private static final PlanDefinition.Period YEAR_2019 = ThoXuan.period("2019");
    private static final LocalDate FIFTH_OF_2018 = LocalDate.of(2018, 3, 14);
    private static final LocalDate LAST_DAY_2018 = LocalDate.of(2018, 12, 31);
    private static final LocalDate FIRST_DAY_2019 = LocalDate.of(2019, 1, 1);

    private static Progress.Status own(String code, PlanDefinition.Period period, Value value, LocalDate today) {
        return measure(code, period, value, today).status();
    }

    private static Progress.Measure measure(String code, PlanDefinition.Period period, Value value, LocalDate today) {
        PlanDefinition.Indicator indicator = ThoXuan.indicator(code);
        return Progress.measure(indicator, period, Contribution.of(indicator, period, UnitLevel.GRASSROOTS, value), true, today);
    }

    private static Value youth(long joined, long youth) {
        return new Value(ThoXuan.YOUTH_JOINING, joined, youth);
    }

    @Test
    void aShareExactlyAtSeventyFivePercentIsAchievedAndHalfAPointBelowIsNot() {
        assertThat(measure(ThoXuan.YOUTH_JOINING, YEAR_2018, youth(150, 200), FIFTH_OF_2018).value()).isEqualByComparingTo("75.00");
        assertThat(own(ThoXuan.YOUTH_JOINING, YEAR_2018, youth(150, 200), FIFTH_OF_2018)).isEqualTo(Progress.Status.ACHIEVED);
        assertThat(own(ThoXuan.YOUTH_JOINING, YEAR_2018, youth(149, 200), LAST_DAY_2018)).isEqualTo(Progress.Status.AT_RISK);
        assertThat(own(ThoXuan.YOUTH_JOINING, YEAR_2018, youth(149, 200), FIRST_DAY_2019)).isEqualTo(Progress.Status.OFF_TRACK);
    }

    @Test
    void duringTheYearTheExpectationGrowsWithTheShareOfTheYearGone() {
        assertThat(Progress.elapsed(YEAR_2018, FIFTH_OF_2018)).isEqualTo(0.2);
        // a fifth of 75% is 15%: on track from 15.00, at risk from 80% of that (12.00), off track below
        assertThat(own(ThoXuan.YOUTH_JOINING, YEAR_2018, youth(30, 200), FIFTH_OF_2018)).isEqualTo(Progress.Status.ON_TRACK);
        assertThat(own(ThoXuan.YOUTH_JOINING, YEAR_2018, youth(29, 200), FIFTH_OF_2018)).isEqualTo(Progress.Status.AT_RISK);
        assertThat(own(ThoXuan.YOUTH_JOINING, YEAR_2018, youth(24, 200), FIFTH_OF_2018)).isEqualTo(Progress.Status.AT_RISK);
        assertThat(own(ThoXuan.YOUTH_JOINING, YEAR_2018, youth(23, 200), FIFTH_OF_2018)).isEqualTo(Progress.Status.OFF_TRACK);
        // on the last day the whole target is expected: 60.00 is 80% of 75
        assertThat(own(ThoXuan.YOUTH_JOINING, YEAR_2018, youth(120, 200), LAST_DAY_2018)).isEqualTo(Progress.Status.AT_RISK);
        assertThat(own(ThoXuan.YOUTH_JOINING, YEAR_2018, youth(119, 200), LAST_DAY_2018)).isEqualTo(Progress.Status.OFF_TRACK);
    }

    @Test
    void aRateIsAchievedAtOrBelowTheTargetOfItsYearAndAtRiskAboveUntilTheYearEnds() {
        Value atTarget = new Value(ThoXuan.POOR_HOUSEHOLDS, 9, 200L);
        Value above = new Value(ThoXuan.POOR_HOUSEHOLDS, 10, 219L);

        assertThat(measure(ThoXuan.POOR_HOUSEHOLDS, YEAR_2018, atTarget, LAST_DAY_2018).value()).isEqualByComparingTo("4.50");
        assertThat(own(ThoXuan.POOR_HOUSEHOLDS, YEAR_2018, atTarget, LAST_DAY_2018)).isEqualTo(Progress.Status.ACHIEVED);
        assertThat(measure(ThoXuan.POOR_HOUSEHOLDS, YEAR_2018, above, FIFTH_OF_2018).value()).isEqualByComparingTo("4.57");
        assertThat(own(ThoXuan.POOR_HOUSEHOLDS, YEAR_2018, above, FIFTH_OF_2018)).isEqualTo(Progress.Status.AT_RISK);
        assertThat(own(ThoXuan.POOR_HOUSEHOLDS, YEAR_2018, above, FIRST_DAY_2019)).isEqualTo(Progress.Status.OFF_TRACK);
        assertThat(own(ThoXuan.POOR_HOUSEHOLDS, YEAR_2019, atTarget, LocalDate.of(2019, 12, 31))).as("3% by 2019").isEqualTo(Progress.Status.AT_RISK);
    }

    @Test
    void aCountInTheRangeTwoToThreeIsWithinAtBothEndsAndASubtreeCountsTheUnitsWithin() {
        List<Totals> counts = List.of(1L, 2L, 3L, 4L).stream().map(n -> Contribution.of(ThoXuan.indicator(ThoXuan.TRAINING_CLASSES), YEAR_2018,
                UnitLevel.GRASSROOTS, new Value(ThoXuan.TRAINING_CLASSES, n, null))).toList();

        assertThat(counts.stream().map(t -> List.of(t.below(), t.within(), t.above())).toList())
                .containsExactly(List.of(1, 0, 0), List.of(0, 1, 0), List.of(0, 1, 0), List.of(0, 0, 1));
        assertThat(own(ThoXuan.TRAINING_CLASSES, YEAR_2018, new Value(ThoXuan.TRAINING_CLASSES, 3, null), FIFTH_OF_2018))
                .isEqualTo(Progress.Status.ACHIEVED);
        assertThat(own(ThoXuan.TRAINING_CLASSES, YEAR_2018, new Value(ThoXuan.TRAINING_CLASSES, 1, null), LAST_DAY_2018))
                .isEqualTo(Progress.Status.AT_RISK);
        assertThat(own(ThoXuan.TRAINING_CLASSES, YEAR_2018, new Value(ThoXuan.TRAINING_CLASSES, 4, null), FIRST_DAY_2019))
                .isEqualTo(Progress.Status.OFF_TRACK);
        Totals district = Totals.sum(counts.stream().map(List::of).toList()).get(0);
        Progress.Measure subtree = Progress.measure(ThoXuan.indicator(ThoXuan.TRAINING_CLASSES), YEAR_2018, district, false, LAST_DAY_2018);
        assertThat(List.of(subtree.numerator(), (long) subtree.within(), (long) subtree.reportingUnits())).containsExactly(10L, 2L, 4L);
        assertThat(subtree.value()).isEqualByComparingTo("50.00");
        assertThat(subtree.status()).isEqualTo(Progress.Status.OFF_TRACK);
    }

    @Test
    void atLeastOneRefresherClassIsMetByOneAndNotByNone() {
        assertThat(own(ThoXuan.REFRESHER_CLASS, YEAR_2018, new Value(ThoXuan.REFRESHER_CLASS, 1, null), LAST_DAY_2018))
                .isEqualTo(Progress.Status.ACHIEVED);
        assertThat(own(ThoXuan.REFRESHER_CLASS, YEAR_2018, new Value(ThoXuan.REFRESHER_CLASS, 0, null), FIRST_DAY_2019))
                .isEqualTo(Progress.Status.OFF_TRACK);
    }

    @Test
    void aStudyConferenceCountsOnTimeUpToTheDeadlineOfTheUnitsLevel() {
        PlanDefinition.Indicator conference = ThoXuan.indicator(ThoXuan.STUDY_CONFERENCE);
        Totals communeOnTheDay = Contribution.of(conference, YEAR_2018, UnitLevel.GRASSROOTS, done(LocalDate.of(2018, 6, 30)));
        Totals communeADayLate = Contribution.of(conference, YEAR_2018, UnitLevel.GRASSROOTS, done(LocalDate.of(2018, 7, 1)));
        Totals branchOnItsDay = Contribution.of(conference, YEAR_2018, UnitLevel.BRANCH, done(LocalDate.of(2018, 7, 15)));
        Totals notHeld = Contribution.of(conference, YEAR_2018, UnitLevel.BRANCH, new Value(ThoXuan.STUDY_CONFERENCE, 0, null));

        assertThat(List.of(communeOnTheDay.onTime(), communeOnTheDay.late())).containsExactly(1, 0);
        assertThat(List.of(communeADayLate.onTime(), communeADayLate.late())).containsExactly(0, 1);
        assertThat(List.of(branchOnItsDay.onTime(), branchOnItsDay.late())).containsExactly(1, 0);
        assertThat(List.of(notHeld.numerator(), (long) notHeld.onTime(), (long) notHeld.late())).containsExactly(0L, 0L, 0L);
        Totals all = Totals.sum(List.of(List.of(communeOnTheDay), List.of(communeADayLate), List.of(branchOnItsDay), List.of(notHeld))).get(0);
        assertThat(Progress.measure(conference, YEAR_2018, all, false, LAST_DAY_2018).value()).as("2 of 4 on time").isEqualByComparingTo("50.00");
    }

    private static Value done(LocalDate on) {
        return new Value(ThoXuan.STUDY_CONFERENCE, 1, null, on);
    }
}
