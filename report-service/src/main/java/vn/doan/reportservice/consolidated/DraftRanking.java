package vn.doan.reportservice.consolidated;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.doan.events.plan.PlanIssued;
import vn.doan.events.plan.RankingRule;
import vn.doan.reportservice.catalog.PlanView;
import vn.doan.reportservice.catalog.UnitView;
import vn.doan.reportservice.report.Completeness;

/**
 * The emulation ranking of a unit's direct children in its consolidated report, where the plan sets one: each child's subtree
 * figures (kept from the progress topic) and its subtree's expected and late reports (the same completeness the draft
 * shows), ranked by event-contracts' {@link RankingRule}, the rule indicator-service's dashboard ranks by.
 */
final class DraftRanking {

    private DraftRanking() {
    }

    /** The children best first; null when the plan sets no ranking. */
    static List<ConsolidatedReport.RankedUnit> of(PlanView plan, PlanView.ReportingPeriod period, List<UnitView> children,
            Map<String, SubtreeFigures> figuresByUnit, List<Completeness.UnitState> expected, Map<String, UnitView> subtree) {
        PlanIssued.Ranking ranking = plan.plan().ranking();
        if (ranking == null) {
            return null;
        }
        List<RankingRule.Entrant> entrants = children.stream().map(child -> {
            List<Completeness.UnitState> below = expected.stream()
                    .filter(u -> subtree.containsKey(u.unitId()) && subtree.get(u.unitId()).within(child.id(), period.from())).toList();
            int late = (int) below.stream().filter(u -> u.state() == Completeness.State.LATE).count();
            return new RankingRule.Entrant(child.id(), child.name(), attained(plan, period, figuresByUnit.get(child.id())), below.size(), late);
        }).toList();
        return new RankingRule(ranking).rank(entrants).stream().map(p -> new ConsolidatedReport.RankedUnit(p.rank(), p.unitId(), p.unitName(), p.score(),
                p.expected(), p.late(), p.rankClass())).toList();
    }

    /** Every indicator of the plan: the subtree's value and the target it was compared with; without figures, no value. */
    private static List<RankingRule.Attained> attained(PlanView plan, PlanView.ReportingPeriod period, SubtreeFigures figures) {
        return plan.plan().indicators().stream().map(i -> {
            Optional<SubtreeFigures.Figure> f = figures == null ? Optional.empty() : figures.figure(i.code());
            return f.map(x -> new RankingRule.Attained(i.code(), i.kind(), x.value(), x.target()))
                    .orElse(new RankingRule.Attained(i.code(), i.kind(), null, i.targetIn(period.periodId())));
        }).toList();
    }
}
