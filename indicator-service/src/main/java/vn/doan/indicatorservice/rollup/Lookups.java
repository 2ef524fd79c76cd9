package vn.doan.indicatorservice.rollup;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.doan.indicatorservice.replica.PlanDefinition;
import vn.doan.indicatorservice.replica.Plans;
import vn.doan.indicatorservice.replica.Tree;
import vn.doan.indicatorservice.replica.UnitNode;

/** Plans and units read once for a whole batch of reports instead of once per report and level. */
final class Lookups {

    private final Plans plans;
    private final Tree tree;
    private final Map<String, Optional<PlanDefinition>> planById = new HashMap<>();
    private final Map<String, Optional<UnitNode>> unitById = new HashMap<>();
    private Long treeVersion;

    private Lookups(Plans plans, Tree tree) {
        this.plans = plans;
        this.tree = tree;
    }

    static Lookups of(Plans plans, Tree tree) {
        return new Lookups(plans, tree);
    }

    /** Reads the units and, in a second query, all their ancestors. */
    Lookups withUnits(Collection<String> unitIds) {
        load(unitIds);
        load(unitIds.stream().flatMap(id -> unitById.get(id).stream()).flatMap(u -> u.placements().stream())
                .flatMap(p -> p.ancestorIds().stream()).distinct().toList());
        return this;
    }

    private void load(Collection<String> ids) {
        List<String> missing = ids.stream().filter(id -> !unitById.containsKey(id)).distinct().toList();
        if (!missing.isEmpty()) {
            missing.forEach(id -> unitById.put(id, Optional.empty()));
            tree.findAll(missing).forEach(unit -> unitById.put(unit.id(), Optional.of(unit)));
        }
    }

    Optional<PlanDefinition> plan(String planId) {
        return planById.computeIfAbsent(planId, plans::find);
    }

    Optional<UnitNode> unit(String unitId) {
        return unitById.computeIfAbsent(unitId, tree::find);
    }

    /** The unit, which a report's placement needs before anything is written. */
    UnitNode required(String unitId) {
        return unit(unitId).orElseThrow(() -> new NotYetKnown("unit " + unitId));
    }

    /** How many units the plan's period expects a report from in the unit's subtree (the tree's version read once per batch). */
    int expected(PlanDefinition plan, PlanDefinition.Period period, String unitId) {
        if (treeVersion == null) {
            treeVersion = tree.version();
        }
        return tree.expectedCount(plan, period, required(unitId), treeVersion);
    }

    /** How many ancestors the node's unit has in the tree of its period. */
    int depth(Rollup node) {
        return required(node.unitId()).placementFor(node.periodFrom()).ancestorIds().size();
    }
}
