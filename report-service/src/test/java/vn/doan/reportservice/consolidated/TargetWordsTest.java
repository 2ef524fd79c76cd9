package vn.doan.reportservice.consolidated;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.doan.events.plan.IndicatorKind;
import vn.doan.events.plan.UnitLevel;
import vn.doan.reportservice.catalog.PlanView;

/**
 * Every shape of target a plan sets, written in the consolidated report's "Mục tiêu" as the plan's reader says it, for the
 * period reported (Thanh Hóa's 2018 report; the wording of the seeds).
 */
class TargetWordsTest {

    private static final PlanView.ReportingPeriod YEAR_2018 = new PlanView.ReportingPeriod("2018", "Báo cáo năm 2018", LocalDate.of(2018, 1, 1),
            LocalDate.of(2018, 12, 31), LocalDate.of(2019, 1, 5), List.of(UnitLevel.DISTRICT, UnitLevel.GRASSROOTS));

    private static String words(IndicatorKind kind, String target, String targetMax, PlanView.Deadline... deadlines) {
        BigDecimal inForce = target == null ? null : new BigDecimal(target);
        PlanView.Indicator indicator = new PlanView.Indicator("CT", kind, List.of(UnitLevel.GRASSROOTS), "Chỉ tiêu", inForce,
                targetMax == null ? null : new BigDecimal(targetMax), List.of(new PlanView.PeriodTarget("2018", inForce)), Arrays.asList(deadlines));
        return VietnameseFormat.target(indicator, YEAR_2018);
    }

    @Test
    void sharesRatesCountsAndRangesAreWrittenWithTheirBoundsInVietnameseNumbers() {
        assertThat(words(IndicatorKind.SHARE_OF_PEOPLE, "100", null)).as("100% cán bộ Đoàn được tập huấn").isEqualTo("100%");
        assertThat(words(IndicatorKind.SHARE_OF_PEOPLE, "75", null)).as("thu hút 75% thanh niên").isEqualTo("≥ 75%");
        assertThat(words(IndicatorKind.SHARE_OF_UNITS, "99.5", null)).isEqualTo("≥ 99,5%");
        assertThat(words(IndicatorKind.SHARE_OF_PEOPLE, "95", "100")).isEqualTo("95–100%");
        assertThat(words(IndicatorKind.RATE_AT_MOST, "3", null)).as("hộ nghèo giảm còn / dưới 3%").isEqualTo("≤ 3%");
        assertThat(words(IndicatorKind.RATE_AT_MOST, "2.75", null)).isEqualTo("≤ 2,75%");
        assertThat(words(IndicatorKind.COUNT_AT_LEAST, "1", null)).as("ít nhất 01 lớp bồi dưỡng").isEqualTo("≥ 1");
        assertThat(words(IndicatorKind.COUNT_IN_RANGE, "1", "2")).as("từ 01 đến 02 mô hình điểm").isEqualTo("1–2");
        assertThat(words(IndicatorKind.COUNT_IN_RANGE, "2", "3")).as("từ 2-3 lớp tập huấn").isEqualTo("2–3");
        assertThat(words(IndicatorKind.COUNT_IN_RANGE, "1500", "2000")).isEqualTo("1.500–2.000");
        assertThat(words(IndicatorKind.SHARE_OF_PEOPLE, null, null)).as("no target in this period").isEmpty();
    }

    @Test
    void yesNoMilestonesAndTasksAreWrittenInWordsWithTheirDeadlinesDdMmYyyy() {
        assertThat(words(IndicatorKind.YES_NO, "100", null)).as("Bí thư có trình độ lý luận cao cấp").isEqualTo("Có");
        assertThat(words(IndicatorKind.YES_NO, "80", null)).isEqualTo("Có (≥ 80% đơn vị)");
        assertThat(words(IndicatorKind.MILESTONE, "100", null, new PlanView.Deadline(UnitLevel.GRASSROOTS, LocalDate.of(2018, 12, 30), null),
                new PlanView.Deadline(UnitLevel.DISTRICT, LocalDate.of(2018, 11, 15), null)))
                .as("district conferences before 15/11/2018, grassroots before 30/12/2018, the upper level first")
                .isEqualTo("Hoàn thành: cấp huyện trước ngày 15/11/2018; cấp cơ sở trước ngày 30/12/2018");
        assertThat(words(IndicatorKind.MILESTONE, "100", null, new PlanView.Deadline(UnitLevel.DISTRICT, LocalDate.of(2018, 11, 15), null),
                new PlanView.Deadline(UnitLevel.GRASSROOTS, LocalDate.of(2018, 11, 15), null))).isEqualTo("Hoàn thành trước ngày 15/11/2018");
        assertThat(words(IndicatorKind.MILESTONE, "80", null, new PlanView.Deadline(UnitLevel.GRASSROOTS, LocalDate.of(2018, 11, 15), null)))
                .isEqualTo("80% đơn vị hoàn thành trước ngày 15/11/2018");
        assertThat(words(IndicatorKind.TASK, "100", null, new PlanView.Deadline(UnitLevel.DISTRICT, LocalDate.of(2018, 10, 31),
                LocalDate.of(2018, 10, 1)))).as("trong tháng 10/2018").isEqualTo("Hoàn thành từ 01/10/2018 đến 31/10/2018");
        assertThat(words(IndicatorKind.TASK, "100", null)).as("no deadline: the period's last day").isEqualTo("Hoàn thành đến ngày 31/12/2018");
    }

    @Test
    void deadlinesPerLevelAreWrittenEarliestFirstAndALevelBeyondTheFiveByItsCode() {
        assertThat(words(IndicatorKind.MILESTONE, "100", null, new PlanView.Deadline(UnitLevel.of("LIEN_CHI_DOAN"), LocalDate.of(2018, 10, 31), null),
                new PlanView.Deadline(UnitLevel.BRANCH, LocalDate.of(2018, 10, 15), null),
                new PlanView.Deadline(UnitLevel.GRASSROOTS, LocalDate.of(2018, 11, 15), null)))
                .as("chi đoàn hold theirs first, then the liên chi đoàn, then the đoàn cơ sở")
                .isEqualTo("Hoàn thành: chi đoàn trước ngày 15/10/2018; cấp LIEN_CHI_DOAN trước ngày 31/10/2018; cấp cơ sở trước ngày 15/11/2018");
    }

    @Test
    void theTargetIsTheOneInForceInThePeriodReported() {
        // "đến năm 2018 đạt 100%" from 01/2016: what the plan expects by the end of 2017; and a copy holding the plan's final
        // target without the target of each period (stored whole from PlanIssued)
        PlanView.Indicator path = new PlanView.Indicator("CT", IndicatorKind.SHARE_OF_UNITS, List.of(UnitLevel.GRASSROOTS), "Chỉ tiêu",
                new BigDecimal("100"), null, List.of(new PlanView.PeriodTarget("2017", new BigDecimal("66.6666")),
                        new PlanView.PeriodTarget("2018", new BigDecimal("100"))), List.of());
        PlanView.ReportingPeriod year2017 = new PlanView.ReportingPeriod("2017", "Báo cáo năm 2017", LocalDate.of(2017, 1, 1),
                LocalDate.of(2017, 12, 31), LocalDate.of(2017, 11, 15), List.of(UnitLevel.GRASSROOTS));
        assertThat(VietnameseFormat.target(path, year2017)).isEqualTo("≥ 66,67%");
        assertThat(VietnameseFormat.target(path, YEAR_2018)).isEqualTo("100%");
        PlanView.Indicator old = new PlanView.Indicator("CT", IndicatorKind.SHARE_OF_UNITS, List.of(UnitLevel.GRASSROOTS), "Chỉ tiêu",
                new BigDecimal("85"), null, null, null);
        assertThat(VietnameseFormat.target(old, YEAR_2018)).isEqualTo("≥ 85%");
    }
}
