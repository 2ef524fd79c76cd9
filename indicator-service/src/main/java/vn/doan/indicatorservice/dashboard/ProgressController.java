package vn.doan.indicatorservice.dashboard;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.doan.indicatorservice.rollup.Reconciliation;

@RestController
class ProgressController {

    private final ProgressQuery query;
    private final Standing standing;
    private final Reconciliation reconciliation;

    ProgressController(ProgressQuery query, Standing standing, Reconciliation reconciliation) {
        this.query = query;
        this.standing = standing;
        this.reconciliation = reconciliation;
    }

    /** Expected, submitted, on time, late and missing reports in the unit's subtree, with who is missing. */
    @GetMapping("/api/progress/{planId}/{periodId}/units/{unitId}/completeness")
    ProgressQuery.Completeness completeness(@PathVariable String planId, @PathVariable String periodId, @PathVariable String unitId) {
        return query.completeness(planId, periodId, unitId);
    }

    /** The unit's direct children ranked for the emulation ("thi đua"); the rule is event-contracts' RankingRule. */
    @GetMapping("/api/progress/{planId}/{periodId}/units/{unitId}/ranking")
    List<Standing.Ranked> ranking(@PathVariable String planId, @PathVariable String periodId, @PathVariable String unitId) {
        return standing.ranking(planId, periodId, unitId);
    }

    /** Indicators at risk or off track in the unit's subtree, worst first. */
    @GetMapping("/api/progress/{planId}/{periodId}/units/{unitId}/behind")
    List<Standing.Behind> behind(@PathVariable String planId, @PathVariable String periodId, @PathVariable String unitId) {
        return standing.behind(planId, periodId, unitId);
    }

    /**
     * The unit's dashboard, its direct children's, the indicators behind and the ranking in one answer: a dashboard page's
     * four parts, each read once (the unit's document serves its dashboard and what is behind, the children's their rows and
     * the ranking).
     */
    @GetMapping("/api/progress/{planId}/{periodId}/units/{unitId}/dashboard")
    Standing.Dashboard dashboard(@PathVariable String planId, @PathVariable String periodId, @PathVariable String unitId) {
        return standing.dashboard(planId, periodId, unitId);
    }

    /** The unit's dashboard for every period of the plan. */
    @GetMapping("/api/progress/{planId}/units/{unitId}/history")
    List<ProgressQuery.UnitProgress> history(@PathVariable String planId, @PathVariable String unitId) {
        return query.history(planId, unitId);
    }

    /** A unit's dashboard: every indicator's target, the unit's own value and its whole subtree's, with status. */
    @GetMapping("/api/progress/{planId}/{periodId}/units/{unitId}")
    ProgressQuery.UnitProgress unit(@PathVariable String planId, @PathVariable String periodId, @PathVariable String unitId) {
        return query.unit(planId, periodId, unitId);
    }

    /**
     * The same for each direct child of the unit, in the tree that counts for the period (the subtree table);
     * with {@code indicator}, that one indicator across all children.
     */
    @GetMapping("/api/progress/{planId}/{periodId}/units/{unitId}/children")
    List<ProgressQuery.UnitProgress> children(@PathVariable String planId, @PathVariable String periodId, @PathVariable String unitId,
            @RequestParam(required = false) String indicator) {
        return query.children(planId, periodId, unitId, indicator);
    }

    /** Recomputes the period from stored values and compares with the incremental totals; {@code repair=true} fixes them. */
    @PostMapping("/api/admin/reconcile/{planId}/{periodId}")
    Reconciliation.Result reconcile(@PathVariable String planId, @PathVariable String periodId,
            @RequestParam(defaultValue = "false") boolean repair) {
        return reconciliation.run(planId, periodId, repair);
    }
}
