package vn.doan.indicatorservice.plan;

import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import vn.doan.events.plan.PlanIssued;

@Service
public class Plans {

    private final MongoTemplate mongo;

    Plans(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Keeps the highest version: a redelivered or older version changes nothing. */
    public void issued(PlanIssued e) {
        int version = Math.max(1, e.version());
        if (mongo.updateFirst(Query.query(Criteria.where("_id").is(e.planId()).and("version").lt(version)),
                new Update().set("version", version).set("plan", e), PlanDefinition.class).getMatchedCount() == 0
                && !mongo.exists(Query.query(Criteria.where("_id").is(e.planId())), PlanDefinition.class)) {
            mongo.insert(new PlanDefinition(e.planId(), version, e));
        }
    }

    public Optional<PlanDefinition> find(String planId) {
        return Optional.ofNullable(mongo.findById(planId, PlanDefinition.class));
    }
}
