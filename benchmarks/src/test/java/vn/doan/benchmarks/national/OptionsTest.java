package vn.doan.benchmarks.national;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void aFullRunWritesNationalUnlessNamedAndRollsUpWithOneConsumerUnlessAsked() {
        Options plain = Options.parse(new String[] {"full"});
        assertThat(plain.results()).isEqualTo("national");
        assertThat(plain.serviceArgs()).containsExactly("--doan.rollup.consumers=1");
        assertThat(Options.parse(new String[] {"quick"}).results()).isEqualTo("national-quick");

        Options named = Options.parse(new String[] {"full", "--rate=500", "--rollup-consumers=2", "--results=national-after-500-2c"});
        assertThat(named.results()).isEqualTo("national-after-500-2c");
        assertThat(named.rate()).isEqualTo(500);
        assertThat(named.serviceArgs()).isEqualTo(List.of("--doan.rollup.consumers=2"));
    }

    @Test
    void aResultsNameIsAPlainFileName() {
        assertThatThrownBy(() -> Options.parse(new String[] {"full", "--results=../../etc/national"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("../../etc/national");
        assertThatThrownBy(() -> Options.parse(new String[] {"full", "--results=National"})).isInstanceOf(IllegalArgumentException.class);
    }
}
