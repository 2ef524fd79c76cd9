package vn.doan.indicatorservice.rollup;

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
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import vn.doan.events.plan.UnitMoved;
import vn.doan.events.report.ReportReturned;
import vn.doan.events.report.ReportSubmitted;
import vn.doan.indicatorservice.replica.Plans;
import vn.doan.indicatorservice.replica.Tree;
import vn.doan.indicatorservice.replica.UnitNode;

/**
 * Moves reports up the tree, a poll's batch at a time: each unit's own values replace its previous ones
 * ({@link OwnValues}), then, deepest level first, each ancestor takes its children's new subtree totals in
 * one write, up to the root ({@link Propagation}). A hundred reports of one province cost the province one write,
 * not a hundred. Absolute values with revisions, not deltas, so duplicates, redelivery after a crash, revisions and
 * reports arriving out of order cannot skew a number; a redelivered report completes a propagation a crash
 * interrupted. Every write is conditional on the revision it was computed from, so replicas sharing an
 * ancestor retry instead of overwriting each other.
 */
@Service
public class Rollups {

    private static final Logger log = LoggerFactory.getLogger(Rollups.class);

    private final MongoTemplate mongo;
    private final Plans plans;
    private final Tree tree;
    private final OwnValues ownValues;
    private final Propagation propagation;
    private final Moves moves;
    private final Counter applied;
    private final Timer rollupTime;
    private final Timer lag;
    /** Reports and tree moves arrive on different consumer threads; one at a time keeps parent links consistent. */
    private final ReentrantLock lock = new ReentrantLock();

    Rollups(MongoTemplate mongo, Plans plans, Tree tree, OwnValues ownValues, Propagation propagation, Moves moves, MeterRegistry registry) {
        this.mongo = mongo;
        this.plans = plans;
        this.tree = tree;
        this.ownValues = ownValues;
        this.propagation = propagation;
        this.moves = moves;
        this.applied = Counter.builder("doan.progress.updates.applied").description("Reports that changed a unit's own values")
                .register(registry);
        this.rollupTime = Timer.builder("doan.progress.rollup").description("Time to move one poll's reports up the tree")
                .publishPercentileHistogram().register(registry);
        this.lag = Timer.builder("doan.progress.lag").description("From a report's submission to its roll-up at every level")
                .publishPercentileHistogram().register(registry);
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
                Placed.of(report, lookups).ifPresent(p -> latest.merge(p.key(), p, (a, b) -> a.report().version() >= b.report().version() ? a : b));
            } catch (NotYetKnown e) {
                mongo.save(new PendingReport(PendingReport.key(report), report, e.getMessage(), Instant.now()));
                log.info("Report {} v{} waits for {}", report.reportId(), report.version(), e.getMessage());
            }
        }
        applyPlaced(latest.values(), lookups);
    }

    /**
     * Applies a batch of returns: a returned version's figures leave the roll-up until a newer version is submitted (a
     * return of a version already replaced changes nothing, so returns and submissions may come in either order).
     */
    public void returned(List<ReportReturned> returns) {
        lock.lock();
        try {
            propagation.propagate(ownValues.returned(returns), Lookups.of(plans, tree));
        } finally {
            lock.unlock();
        }
    }

    @Scheduled(fixedDelayString = "${doan.progress.pending-interval:1s}")
    public void applyPending() {
        for (PendingReport pending : mongo.findAll(PendingReport.class)) {
            try {
                Lookups lookups = Lookups.of(plans, tree);
                Placed.of(pending.report(), lookups).ifPresent(p -> applyPlaced(List.of(p), lookups));
                mongo.remove(pending);
            } catch (NotYetKnown stillWaiting) {
                // tried again on the next run
            }
        }
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
                for (OwnValues.Replaced replaced : ownValues.replace(reports, lookups)) {
                    if (replaced.changed()) {
                        changed.add(replaced.submittedAt());
                    }
                    touched.add(replaced.doc());
                }
                propagation.propagate(touched, lookups);
                applied.increment(changed.size());
                Instant now = Instant.now();
                changed.forEach(submitted -> lag.record(Duration.between(submitted, now)));
            });
        } finally {
            lock.unlock();
        }
    }

    /**
     * After a move, the moved unit's progress for periods starting on or after the move's date leaves its
     * old parent and joins the new one; earlier periods keep the tree they were reported under.
     * {@code changed} are the units whose placement the move changed, the moved one first.
     */
    public void moved(UnitMoved move, List<UnitNode> changed) {
        if (changed.isEmpty()) {
            return;
        }
        lock.lock();
        try {
            moves.moved(move, changed.get(0));
        } finally {
            lock.unlock();
        }
    }
}
