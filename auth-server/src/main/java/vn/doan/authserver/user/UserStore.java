package vn.doan.authserver.user;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The users collection: each change is one update of one document. */
@Component
public class UserStore {

    private final MongoTemplate mongo;

    UserStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<StoredUser> find(String username) {
        return Optional.ofNullable(mongo.findById(username, StoredUser.class));
    }

    boolean exists(String username) {
        return mongo.exists(byName(username), StoredUser.class);
    }

    /** Throws {@link org.springframework.dao.DuplicateKeyException} when the username is taken. */
    void insert(StoredUser user) {
        mongo.insert(user);
    }

    /** Users of these units, by id or, for the demo users, by code. */
    List<StoredUser> ofUnits(Collection<String> unitIds, Collection<String> unitCodes) {
        return mongo.find(Query.query(new Criteria().orOperator(Criteria.where("unitId").in(unitIds), Criteria.where("unitCode").in(unitCodes)))
                .with(org.springframework.data.domain.Sort.by("username")), StoredUser.class);
    }

    void setEnabled(String username, boolean enabled) {
        mongo.updateFirst(byName(username), new Update().set("enabled", enabled), StoredUser.class);
    }

    /** The password is cleared and a new activation opened; an older link stops working. */
    public void openActivation(String username, String tokenHash, Instant expires) {
        mongo.updateFirst(byName(username), new Update().unset("password").set("activationHash", tokenHash)
                .set("activationExpires", expires), StoredUser.class);
    }

    public Optional<StoredUser> byActivation(String tokenHash) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("activationHash").is(tokenHash)), StoredUser.class));
    }

    /**
     * Sets the password and closes the activation, only if the activation is still the one presented: of two uses of one
     * link, one wins.
     */
    public boolean activate(String tokenHash, String encodedPassword) {
        return mongo.updateFirst(Query.query(Criteria.where("activationHash").is(tokenHash)), new Update().set("password", encodedPassword)
                .set("mustChangePassword", false).unset("activationHash").unset("activationExpires"), StoredUser.class).getModifiedCount() == 1;
    }

    /**
     * A password chosen by the administrator's side that the person must replace at their first sign-in; an open activation
     * link stops working.
     */
    void setTemporaryPassword(String username, String encodedPassword) {
        mongo.updateFirst(byName(username), new Update().set("password", encodedPassword).set("mustChangePassword", true)
                .unset("activationHash").unset("activationExpires"), StoredUser.class);
    }

    /** The person's own password, replacing a temporary one. */
    public void changePassword(String username, String encodedPassword) {
        mongo.updateFirst(byName(username), new Update().set("password", encodedPassword).set("mustChangePassword", false), StoredUser.class);
    }

    private static Query byName(String username) {
        return Query.query(Criteria.where("_id").is(username));
    }
}
