package vn.doan.notificationservice.catalog;

import jakarta.annotation.PostConstruct;
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
import vn.doan.events.UnitPeriod;
import vn.doan.events.indicator.IndicatorOffTrack;
import vn.doan.events.indicator.TargetAchieved;
import vn.doan.events.plan.PlanClosed;
import vn.doan.events.plan.PlanIssued;
import vn.doan.events.report.ReportSubmitted;

/**
 * What notification-service knows of plans and reports, learnt from events only: plans in force, who has submitted which
 * period, and which indicators are off track (the units are {@link Units}). Every update is idempotent.
 */
@Service
public class Catalog {

    /** A unit's period that has been reported, under its {@link UnitPeriod#id()}. */
    @Document("submissions")
    public record Submission(@Id String id, String planId, String periodId, String unitId) {
    }

    /**
     * An indicator of a unit's subtree that is off track now (removed when the target is achieved), under the
     * {@link UnitPeriod#id(String)} of its unit's period and code.
     */
    @Document("offtrack")
    public record OffTrack(@Id String id, String planId, String periodId, String unitId, String indicatorCode, String department,
            BigDecimal value, BigDecimal target, Instant at, IndicatorOffTrack.Measure measure) {
    }

    static final long PLAN_CACHE_MILLIS = 5_000;

    private final MongoTemplate mongo;
    private final Map<String, CachedPlan> plans = new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicReference<PlansByIssuer> inForce = new AtomicReference<>(PlansByIssuer.dropped());

    Catalog(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Rewrites documents of the earlier shape, which held the PlanIssued event whole under {@code plan}, into this one from
     * the event they hold, keeping their version and {@code closed}. Runs once at start, before the consumers, so that a
     * database written by an earlier version is read without replaying the topic.
     */
    @PostConstruct
    void upgradeEarlierShape() {
        String collection = mongo.getCollectionName(Plan.class);
        for (org.bson.Document earlier : mongo.find(Query.query(Criteria.where("plan").exists(true)), org.bson.Document.class, collection)) {
            Plan plan = Plan.of(mongo.getConverter().read(PlanIssued.class, earlier.get("plan", org.bson.Document.class)));
            mongo.updateFirst(Query.query(Criteria.where("_id").is(earlier.get("_id")).and("version").is(earlier.get("version"))),
                    contents(plan), Plan.class);
        }
    }

    /**
     * Keeps the highest version of the plan: a redelivered or older version changes nothing. Returns the plan {@code e}
     * issues, as this service keeps it, for what is to be told of it.
     */
    public Plan planIssued(PlanIssued e) {
        Plan plan = Plan.of(e);
        if (mongo.updateFirst(Query.query(Criteria.where("_id").is(plan.id()).and("version").lt(plan.version())),
                contents(plan).set("version", plan.version()), Plan.class).getMatchedCount() == 0
                && !mongo.exists(Query.query(Criteria.where("_id").is(plan.id())), Plan.class)) {
            mongo.insert(plan);
        }
        plans.remove(plan.id());
        inForce.set(PlansByIssuer.dropped());
        return plan;
    }

    /** Everything of the plan but its id, version and {@code closed}; and no earlier shape's {@code plan} left beside it. */
    private static Update contents(Plan plan) {
        return new Update().set("number", plan.number()).set("title", plan.title()).set("issuingUnitId", plan.issuingUnitId())
                .set("implementingPlanDue", plan.implementingPlanDue()).set("implementingLevels", plan.implementingLevels())
                .set("schedule", plan.schedule()).set("indicators", plan.indicators()).unset("plan");
    }

    public void planClosed(PlanClosed e) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(e.planId())), new Update().set("closed", true), Plan.class);
        plans.remove(e.planId());
        inForce.set(PlansByIssuer.dropped());
    }

    public void reportsSubmitted(List<ReportSubmitted> reports) {
        if (reports.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Submission.class);
        for (ReportSubmitted e : reports) {
            bulk.upsert(Query.query(Criteria.where("_id").is(new UnitPeriod(e.planId(), e.periodId(), e.unitId()).id())),
                    new Update().setOnInsert("planId", e.planId()).setOnInsert("periodId", e.periodId()).setOnInsert("unitId", e.unitId()));
        }
        bulk.execute();
    }

    /**
     * Keeps what is off track now: IndicatorOffTrack records the indicator, TargetAchieved removes it; for an
     * indicator alerted more than once in {@code alerts}, the last alert decides. One bulk write.
     */
    public void alerts(List<Object> alerts) {
        Map<String, Object> last = new LinkedHashMap<>();
        for (Object alert : alerts) {
            if (alert instanceof IndicatorOffTrack e) {
                last.put(new UnitPeriod(e.planId(), e.periodId(), e.unitId()).id(e.indicatorCode()), e);
            } else if (alert instanceof TargetAchieved e) {
                last.put(new UnitPeriod(e.planId(), e.periodId(), e.unitId()).id(e.indicatorCode()), e);
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
                        e.target(), e.at(), e.measure()), FindAndReplaceOptions.options().upsert());
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
            Map<String, List<Plan>> byIssuer = plansInForce().stream().collect(Collectors.groupingBy(Plan::issuingUnitId));
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
        return mongo.exists(Query.query(Criteria.where("_id").is(new UnitPeriod(planId, periodId, unitId).id())), Submission.class);
    }
}
