package vn.doan.indicatorservice.dashboard;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;
import vn.doan.indicatorservice.replica.PlanDefinition;

/**
 * How units are ranked in the yearly emulation ("thi đua, xếp loại"): each indicator's attainment (value ÷ target, capped
 * at 1; for an "at most" rate target ÷ value; 0 without data) is weighted ({@code weights}, default 1 each) into a score
 * out of 100; then {@code latePenalty} points are taken off for each late report as a share of the reports expected; the
 * score, rounded to two decimals, takes the first of {@code classes} (highest least score first) it reaches. A plan that
 * sets its own ranking is ranked by it ({@link #forPlan}); {@code doan.ranking.*} is the default for plans that set none.
 */
@ConfigurationProperties("doan.ranking")
public record RankingRules(Map<String, Double> weights, Double latePenalty, List<RankClass> classes) {

    /** The classes the Union uses when nothing else is set: Xuất sắc from 90, Khá from 70, Trung bình from 50, Yếu below. */
    static final List<RankClass> UNION_CLASSES = List.of(new RankClass("Xuất sắc", new BigDecimal("90")), new RankClass("Khá", new BigDecimal("70")),
            new RankClass("Trung bình", new BigDecimal("50")), new RankClass("Yếu", BigDecimal.ZERO));

    /** A class of the rating and the least score it takes. */
    public record RankClass(String name, BigDecimal minScore) {
    }

    public RankingRules {
        weights = weights == null ? Map.of() : weights;
        latePenalty = latePenalty == null ? 10.0 : latePenalty;
        classes = (classes == null || classes.isEmpty() ? UNION_CLASSES : classes).stream()
                .sorted(Comparator.comparing(RankClass::minScore).reversed()).toList();
    }

    /** The plan's own rules when it sets them (plan-service has checked them), else these. */
    RankingRules forPlan(PlanDefinition.Ranking ranking) {
        if (ranking == null) {
            return this;
        }
        return new RankingRules(ranking.weights().stream().collect(Collectors.toMap(PlanDefinition.Ranking.Weight::indicatorCode,
                w -> w.weight().doubleValue())), ranking.latePenalty().doubleValue(),
                ranking.classes().stream().map(c -> new RankClass(c.name(), c.minScore())).toList());
    }

    double weight(String indicatorCode) {
        return weights.getOrDefault(indicatorCode, 1.0);
    }

    /** The first class whose least score {@code score} reaches; null if it reaches none (a plan's classes all above 0). */
    String classOf(BigDecimal score) {
        return classes.stream().filter(c -> score.compareTo(c.minScore()) >= 0).map(RankClass::name).findFirst().orElse(null);
    }
}
