package vn.doan.indicatorservice.rollup;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import vn.doan.events.UnitPeriod;
import vn.doan.support.outbox.Event;
import vn.doan.support.outbox.Outbox;

/**
 * The {@code rollups} collection: lean reads (never a document's children snapshots beyond those a step needs, see
 * {@link Rollup#lean}) for the dashboards and the writers, and the writers' conditional writes on {@code {_id, rev}}.
 */
@Component
public class RollupStore {

    private final MongoTemplate mongo;
    private final Outbox outbox;

    RollupStore(MongoTemplate mongo, Outbox outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
    }

    /** The unit's document for the period, without its children's snapshots (the subtree totals already sum them); null if none. */
    public Rollup find(UnitPeriod unitPeriod) {
        return read(unitPeriod.id());
    }

    /** The documents of these units' periods that exist, without children's snapshots, by unit id. */
    public Map<String, Rollup> findByUnit(Collection<UnitPeriod> unitPeriods) {
        return mongo.find(Rollup.lean(Query.query(Criteria.where("_id").in(ids(unitPeriods))), List.of()), Rollup.class).stream()
                .collect(Collectors.toMap(Rollup::unitId, Function.identity()));
    }

    /**
     * The own report in force of each of these units that has reported its period itself, by unit id: its version, days
     * late and whether it was returned alone (a centre asks for ~300,000 units; their values stay in the database).
     */
    public Map<String, Rollup.Own> ownReports(Collection<UnitPeriod> unitPeriods) {
        Query query = Query.query(Criteria.where("_id").in(ids(unitPeriods)).and("own").ne(null));
        query.fields().include("unitId", "rev", "own.version", "own.daysLate", "own.returned");
        return mongo.find(query, Rollup.class).stream().collect(Collectors.toMap(Rollup::unitId, Rollup::own));
    }

    private static List<String> ids(Collection<UnitPeriod> unitPeriods) {
        return unitPeriods.stream().map(UnitPeriod::id).toList();
    }

    Rollup read(String key) {
        return read(key, List.of());
    }

    /** The document with the snapshots of {@code childIds} alone; null if none. */
    Rollup read(String key, Collection<String> childIds) {
        return mongo.findOne(Rollup.lean(Query.query(Criteria.where("_id").is(key)), childIds), Rollup.class);
    }

    /** The documents that exist, with the snapshots of {@code childIds} alone, by id. */
    Map<String, Rollup> readAll(Collection<String> keys, Collection<String> childIds) {
        return mongo.find(Rollup.lean(Query.query(Criteria.where("_id").in(keys)), childIds), Rollup.class).stream()
                .collect(Collectors.toMap(Rollup::id, Function.identity()));
    }

    /** The unit's documents of the periods starting on or after {@code from}. */
    List<Rollup> periodsFrom(String unitId, java.time.LocalDate from) {
        return mongo.find(Rollup.lean(Query.query(Criteria.where("unitId").is(unitId).and("periodFrom").gte(from)), List.of()), Rollup.class);
    }

    /** Writes of many documents, with the events announcing them, in one bulk write. */
    Outbox.Bulk<Rollup> bulk() {
        return outbox.bulk(Rollup.class);
    }

    /** Runs the bulk's conditional writes; false if any found its document moved on or already there. */
    static boolean allApplied(Outbox.Bulk<Rollup> bulk) {
        return bulk.executeRacing() == bulk.size();
    }

    /** Selects the document if it is still at the revision it was read at. */
    static Query atRevision(Rollup doc) {
        return Query.query(Criteria.where("_id").is(doc.id()).and("rev").is(doc.rev()));
    }

    /** Applies {@code change} and increments the revision if the document is still at the revision it was read at. */
    boolean updateAt(Rollup doc, Update change) {
        return writeAt(doc, change.inc("rev", 1), List.of());
    }

    /**
     * Applies {@code change} as it is (the revision stays), with {@code events}, if the document is still at the revision
     * it was read at.
     */
    boolean writeAt(Rollup doc, Update change, List<Event> events) {
        return outbox.update(atRevision(doc), change, Rollup.class, events) != null;
    }

    /** Inserts the document; false if another writer inserted it first. */
    boolean insert(Rollup doc) {
        try {
            outbox.insert(doc, List.of());
            return true;
        } catch (DuplicateKeyException anotherWriterWasFirst) {
            return false;
        }
    }
}
