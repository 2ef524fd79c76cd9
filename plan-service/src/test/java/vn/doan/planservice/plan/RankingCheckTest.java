package vn.doan.planservice.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.doan.events.plan.IndicatorKind;
import vn.doan.events.plan.UnitLevel;
import vn.doan.support.web.ApiProblem;

/** A plan's ranking is refused unless every unit gets a score and exactly one class. */
class RankingCheckTest {

    private static final List<PlanContent.Ranking.RankClass> UNION_CLASSES = List.of(rankClass("Xuất sắc", "90"), rankClass("Khá", "70"),
            rankClass("Trung bình", "50"), rankClass("Yếu", "0"));

    @Test
    void theUnionsFourClassesWithWeightsAndAPenaltyAreAccepted() {
        assertThatCode(() -> RankingCheck.check(plan(new PlanContent.Ranking(List.of(weight("CT01", "2"), weight("CT05", "0.5")),
                new BigDecimal("10"), UNION_CLASSES)))).doesNotThrowAnyException();
        assertThatCode(() -> RankingCheck.check(plan(new PlanContent.Ranking(List.of(), new BigDecimal("100"),
                List.of(rankClass("Hoàn thành", "0")))))).as("one class from 0, the largest penalty").doesNotThrowAnyException();
    }

    @Test
    void classesMustFallStrictlyAndEndAtZero() {
        assertRefused(new PlanContent.Ranking(List.of(), BigDecimal.TEN, List.of(rankClass("Xuất sắc", "90"), rankClass("Khá", "90"),
                rankClass("Yếu", "0"))), "ranking.classes-not-falling", "ranking.classes[1].minScore");
        assertRefused(new PlanContent.Ranking(List.of(), BigDecimal.TEN, List.of(rankClass("Xuất sắc", "90"), rankClass("Khá", "70"),
                rankClass("Trung bình", "0.01"))), "ranking.classes-not-covering", "ranking.classes[2].minScore");
        assertRefused(new PlanContent.Ranking(List.of(), BigDecimal.TEN, List.of(rankClass("Khá", "70"), rankClass("khá ", "0"))),
                "ranking.class-name", "ranking.classes[1].name");
        assertRefused(new PlanContent.Ranking(List.of(), BigDecimal.TEN, List.of()), "ranking.classes-missing", "ranking.classes");
        assertRefused(new PlanContent.Ranking(List.of(), BigDecimal.TEN, List.of(rankClass("Xuất sắc", "100.01"), rankClass("Yếu", "0"))),
                "ranking.points-out-of-range", "ranking.classes[0].minScore");
        assertRefused(new PlanContent.Ranking(List.of(), BigDecimal.TEN, List.of(rankClass("Xuất sắc", "89.995"), rankClass("Yếu", "0"))),
                "ranking.points-out-of-range", "ranking.classes[0].minScore");
    }

    @Test
    void weightsNameThePlansIndicatorsOnceAndNotAllWeighZero() {
        assertRefused(new PlanContent.Ranking(List.of(weight("CT99", "1")), BigDecimal.TEN, UNION_CLASSES),
                "ranking.weight-indicator-unknown", "ranking.weights[0].indicatorCode");
        assertRefused(new PlanContent.Ranking(List.of(weight("CT01", "1"), weight("CT01", "2")), BigDecimal.TEN, UNION_CLASSES),
                "ranking.weight-indicator-unknown", "ranking.weights[1].indicatorCode");
        assertRefused(new PlanContent.Ranking(List.of(weight("CT01", "0"), weight("CT05", "0")), BigDecimal.TEN, UNION_CLASSES),
                "ranking.weights-all-zero", "ranking.weights");
        assertRefused(new PlanContent.Ranking(List.of(weight("CT01", "-1")), BigDecimal.TEN, UNION_CLASSES),
                "ranking.points-out-of-range", "ranking.weights[0].weight");
        assertThatCode(() -> RankingCheck.check(plan(new PlanContent.Ranking(List.of(weight("CT01", "0")), BigDecimal.TEN, UNION_CLASSES))))
                .as("CT05, not named, weighs 1").doesNotThrowAnyException();
    }

    @Test
    void theLatePenaltyIsFrom0To100Points() {
        assertRefused(new PlanContent.Ranking(List.of(), new BigDecimal("100.01"), UNION_CLASSES), "ranking.points-out-of-range",
                "ranking.latePenalty");
        assertRefused(new PlanContent.Ranking(List.of(), null, UNION_CLASSES), "ranking.points-out-of-range", "ranking.latePenalty");
    }

    private static void assertRefused(PlanContent.Ranking ranking, String rule, String field) {
        assertThatThrownBy(() -> RankingCheck.check(plan(ranking))).isInstanceOfSatisfying(ApiProblem.class, p -> {
            assertThat(p.rule()).isEqualTo(rule);
            assertThat(p.field()).isEqualTo(field);
        });
    }

    private static PlanContent.Ranking.RankClass rankClass(String name, String minScore) {
        return new PlanContent.Ranking.RankClass(name, new BigDecimal(minScore));
    }

    private static PlanContent.Ranking.Weight weight(String code, String weight) {
        return new PlanContent.Ranking.Weight(code, new BigDecimal(weight));
    }

    private static PlanContent plan(PlanContent.Ranking ranking) {
        List<PlanContent.Indicator> indicators = List.of(
                new PlanContent.Indicator("CT01", "Hàng năm 100% cán bộ Đoàn – Hội – Đội được tham gia các lớp tập huấn", IndicatorKind.SHARE_OF_PEOPLE,
                        new BigDecimal("100"), List.of(UnitLevel.GRASSROOTS), null, null, "BTC-KT", null),
                new PlanContent.Indicator("CT05", "Đánh giá xếp loại hàng năm 85% số đơn vị đoàn cơ sở loại khá trở lên", IndicatorKind.SHARE_OF_UNITS,
                        new BigDecimal("85"), List.of(UnitLevel.GRASSROOTS), null, null, "BTC-KT", null));
        return new PlanContent("54-CT/ĐTN", "ACTION_PROGRAM", "Chương trình hành động thực hiện Nghị quyết số 02-NQ/TU", "u-thoxuan",
                LocalDate.of(2016, 4, 28), "Thọ Xuân", null, null, LocalDate.of(2016, 4, 28), LocalDate.of(2020, 12, 31), null, null, null, null,
                null, indicators, List.of(), null, null, null, ranking);
    }
}
