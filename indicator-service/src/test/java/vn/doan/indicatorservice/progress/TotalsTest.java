package vn.doan.indicatorservice.progress;

import static org.assertj.core.api.Assertions.assertThat;

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
}
