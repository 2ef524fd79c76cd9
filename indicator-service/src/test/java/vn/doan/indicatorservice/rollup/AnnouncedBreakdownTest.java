package vn.doan.indicatorservice.rollup;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.doan.indicatorservice.ThoXuan.REFRESHER_CLASS;
import static vn.doan.indicatorservice.ThoXuan.STUDY_CONFERENCE;
import static vn.doan.indicatorservice.ThoXuan.THON_LAP_CHANH;
import static vn.doan.indicatorservice.ThoXuan.THON_PHU_XA;
import static vn.doan.indicatorservice.ThoXuan.THO_LAP;
import static vn.doan.indicatorservice.ThoXuan.THO_XUAN;
import static vn.doan.indicatorservice.ThoXuan.THPT_4;
import static vn.doan.indicatorservice.ThoXuan.TRAINING_CLASSES;
import static vn.doan.indicatorservice.ThoXuan.XUAN_LAI;
import static vn.doan.indicatorservice.ThoXuan.YOUTH_JOINING;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.doan.events.indicator.ProgressUpdated;
import vn.doan.events.report.ReportSubmitted.Value;
import vn.doan.indicatorservice.ThoXuan;
import vn.doan.indicatorservice.replica.PlanDefinition;

/**
 * What ProgressUpdated tells beside each indicator of Huyện đoàn Thọ Xuân for 2018, from the subtree totals of five reports:
 * where the training classes (2–3 a year) fall, who held the refresher class (at least 1), who held the study conference on
 * time (30/06/2018 for grassroots units, 15/07/2018 for branches) and who late.
 */
class AnnouncedBreakdownTest {

    private static final PlanDefinition PLAN = ThoXuan.plan();
    private static final PlanDefinition.Period YEAR_2018 = ThoXuan.period("2018");
    private static final LocalDate AFTER_2018 = LocalDate.of(2019, 1, 2);

    @Test
    void rangesCountsAndMilestonesCarryTheirBreakdownAndOtherKindsNone() {
        Map<String, java.util.List<Totals>> own = new LinkedHashMap<>();
        own.put(THON_PHU_XA, reported(THON_PHU_XA, 1, 1, LocalDate.of(2018, 7, 15)));
        own.put(THON_LAP_CHANH, reported(THON_LAP_CHANH, 2, 0, LocalDate.of(2018, 7, 16)));
        own.put(THO_LAP, reported(THO_LAP, 3, 2, LocalDate.of(2018, 6, 30)));
        own.put(XUAN_LAI, reported(XUAN_LAI, 4, 1, LocalDate.of(2018, 7, 1)));
        own.put(THPT_4, reported(THPT_4, 0, 0, null));
        Map<String, Totals> thoXuan = Totals.byCode(SubtreeTotals.of(own,
                unitId -> ThoXuan.unit(unitId).placementFor(YEAR_2018.from()).ancestorIds()).get(THO_XUAN));

        assertThat(announced(TRAINING_CLASSES, thoXuan)).as("1 and 0 below, 2 and 3 within, 4 above")
                .isEqualTo(new ProgressUpdated.Indicator(TRAINING_CLASSES, 10, 0, 5, new BigDecimal("40.00"), new BigDecimal("100"), "OFF_TRACK",
                        2, 2, 2, 1, null, null));
        assertThat(announced(REFRESHER_CLASS, thoXuan)).as("1, 2 and 1 reach at least one class; two units held none")
                .isEqualTo(new ProgressUpdated.Indicator(REFRESHER_CLASS, 4, 0, 5, new BigDecimal("60.00"), new BigDecimal("100"), "OFF_TRACK",
                        3, null, null, null, null, null));
        assertThat(announced(STUDY_CONFERENCE, thoXuan)).as("on the deadline is on time, a day after is late, not held is neither")
                .isEqualTo(new ProgressUpdated.Indicator(STUDY_CONFERENCE, 4, 5, 5, new BigDecimal("40.00"), new BigDecimal("100"), "OFF_TRACK",
                        null, null, null, null, 2, 2));
        assertThat(announced(YOUTH_JOINING, thoXuan)).as("a share, and nothing reported")
                .isEqualTo(new ProgressUpdated.Indicator(YOUTH_JOINING, 0, 0, 0, null, new BigDecimal("75"), "NO_DATA"));
    }

    private static ProgressUpdated.Indicator announced(String code, Map<String, Totals> subtree) {
        PlanDefinition.Indicator indicator = ThoXuan.indicator(code);
        return Announcer.announced(indicator, Progress.measure(indicator, YEAR_2018, subtree.get(code), false, AFTER_2018));
    }

    private static java.util.List<Totals> reported(String unitId, long trainingClasses, long refresherClasses, LocalDate conferenceHeld) {
        return Contribution.of(PLAN, YEAR_2018, ThoXuan.unit(unitId).level(), ThoXuan.report2018(unitId, 0,
                new Value(TRAINING_CLASSES, trainingClasses, null), new Value(REFRESHER_CLASS, refresherClasses, null),
                new Value(STUDY_CONFERENCE, conferenceHeld == null ? 0 : 1, null, conferenceHeld)));
    }
}
