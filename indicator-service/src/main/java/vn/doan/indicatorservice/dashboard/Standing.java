package vn.doan.indicatorservice.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import vn.doan.events.plan.IndicatorKind;
import vn.doan.indicatorservice.replica.PlanDefinition;
import vn.doan.indicatorservice.replica.Plans;
import vn.doan.indicatorservice.rollup.Progress;

/** Completeness, ranking and the indicators behind, computed from the dashboards of {@link ProgressQuery}. */
@Service
public class Standing {

    private final ProgressQuery query;
    private final RankingRules rules;
    private final Plans plans;

    Standing(ProgressQuery query, RankingRules rules, Plans plans) {
        this.query = query;
        this.rules = rules;
        this.plans = plans;
    }

    /** A unit's place, score out of 100 and class ("Xuất sắc", "Khá", … or the plan's own). */
    public record Ranked(int rank, String unitId, String unitName, BigDecimal score, int expected, int late, String rankClass) {
    }

    public record Behind(String code, String text, Progress.Status status, BigDecimal value, BigDecimal target, BigDecimal attainment) {
    }

    /**
     * The direct children of a unit, best first, by the plan's ranking rules or else {@link RankingRules}'s defaults; an
     * indicator without a target for the period does not count.
     */
    public List<Ranked> ranking(String planId, String periodId, String unitId) {
        List<ProgressQuery.UnitProgress> children = query.children(planId, periodId, unitId);
        RankingRules planRules = rules.forPlan(plans.find(planId).map(PlanDefinition::ranking).orElse(null));
        return rank(children, child -> query.completeness(planId, periodId, child), planRules);
    }

    /** Ranks {@code children} (their dashboards), with each child's completeness by unit id: best score first, ties by name. */
    static List<Ranked> rank(List<ProgressQuery.UnitProgress> children, Function<String, ProgressQuery.Completeness> completenessOf,
            RankingRules rules) {
        List<Ranked> scored = children.stream().map(child -> {
            ProgressQuery.Completeness completeness = completenessOf.apply(child.unitId());
            double weighted = 0;
            double weights = 0;
            for (ProgressQuery.IndicatorProgress indicator : child.indicators()) {
                if (indicator.subtree().target() == null) {
                    continue;
                }
                double weight = rules.weight(indicator.code());
                weighted += weight * attainment(indicator).doubleValue();
                weights += weight;
            }
            double score = weights == 0 ? 0 : 100 * weighted / weights;
            if (completeness.expected() > 0) {
                score -= rules.latePenalty() * completeness.late() / completeness.expected();
            }
            BigDecimal rounded = BigDecimal.valueOf(Math.max(0, score)).setScale(2, RoundingMode.HALF_UP);
            return new Ranked(0, child.unitId(), child.unitName(), rounded, completeness.expected(), completeness.late(), rules.classOf(rounded));
        }).sorted(Comparator.comparing(Ranked::score).reversed().thenComparing(Ranked::unitName)).toList();
        return java.util.stream.IntStream.range(0, scored.size()).mapToObj(i -> {
            Ranked r = scored.get(i);
            return new Ranked(i + 1, r.unitId(), r.unitName(), r.score(), r.expected(), r.late(), r.rankClass());
        }).toList();
    }

    /** Indicators of the unit's subtree that are at risk or off track, worst attainment first. */
    public List<Behind> behind(String planId, String periodId, String unitId) {
        return behind(query.unit(planId, periodId, unitId));
    }

    /** The indicators of a dashboard at risk or off track, worst attainment first. */
    static List<Behind> behind(ProgressQuery.UnitProgress unit) {
        return unit.indicators().stream()
                .filter(i -> i.subtree().status() == Progress.Status.OFF_TRACK || i.subtree().status() == Progress.Status.AT_RISK)
                .map(i -> new Behind(i.code(), i.text(), i.subtree().status(), i.subtree().value(), i.subtree().target(), attainment(i)))
                .sorted(Comparator.comparing(Behind::attainment).thenComparing(Behind::code)).toList();
    }

    /** Value against target, between 0 and 1; for an "at most" rate, target against value. */
    static BigDecimal attainment(ProgressQuery.IndicatorProgress indicator) {
        BigDecimal value = indicator.subtree().value();
        BigDecimal target = indicator.subtree().target();
        if (value == null) {
            return BigDecimal.ZERO;
        }
        double ratio;
        if (IndicatorKind.valueOf(indicator.kind()) == IndicatorKind.RATE_AT_MOST) {
            ratio = value.signum() == 0 ? 1 : target.doubleValue() / value.doubleValue();
        } else {
            ratio = target.signum() == 0 ? 1 : value.doubleValue() / target.doubleValue();
        }
        return BigDecimal.valueOf(Math.min(1, ratio)).setScale(4, RoundingMode.HALF_UP);
    }
}
