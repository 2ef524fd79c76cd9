package vn.doan.planservice.plan;

import jakarta.annotation.PostConstruct;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The unique index that keeps a plan number once per issuing unit and year, on {@code numberKey} so that drafts entered
 * without a number do not collide. Plans stored before {@code numberKey} existed get it from their number first, and the
 * earlier index on {@code content.number} (which counted every unnumbered draft as the same number) is dropped.
 */
@Component
class PlanIndexes {

    static final String EARLIER = "number_per_issuer_and_year";
    static final String UNIQUE_NUMBER = "number_key_per_issuer_and_year";

    private final MongoTemplate mongo;

    PlanIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @PostConstruct
    void ensure() {
        for (Document earlier : mongo.find(Query.query(Criteria.where("numberKey").exists(false)), Document.class, "plans")) {
            Object number = earlier.get("content", Document.class).get("number");
            mongo.updateFirst(Query.query(Criteria.where("_id").is(earlier.get("_id"))),
                    Update.update("numberKey", number == null ? "unnumbered:" + earlier.get("_id") : number), "plans");
        }
        IndexOperations indexes = mongo.indexOps(Plan.class);
        if (indexes.getIndexInfo().stream().anyMatch(i -> i.getName().equals(EARLIER))) {
            indexes.dropIndex(EARLIER);
        }
        indexes.createIndex(new Index().on("issuingUnitId", Sort.Direction.ASC).on("numberKey", Sort.Direction.ASC)
                .on("year", Sort.Direction.ASC).unique().named(UNIQUE_NUMBER));
    }
}
