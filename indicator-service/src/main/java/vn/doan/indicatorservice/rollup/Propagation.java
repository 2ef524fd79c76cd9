package vn.doan.indicatorservice.rollup;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Pushes subtree totals up the tree, deepest nodes first, so that an ancestor shared by many nodes takes all their
 * snapshots in one write; and so on to the root.
 */
@Component
class Propagation {

    private final ParentSnapshots snapshots;
    private final Announcer announcer;

    Propagation(ParentSnapshots snapshots, Announcer announcer) {
        this.snapshots = snapshots;
        this.announcer = announcer;
    }

    /**
     * Each node's parent takes its subtree totals, level by level up to the root. Every node touched is announced, in
     * the write that changes it unless that write had to be redone after a race (then here, before its parent moves).
     */
    void propagate(Collection<Rollup> nodes, Lookups units) {
        Map<String, Rollup> waiting = new LinkedHashMap<>();
        nodes.forEach(n -> waiting.put(n.id(), n));
        while (!waiting.isEmpty()) {
            int deepest = waiting.values().stream().mapToInt(units::depth).max().orElseThrow();
            List<Rollup> level = waiting.values().stream().filter(n -> units.depth(n) == deepest).toList();
            level.forEach(n -> waiting.remove(n.id()));
            announcer.announce(level, units);
            Map<String, List<Rollup>> byParent = new LinkedHashMap<>();
            for (Rollup node : level) {
                if (node.parentId() != null) {
                    byParent.computeIfAbsent(node.parentKey(), k -> new ArrayList<>()).add(node);
                }
            }
            snapshots.take(byParent, units).forEach(parent -> waiting.put(parent.id(), parent));
        }
    }
}
