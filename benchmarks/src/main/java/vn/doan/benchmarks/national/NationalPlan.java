package vn.doan.benchmarks.national;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import vn.doan.events.plan.IndicatorKind;

/**
 * The Central Committee's plan for 2026 with twelve indicators covering every kind, reported by every
 * branch ("Chi đoàn") once, for the year; and seeded random values a branch reports for it.
 */
final class NationalPlan {

    static final String PERIOD = "2026";
    static final LocalDate FROM = LocalDate.of(2026, 1, 1);
    static final LocalDate TO = LocalDate.of(2026, 12, 31);
    static final LocalDate MILESTONE_DEADLINE = LocalDate.of(2026, 10, 31);

    record Indicator(String code, String text, IndicatorKind kind, BigDecimal target, BigDecimal targetMax) {
    }

    /** One value as the API takes it; {@code denominator} and {@code doneOn} may be null. */
    record Value(String code, long numerator, Long denominator, LocalDate doneOn) {

        Map<String, Object> json() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("indicatorCode", code);
            json.put("numerator", numerator);
            if (denominator != null) {
                json.put("denominator", denominator);
            }
            if (doneOn != null) {
                json.put("doneOn", doneOn.toString());
            }
            return json;
        }
    }

    static final List<Indicator> INDICATORS = List.of(
            new Indicator("CT01", "Hàng năm 100% cán bộ Đoàn – Hội – Đội được tham gia các lớp tập huấn", IndicatorKind.SHARE_OF_PEOPLE, pct(100), null),
            new Indicator("CT02", "Thu hút 75% thanh niên vào tổ chức Đoàn – Hội", IndicatorKind.SHARE_OF_PEOPLE, pct(75), null),
            new Indicator("CT03", "90% đoàn viên được học tập, quán triệt nghị quyết", IndicatorKind.SHARE_OF_PEOPLE, pct(90), null),
            new Indicator("CT04", "85% tổ đoàn được xếp loại khá trở lên", IndicatorKind.SHARE_OF_UNITS, pct(85), null),
            new Indicator("CT05", "Tỷ lệ hộ nghèo do đoàn viên – hội viên làm chủ giảm còn 3%", IndicatorKind.RATE_AT_MOST, pct(3), null),
            new Indicator("CT06", "Tỷ lệ đoàn viên bị kỷ luật không quá 2%", IndicatorKind.RATE_AT_MOST, pct(2), null),
            new Indicator("CT07", "Ít nhất 01 lớp bồi dưỡng lý luận chính trị hằng năm", IndicatorKind.COUNT_AT_LEAST, pct(1), null),
            new Indicator("CT08", "Ít nhất 02 công trình, phần việc thanh niên mỗi năm", IndicatorKind.COUNT_AT_LEAST, pct(2), null),
            new Indicator("CT09", "Từ 2-3 lớp tập huấn kỹ năng mỗi năm", IndicatorKind.COUNT_IN_RANGE, pct(2), pct(3)),
            new Indicator("CT10", "Từ 01 đến 02 mô hình điểm", IndicatorKind.COUNT_IN_RANGE, pct(1), pct(2)),
            new Indicator("CT11", "Chi đoàn có sổ theo dõi đoàn viên đầy đủ", IndicatorKind.YES_NO, pct(100), null),
            new Indicator("CT12", "Đại hội chi đoàn hoàn thành trước ngày 31/10/2026", IndicatorKind.MILESTONE, pct(100), null));

    private NationalPlan() {
    }

    /** plan-service's {@code POST /api/plans} body. */
    static Map<String, Object> content(String centreId) {
        List<Map<String, Object>> indicators = new ArrayList<>();
        for (Indicator i : INDICATORS) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("code", i.code());
            json.put("text", i.text());
            json.put("kind", i.kind().name());
            json.put("target", i.target());
            if (i.targetMax() != null) {
                json.put("targetMax", i.targetMax());
            }
            json.put("reportingLevels", List.of("BRANCH"));
            if (i.kind() == IndicatorKind.MILESTONE) {
                json.put("deadlines", List.of(Map.of("level", "BRANCH", "deadline", MILESTONE_DEADLINE.toString())));
            }
            indicators.add(json);
        }
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("number", "01-KH/TWĐTN-VP");
        plan.put("type", "Kế hoạch");
        plan.put("title", "Kế hoạch thực hiện công tác Đoàn và phong trào thanh thiếu nhi năm 2026");
        plan.put("issuingUnitId", centreId);
        plan.put("issuedOn", "2026-01-05");
        plan.put("place", "Hà Nội");
        plan.put("periodFrom", FROM.toString());
        plan.put("periodTo", TO.toString());
        plan.put("indicators", indicators);
        plan.put("schedule", List.of(Map.of("periodId", PERIOD, "label", "Báo cáo năm 2026", "from", FROM.toString(), "to", TO.toString(),
                "dueDate", "2026-12-15", "reportingLevels", List.of("BRANCH"))));
        return plan;
    }

    /** Twelve values a branch could report: shares of 10–60 people, small counts, yes/no, a milestone (or task) done or not. */
    static List<Value> values(Random random) {
        List<Value> values = new ArrayList<>(INDICATORS.size());
        for (Indicator i : INDICATORS) {
            values.add(switch (i.kind()) {
                case SHARE_OF_PEOPLE -> share(random, i.code(), 10 + random.nextInt(51), 0.6);
                case SHARE_OF_UNITS -> share(random, i.code(), 2 + random.nextInt(5), 0.7);
                case RATE_AT_MOST -> {
                    long d = 20 + random.nextInt(81);
                    yield new Value(i.code(), random.nextInt(4), d, null);
                }
                case COUNT_AT_LEAST, COUNT_IN_RANGE -> new Value(i.code(), random.nextInt(5), null, null);
                case YES_NO -> new Value(i.code(), random.nextInt(5) == 0 ? 0 : 1, null, null);
                case MILESTONE, TASK -> random.nextInt(6) == 0 ? new Value(i.code(), 0, null, null)
                        : new Value(i.code(), 1, null, LocalDate.of(2026, 8, 1).plusDays(random.nextInt(110)));
            });
        }
        return values;
    }

    private static Value share(Random random, String code, int denominator, double atLeast) {
        int floor = (int) (denominator * atLeast);
        return new Value(code, floor + random.nextInt(denominator - floor + 1), (long) denominator, null);
    }

    private static BigDecimal pct(int value) {
        return BigDecimal.valueOf(value);
    }
}
