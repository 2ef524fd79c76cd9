package vn.doan.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Đoàn xã Xuân Lai, founded under Huyện đoàn Thọ Xuân, moved under Đoàn khối doanh nghiệp on 01/07/2026 and dissolved on
 * 01/01/2027: which parent each reporting period counts it under, and which periods' trees hold it, at the edge days.
 */
class UnitPlacementsTest {

    private static final LocalDate FOUNDED = LocalDate.of(2016, 1, 1);
    private static final LocalDate MOVED = LocalDate.of(2026, 7, 1);
    private static final UnitPlacements XUAN_LAI = new UnitPlacements("xuanlai", List.of(
            new UnitPlacements.Placement(MOVED, "dkdn", List.of("thanhhoa", "dkdn")),
            new UnitPlacements.Placement(FOUNDED, "thoxuan", List.of("thanhhoa", "thoxuan"))), LocalDate.of(2027, 1, 1));

    @Test
    void aPeriodCountsTheUnitWhereItStoodOnThePeriodsFirstDay() {
        assertThat(XUAN_LAI.placementFor(LocalDate.of(2026, 1, 1)).parentId()).as("2026: moved during the year").isEqualTo("thoxuan");
        assertThat(XUAN_LAI.placementFor(LocalDate.of(2026, 6, 30)).parentId()).as("the day before the move").isEqualTo("thoxuan");
        assertThat(XUAN_LAI.placementFor(MOVED).parentId()).as("a period starting on the move's day").isEqualTo("dkdn");
        assertThat(XUAN_LAI.placementFor(LocalDate.of(2015, 1, 1)).parentId()).as("before its creation: its first place").isEqualTo("thoxuan");
        assertThat(XUAN_LAI.within("thoxuan", LocalDate.of(2026, 1, 1))).isTrue();
        assertThat(XUAN_LAI.within("thoxuan", MOVED)).isFalse();
        assertThat(XUAN_LAI.within("xuanlai", MOVED)).as("a unit is within itself").isTrue();
    }

    @Test
    void aPeriodsTreeHoldsUnitsCreatedByItsLastDayAndNotDissolvedByItsFirst() {
        assertThat(XUAN_LAI.inTreeOf(LocalDate.of(2015, 1, 1), LocalDate.of(2015, 12, 31))).as("created a day after the period").isFalse();
        assertThat(XUAN_LAI.inTreeOf(LocalDate.of(2015, 7, 1), FOUNDED)).as("created on the period's last day").isTrue();
        assertThat(XUAN_LAI.inTreeOf(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31))).as("dissolved the day after").isTrue();
        assertThat(XUAN_LAI.inTreeOf(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31))).as("dissolved on the first day").isFalse();
        assertThat(XUAN_LAI.createdAfter(LocalDate.of(2015, 12, 31))).isTrue();
        assertThat(XUAN_LAI.createdAfter(FOUNDED)).isFalse();
    }

    @Test
    void aMoveAppliedTwiceLeavesOnePlacementOfItsDay() {
        UnitPlacements.Placement again = new UnitPlacements.Placement(MOVED, "dkdn", List.of("thanhhoa", "dkdn"));
        assertThat(XUAN_LAI.with(again)).hasSize(2).contains(again);
        assertThatThrownBy(() -> new UnitPlacements("xuanlai", List.of(), null)).isInstanceOf(IllegalArgumentException.class);
    }
}
