package vn.doan.indicatorservice.rollup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Every unit's subtree totals computed from scratch: each reporting unit's own totals count for the unit itself and for
 * each of its ancestors. What the incremental roll-up must arrive at, whatever the order its reports came in.
 */
final class SubtreeTotals {

    private SubtreeTotals() {
    }

    /**
     * @param ownByUnit   the own totals of each unit that reported
     * @param ancestorsOf a unit's ancestors in the tree of the period
     * @return the subtree totals of every unit that has a reporting unit in its subtree, by unit id
     */
    static Map<String, List<Totals>> of(Map<String, List<Totals>> ownByUnit, Function<String, List<String>> ancestorsOf) {
        Map<String, List<List<Totals>>> parts = new LinkedHashMap<>();
        ownByUnit.forEach((unitId, own) -> {
            List<String> chain = new ArrayList<>(ancestorsOf.apply(unitId));
            chain.add(unitId);
            for (String member : chain) {
                parts.computeIfAbsent(member, m -> new ArrayList<>()).add(own);
            }
        });
        Map<String, List<Totals>> subtree = new LinkedHashMap<>();
        parts.forEach((unitId, lists) -> subtree.put(unitId, Totals.sum(lists)));
        return subtree;
    }
}
