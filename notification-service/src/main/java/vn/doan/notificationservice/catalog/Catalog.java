package vn.doan.notificationservice.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import vn.doan.events.indicator.IndicatorOffTrack;
import vn.doan.events.indicator.TargetAchieved;
import vn.doan.events.plan.PlanClosed;
import vn.doan.events.plan.PlanIssued;
import vn.doan.events.plan.UnitCreated;
import vn.doan.events.plan.UnitDissolved;
import vn.doan.events.plan.UnitLevel;
import vn.doan.events.plan.UnitMoved;
import vn.doan.events.plan.UnitRenamed;
import vn.doan.events.report.ReportSubmitted;
import vn.doan.support.security.UnitTree;

/**
 * What notification-service knows, learnt from events only: units, plans in force, who has submitted
 * which period, and which indicators are off track. Every update is idempotent.
 */
@Service
public class Catalog implements UnitTree {

    @Document("units")
    public record Unit(@Id String id, String name, UnitLevel level, String parentId, List<String> ancestorIds, boolean active) {
    }

    @Document("plans")
    public record Plan(@Id String id, int version, boolean closed, PlanIssued plan) {
    }

    @Document("submissions")
    public record Submission(@Id String id, String planId, String periodId, String unitId) {

        static String key(String planId, String periodId, String unitId) {
            return planId + "|" + periodId + "|" + unitId;
        }
    }

    /** An indicator of a unit's subtree that is off track now (removed when the target is achieved). */
    @Document("offtrack")
    public record OffTrack(@Id String id, String planId, String periodId, String unitId, String indicatorCode, String department,
            BigDecimal value, BigDecimal target, Instant at) {

        static String key(String planId, String periodId, String unitId, String indicatorCode) {
            return planId + "|" + periodId + "|" + unitId + "|" + indicatorCode;
        }
    }

    static final long PLAN_CACHE_MILLIS = 5_000;

    private static final int BATCH = 2_000;
    private final MongoTemplate mongo;
    private final Map<String, CachedPlan> plans = new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicReference<PlansByIssuer> inForce = new AtomicReference<>(PlansByIssuer.dropped());

    Catalog(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Stores a run of new units in one bulk write. Each is inserted only if unknown, so a redelivered event changes
     * nothing; ordered, so that of two events for one unit the first counts, as when they came one by one.
     */
    void unitsCreated(List<UnitCreated> events) {
        if (events.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.ORDERED, Unit.class);
        for (UnitCreated e : events) {
            bulk.upsert(Query.query(Criteria.where("_id").is(e.unitId())), new Update().setOnInsert("name", e.name()).setOnInsert("level", e.level())
                    .setOnInsert("parentId", e.parentId()).setOnInsert("ancestorIds", e.ancestorIds()).setOnInsert("active", true));
        }
        bulk.execute();
    }

    void unitRenamed(UnitRenamed e) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(e.unitId())), new Update().set("name", e.newName()), Unit.class);
    }

    void unitMoved(UnitMoved e) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(e.unitId())),
                new Update().set("parentId", e.newParentId()).set("ancestorIds", e.newAncestorIds()), Unit.class);
        for (Unit descendant : mongo.find(Query.query(Criteria.where("ancestorIds").is(e.unitId())), Unit.class)) {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(descendant.id())),
                    new Update().set("ancestorIds", e.ancestorsAfterMove(descendant.ancestorIds())), Unit.class);
        }
    }

    void unitDissolved(UnitDissolved e) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(e.unitId())), new Update().set("active", false), Unit.class);
    }

    void planIssued(PlanIssued e) {
        int version = Math.max(1, e.version());
        if (mongo.updateFirst(Query.query(Criteria.where("_id").is(e.planId()).and("version").lt(version)),
                new Update().set("version", version).set("plan", e), Plan.class).getMatchedCount() == 0
                && !mongo.exists(Query.query(Criteria.where("_id").is(e.planId())), Plan.class)) {
            mongo.insert(new Plan(e.planId(), version, false, e));
        }
        plans.remove(e.planId());
        inForce.set(PlansByIssuer.dropped());
    }

    void planClosed(PlanClosed e) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(e.planId())), new Update().set("closed", true), Plan.class);
        plans.remove(e.planId());
        inForce.set(PlansByIssuer.dropped());
    }

    void reportsSubmitted(List<ReportSubmitted> reports) {
        if (reports.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Submission.class);
        for (ReportSubmitted e : reports) {
            bulk.upsert(Query.query(Criteria.where("_id").is(Submission.key(e.planId(), e.periodId(), e.unitId()))),
                    new Update().setOnInsert("planId", e.planId()).setOnInsert("periodId", e.periodId()).setOnInsert("unitId", e.unitId()));
        }
        bulk.execute();
    }

    /**
     * Keeps what is off track now: IndicatorOffTrack records the indicator, TargetAchieved removes it; for an
     * indicator alerted more than once in {@code alerts}, the last alert decides. One bulk write.
     */
    void alerts(List<Object> alerts) {
        Map<String, Object> last = new LinkedHashMap<>();
        for (Object alert : alerts) {
            if (alert instanceof IndicatorOffTrack e) {
                last.put(OffTrack.key(e.planId(), e.periodId(), e.unitId(), e.indicatorCode()), e);
            } else if (alert instanceof TargetAchieved e) {
                last.put(OffTrack.key(e.planId(), e.periodId(), e.unitId(), e.indicatorCode()), e);
            }
        }
        if (last.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, OffTrack.class);
        last.forEach((key, alert) -> {
            Query byKey = Query.query(Criteria.where("_id").is(key));
            if (alert instanceof IndicatorOffTrack e) {
                bulk.replaceOne(byKey, new OffTrack(key, e.planId(), e.periodId(), e.unitId(), e.indicatorCode(), e.department(), e.value(),
                        e.target(), e.at()), FindAndReplaceOptions.options().upsert());
            } else {
                bulk.remove(byKey);
            }
        });
        bulk.execute();
    }

    public List<OffTrack> offTrackIn(Collection<String> unitIds) {
        return mongo.find(Query.query(Criteria.where("unitId").in(unitIds)), OffTrack.class);
    }

    /**
     * The plan as last read, for at most {@value #PLAN_CACHE_MILLIS} ms: every alert and notice of a busy period
     * names the same plan, and texts may trail a revision by that much.
     */
    public Optional<Plan> plan(String id) {
        long now = System.currentTimeMillis();
        CachedPlan cached = plans.get(id);
        if (cached == null || now - cached.readAt() > PLAN_CACHE_MILLIS) {
            cached = new CachedPlan(Optional.ofNullable(mongo.findById(id, Plan.class)), now);
            plans.put(id, cached);
        }
        return cached.plan();
    }

    private record CachedPlan(Optional<Plan> plan, long readAt) {
    }

    /** The unit and every active unit under it. */
    public List<Unit> subtree(String unitId) {
        Criteria scope = new Criteria().orOperator(Criteria.where("_id").is(unitId), Criteria.where("ancestorIds").is(unitId));
        return read(Query.query(scope.and("active").is(true)));
    }

    public List<Plan> plansInForce() {
        return mongo.find(Query.query(Criteria.where("closed").is(false)), Plan.class);
    }

    /**
     * The plans in force issued by any of {@code issuerIds}, from a copy read at most every {@value #PLAN_CACHE_MILLIS} ms:
     * a burst of new units asks this once per unit. A plan issued or closed here drops the copy at once; one issued
     * through another replica shows after at most that long.
     */
    public List<Plan> plansInForceIssuedBy(Collection<String> issuerIds) {
        long now = System.currentTimeMillis();
        PlansByIssuer cached = inForce.get();
        if (now - cached.readAt() > PLAN_CACHE_MILLIS) {
            Map<String, List<Plan>> byIssuer = plansInForce().stream().collect(Collectors.groupingBy(p -> p.plan().issuingUnitId()));
            PlansByIssuer fresh = new PlansByIssuer(byIssuer, now);
            // kept unless a plan issued or closed meanwhile dropped the copy: this read may predate it
            inForce.compareAndSet(cached, fresh);
            cached = fresh;
        }
        Map<String, List<Plan>> byIssuer = cached.byIssuer();
        return issuerIds.stream().flatMap(id -> byIssuer.getOrDefault(id, List.of()).stream()).toList();
    }

    private record PlansByIssuer(Map<String, List<Plan>> byIssuer, long readAt) {

        /** A new object each time, so that a read begun before it cannot replace it. */
        static PlansByIssuer dropped() {
            return new PlansByIssuer(Map.of(), 0);
        }
    }

    public boolean submitted(String planId, String periodId, String unitId) {
        return mongo.exists(Query.query(Criteria.where("_id").is(Submission.key(planId, periodId, unitId))), Submission.class);
    }

    /** Active units under the issuer (or the issuer itself) at the given levels: who must report. */
    public List<Unit> expectedUnits(String issuerId, List<UnitLevel> levels) {
        Criteria scope = new Criteria().orOperator(Criteria.where("_id").is(issuerId), Criteria.where("ancestorIds").is(issuerId));
        return read(Query.query(scope.and("level").in(levels).and("active").is(true)));
    }

    /**
     * Units in replies of {@value #BATCH}: the whole country is 300,000 of them, twice the largest reply the driver takes
     * (48 MB) — the plan of the Central Committee failed to be told at that size until it was read this way.
     */
    private List<Unit> read(Query query) {
        try (java.util.stream.Stream<Unit> units = mongo.stream(query.cursorBatchSize(BATCH), Unit.class)) {
            return units.toList();
        }
    }

    public Optional<Unit> unit(String id) {
        return Optional.ofNullable(mongo.findById(id, Unit.class));
    }

    public List<Unit> units(Collection<String> ids) {
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), Unit.class);
    }

    /** For access checks: the unit's ancestors in this service's own copy of the tree. */
    @Override
    public Optional<List<String>> ancestorIds(String unitId) {
        return unit(unitId).map(Unit::ancestorIds);
    }
}
