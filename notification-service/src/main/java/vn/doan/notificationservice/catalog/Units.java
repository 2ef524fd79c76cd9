package vn.doan.notificationservice.catalog;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import vn.doan.events.UnitPlacements;
import vn.doan.events.plan.UnitCreated;
import vn.doan.events.plan.UnitDissolved;
import vn.doan.events.plan.UnitLevel;
import vn.doan.events.plan.UnitMoved;
import vn.doan.events.plan.UnitRenamed;
import vn.doan.support.security.UnitTree;

/**
 * The tree of units as notification-service knows it, learnt from plan-service's unit events: each unit where it stands now
 * and where it stood over time ({@link Unit}). Every update is idempotent.
 */
@Service
public class Units implements UnitTree {

    private static final int BATCH = 2_000;
    private final MongoTemplate mongo;

    Units(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Stores a run of new units in one bulk write. Each is inserted only if unknown, so a redelivered event changes
     * nothing; ordered, so that of two events for one unit the first counts, as when they came one by one.
     */
    public void unitsCreated(List<UnitCreated> events) {
        if (events.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.ORDERED, Unit.class);
        for (UnitCreated e : events) {
            bulk.upsert(Query.query(Criteria.where("_id").is(e.unitId())), new Update().setOnInsert("name", e.name()).setOnInsert("level", e.level())
                    .setOnInsert("parentId", e.parentId()).setOnInsert("ancestorIds", e.ancestorIds()).setOnInsert("active", true)
                    .setOnInsert("placements", List.of(new UnitPlacements.Placement(e.effectiveFrom(), e.parentId(), e.ancestorIds()))));
        }
        bulk.execute();
    }

    public void unitRenamed(UnitRenamed e) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(e.unitId())), new Update().set("name", e.newName()), Unit.class);
    }

    /**
     * The unit and every unit below it take the new ancestors, and a placement from the move's date (replacing one of the
     * same date), so that earlier periods keep the tree they had; applying it twice gives the same paths.
     */
    public void unitMoved(UnitMoved e) {
        unit(e.unitId()).ifPresent(unit -> mongo.updateFirst(Query.query(Criteria.where("_id").is(e.unitId())),
                new Update().set("parentId", e.newParentId()).set("ancestorIds", e.newAncestorIds())
                        .set("placements", unit.history().with(new UnitPlacements.Placement(e.effectiveFrom(), e.newParentId(), e.newAncestorIds()))),
                Unit.class));
        Criteria below = new Criteria().orOperator(Criteria.where("ancestorIds").is(e.unitId()), Criteria.where("placements.ancestorIds").is(e.unitId()));
        for (Unit descendant : mongo.find(Query.query(below), Unit.class)) {
            Update update = new Update().set("ancestorIds", e.ancestorsAfterMove(descendant.ancestorIds()));
            UnitPlacements.Placement then = descendant.history().placementFor(e.effectiveFrom());
            if (then.ancestorIds().contains(e.unitId())) {
                update.set("placements", descendant.history().with(
                        new UnitPlacements.Placement(e.effectiveFrom(), then.parentId(), e.ancestorsAfterMove(then.ancestorIds()))));
            }
            mongo.updateFirst(Query.query(Criteria.where("_id").is(descendant.id())), update, Unit.class);
        }
    }

    public void unitDissolved(UnitDissolved e) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(e.unitId())), new Update().set("active", false).set("dissolvedFrom", e.effectiveFrom()),
                Unit.class);
    }

    /** The unit and every active unit under it. */
    public List<Unit> subtree(String unitId) {
        Criteria scope = new Criteria().orOperator(Criteria.where("_id").is(unitId), Criteria.where("ancestorIds").is(unitId));
        return read(Query.query(scope.and("active").is(true)));
    }

    /**
     * Who must report the period from {@code from} to {@code to}: the units at the given levels that stood under the issuer
     * (or are the issuer) in that period's tree ({@link Unit#inTreeOf}), each with its parent and ancestors of that tree.
     */
    public List<Unit> expectedUnits(String issuerId, List<UnitLevel> levels, LocalDate from, LocalDate to) {
        Criteria scope = new Criteria().orOperator(Criteria.where("_id").is(issuerId), Criteria.where("ancestorIds").is(issuerId),
                Criteria.where("placements.ancestorIds").is(issuerId));
        return read(Query.query(scope.and("level").in(levels))).stream().flatMap(u -> u.inTreeOf(from, to).stream())
                .filter(u -> u.id().equals(issuerId) || u.ancestorIds().contains(issuerId)).toList();
    }

    /** Active units under the issuer (or the issuer itself) at the given levels, in today's tree: whom a new plan is told. */
    public List<Unit> unitsUnder(String issuerId, List<UnitLevel> levels) {
        Criteria scope = new Criteria().orOperator(Criteria.where("_id").is(issuerId), Criteria.where("ancestorIds").is(issuerId));
        return read(Query.query(scope.and("level").in(levels).and("active").is(true)));
    }

    /**
     * Units in replies of {@value #BATCH}: the whole country is 300,000 of them, twice the largest reply the driver takes
     * (48 MB), so the units a plan of the Central Committee is told to do not fit in one reply.
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
