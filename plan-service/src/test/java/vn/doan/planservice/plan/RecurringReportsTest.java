package vn.doan.planservice.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.doan.events.plan.UnitLevel;
import vn.doan.planservice.plan.PlanContent.RecurringReport.Frequency;
import vn.doan.support.web.ApiProblem;

/** Monthly, quarterly, six-month and yearly reports expanded into dated periods, with a day of their own or the regular report's. */
class RecurringReportsTest {

    private static final RecurringReports CALENDAR = new RecurringReports(Map.of(Frequency.YEAR, "15/11", Frequency.MONTH, "25"));
    private static final List<UnitLevel> GRASSROOTS = List.of(UnitLevel.GRASSROOTS);

    @Test
    void monthlyReportsAreDueOnTheirDayClippedToShortMonthsAndThePlansPeriod() {
        List<PlanContent.ReportingPeriod> months = CALENDAR.schedule(plan(LocalDate.of(2026, 1, 10), LocalDate.of(2026, 4, 30),
                new PlanContent.RecurringReport(Frequency.MONTH, "31", "Báo cáo tháng", GRASSROOTS, null)));

        assertThat(months).extracting(PlanContent.ReportingPeriod::periodId).containsExactly("2026-01", "2026-02", "2026-03", "2026-04");
        assertThat(months).extracting(PlanContent.ReportingPeriod::dueDate).containsExactly(LocalDate.of(2026, 1, 31),
                LocalDate.of(2026, 2, 28), LocalDate.of(2026, 3, 31), LocalDate.of(2026, 4, 30));
        assertThat(months.get(0).from()).isEqualTo(LocalDate.of(2026, 1, 10));
        assertThat(months.get(1).label()).isEqualTo("Báo cáo tháng 02/2026");
        assertThat(months).allMatch(p -> p.withRegularReport() == null);
    }

    @Test
    void quarterlyReportsAreDueOnTheirDayOfTheQuartersLastMonth() {
        List<PlanContent.ReportingPeriod> quarters = CALENDAR.schedule(plan(LocalDate.of(2018, 9, 25), LocalDate.of(2019, 6, 30),
                new PlanContent.RecurringReport(Frequency.QUARTER, "15", "Báo cáo quý", GRASSROOTS, null)));

        assertThat(quarters).extracting(PlanContent.ReportingPeriod::periodId).containsExactly("2018-Q4", "2019-Q1", "2019-Q2");
        assertThat(quarters).extracting(PlanContent.ReportingPeriod::dueDate).containsExactly(LocalDate.of(2018, 12, 15),
                LocalDate.of(2019, 3, 15), LocalDate.of(2019, 6, 15));
        assertThat(quarters.get(0).label()).isEqualTo("Báo cáo quý 4/2018");
        assertThat(List.of(quarters.get(0).from(), quarters.get(0).to())).containsExactly(LocalDate.of(2018, 10, 1), LocalDate.of(2018, 12, 31));
    }

    @Test
    void theThirdQuarterIsSkippedWhenItsDueDayPassedBeforeThePlanBegan() {
        List<PlanContent.ReportingPeriod> quarters = CALENDAR.schedule(plan(LocalDate.of(2018, 9, 16), LocalDate.of(2018, 12, 31),
                new PlanContent.RecurringReport(Frequency.QUARTER, "15", "Báo cáo quý", GRASSROOTS, null)));

        assertThat(quarters).extracting(PlanContent.ReportingPeriod::periodId).containsExactly("2018-Q4");
    }

    @Test
    void aReportWithTheRegularReportTakesTheCalendarsDayAndSaysSo() {
        List<PlanContent.ReportingPeriod> years = CALENDAR.schedule(plan(LocalDate.of(2019, 1, 1), LocalDate.of(2020, 12, 31),
                new PlanContent.RecurringReport(Frequency.YEAR, null, "Báo cáo năm", GRASSROOTS, true)));

        assertThat(years).extracting(PlanContent.ReportingPeriod::dueDate).containsExactly(LocalDate.of(2019, 11, 15), LocalDate.of(2020, 11, 15));
        assertThat(years).allMatch(p -> Boolean.TRUE.equals(p.withRegularReport()));
    }

    @Test
    void aRegularReportWithADayOfItsOwnOrWithoutAConfiguredDayIsRefused() {
        assertRefused(new PlanContent.RecurringReport(Frequency.YEAR, "15/11", "Báo cáo năm", GRASSROOTS, true),
                "schedule.recurring-two-dates", "recurringReports[0].dueDay");
        assertRefused(new PlanContent.RecurringReport(Frequency.QUARTER, null, "Báo cáo quý", GRASSROOTS, true),
                "schedule.regular-report-day-unknown", "recurringReports[0].withRegularReport");
    }

    @Test
    void aMonthlyDayMustBeTwoDigitsFrom01To31AndAYearlyOneDdMm() {
        assertRefused(new PlanContent.RecurringReport(Frequency.MONTH, "32", "Báo cáo tháng", GRASSROOTS, null), "schedule.recurring-invalid",
                "recurringReports[0].dueDay");
        assertRefused(new PlanContent.RecurringReport(Frequency.MONTH, "00", "Báo cáo tháng", GRASSROOTS, null), "schedule.recurring-invalid",
                "recurringReports[0].dueDay");
        assertRefused(new PlanContent.RecurringReport(Frequency.QUARTER, "15/03", "Báo cáo quý", GRASSROOTS, null), "schedule.recurring-invalid",
                "recurringReports[0].dueDay");
        assertRefused(new PlanContent.RecurringReport(Frequency.YEAR, "15", "Báo cáo năm", GRASSROOTS, null), "schedule.recurring-invalid",
                "recurringReports[0].dueDay");
        assertThat(CALENDAR.schedule(plan(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31),
                new PlanContent.RecurringReport(Frequency.MONTH, "01", "Báo cáo tháng", GRASSROOTS, null))))
                .extracting(PlanContent.ReportingPeriod::dueDate).containsExactly(LocalDate.of(2026, 1, 1));
    }

    @Test
    void aCalendarDayThatDoesNotFitItsFrequencyStopsTheServiceAtStart() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new RecurringReports(Map.of(Frequency.MONTH, "15/05")))
                .withMessageContaining("doan.plans.regular-report-due-days.MONTH = 15/05");
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new RecurringReports(Map.of(Frequency.YEAR, "31/02")));
    }

    @Test
    void withoutAPeriodTheReportsAreCheckedAndKeptButNotExpanded() {
        assertThat(CALENDAR.schedule(plan(null, null, new PlanContent.RecurringReport(Frequency.SIX_MONTH, "15/05", "Báo cáo 6 tháng",
                GRASSROOTS, null)))).isEmpty();
    }

    private static void assertRefused(PlanContent.RecurringReport report, String rule, String field) {
        assertThatThrownBy(() -> CALENDAR.schedule(plan(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), report)))
                .isInstanceOfSatisfying(ApiProblem.class, p -> {
                    assertThat(p.rule()).isEqualTo(rule);
                    assertThat(p.field()).isEqualTo(field);
                });
    }

    static PlanContent plan(LocalDate from, LocalDate to, PlanContent.RecurringReport report) {
        return new PlanContent("76-KH/TĐTN-VP", "PLAN", "Kế hoạch thực hiện Nghị quyết 25-NQ/TW", "u-kiengiang", LocalDate.of(2014, 4, 4),
                "Rạch Giá", null, null, from, to, null, null, null, null, null, List.of(), List.of(), List.of(report), null, null, null);
    }
}
