package vn.doan.notificationservice.recipient;

import java.util.Collection;
import java.util.List;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Finds the people of a unit by role; staff can be narrowed to the department that follows something. */
@Service
public class Recipients {

    private final MongoTemplate mongo;

    Recipients(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The unit's recipients in one of {@code roles}; with a {@code department}, staff only of that department. */
    public List<Recipient> of(String unitId, Collection<Role> roles, String department) {
        return mongo.find(Query.query(Criteria.where("unitId").is(unitId).and("role").in(roles)), Recipient.class).stream()
                .filter(r -> r.plays(roles, department)).toList();
    }

    /** Everyone registered for any of {@code unitIds}. */
    public List<Recipient> inUnits(Collection<String> unitIds) {
        return mongo.find(Query.query(Criteria.where("unitId").in(unitIds)), Recipient.class);
    }

    /** The people registered with this login subject (in any unit). */
    public List<Recipient> withSubject(String subject) {
        return mongo.find(Query.query(Criteria.where("subject").is(subject)), Recipient.class);
    }

    public List<Recipient> inUnit(String unitId) {
        return mongo.find(Query.query(Criteria.where("unitId").is(unitId)), Recipient.class);
    }

    /** Units that have a secretary or deputy registered: who gets a daily digest. */
    public List<String> unitsWithLeadership() {
        return mongo.findDistinct(Query.query(Criteria.where("role").in(Role.SECRETARY, Role.DEPUTY)), "unitId", Recipient.class, String.class);
    }

    Recipient save(Recipient recipient) {
        return mongo.save(recipient);
    }

    Recipient find(String id) {
        return mongo.findById(id, Recipient.class);
    }

    /**
     * Removes the person and their inbox: a person registered again under the same id, perhaps linked to another login,
     * starts with an empty inbox.
     */
    boolean remove(String id) {
        mongo.remove(Query.query(Criteria.where("recipientId").is(id)), "inbox");
        return mongo.remove(Query.query(Criteria.where("_id").is(id)), Recipient.class).getDeletedCount() > 0;
    }
}
