package vn.doan.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UnitPeriodTest {

    @Test
    void anIdHasOneShapeAndReadsBack() {
        UnitPeriod key = new UnitPeriod("KH-12/2026", "2026-Q2", "TX-XUAN-LAP");
        assertThat(key.id()).isEqualTo("KH-12/2026|2026-Q2|TX-XUAN-LAP");
        assertThat(key.id("CT03")).isEqualTo("KH-12/2026|2026-Q2|TX-XUAN-LAP|CT03");
        assertThat(UnitPeriod.parse(key.id())).isEqualTo(key);
    }

    @Test
    void whatIsNotAnIdIsRefused() {
        assertThatThrownBy(() -> UnitPeriod.parse("KH-12|2026")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UnitPeriod.parse("a|b|c|d")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UnitPeriod("a", null, "c")).isInstanceOf(IllegalArgumentException.class);
    }
}
