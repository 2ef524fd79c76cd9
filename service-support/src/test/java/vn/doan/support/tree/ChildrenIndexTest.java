package vn.doan.support.tree;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import vn.doan.events.UnitPlacements;
import org.junit.jupiter.api.Test;

class ChildrenIndexTest {

    static final LocalDate FOUNDED = LocalDate.of(2016, 1, 1);

    static UnitPlacements unit(String id, String parent, List<String> ancestors) {
        return new UnitPlacements(id, List.of(new UnitPlacements.Placement(FOUNDED, parent, ancestors)), null);
    }

    /** Xuân Lai moved from Thọ Xuân to Triệu Sơn on 01/01/2027: listed under both, as each period's tree may need either. */
    @Test
    void aUnitIsListedUnderEveryParentItStoodUnderAndOnceBelowACommonAncestor() {
        UnitPlacements xuanLai = new UnitPlacements("xl", List.of(new UnitPlacements.Placement(FOUNDED, "tx", List.of("th", "tx")),
                new UnitPlacements.Placement(LocalDate.of(2027, 1, 1), "ts", List.of("th", "ts"))), null);
        ChildrenIndex index = ChildrenIndex.of(7, Stream.of(unit("th", null, List.of()), unit("tx", "th", List.of("th")),
                unit("ts", "th", List.of("th")), unit("tl", "tx", List.of("th", "tx")), xuanLai,
                unit("xl-cd1", "xl", List.of("th", "tx", "xl"))));

        assertThat(index.version()).isEqualTo(7);
        assertThat(index.children("tx")).containsExactly("tl", "xl");
        assertThat(index.children("ts")).containsExactly("xl");
        assertThat(index.children("tl")).isEmpty();
        assertThat(index.atOrBelow("th")).containsExactly("th", "tx", "ts", "tl", "xl", "xl-cd1");
        assertThat(index.atOrBelow("ts")).containsExactly("ts", "xl", "xl-cd1");
        assertThat(index.atOrBelow("unknown")).containsExactly("unknown");
    }
}
