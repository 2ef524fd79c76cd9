package vn.doan.indicatorservice.dashboard;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;
import vn.doan.events.plan.IndicatorKind;
import vn.doan.events.plan.RankingRule;
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
        return rank(query.children(planId, periodId, unitId), rule(planId));
    }

    /** What a dashboard page shows of a unit: its own dashboard, its direct children's, the indicators behind and the ranking. */
    public record Dashboard(ProgressQuery.UnitProgress unit, List<ProgressQuery.UnitProgress> children, List<Behind> behind,
            List<Ranked> ranking) {
    }

    /** The answers of the unit's dashboard, {@code /children}, {@code /behind} and {@code /ranking}, from one read of each part. */
    public Dashboard dashboard(String planId, String periodId, String unitId) {
        ProgressQuery.UnitProgress unit = query.unit(planId, periodId, unitId);
        List<ProgressQuery.UnitProgress> children = query.children(planId, periodId, unitId);
        return new Dashboard(unit, children, behind(unit), rank(children, rule(planId)));
    }

    private RankingRule rule(String planId) {
        return rules.forPlan(plans.find(planId).map(PlanDefinition::ranking).orElse(null));
    }

    /** Ranks {@code children} (their dashboards, each with its subtree's reports counted) by {@code rule}. */
    static List<Ranked> rank(List<ProgressQuery.UnitProgress> children, RankingRule rule) {
        List<RankingRule.Entrant> entrants = children.stream().map(child -> {
            ProgressQuery.Reports completeness = child.reports();
            List<RankingRule.Attained> indicators = child.indicators().stream().map(i -> new RankingRule.Attained(i.code(),
                    IndicatorKind.valueOf(i.kind()), i.subtree().value(), i.subtree().target())).toList();
            return new RankingRule.Entrant(child.unitId(), child.unitName(), indicators, completeness.expected(), completeness.late());
        }).toList();
        return rule.rank(entrants).stream()
                .map(p -> new Ranked(p.rank(), p.unitId(), p.unitName(), p.score(), p.expected(), p.late(), p.rankClass())).toList();
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

    /** Value against target, between 0 and 1, as the ranking counts it ({@link RankingRule#attainment}). */
    static BigDecimal attainment(ProgressQuery.IndicatorProgress indicator) {
        return RankingRule.attainment(IndicatorKind.valueOf(indicator.kind()), indicator.subtree().value(), indicator.subtree().target());
    }
}
