package vn.doan.indicatorservice.rollup;

import java.util.List;
import java.util.Objects;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import vn.doan.events.plan.UnitMoved;
import vn.doan.indicatorservice.replica.Plans;
import vn.doan.indicatorservice.replica.Tree;
import vn.doan.indicatorservice.replica.UnitNode;

/**
 * A unit moved: its progress for periods starting on or after the move's date leaves its old parent and joins the new
 * one; earlier periods keep the tree they were reported under.
 */
@Component
class Moves {

    private final RollupStore store;
    private final ParentSnapshots snapshots;
    private final Propagation propagation;
    private final Plans plans;
    private final Tree tree;

    Moves(RollupStore store, ParentSnapshots snapshots, Propagation propagation, Plans plans, Tree tree) {
        this.store = store;
        this.snapshots = snapshots;
        this.propagation = propagation;
        this.plans = plans;
        this.tree = tree;
    }

    /** Re-homes the moved unit's documents ({@code unit}, as the tree now places it) of the periods the move affects. */
    void moved(UnitMoved move, UnitNode unit) {
        for (Rollup doc : store.periodsFrom(unit.id(), move.effectiveFrom())) {
            String newParent = unit.placementFor(doc.periodFrom()).parentId();
            if (Objects.equals(newParent, doc.parentId())) {
                propagation.propagate(List.of(doc), Lookups.of(plans, tree));
                continue;
            }
            if (doc.parentId() != null) {
                propagation.propagate(List.of(snapshots.leave(doc.parentKey(), unit.id())), Lookups.of(plans, tree));
            }
            propagation.propagate(List.of(rehome(doc, newParent)), Lookups.of(plans, tree));
        }
    }

    private Rollup rehome(Rollup doc, String newParent) {
        Rollup current = doc;
        while (!store.updateAt(current, new Update().set("parentId", newParent))) {
            current = store.read(doc.id());
        }
        return current.withParent(newParent);
    }
}
