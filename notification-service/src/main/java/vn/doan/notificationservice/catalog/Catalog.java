package vn.doan.notificationservice.catalog;

import java.util.List;
import java.util.Optional;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import vn.doan.events.plan.PlanClosed;
import vn.doan.events.plan.PlanIssued;
import vn.doan.events.plan.UnitCreated;
import vn.doan.events.plan.UnitDissolved;
import vn.doan.events.plan.UnitLevel;
import vn.doan.events.plan.UnitMoved;
import vn.doan.events.plan.UnitRenamed;
import vn.doan.events.report.ReportSubmitted;

/**
 * What notification-service knows, learnt from events only: units, plans in force, and who has
 * submitted which period. Every update is idempotent.
 */
@Service
public class Catalog {

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

    private final MongoTemplate mongo;

    Catalog(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void unitCreated(UnitCreated e) {
        mongo.upsert(Query.query(Criteria.where("_id").is(e.unitId())), new Update().setOnInsert("name", e.name()).setOnInsert("level", e.level())
                .setOnInsert("parentId", e.parentId()).setOnInsert("ancestorIds", e.ancestorIds()).setOnInsert("active", true), Unit.class);
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
    }

    void planClosed(PlanClosed e) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(e.planId())), new Update().set("closed", true), Plan.class);
    }

    void reportSubmitted(ReportSubmitted e) {
        mongo.upsert(Query.query(Criteria.where("_id").is(Submission.key(e.planId(), e.periodId(), e.unitId()))),
                new Update().setOnInsert("planId", e.planId()).setOnInsert("periodId", e.periodId()).setOnInsert("unitId", e.unitId()),
                Submission.class);
    }

    public List<Plan> plansInForce() {
        return mongo.find(Query.query(Criteria.where("closed").is(false)), Plan.class);
    }

    public boolean submitted(String planId, String periodId, String unitId) {
        return mongo.exists(Query.query(Criteria.where("_id").is(Submission.key(planId, periodId, unitId))), Submission.class);
    }

    /** Active units under the issuer (or the issuer itself) at the given levels: who must report. */
    public List<Unit> expectedUnits(String issuerId, List<UnitLevel> levels) {
        Criteria scope = new Criteria().orOperator(Criteria.where("_id").is(issuerId), Criteria.where("ancestorIds").is(issuerId));
        return mongo.find(Query.query(scope.and("level").in(levels).and("active").is(true)), Unit.class);
    }

    public Optional<Unit> unit(String id) {
        return Optional.ofNullable(mongo.findById(id, Unit.class));
    }
}
