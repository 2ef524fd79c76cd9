package vn.doan.indicatorservice.rollup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import vn.doan.support.outbox.Outbox;

/**
 * Parents take their children's subtree totals: a parent holds, for each child, the child's totals as last pushed with
 * the child's revision, and takes a snapshot only if it is newer than the one it holds, so pushing the same or an older
 * snapshot again changes nothing. Each new state is announced in the write that brings it.
 */
@Component
class ParentSnapshots {

    private static final Logger log = LoggerFactory.getLogger(ParentSnapshots.class);

    private final RollupStore store;
    private final Announcer announcer;

    ParentSnapshots(RollupStore store, Announcer announcer) {
        this.store = store;
        this.announcer = announcer;
    }

    /**
     * Every parent of a level takes its children's snapshots and announces its new progress: one read and one
     * bulk write, each update conditional on the revision read. If anything else wrote one of these parents meanwhile,
     * the level is redone one parent at a time, each reading afresh (snapshots the bulk did take then read as taken).
     * Returns the parents as they now are.
     */
    List<Rollup> take(Map<String, List<Rollup>> childrenByParentKey, Lookups units) {
        if (childrenByParentKey.isEmpty()) {
            return List.of();
        }
        List<String> childIds = childrenByParentKey.values().stream().flatMap(List::stream).map(Rollup::unitId).toList();
        Map<String, Rollup> parents = store.readAll(childrenByParentKey.keySet(), childIds);
        Outbox.Bulk<Rollup> bulk = store.bulk();
        List<Rollup> result = new ArrayList<>();
        for (Map.Entry<String, List<Rollup>> entry : childrenByParentKey.entrySet()) {
            Rollup parent = parents.get(entry.getKey());
            if (parent == null) {
                result.add(announcer.insert(bulk, newParent(entry.getKey(), entry.getValue(), units), units));
                continue;
            }
            Snapshots taken = snapshots(parent, entry.getValue());
            if (taken == null) {
                result.add(parent);
                continue;
            }
            Update update = taken.update().inc("rev", 1);
            result.add(announcer.update(bulk, parent, update, parent.withSubtree(taken.subtree()), units));
        }
        if (RollupStore.allApplied(bulk)) {
            return result;
        }
        log.debug("Snapshots of a level raced with another writer; taking them one parent at a time");
        List<Rollup> oneByOne = new ArrayList<>();
        childrenByParentKey.forEach((parentKey, children) -> oneByOne.add(take(parentKey, children, units)));
        return oneByOne;
    }

    /** The parent takes each child's subtree totals that are newer than the snapshot it holds; returns it as it now is. */
    private Rollup take(String parentKey, List<Rollup> children, Lookups units) {
        List<String> childIds = children.stream().map(Rollup::unitId).toList();
        while (true) {
            Rollup parent = store.read(parentKey, childIds);
            if (parent == null) {
                Rollup created = newParent(parentKey, children, units);
                if (store.insert(created)) {
                    return created;
                }
                continue;
            }
            Snapshots taken = snapshots(parent, children);
            if (taken == null) {
                return parent;
            }
            if (store.updateAt(parent, taken.update())) {
                return parent.withSubtree(taken.subtree());
            }
        }
    }

    /** The parent drops a child's snapshot and its totals; returns it as it now is (null if it has no document). */
    Rollup leave(String parentKey, String childId) {
        while (true) {
            Rollup parent = store.read(parentKey, List.of(childId));
            Rollup.ChildSnapshot held = parent == null ? null : parent.child(childId);
            if (held == null) {
                return parent;
            }
            List<Totals> subtree = Totals.replace(parent.subtree(), held.totals(), null);
            if (store.updateAt(parent, new Update().unset("children." + childId).set("subtree", subtree))) {
                return parent.withSubtree(subtree);
            }
        }
    }

    /** A parent's first document, made of its children's snapshots. */
    private static Rollup newParent(String parentKey, List<Rollup> children, Lookups units) {
        Rollup first = children.get(0);
        Map<String, Rollup.ChildSnapshot> snapshots = new LinkedHashMap<>();
        children.forEach(c -> snapshots.put(c.unitId(), Rollup.ChildSnapshot.of(c.rev(), c.subtree())));
        String grandparent = units.required(first.parentId()).placementFor(first.periodFrom()).parentId();
        return new Rollup(parentKey, first.planId(), first.periodId(), first.periodFrom(), first.parentId(), grandparent,
                null, snapshots, Totals.sum(children.stream().map(Rollup::subtree).toList()), 1, null, null, null);
    }

    record Snapshots(Update update, List<Totals> subtree) {
    }

    /** The update that gives the parent its children's newer snapshots and the subtree they make; null if it holds them all. */
    static Snapshots snapshots(Rollup parent, List<Rollup> children) {
        Update update = new Update();
        List<Totals> subtree = parent.subtree();
        for (Rollup child : children) {
            Rollup.ChildSnapshot held = parent.child(child.unitId());
            if (held != null && held.rev() >= child.rev()) {
                continue;
            }
            subtree = Totals.replace(subtree, held == null ? null : held.totals(), child.subtree());
            update.set("children." + child.unitId(), Rollup.ChildSnapshot.of(child.rev(), child.subtree()));
        }
        return update.getUpdateObject().isEmpty() ? null : new Snapshots(update.set("subtree", subtree), subtree);
    }
}
