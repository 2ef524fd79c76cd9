package vn.doan.indicatorservice.progress;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import vn.doan.events.plan.PlanIssued;
import vn.doan.events.plan.UnitMoved;
import vn.doan.events.report.ReportSubmitted;
import vn.doan.indicatorservice.plan.PlanDefinition;
import vn.doan.indicatorservice.plan.Plans;
import vn.doan.indicatorservice.tree.Tree;
import vn.doan.indicatorservice.tree.UnitNode;

/**
 * Moves reports up the tree, a poll's batch at a time: each unit's own values replace its previous ones
 * (never add to them), then, deepest level first, each ancestor takes its children's new subtree totals in
 * one write, up to the root. A hundred reports of one province cost the province one write, not a hundred.
 * Absolute values with revisions, not deltas, so duplicates, redelivery after a crash, revisions and
 * reports arriving out of order cannot skew a number; a redelivered report completes a propagation a crash
 * interrupted. Every write is conditional on the revision it was computed from, so replicas sharing an
 * ancestor retry instead of overwriting each other.
 */
@Service
public class RollupService {

    private static final Logger log = LoggerFactory.getLogger(RollupService.class);

    private final MongoTemplate mongo;
    private final Plans plans;
    private final Tree tree;
    private final Announcer announcer;
    private final Counter applied;
    private final Timer rollupTime;
    private final Timer lag;
    /** Reports and tree moves arrive on different consumer threads; one at a time keeps parent links consistent. */
    private final ReentrantLock lock = new ReentrantLock();

    RollupService(MongoTemplate mongo, Plans plans, Tree tree, Announcer announcer, MeterRegistry registry) {
        this.mongo = mongo;
        this.plans = plans;
        this.tree = tree;
        this.announcer = announcer;
        this.applied = Counter.builder("doan.progress.updates.applied").description("Reports that changed a unit's own values")
                .register(registry);
        this.rollupTime = Timer.builder("doan.progress.rollup").description("Time to move one poll's reports up the tree")
                .publishPercentileHistogram().register(registry);
        this.lag = Timer.builder("doan.progress.lag").description("From a report's submission to its roll-up at every level")
                .publishPercentileHistogram().register(registry);
    }

    /** The report's plan or unit has not arrived yet. */
    static class NotYetKnown extends RuntimeException {
        NotYetKnown(String message) {
            super(message, null, false, false);
        }
    }

    /** A report with what it needs from the plan and the tree. */
    private record Placed(ReportSubmitted report, PlanDefinition plan, PlanIssued.ReportingPeriod period, UnitNode unit,
            UnitNode.Placement placement) {

        String key() {
            return Rollup.key(report.planId(), report.periodId(), report.unitId());
        }
    }

    /**
     * Applies a batch of reports; a report whose plan or unit is not known yet (the topics are independent,
     * so a report can overtake its plan) is parked and applied by {@link #applyPending()}. The consumer
     * thread never blocks waiting.
     */
    public void apply(List<ReportSubmitted> reports) {
        Lookups lookups = Lookups.of(plans, tree).withUnits(reports.stream().map(ReportSubmitted::unitId).toList());
        Map<String, Placed> latest = new LinkedHashMap<>();
        for (ReportSubmitted report : reports) {
            try {
                place(report, lookups).ifPresent(p -> latest.merge(p.key(), p, (a, b) -> a.report().version() >= b.report().version() ? a : b));
            } catch (NotYetKnown e) {
                mongo.save(new PendingReport(PendingReport.key(report), report, e.getMessage(), Instant.now()));
                log.info("Report {} v{} waits for {}", report.reportId(), report.version(), e.getMessage());
            }
        }
        applyPlaced(latest.values(), lookups);
    }

    @Scheduled(fixedDelayString = "${doan.progress.pending-interval:1s}")
    public void applyPending() {
        for (PendingReport pending : mongo.findAll(PendingReport.class)) {
            try {
                Lookups lookups = Lookups.of(plans, tree);
                place(pending.report(), lookups).ifPresent(p -> applyPlaced(List.of(p), lookups));
                mongo.remove(pending);
            } catch (NotYetKnown stillWaiting) {
                // tried again on the next run
            }
        }
    }

    private java.util.Optional<Placed> place(ReportSubmitted report, Lookups lookups) {
        PlanDefinition plan = lookups.plan(report.planId()).orElseThrow(() -> new NotYetKnown("plan " + report.planId()));
        PlanIssued.ReportingPeriod period = plan.period(report.periodId()).orElse(null);
        if (period == null) {
            log.warn("Report {} names period {} that plan {} no longer has; ignored", report.reportId(), report.periodId(), report.planId());
            return java.util.Optional.empty();
        }
        UnitNode unit = lookups.unit(report.unitId()).orElseThrow(() -> new NotYetKnown("unit " + report.unitId()));
        UnitNode.Placement placement = unit.placementFor(period.from());
        for (String ancestor : placement.ancestorIds()) {
            lookups.unit(ancestor).orElseThrow(() -> new NotYetKnown("ancestor " + ancestor));
        }
        return java.util.Optional.of(new Placed(report, plan, period, unit, placement));
    }

    private void applyPlaced(Collection<Placed> reports, Lookups lookups) {
        if (reports.isEmpty()) {
            return;
        }
        lock.lock();
        try {
            rollupTime.record(() -> {
                List<Rollup> touched = new ArrayList<>();
                List<Instant> changed = new ArrayList<>();
                for (Replaced replaced : replaceOwn(reports, lookups)) {
                    if (replaced.changed()) {
                        changed.add(replaced.submittedAt());
                    }
                    touched.add(replaced.doc());
                }
                propagate(touched, lookups);
                applied.increment(changed.size());
                Instant now = Instant.now();
                changed.forEach(submitted -> lag.record(Duration.between(submitted, now)));
            });
        } finally {
            lock.unlock();
        }
    }

    private record Replaced(Rollup doc, boolean changed, Instant submittedAt) {
    }

    /**
     * Replaces the own values of a whole batch and announces the new progress: one read and one bulk write, each
     * update conditional on the revision read. If anything else wrote one of these documents meanwhile, the batch
     * is redone one report at a time, each reading afresh (what the bulk did apply then reads as already applied).
     */
    private List<Replaced> replaceOwn(Collection<Placed> batch, Lookups lookups) {
        Map<String, Rollup> docs = mongo.find(Rollup.lean(Query.query(Criteria.where("_id").in(batch.stream().map(Placed::key).toList())),
                List.of()), Rollup.class).stream().collect(java.util.stream.Collectors.toMap(Rollup::id, d -> d));
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Rollup.class);
        List<Replaced> result = new ArrayList<>();
        int writes = 0;
        for (Placed placed : batch) {
            Rollup.Own own = own(placed);
            Rollup doc = docs.get(placed.key());
            Instant submitted = placed.report().submittedAt();
            if (doc == null) {
                Rollup created = announced(created(placed, own), lookups);
                bulk.insert(created);
                result.add(new Replaced(created, true, submitted));
                writes++;
            } else if (doc.own() != null && doc.own().version() >= own.version()) {
                result.add(new Replaced(doc, false, submitted));
            } else {
                List<Totals> subtree = Totals.replace(doc.subtree(), doc.ownTotals(), own.totals());
                Update update = new Update().set("own", own).set("subtree", subtree).inc("rev", 1);
                Rollup after = announcedIn(update, doc.withOwn(own, subtree), lookups);
                bulk.updateOne(Query.query(Criteria.where("_id").is(doc.id()).and("rev").is(doc.rev())), update);
                result.add(new Replaced(after, true, submitted));
                writes++;
            }
        }
        boolean applied = allApplied(bulk, writes);
        // after the write: a relay run between naming and writing would find nothing to send, and forget the name
        announcer.wake(result.stream().filter(Replaced::changed).map(Replaced::doc).toList());
        if (applied) {
            return result;
        }
        log.debug("Own values of a batch raced with another writer; applying one by one");
        return batch.stream().map(this::replaceOwn).toList();
    }

    private static Rollup.Own own(Placed placed) {
        ReportSubmitted report = placed.report();
        return new Rollup.Own(report.reportId(), report.version(), report.values(), report.submittedAt(), report.daysLate(),
                Contribution.of(placed.plan().plan(), placed.period(), placed.unit().level(), report));
    }

    private static Rollup created(Placed placed, Rollup.Own own) {
        ReportSubmitted report = placed.report();
        return new Rollup(placed.key(), report.planId(), report.periodId(), placed.period().from(), report.unitId(),
                placed.placement().parentId(), own, Map.of(), own.totals(), 1, null, null, null, List.of());
    }

    /** Replaces the unit's own values if the report is newer than those in force; returns the document as it now is. */
    private Replaced replaceOwn(Placed placed) {
        Rollup.Own own = own(placed);
        Instant submitted = placed.report().submittedAt();
        while (true) {
            Rollup doc = read(placed.key());
            if (doc == null) {
                Rollup created = created(placed, own);
                if (insert(created)) {
                    return new Replaced(created, true, submitted);
                }
                continue;
            }
            if (doc.own() != null && doc.own().version() >= own.version()) {
                return new Replaced(doc, false, submitted);
            }
            List<Totals> subtree = Totals.replace(doc.subtree(), doc.ownTotals(), own.totals());
            if (updateAt(doc, new Update().set("own", own).set("subtree", subtree))) {
                return new Replaced(doc.withOwn(own, subtree), true, submitted);
            }
        }
    }

    /**
     * Pushes each node's subtree totals to its parent, deepest nodes first, so that an ancestor shared by
     * many nodes of the batch takes all their snapshots in one write; and so on to the root. Every node
     * touched is announced, in the write that changes it unless that write had to be redone after a race.
     */
    void propagate(Collection<Rollup> nodes, Lookups units) {
        Map<String, Rollup> waiting = new LinkedHashMap<>();
        nodes.forEach(n -> waiting.put(n.id(), n));
        while (!waiting.isEmpty()) {
            int deepest = waiting.values().stream().mapToInt(n -> depth(n, units)).max().orElseThrow();
            List<Rollup> level = waiting.values().stream().filter(n -> depth(n, units) == deepest).toList();
            level.forEach(n -> waiting.remove(n.id()));
            announcer.announce(level, units);
            Map<String, List<Rollup>> byParent = new LinkedHashMap<>();
            for (Rollup node : level) {
                if (node.parentId() != null) {
                    byParent.computeIfAbsent(Rollup.key(node.planId(), node.periodId(), node.parentId()), k -> new ArrayList<>()).add(node);
                }
            }
            takeSnapshots(byParent, units).forEach(parent -> waiting.put(parent.id(), parent));
        }
    }

    /**
     * Every parent of a level takes its children's snapshots and announces its new progress: one read and one
     * bulk write, each update conditional on the revision read. If anything else wrote one of these parents meanwhile, the level is
     * redone one parent at a time, each reading afresh (snapshots the bulk did take then read as taken).
     */
    private List<Rollup> takeSnapshots(Map<String, List<Rollup>> byParent, Lookups units) {
        if (byParent.isEmpty()) {
            return List.of();
        }
        List<String> childIds = byParent.values().stream().flatMap(List::stream).map(Rollup::unitId).toList();
        Map<String, Rollup> parents = mongo.find(Rollup.lean(Query.query(Criteria.where("_id").in(byParent.keySet())), childIds), Rollup.class)
                .stream().collect(java.util.stream.Collectors.toMap(Rollup::id, d -> d));
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Rollup.class);
        List<Rollup> result = new ArrayList<>();
        List<Rollup> written = new ArrayList<>();
        for (Map.Entry<String, List<Rollup>> entry : byParent.entrySet()) {
            Rollup parent = parents.get(entry.getKey());
            if (parent == null) {
                Rollup created = announced(newParent(entry.getKey(), entry.getValue(), units), units);
                bulk.insert(created);
                result.add(created);
                written.add(created);
                continue;
            }
            Snapshots taken = snapshots(parent, entry.getValue());
            if (taken == null) {
                result.add(parent);
                continue;
            }
            Update update = taken.update().inc("rev", 1);
            Rollup after = announcedIn(update, parent.withSubtree(taken.subtree()), units);
            bulk.updateOne(Query.query(Criteria.where("_id").is(parent.id()).and("rev").is(parent.rev())), update);
            result.add(after);
            written.add(after);
        }
        boolean applied = allApplied(bulk, written.size());
        announcer.wake(written);
        if (applied) {
            return result;
        }
        log.debug("Snapshots of a level raced with another writer; taking them one parent at a time");
        List<Rollup> oneByOne = new ArrayList<>();
        byParent.forEach((parentKey, children) -> oneByOne.add(takeSnapshots(parentKey, children, units)));
        return oneByOne;
    }

    /** The parent takes each child's subtree totals that are newer than the snapshot it holds; returns it as it now is. */
    private Rollup takeSnapshots(String parentKey, List<Rollup> children, Lookups units) {
        List<String> childIds = children.stream().map(Rollup::unitId).toList();
        while (true) {
            Rollup parent = mongo.findOne(Rollup.lean(Query.query(Criteria.where("_id").is(parentKey)), childIds), Rollup.class);
            if (parent == null) {
                Rollup created = newParent(parentKey, children, units);
                if (insert(created)) {
                    return created;
                }
                continue;
            }
            Snapshots taken = snapshots(parent, children);
            if (taken == null) {
                return parent;
            }
            if (updateAt(parent, taken.update())) {
                return parent.withSubtree(taken.subtree());
            }
        }
    }

    /** A new document with the announcement of its progress (when it can be viewed) in it. */
    private Rollup announced(Rollup created, Lookups lookups) {
        return announcer.of(created, lookups).map(announcement -> announcement.on(created)).orElse(created);
    }

    /** {@code update}, which brings a document to {@code after}, also announces {@code after}'s progress; returns it as announced. */
    private Rollup announcedIn(Update update, Rollup after, Lookups lookups) {
        return announcer.of(after, lookups).map(announcement -> {
            announcement.into(update);
            return announcement.on(after);
        }).orElse(after);
    }

    /** A parent's first document, made of its children's snapshots. */
    private static Rollup newParent(String parentKey, List<Rollup> children, Lookups units) {
        Rollup first = children.get(0);
        Map<String, Rollup.ChildSnapshot> snapshots = new LinkedHashMap<>();
        children.forEach(c -> snapshots.put(c.unitId(), Rollup.ChildSnapshot.of(c.rev(), c.subtree())));
        String grandparent = unit(first.parentId(), units).placementFor(first.periodFrom()).parentId();
        return new Rollup(parentKey, first.planId(), first.periodId(), first.periodFrom(), first.parentId(), grandparent,
                null, snapshots, Totals.sum(children.stream().map(Rollup::subtree).toList()), 1, null, null, null, List.of());
    }

    private record Snapshots(Update update, List<Totals> subtree) {
    }

    /** The update that gives the parent its children's newer snapshots and the subtree they make; null if it holds them all. */
    private static Snapshots snapshots(Rollup parent, List<Rollup> children) {
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

    /**
     * After a move, the moved unit's progress for periods starting on or after the move's date leaves its
     * old parent and joins the new one; earlier periods keep the tree they were reported under.
     */
    public void moved(UnitMoved move, List<UnitNode> changed) {
        if (changed.isEmpty()) {
            return;
        }
        UnitNode unit = changed.get(0);
        lock.lock();
        try {
            Query affected = Query.query(Criteria.where("unitId").is(unit.id()).and("periodFrom").gte(move.effectiveFrom()));
            for (Rollup doc : mongo.find(Rollup.lean(affected, List.of()), Rollup.class)) {
                String newParent = unit.placementFor(doc.periodFrom()).parentId();
                if (Objects.equals(newParent, doc.parentId())) {
                    propagate(List.of(doc), Lookups.of(plans, tree));
                    continue;
                }
                if (doc.parentId() != null) {
                    propagate(List.of(leave(Rollup.key(doc.planId(), doc.periodId(), doc.parentId()), unit.id())), Lookups.of(plans, tree));
                }
                propagate(List.of(rehome(doc, newParent)), Lookups.of(plans, tree));
            }
        } finally {
            lock.unlock();
        }
    }

    /** The parent drops a child's snapshot and its totals. */
    private Rollup leave(String parentKey, String childId) {
        while (true) {
            Rollup parent = mongo.findOne(Rollup.lean(Query.query(Criteria.where("_id").is(parentKey)), List.of(childId)), Rollup.class);
            Rollup.ChildSnapshot held = parent == null ? null : parent.child(childId);
            if (held == null) {
                return parent;
            }
            List<Totals> subtree = Totals.replace(parent.subtree(), held.totals(), null);
            if (updateAt(parent, new Update().unset("children." + childId).set("subtree", subtree))) {
                return parent.withSubtree(subtree);
            }
        }
    }

    private Rollup rehome(Rollup doc, String newParent) {
        Rollup current = doc;
        while (!updateAt(current, new Update().set("parentId", newParent))) {
            current = read(doc.id());
        }
        return current.withParent(newParent);
    }

    private Rollup read(String key) {
        return mongo.findOne(Rollup.lean(Query.query(Criteria.where("_id").is(key)), List.of()), Rollup.class);
    }

    /** Runs {@code writes} conditional writes in one bulk; false if any found its document moved on or already there. */
    private static boolean allApplied(BulkOperations bulk, int writes) {
        if (writes == 0) {
            return true;
        }
        try {
            com.mongodb.bulk.BulkWriteResult written = bulk.execute();
            return written.getInsertedCount() + written.getModifiedCount() == writes;
        } catch (org.springframework.data.mongodb.BulkOperationException raced) {
            return false;
        }
    }

    /** Applies {@code change} and increments the revision if the document is still at the revision it was read at. */
    private boolean updateAt(Rollup doc, Update change) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(doc.id()).and("rev").is(doc.rev())), change.inc("rev", 1), Rollup.class)
                .getModifiedCount() == 1;
    }

    private boolean insert(Rollup doc) {
        try {
            mongo.insert(doc);
            return true;
        } catch (DuplicateKeyException anotherWriterWasFirst) {
            return false;
        }
    }

    /** How many ancestors the node's unit has in the tree of its period. */
    private int depth(Rollup node, Lookups units) {
        return unit(node.unitId(), units).placementFor(node.periodFrom()).ancestorIds().size();
    }

    private static UnitNode unit(String unitId, Lookups units) {
        return units.unit(unitId).orElseThrow(() -> new NotYetKnown("unit " + unitId));
    }
}
