package vn.doan.reportservice.consolidated;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import vn.doan.events.UnitPeriod;
import vn.doan.events.indicator.ProgressUpdated;

/**
 * The subtree figures of every unit, plan and period, kept from the progress topic. A record replaces the stored one only
 * if its revision is higher, so a redelivered or late older record changes nothing: the stored revision is read, then
 * replaced on condition that it is still the one read (else judged again).
 */
@Service
public class FiguresReplica {

    private final MongoTemplate mongo;

    FiguresReplica(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void apply(ProgressUpdated e) {
        SubtreeFigures f = SubtreeFigures.of(e);
        Update update = new Update().set("rev", f.rev()).set("computedAt", f.computedAt()).set("reportsSubmitted", f.reportsSubmitted())
                .set("reportsOnTime", f.reportsOnTime()).set("reportsLate", f.reportsLate()).set("indicators", f.indicators());
        while (!stored(f, update)) {
            // another writer stored this unit's figures between the read and the write: judge again
        }
    }

    /** Whether {@code f} is stored, or need not be (the stored revision is as new); false when the stored one changed meanwhile. */
    private boolean stored(SubtreeFigures f, Update update) {
        Query byId = Query.query(Criteria.where("_id").is(f.id()));
        byId.fields().include("rev");
        Document stored = mongo.findOne(byId, Document.class, mongo.getCollectionName(SubtreeFigures.class));
        if (stored == null) {
            try {
                mongo.insert(f);
                return true;
            } catch (DuplicateKeyException storedMeanwhile) {
                return false;
            }
        }
        long storedRev = ((Number) stored.get("rev")).longValue();
        // {_id, rev}, the fields of an index, so that the local stack's MongoDB server finds the document without a search
        return storedRev >= f.rev()
                || mongo.updateFirst(Query.query(Criteria.where("_id").is(f.id()).and("rev").is(storedRev)), update, SubtreeFigures.class)
                        .getMatchedCount() == 1;
    }

    public Optional<SubtreeFigures> of(String planId, String periodId, String unitId) {
        return Optional.ofNullable(mongo.findById(new UnitPeriod(planId, periodId, unitId).id(), SubtreeFigures.class));
    }

    /** The figures of each of these units that has any, by unit id. */
    public Map<String, SubtreeFigures> of(String planId, String periodId, Collection<String> unitIds) {
        List<String> ids = unitIds.stream().map(u -> new UnitPeriod(planId, periodId, u).id()).toList();
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), SubtreeFigures.class).stream()
                .collect(Collectors.toMap(SubtreeFigures::unitId, Function.identity()));
    }
}
