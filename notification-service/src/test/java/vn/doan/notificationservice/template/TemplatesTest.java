package vn.doan.notificationservice.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplatesTest {

    @Test
    void placeholdersAreFilledAndAValueWordedForTheLanguageWins() {
        Map<String, String> params = Map.of("unit", "Đoàn xã Thọ Lập", "due", "15/05/2026", "tasks", "?",
                "vi:tasks", "nộp Báo cáo sơ kết 6 tháng đầu năm 2026 trước ngày 15/05/2026", "en:tasks", "submit the six-month report by 15/05/2026");

        assertThat(Templates.substitute("{unit} cần: {tasks} (hạn {due}).", "vi", params))
                .isEqualTo("Đoàn xã Thọ Lập cần: nộp Báo cáo sơ kết 6 tháng đầu năm 2026 trước ngày 15/05/2026 (hạn 15/05/2026).");
        assertThat(Templates.substitute("{unit} must: {tasks}.", "en", params))
                .isEqualTo("Đoàn xã Thọ Lập must: submit the six-month report by 15/05/2026.");
    }

    @Test
    void anUnknownPlaceholderStaysAndDollarSignsAreText() {
        assertThat(Templates.substitute("{unit}: {reason}", "vi", Map.of("unit", "Chi đoàn $1")))
                .isEqualTo("Chi đoàn $1: {reason}");
    }
}
