package vn.doan.reportservice.catalog;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import vn.doan.events.UnitPlacements;
import vn.doan.events.plan.PlanClosed;
import vn.doan.events.plan.PlanIssued;
import vn.doan.events.plan.UnitCreated;
import vn.doan.events.plan.UnitDissolved;
import vn.doan.events.plan.UnitLevel;
import vn.doan.events.plan.UnitMoved;
import vn.doan.events.plan.UnitRenamed;
import vn.doan.support.security.UnitTree;
import vn.doan.support.tree.TreeIndex;

/**
 * The plans and units report-service checks reports against. Every change is an upsert or a conditional
 * update, so a redelivered or repeated event changes nothing.
 */
@Service
public class Catalog implements UnitTree {

    private final MongoTemplate mongo;
    private final Map<String, PlanView> plans = new ConcurrentHashMap<>();
    /** Who stood under whom, for the walks of completeness and consolidated reports. */
    private final TreeIndex<UnitView> walks;

    Catalog(MongoTemplate mongo) {
        this.mongo = mongo;
        this.walks = new TreeIndex<>(mongo, UnitView.class);
    }

    /** Reads who stands under whom once a change of the tree has settled, so that pages do not wait for it. */
    @Scheduled(fixedDelayString = "${doan.tree.settle:5s}")
    void readWhenSettled() {
        walks.readWhenSettled();
    }

    void unitsCreated(List<UnitCreated> events) {
        if (events.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, UnitView.class);
        for (UnitCreated e : events) {
            bulk.upsert(Query.query(Criteria.where("_id").is(e.unitId())), new Update().setOnInsert("name", e.name())
                    .setOnInsert("level", e.level()).setOnInsert("parentId", e.parentId()).setOnInsert("ancestorIds", e.ancestorIds())
                    .setOnInsert("active", true)
                    .setOnInsert("placements", List.of(new UnitPlacements.Placement(e.effectiveFrom(), e.parentId(), e.ancestorIds()))));
        }
        bulk.execute();
        walks.changed();
    }

    void unitRenamed(UnitRenamed e) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(e.unitId())), new Update().set("name", e.newName()), UnitView.class);
    }

    /**
     * The unit and every unit below it take the new ancestors, and a placement from the move's date (replacing one of the
     * same date), so that earlier periods keep the tree they had; applying it twice gives the same paths.
     */
    void unitMoved(UnitMoved e) {
        unit(e.unitId()).ifPresent(unit -> mongo.updateFirst(Query.query(Criteria.where("_id").is(e.unitId())),
                new Update().set("parentId", e.newParentId()).set("ancestorIds", e.newAncestorIds())
                        .set("placements", unit.history().with(
                                new UnitPlacements.Placement(e.effectiveFrom(), e.newParentId(), e.newAncestorIds()))),
                UnitView.class));
        Criteria below = new Criteria().orOperator(Criteria.where("ancestorIds").is(e.unitId()), Criteria.where("placements.ancestorIds").is(e.unitId()));
        for (UnitView descendant : mongo.find(Query.query(below), UnitView.class)) {
            Update update = new Update().set("ancestorIds", e.ancestorsAfterMove(descendant.ancestorIds()));
            UnitPlacements.Placement then = descendant.placementFor(e.effectiveFrom());
            if (then.ancestorIds().contains(e.unitId())) {
                update.set("placements", descendant.history().with(
                        new UnitPlacements.Placement(e.effectiveFrom(), then.parentId(), e.ancestorsAfterMove(then.ancestorIds()))));
            }
            mongo.updateFirst(Query.query(Criteria.where("_id").is(descendant.id())), update, UnitView.class);
        }
        walks.changed();
    }

    void unitDissolved(UnitDissolved e) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(e.unitId())),
                new Update().set("active", false).set("dissolvedFrom", e.effectiveFrom()), UnitView.class);
        walks.changed();
    }

    /** Keeps what reports are checked against, of the highest version: an older version arriving late changes nothing. */
    void planIssued(PlanIssued e) {
        int version = Math.max(1, e.version());
        Query newer = Query.query(Criteria.where("_id").is(e.planId()).and("version").lt(version));
        PlanView.Plan plan = PlanView.Plan.of(e);
        if (mongo.updateFirst(newer, new Update().set("version", version).set("plan", plan), PlanView.class).getMatchedCount() == 0
                && !mongo.exists(Query.query(Criteria.where("_id").is(e.planId())), PlanView.class)) {
            mongo.insert(new PlanView(e.planId(), version, false, plan));
        }
    }

    void planClosed(PlanClosed e) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(e.planId())), new Update().set("closed", true), PlanView.class);
    }

    /**
     * The plan as stored now. Only its version and state are read each time (every report asks); the whole plan is
     * read again when the version moved, so a revision stored by any replica counts from the next report on.
     */
    public Optional<PlanView> plan(String planId) {
        Query head = Query.query(Criteria.where("_id").is(planId));
        head.fields().include("version", "closed");
        PlanView now = mongo.findOne(head, PlanView.class);
        if (now == null) {
            return Optional.empty();
        }
        PlanView known = plans.get(planId);
        if (known == null || known.version() != now.version()) {
            known = mongo.findById(planId, PlanView.class);
            if (known == null) {
                return Optional.empty();
            }
            plans.put(planId, known);
        }
        return Optional.of(new PlanView(known.id(), known.version(), now.closed(), known.plan()));
    }

    public Optional<UnitView> unit(String unitId) {
        return Optional.ofNullable(mongo.findById(unitId, UnitView.class));
    }

    /** The units known here among {@code unitIds}, by id, in one read. */
    public Map<String, UnitView> units(Collection<String> unitIds) {
        Map<String, UnitView> found = new HashMap<>();
        mongo.find(Query.query(Criteria.where("_id").in(unitIds)), UnitView.class).forEach(u -> found.put(u.id(), u));
        return found;
    }

    /** Units at the given levels in the tree of the period from {@code from} to {@code to}, at or below {@code rootId} in it. */
    public List<UnitView> unitsUnder(String rootId, List<UnitLevel> levels, LocalDate from, LocalDate to) {
        return unitsUnder(rootId, from, to).stream().filter(u -> levels.contains(u.level())).toList();
    }

    /** Units of every level in the tree of the period from {@code from} to {@code to}, at or below {@code rootId} in it. */
    public List<UnitView> unitsUnder(String rootId, LocalDate from, LocalDate to) {
        return walks.byIds(walks.current().atOrBelow(rootId)).stream().filter(u -> u.inTreeOf(from, to) && u.within(rootId, from)).toList();
    }

    /** For access checks: the unit's ancestors in this service's own copy of the tree. */
    @Override
    public Optional<List<String>> ancestorIds(String unitId) {
        return unit(unitId).map(UnitView::ancestorIds);
    }
}
