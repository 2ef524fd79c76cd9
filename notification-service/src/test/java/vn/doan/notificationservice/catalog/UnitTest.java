package vn.doan.notificationservice.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.doan.events.UnitPlacements;
import vn.doan.events.plan.UnitLevel;

/** Which units the tree of a period holds, and under which upper level: the rule of indicator-service and report-service. */
class UnitTest {

    static final LocalDate FROM_2017 = LocalDate.of(2017, 1, 1);
    static final LocalDate TO_2017 = LocalDate.of(2017, 12, 31);
    static final List<String> UNDER_THO_XUAN = List.of("thanhhoa", "thoxuan");
    static final List<String> UNDER_TRIEU_SON = List.of("thanhhoa", "trieuson");

    @Test
    void aMoveCountsFromItsDateOnAPeriodStartingThatDayAndNotOnOneStartingTheDayBefore() {
        Unit xuanSon = commune(LocalDate.of(2016, 1, 1), null,
                new UnitPlacements.Placement(LocalDate.of(2016, 1, 1), "thoxuan", UNDER_THO_XUAN), new UnitPlacements.Placement(FROM_2017, "trieuson", UNDER_TRIEU_SON));

        assertThat(xuanSon.inTreeOf(FROM_2017, TO_2017)).map(Unit::parentId).contains("trieuson");
        assertThat(xuanSon.inTreeOf(FROM_2017, TO_2017)).map(Unit::ancestorIds).contains(UNDER_TRIEU_SON);
        assertThat(xuanSon.inTreeOf(LocalDate.of(2016, 1, 1), LocalDate.of(2016, 12, 31))).map(Unit::parentId).contains("thoxuan");
        assertThat(xuanSon.inTreeOf(LocalDate.of(2016, 12, 31), LocalDate.of(2016, 12, 31))).map(Unit::parentId).as("the day before the move")
                .contains("thoxuan");
    }

    @Test
    void aUnitDissolvedOnThePeriodsFirstDayIsNotInItsTreeOneDissolvedTheDayAfterIs() {
        assertThat(commune(LocalDate.of(2016, 1, 1), FROM_2017).inTreeOf(FROM_2017, TO_2017)).isEmpty();
        assertThat(commune(LocalDate.of(2016, 1, 1), LocalDate.of(2017, 1, 2)).inTreeOf(FROM_2017, TO_2017)).map(Unit::parentId).contains("thoxuan");
        assertThat(commune(LocalDate.of(2016, 1, 1), FROM_2017).inTreeOf(LocalDate.of(2016, 1, 1), LocalDate.of(2016, 12, 31)))
                .as("the year before it was dissolved").isPresent();
    }

    @Test
    void aUnitCreatedOnThePeriodsLastDayIsInItsTreeUnderItsFirstPlacementOneCreatedTheDayAfterIsNot() {
        assertThat(commune(TO_2017, null).inTreeOf(FROM_2017, TO_2017)).map(Unit::parentId).contains("thoxuan");
        assertThat(commune(LocalDate.of(2018, 1, 1), null).inTreeOf(FROM_2017, TO_2017)).isEmpty();
    }

    @Test
    void aUnitStoredBeforePlacementsWereKeptStandsWhereItStandsNowAndOneDissolvedThenIsInNoTree() {
        Unit active = new Unit("xuanson", "Đoàn xã Xuân Sơn", UnitLevel.GRASSROOTS, "trieuson", UNDER_TRIEU_SON, true, null, null);
        Unit dissolved = new Unit("thothang", "Đoàn xã Thọ Thắng", UnitLevel.GRASSROOTS, "thoxuan", UNDER_THO_XUAN, false, null, null);

        assertThat(active.inTreeOf(LocalDate.of(2016, 1, 1), LocalDate.of(2016, 12, 31))).map(Unit::parentId).contains("trieuson");
        assertThat(dissolved.inTreeOf(LocalDate.of(2016, 1, 1), LocalDate.of(2016, 12, 31))).isEmpty();
    }

    private static Unit commune(LocalDate created, LocalDate dissolvedFrom, UnitPlacements.Placement... placements) {
        List<UnitPlacements.Placement> history = placements.length == 0 ? List.of(new UnitPlacements.Placement(created, "thoxuan", UNDER_THO_XUAN)) : List.of(placements);
        UnitPlacements.Placement last = history.get(history.size() - 1);
        return new Unit("xuanson", "Đoàn xã Xuân Sơn", UnitLevel.GRASSROOTS, last.parentId(), last.ancestorIds(), dissolvedFrom == null, history,
                dissolvedFrom);
    }
}
