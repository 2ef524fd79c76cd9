package vn.doan.support.tree;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Who ever stood under whom in a service's copy of the tree, held in memory for the walks a dashboard makes (a unit's
 * children, every unit below it) so that each is a read of units by id, not a search of the whole tree: MongoDB answers
 * that search with an index on the placements' parents, the local stack's server, which has no index on an array, by
 * reading all ≈300,000 units. Built from one read of the parents of every unit's placements, for the tree
 * {@code version} it was read at; it lists every unit that stood under a parent in any placement, and callers judge each
 * one for a period by its {@code UnitPlacements}.
 */
public final class ChildrenIndex {

    private final long version;
    private final Map<String, List<String>> children;

    private ChildrenIndex(long version, Map<String, List<String>> children) {
        this.version = version;
        this.children = children;
    }

    /** A unit and the parents of its placements (null for a root). */
    public record Unit(String id, List<String> parentIds) {
    }

    public static ChildrenIndex of(long version, Stream<Unit> units) {
        Map<String, List<String>> children = new HashMap<>();
        units.forEach(unit -> unit.parentIds().stream().filter(p -> p != null).distinct()
                .forEach(parent -> children.computeIfAbsent(parent, p -> new ArrayList<>(4)).add(unit.id())));
        return new ChildrenIndex(version, children);
    }

    public long version() {
        return version;
    }

    /** The units that stood directly under {@code parentId} in some placement. */
    public List<String> children(String parentId) {
        return children.getOrDefault(parentId, List.of());
    }

    /** {@code rootId} and every unit that stood below it in some placement, the root first. */
    public List<String> atOrBelow(String rootId) {
        List<String> found = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Deque<String> next = new ArrayDeque<>(List.of(rootId));
        while (!next.isEmpty()) {
            String unit = next.poll();
            if (seen.add(unit)) {
                found.add(unit);
                next.addAll(children(unit));
            }
        }
        return found;
    }
}
