package vn.doan.support.tree;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ChildrenIndexTest {

    static ChildrenIndex.Unit unit(String id, String parent) {
        return new ChildrenIndex.Unit(id, java.util.Arrays.asList(parent));
    }

    /** Xuân Lai moved from Thọ Xuân to Triệu Sơn on 01/01/2027: listed under both, as each period's tree may need either. */
    @Test
    void aUnitIsListedUnderEveryParentItStoodUnderAndOnceBelowACommonAncestor() {
        ChildrenIndex.Unit xuanLai = new ChildrenIndex.Unit("xl", List.of("tx", "ts"));
        ChildrenIndex index = ChildrenIndex.of(7, Stream.of(unit("th", null), unit("tx", "th"), unit("ts", "th"), unit("tl", "tx"), xuanLai,
                unit("xl-cd1", "xl")));

        assertThat(index.version()).isEqualTo(7);
        assertThat(index.children("tx")).containsExactly("tl", "xl");
        assertThat(index.children("ts")).containsExactly("xl");
        assertThat(index.children("tl")).isEmpty();
        assertThat(index.atOrBelow("th")).containsExactly("th", "tx", "ts", "tl", "xl", "xl-cd1");
        assertThat(index.atOrBelow("ts")).containsExactly("ts", "xl", "xl-cd1");
        assertThat(index.atOrBelow("unknown")).containsExactly("unknown");
    }
}
