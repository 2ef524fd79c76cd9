package vn.doan.notificationservice.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.doan.events.indicator.IndicatorOffTrack;
import vn.doan.events.plan.IndicatorKind;
import vn.doan.notificationservice.template.Templates;

/**
 * The figures of an off-track alert worded with the default templates: "ít nhất 3 buổi" reads against its 3, not the 100%
 * of units indicator-service compared, and a percent carries its sign and the Vietnamese decimal comma.
 */
class OffTrackFiguresTest {

    private static final String BODY = "indicator.off-track.body";

    /** The default template of {@code key} in {@code language}, filled as {@link Templates} fills it. */
    private static String text(String key, String language, Map<String, String> params) {
        return Templates.substitute(Templates.load(language).get(key), language, params);
    }

    private static String body(String language, BigDecimal value, BigDecimal target, IndicatorOffTrack.Measure measure) {
        Map<String, String> params = new java.util.HashMap<>(Map.of("indicator", "CT2", "text", "Mỗi cơ sở tổ chức ít nhất 3 buổi sinh hoạt chuyên đề",
                "unit", "Huyện đoàn Thọ Xuân", "plan", "54-CT/ĐTN", "period", "Báo cáo năm 2026"));
        params.putAll(OffTrackFigures.of(value, target, measure, OffTrackFiguresTest::text));
        return text(BODY, language, params);
    }

    @Test
    void aCountOfAtLeastThreeSessionsStatesItsThreeAndTheUnitsThatReachedIt() {
        IndicatorOffTrack.Measure district = new IndicatorOffTrack.Measure(IndicatorKind.COUNT_AT_LEAST, new BigDecimal("3"), null, 5, 4, 1);

        assertThat(body("vi", new BigDecimal("25.00"), new BigDecimal("100"), district)).isEqualTo("Chỉ tiêu CT2 \"Mỗi cơ sở tổ chức ít nhất 3 buổi "
                + "sinh hoạt chuyên đề\" của Huyện đoàn Thọ Xuân (Kế hoạch 54-CT/ĐTN, kỳ Báo cáo năm 2026) mới đạt 1/4 đơn vị (25%), "
                + "chỉ tiêu đề ra mỗi đơn vị ít nhất 3.");
        assertThat(body("en", new BigDecimal("25.00"), new BigDecimal("100"), district))
                .endsWith("is at 1 of 4 units (25%), target at least 3 in each unit.");
    }

    @Test
    void oneUnitsCountIsItsCountAgainstThree() {
        IndicatorOffTrack.Measure thoLap = new IndicatorOffTrack.Measure(IndicatorKind.COUNT_AT_LEAST, new BigDecimal("3"), null, 0, 1, 0);

        assertThat(body("vi", new BigDecimal("0.00"), new BigDecimal("100"), thoLap)).endsWith("mới đạt 0, chỉ tiêu đề ra ít nhất 3.");
        IndicatorOffTrack.Measure classes = new IndicatorOffTrack.Measure(IndicatorKind.COUNT_IN_RANGE, new BigDecimal("2"), new BigDecimal("3"), 1, 1, 0);
        assertThat(body("vi", new BigDecimal("0.00"), new BigDecimal("100"), classes)).endsWith("mới đạt 1, chỉ tiêu đề ra từ 2 đến 3.");
    }

    @Test
    void aShareAndARateCarryTheirPercentSign() {
        IndicatorOffTrack.Measure share = new IndicatorOffTrack.Measure(IndicatorKind.SHARE_OF_UNITS, new BigDecimal("85"), null, 0, 1333, 0);
        IndicatorOffTrack.Measure rate = new IndicatorOffTrack.Measure(IndicatorKind.RATE_AT_MOST, new BigDecimal("2"), null, 0, 2, 1);

        assertThat(body("vi", new BigDecimal("85.00"), new BigDecimal("85"), share)).endsWith("mới đạt 85%, chỉ tiêu đề ra 85%.");
        assertThat(body("vi", new BigDecimal("84.99"), new BigDecimal("85"), share)).endsWith("mới đạt 84,99%, chỉ tiêu đề ra 85%.");
        assertThat(body("vi", new BigDecimal("2.01"), new BigDecimal("2"), rate)).endsWith("mới đạt 2,01%, chỉ tiêu đề ra không quá 2%.");
        assertThat(body("vi", new BigDecimal("66.67"), new BigDecimal("100"), null)).as("an alert published before the measure")
                .endsWith("mới đạt 66.67, chỉ tiêu đề ra 100.");
    }
}
