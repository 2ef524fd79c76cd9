package vn.doan.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.doan.events.plan.UnitMoved;

class UnitMovedTest {

    /** Đoàn trường THPT Thọ Xuân 4 moves from Huyện đoàn Thọ Xuân to Huyện đoàn Triệu Sơn. */
    private final UnitMoved move = new UnitMoved("thpt4", "thoxuan", "trieuson", List.of("thanhhoa", "thoxuan"),
            List.of("thanhhoa", "trieuson"), LocalDate.of(2025, 7, 1));

    @Test
    void unitsBelowTheMovedOneKeepTheirPathBelowItAndTakeItsNewAncestors() {
        assertThat(move.ancestorsAfterMove(List.of("thanhhoa", "thoxuan", "thpt4"))).containsExactly("thanhhoa", "trieuson", "thpt4");
        assertThat(move.ancestorsAfterMove(List.of("thanhhoa", "thoxuan", "thpt4", "12a")))
                .containsExactly("thanhhoa", "trieuson", "thpt4", "12a");
    }

    @Test
    void otherUnitsAreUnchanged() {
        assertThat(move.ancestorsAfterMove(List.of("thanhhoa", "thoxuan"))).containsExactly("thanhhoa", "thoxuan");
    }
}
