package vn.doan.indicatorservice.replica;

import jakarta.annotation.PostConstruct;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import vn.doan.events.plan.PlanIssued;

/** The plans as plan-service issued them, each at its highest version. */
@Service
public class Plans {

    private final MongoTemplate mongo;
    private final Map<String, PlanDefinition> read = new ConcurrentHashMap<>();

    Plans(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Rewrites documents of the earlier shape, which held the PlanIssued event whole under {@code plan}, into this one from
     * the event they hold. Runs once at start, before the consumers, so that a database written by an earlier version is
     * read without replaying the topic.
     */
    @PostConstruct
    void upgradeEarlierShape() {
        String collection = mongo.getCollectionName(PlanDefinition.class);
        for (Document earlier : mongo.find(Query.query(Criteria.where("plan").exists(true)), Document.class, collection)) {
            PlanIssued event = mongo.getConverter().read(PlanIssued.class, earlier.get("plan", Document.class));
            mongo.save(PlanDefinition.of(event, earlier.getInteger("version")));
        }
    }

    /** Keeps the highest version: a redelivered or older version changes nothing. */
    public void issued(PlanIssued e) {
        int version = Math.max(1, e.version());
        PlanDefinition plan = PlanDefinition.of(e, version);
        if (mongo.updateFirst(Query.query(Criteria.where("_id").is(e.planId()).and("version").lt(version)),
                new Update().set("version", version).set("indicators", plan.indicators()).set("schedule", plan.schedule())
                        .set("issuingUnitId", plan.issuingUnitId()).set("reportingLevels", plan.reportingLevels())
                        .set("ranking", plan.ranking()), PlanDefinition.class)
                .getMatchedCount() == 0 && !mongo.exists(Query.query(Criteria.where("_id").is(e.planId())), PlanDefinition.class)) {
            mongo.insert(plan);
        }
    }

    /**
     * The plan as stored now. Only its version is read each time (every query and every poll of reports asks); the
     * whole plan is read again when the version moved, so a revision stored by any replica counts at once.
     */
    public Optional<PlanDefinition> find(String planId) {
        Query head = Query.query(Criteria.where("_id").is(planId));
        head.fields().include("version");
        PlanDefinition now = mongo.findOne(head, PlanDefinition.class);
        if (now == null) {
            return Optional.empty();
        }
        PlanDefinition known = read.get(planId);
        if (known == null || known.version() != now.version()) {
            known = mongo.findById(planId, PlanDefinition.class);
            if (known == null) {
                return Optional.empty();
            }
            read.put(planId, known);
        }
        return Optional.of(known);
    }
}
