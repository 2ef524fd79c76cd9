package vn.doan.indicatorservice.dashboard;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import vn.doan.events.plan.PlanIssued;
import vn.doan.events.plan.RankingRule;

/**
 * The emulation ranking ("thi đua, xếp loại") of plans that set none of their own: {@code weights} per indicator code
 * (default 1 each), {@code latePenalty} points, {@code classes} from the highest least score down. How a score and a class
 * are computed is event-contracts' {@link RankingRule}, the one rule report-service ranks by too; a plan that sets its own
 * ranking is ranked by it ({@link #forPlan}).
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
        classes = classes == null || classes.isEmpty() ? UNION_CLASSES : classes;
    }

    /** The plan's own rule when it sets one (plan-service has checked it), else these defaults. */
    RankingRule forPlan(PlanIssued.Ranking ranking) {
        if (ranking == null) {
            return new RankingRule(new PlanIssued.Ranking(weights.entrySet().stream()
                    .map(w -> new PlanIssued.Ranking.Weight(w.getKey(), BigDecimal.valueOf(w.getValue()))).toList(),
                    BigDecimal.valueOf(latePenalty), classes.stream().map(c -> new PlanIssued.Ranking.RankClass(c.name(), c.minScore())).toList()));
        }
        return new RankingRule(ranking);
    }
}
