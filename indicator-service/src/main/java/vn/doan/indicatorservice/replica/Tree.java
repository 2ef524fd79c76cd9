package vn.doan.indicatorservice.replica;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.bson.Document;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import vn.doan.events.UnitPlacements;
import vn.doan.events.plan.UnitCreated;
import vn.doan.events.plan.UnitDissolved;
import vn.doan.events.plan.UnitMoved;
import vn.doan.events.plan.UnitRenamed;
import vn.doan.support.security.UnitTree;
import vn.doan.support.tree.TreeIndex;

/** The organisation tree over time, as plan-service's events describe it. Every update is idempotent. */
@Service
public class Tree implements UnitTree {

    private static final int BATCH = 2_000;
    private final MongoTemplate mongo;
    /** By plan version and period: for each unit above an expected unit, how many are below it; for the tree version in {@link #countedAt}. */
    private final Map<String, Map<String, Integer>> expectedBelow = new ConcurrentHashMap<>();
    private volatile long countedAt = -1;

    /** Who stood under whom, and the tree's version. */
    private final TreeIndex<UnitNode> walks;

    Tree(MongoTemplate mongo) {
        this.mongo = mongo;
        this.walks = new TreeIndex<>(mongo, UnitNode.class);
    }

    /** Reads who stands under whom once a change of the tree has settled, so that pages do not wait for it. */
    @Scheduled(fixedDelayString = "${doan.tree.settle:5s}")
    void readWhenSettled() {
        walks.readWhenSettled();
    }

    /** Many units in one bulk write: a whole imported tree arrives as a burst of UnitCreated. */
    public void created(List<UnitCreated> events) {
        if (events.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, UnitNode.class);
        for (UnitCreated e : events) {
            bulk.upsert(Query.query(Criteria.where("_id").is(e.unitId())), new Update().setOnInsert("name", e.name())
                    .setOnInsert("level", e.level())
                    .setOnInsert("placements", List.of(new UnitPlacements.Placement(e.effectiveFrom(), e.parentId(), e.ancestorIds()))));
        }
        bulk.execute();
        walks.changed();
    }

    public void renamed(UnitRenamed e) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(e.unitId())), new Update().set("name", e.newName()), UnitNode.class);
    }

    /** The unit ceases to exist from the dissolution's date; periods starting on or after it no longer expect it. */
    public void dissolved(UnitDissolved e) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(e.unitId())), new Update().set("dissolvedFrom", e.effectiveFrom()), UnitNode.class);
        walks.changed();
    }

    /**
     * Adds a placement from the move's date to the unit and, with the same ancestor prefix rewritten, to
     * every unit below it. A placement already present for that date is replaced, so a repeat is harmless.
     * Returns the units whose placement changed (the moved one first).
     */
    public List<UnitNode> moved(UnitMoved e) {
        List<UnitNode> changed = new ArrayList<>();
        find(e.unitId()).ifPresent(unit -> {
            place(unit, new UnitPlacements.Placement(e.effectiveFrom(), e.newParentId(), e.newAncestorIds()));
            changed.add(find(e.unitId()).orElseThrow());
        });
        for (UnitNode descendant : mongo.find(Query.query(Criteria.where("placements.ancestorIds").is(e.unitId())), UnitNode.class)) {
            UnitPlacements.Placement current = descendant.placementFor(e.effectiveFrom());
            if (current.ancestorIds().contains(e.unitId())) {
                place(descendant, new UnitPlacements.Placement(e.effectiveFrom(), current.parentId(), e.ancestorsAfterMove(current.ancestorIds())));
                changed.add(find(descendant.id()).orElseThrow());
            }
        }
        walks.changed();
        return changed;
    }

    /** The number of changes of who stands where so far. */
    public long version() {
        return walks.version();
    }

    /**
     * How many units {@link #expected} would list, kept per tree {@code version} (read once by the caller for a whole
     * batch): the centre of the country expects ≈300,000 units, too many to read at each announcement. The first count of
     * a plan's period reads the tree once and counts, for every unit above an expected unit, the expected units below it;
     * a unit's own count is that and itself. Asking each unit for its subtree instead costs a read per unit, which the
     * local stack's MongoDB server answers by scanning the whole tree (it has no index on an array).
     */
    public int expectedCount(PlanDefinition plan, PlanDefinition.Period period, UnitNode unit, long version) {
        if (version != countedAt) {
            expectedBelow.clear();
            countedAt = version;
        }
        Map<String, Integer> below = expectedBelow.computeIfAbsent(plan.id() + "|" + plan.version() + "|" + period.periodId(),
                key -> expectedBelowEachUnit(plan, period));
        int self = expects(plan, period, unit) ? 1 : 0;
        return below.getOrDefault(unit.id(), 0) + self;
    }

    private Map<String, Integer> expectedBelowEachUnit(PlanDefinition plan, PlanDefinition.Period period) {
        Map<String, Integer> below = new HashMap<>();
        try (Stream<UnitNode> read = mongo.stream(new Query().cursorBatchSize(BATCH), UnitNode.class)) {
            read.filter(u -> expects(plan, period, u))
                    .forEach(u -> u.placementFor(period.from()).ancestorIds().forEach(a -> below.merge(a, 1, Integer::sum)));
        }
        return below;
    }

    /** Whether the plan's period expects a report from the unit itself, wherever it is asked (README, "Who is expected to report"). */
    private static boolean expects(PlanDefinition plan, PlanDefinition.Period period, UnitNode unit) {
        return unit.inTreeOf(period.from(), period.to()) && plan.reports(period, unit.level())
                && (plan.issuingUnitId() == null || unit.within(plan.issuingUnitId(), period.from()));
    }

    private void place(UnitNode unit, UnitPlacements.Placement placement) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(unit.id())), new Update().set("placements", unit.history().with(placement)),
                UnitNode.class);
    }

    public Optional<UnitNode> find(String unitId) {
        return Optional.ofNullable(mongo.findById(unitId, UnitNode.class));
    }

    public List<UnitNode> findAll(java.util.Collection<String> unitIds) {
        return mongo.find(Query.query(Criteria.where("_id").in(unitIds)), UnitNode.class);
    }

    /**
     * Every unit, by id: one read for whole-tree computations such as the reconciliation, in replies of {@value #BATCH}
     * units (the country's ≈300,000 would not fit one).
     */
    public java.util.Map<String, UnitNode> all() {
        try (java.util.stream.Stream<UnitNode> read = mongo.stream(new Query().cursorBatchSize(BATCH), UnitNode.class)) {
            return read.collect(java.util.stream.Collectors.toMap(UnitNode::id, u -> u));
        }
    }

    /**
     * The units a plan's period expects a report from, asked at {@code unitId}: in the tree of the period, within both
     * {@code unitId} and the plan's issuer, of a level that reports the period ({@link PlanDefinition#reports}; README,
     * "Who is expected to report").
     */
    public List<UnitNode> expected(PlanDefinition plan, PlanDefinition.Period period, String unitId) {
        return expected(plan, period, unitId, subtree(unitId, period.from(), period.to()).stream());
    }

    private static List<UnitNode> expected(PlanDefinition plan, PlanDefinition.Period period, String unitId, Stream<UnitNode> subtree) {
        String issuer = plan.issuingUnitId() == null ? unitId : plan.issuingUnitId();
        return subtree.filter(u -> plan.reports(period, u.level())).filter(u -> u.within(issuer, period.from())).toList();
    }

    /**
     * The unit and every unit below it, in the tree of the period from {@code from} to {@code to}: found by walking
     * {@link TreeIndex} and read by id in several replies (under the centre, the whole country would not fit one).
     */
    public List<UnitNode> subtree(String unitId, java.time.LocalDate from, java.time.LocalDate to) {
        return walks.byIds(walks.current().atOrBelow(unitId)).stream()
                .filter(u -> u.inTreeOf(from, to) && u.within(unitId, from)).toList();
    }

    /** Units whose parent, in the tree of the period from {@code from} to {@code to}, is {@code parentId}. */
    public List<UnitNode> children(String parentId, java.time.LocalDate from, java.time.LocalDate to) {
        return walks.byIds(walks.current().children(parentId)).stream()
                .filter(u -> u.inTreeOf(from, to) && parentId.equals(u.placementFor(from).parentId())).toList();
    }

    /** For access checks: the unit's ancestors in this service's own copy of the tree, as it stands now (the latest placement). */
    @Override
    public Optional<List<String>> ancestorIds(String unitId) {
        return find(unitId).map(unit -> unit.placementFor(java.time.LocalDate.MAX).ancestorIds());
    }
}
