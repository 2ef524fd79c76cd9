package vn.doan.authserver.orgunit;

import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import vn.doan.events.plan.UnitCreated;
import vn.doan.events.plan.UnitDissolved;
import vn.doan.events.plan.UnitMoved;
import vn.doan.events.plan.UnitRenamed;
import vn.doan.support.security.UnitTree;

/**
 * The organisation tree as far as user management needs it: a unit's code, name and ancestors, to decide which
 * units lie below a cadre's and to turn the demo users' unit codes into ids. Every change is an upsert or a
 * conditional update, so a redelivered or repeated event changes nothing.
 */
@Service
public class OrgUnits implements UnitTree {

    private final MongoTemplate mongo;

    OrgUnits(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void unitsCreated(List<UnitCreated> events) {
        if (events.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, OrgUnit.class);
        for (UnitCreated e : events) {
            bulk.upsert(Query.query(Criteria.where("_id").is(e.unitId())), new Update().setOnInsert("code", e.code())
                    .setOnInsert("name", e.name()).setOnInsert("parentId", e.parentId()).setOnInsert("ancestorIds", e.ancestorIds())
                    .setOnInsert("active", true));
        }
        bulk.execute();
    }

    void unitRenamed(UnitRenamed e) {
        mongo.updateFirst(byId(e.unitId()), new Update().set("name", e.newName()), OrgUnit.class);
    }

    /** The unit and every unit below it take the new ancestors; applying it twice gives the same paths. */
    void unitMoved(UnitMoved e) {
        mongo.updateFirst(byId(e.unitId()), new Update().set("parentId", e.newParentId()).set("ancestorIds", e.newAncestorIds()),
                OrgUnit.class);
        for (OrgUnit descendant : mongo.find(Query.query(Criteria.where("ancestorIds").is(e.unitId())), OrgUnit.class)) {
            mongo.updateFirst(byId(descendant.id()), new Update().set("ancestorIds", e.ancestorsAfterMove(descendant.ancestorIds())),
                    OrgUnit.class);
        }
    }

    /** Also the sources of a merge or split: plan-service dissolves each of them with its own event. */
    void unitDissolved(UnitDissolved e) {
        mongo.updateFirst(byId(e.unitId()), new Update().set("active", false), OrgUnit.class);
    }

    public Optional<OrgUnit> unit(String unitId) {
        return unitId == null ? Optional.empty() : Optional.ofNullable(mongo.findById(unitId, OrgUnit.class));
    }

    /** The active unit of that code. */
    public Optional<OrgUnit> byCode(String code) {
        return code == null ? Optional.empty()
                : Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("code").is(code).and("active").is(true)), OrgUnit.class));
    }

    /** The unit and every unit below it, dissolved ones included (their users still need managing). */
    public List<OrgUnit> subtree(String unitId) {
        return mongo.find(Query.query(new Criteria().orOperator(Criteria.where("_id").is(unitId), Criteria.where("ancestorIds").is(unitId))),
                OrgUnit.class);
    }

    /** {@code unitId} lies strictly below {@code ancestorId}. */
    public boolean isBelow(String unitId, String ancestorId) {
        return ancestorId != null && ancestorIds(unitId).orElse(List.of()).contains(ancestorId);
    }

    @Override
    public Optional<List<String>> ancestorIds(String unitId) {
        return unit(unitId).map(OrgUnit::ancestorIds);
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }
}
