package vn.doan.indicatorservice.progress;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import vn.doan.events.plan.PlanIssued;
import vn.doan.events.plan.UnitMoved;
import vn.doan.events.report.ReportSubmitted;
import vn.doan.indicatorservice.plan.PlanDefinition;
import vn.doan.indicatorservice.plan.Plans;
import vn.doan.indicatorservice.tree.Tree;
import vn.doan.indicatorservice.tree.UnitNode;

/**
 * Moves each report up the tree: the unit's own values replace its previous ones (never add to them),
 * then each ancestor takes its child's new subtree totals, up to the root. Absolute values with
 * revisions, not deltas, so duplicates, redelivery after a crash, revisions and reports arriving out of
 * order cannot skew a number; a redelivered report completes a propagation a crash interrupted.
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
        this.rollupTime = Timer.builder("doan.progress.rollup").description("Time to move one report up the tree")
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

    /**
     * Applies a report, or parks it if its plan or unit is not known yet (the topics are independent, so
     * a report can overtake its plan); parked reports are applied by {@link #applyPending()}. The
     * consumer thread never blocks waiting.
     */
    public void apply(ReportSubmitted report) {
        try {
            applyNow(report);
        } catch (NotYetKnown e) {
            mongo.save(new PendingReport(PendingReport.key(report), report, e.getMessage(), java.time.Instant.now()));
            log.info("Report {} v{} waits for {}", report.reportId(), report.version(), e.getMessage());
        }
    }

    @org.springframework.scheduling.annotation.Scheduled(fixedDelayString = "${doan.progress.pending-interval:1s}")
    public void applyPending() {
        for (PendingReport pending : mongo.findAll(PendingReport.class)) {
            try {
                applyNow(pending.report());
                mongo.remove(pending);
            } catch (NotYetKnown stillWaiting) {
                // tried again on the next run
            }
        }
    }

    private void applyNow(ReportSubmitted report) {
        PlanDefinition plan = plans.find(report.planId()).orElseThrow(() -> new NotYetKnown("plan " + report.planId()));
        PlanIssued.ReportingPeriod period = plan.period(report.periodId()).orElse(null);
        if (period == null) {
            log.warn("Report {} names period {} that plan {} no longer has; ignored", report.reportId(), report.periodId(), report.planId());
            return;
        }
        UnitNode unit = tree.find(report.unitId()).orElseThrow(() -> new NotYetKnown("unit " + report.unitId()));
        UnitNode.Placement placement = unit.placementFor(period.from());
        for (String ancestor : placement.ancestorIds()) {
            tree.find(ancestor).orElseThrow(() -> new NotYetKnown("ancestor " + ancestor));
        }
        Rollup.Own own = new Rollup.Own(report.reportId(), report.version(), report.values(), report.submittedAt(), report.daysLate(),
                Contribution.of(plan.plan(), period, unit.level(), report));
        String id = Rollup.key(report.planId(), report.periodId(), report.unitId());
        lock.lock();
        try {
            rollupTime.record(() -> {
                Criteria older = new Criteria().orOperator(Criteria.where("own").is(null), Criteria.where("own.version").lt(report.version()));
                Rollup changed = upsertIf(id, older, new Update().set("own", own), report.planId(), report.periodId(), period.from(),
                        report.unitId(), placement.parentId());
                if (changed != null) {
                    applied.increment();
                }
                propagate(changed != null ? changed : mongo.findById(id, Rollup.class));
                if (changed != null) {
                    lag.record(java.time.Duration.between(report.submittedAt(), java.time.Instant.now()));
                }
            });
        } finally {
            lock.unlock();
        }
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
            for (Rollup doc : mongo.find(affected, Rollup.class)) {
                String newParent = unit.placementFor(doc.periodFrom()).parentId();
                if (java.util.Objects.equals(newParent, doc.parentId())) {
                    propagate(doc);
                    continue;
                }
                Rollup rehomed = mongo.findAndModify(Query.query(Criteria.where("_id").is(doc.id())),
                        new Update().set("parentId", newParent).inc("rev", 1), FindAndModifyOptions.options().returnNew(true), Rollup.class);
                if (doc.parentId() != null) {
                    String oldParentKey = Rollup.key(doc.planId(), doc.periodId(), doc.parentId());
                    Rollup oldParent = mongo.findAndModify(Query.query(Criteria.where("_id").is(oldParentKey)),
                            new Update().unset("children." + unit.id()).inc("rev", 1), FindAndModifyOptions.options().returnNew(true), Rollup.class);
                    propagate(oldParent);
                }
                propagate(rehomed);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Pushes a node's subtree totals to its parent, and so on to the root, each step only if newer. */
    void propagate(Rollup node) {
        announcer.announce(node);
        while (node != null && node.parentId() != null) {
            String parentKey = Rollup.key(node.planId(), node.periodId(), node.parentId());
            String slot = "children." + node.unitId();
            Criteria older = new Criteria().orOperator(Criteria.where(slot).exists(false), Criteria.where(slot + ".rev").lt(node.rev()));
            LocalDate periodFrom = node.periodFrom();
            String grandparent = tree.find(node.parentId()).map(p -> p.placementFor(periodFrom).parentId()).orElse(null);
            Rollup parent = upsertIf(parentKey, older, new Update().set(slot, new Rollup.ChildSnapshot(node.rev(), node.subtree())),
                    node.planId(), node.periodId(), node.periodFrom(), node.parentId(), grandparent);
            node = parent != null ? parent : mongo.findById(parentKey, Rollup.class);
            announcer.announce(node);
        }
    }

    /** Applies {@code change} if the document is missing or matches {@code condition}; returns it, or null if it was newer. */
    private Rollup upsertIf(String id, Criteria condition, Update change, String planId, String periodId, LocalDate periodFrom,
            String unitId, String parentId) {
        change.inc("rev", 1).setOnInsert("planId", planId).setOnInsert("periodId", periodId).setOnInsert("periodFrom", periodFrom)
                .setOnInsert("unitId", unitId).setOnInsert("parentId", parentId);
        try {
            return mongo.findAndModify(Query.query(Criteria.where("_id").is(id).andOperator(condition)), change,
                    FindAndModifyOptions.options().upsert(true).returnNew(true), Rollup.class);
        } catch (DuplicateKeyException alreadyNewer) {
            return null;
        }
    }
}
