package vn.doan.indicatorservice.rollup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TotalsTest {

    private static final Totals THO_LAP = new Totals("CT01", 18, 20, 1, 0, 0, 0, 0, 0, 0);
    private static final Totals XUAN_HOA = new Totals("CT01", 25, 25, 1, 1, 0, 0, 0, 0, 0);
    private static final Totals RANGE = new Totals("CT15", 4, 0, 1, 0, 0, 0, 1, 0, 0);

    @Test
    void replacingAChildsSnapshotSubtractsWhatItHeldAndAddsWhatItHoldsNow() {
        List<Totals> district = Totals.sum(List.of(List.of(THO_LAP, RANGE), List.of(XUAN_HOA)));
        Totals revised = new Totals("CT01", 20, 20, 1, 1, 0, 0, 0, 0, 0);

        List<Totals> after = Totals.replace(district, List.of(THO_LAP, RANGE), List.of(revised));

        assertThat(after).containsExactly(new Totals("CT01", 45, 45, 2, 2, 0, 0, 0, 0, 0));
    }

    /** 303,000 units each at the largest value report-service accepts add up exactly; past a long's range the sum fails, never wraps. */
    @Test
    void theLargestValuesOfEveryUnitAddUpExactlyAndASumPastALongFailsInsteadOfWrapping() {
        Totals largest = new Totals("CT01", 100_000_000, 100_000_000, 1, 1, 0, 0, 0, 0, 0);
        List<Totals> nation = Totals.sum(java.util.Collections.nCopies(303_000, List.of(largest)));
        assertThat(nation).containsExactly(new Totals("CT01", 30_300_000_000_000L, 30_300_000_000_000L, 303_000, 303_000, 0, 0, 0, 0, 0));

        Totals huge = new Totals("CT01", Long.MAX_VALUE, Long.MAX_VALUE, 1, 1, 0, 0, 0, 0, 0);
        assertThatThrownBy(() -> Totals.sum(List.of(List.of(huge), List.of(THO_LAP)))).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Totals.replace(List.of(huge), List.of(), List.of(huge))).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Totals.replace(List.of(THO_LAP), List.of(new Totals("CT01", Long.MIN_VALUE, 0, 0, 0, 0, 0, 0, 0, 0)), null))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void aChildLeavingTakesItsTotalsAndLeavesNoEmptyEntryBehind() {
        assertThat(Totals.replace(List.of(THO_LAP), List.of(THO_LAP), null)).isEmpty();
    }

    @Test
    void packedTotalsComeBackFieldForFieldEvenWithACommaInTheCode() {
        Totals odd = new Totals("2.1, khá", -3, 7, 2, 1, 1, 0, 1, 1, 1);
        assertThat(Totals.unpack(odd.pack())).isEqualTo(odd);
        assertThat(Rollup.ChildSnapshot.of(4, List.of(THO_LAP, odd)).totals()).containsExactly(THO_LAP, odd);
    }

    @Test
    void aChildSnapshotIsOneStringWhateverTheCodesHold() {
        Totals odd = new Totals("12:3\n,;x", 5, 9, 1, 0, 0, 1, 0, 0, 0);
        Rollup.ChildSnapshot snapshot = Rollup.ChildSnapshot.of(7, List.of(THO_LAP, odd));

        assertThat(snapshot.all()).isEqualTo("24:18,20,1,0,0,0,0,0,0,CT0126:5,9,1,0,0,1,0,0,0,12:3\n,;x");
        assertThat(snapshot.totals()).containsExactly(THO_LAP, odd);
        assertThat(Rollup.ChildSnapshot.of(7, List.of()).totals()).isEmpty();
    }

    @Test
    void aSnapshotWrittenBeforeTheOneStringFormIsStillRead() {
        Rollup.ChildSnapshot before = new Rollup.ChildSnapshot(3, null, List.of(THO_LAP.pack()));

        assertThat(before.totals()).containsExactly(THO_LAP);
    }
}
