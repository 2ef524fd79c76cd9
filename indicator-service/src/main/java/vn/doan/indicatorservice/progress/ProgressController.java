package vn.doan.indicatorservice.progress;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ProgressController {

    private final ProgressQuery query;
    private final Reconciliation reconciliation;

    ProgressController(ProgressQuery query, Reconciliation reconciliation) {
        this.query = query;
        this.reconciliation = reconciliation;
    }

    /** A unit's dashboard: every indicator's target, the unit's own value and its whole subtree's, with status. */
    @GetMapping("/api/progress/{planId}/{periodId}/units/{unitId}")
    ProgressQuery.UnitProgress unit(@PathVariable String planId, @PathVariable String periodId, @PathVariable String unitId) {
        return query.unit(planId, periodId, unitId);
    }

    /** The same for each direct child of the unit, in the tree that counts for the period. */
    @GetMapping("/api/progress/{planId}/{periodId}/units/{unitId}/children")
    List<ProgressQuery.UnitProgress> children(@PathVariable String planId, @PathVariable String periodId, @PathVariable String unitId) {
        return query.children(planId, periodId, unitId);
    }

    /** Recomputes the period from stored values and compares with the incremental totals; {@code repair=true} fixes them. */
    @PostMapping("/api/admin/reconcile/{planId}/{periodId}")
    Reconciliation.Result reconcile(@PathVariable String planId, @PathVariable String periodId,
            @RequestParam(defaultValue = "false") boolean repair) {
        return reconciliation.run(planId, periodId, repair);
    }
}
