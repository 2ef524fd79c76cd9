package vn.doan.support.tree;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * A service's copy of the organisation tree, walked from memory: the tree's version, counted in the service's own database
 * at every change of who stands where (so that every instance of the service sees it), and the {@link ChildrenIndex} of
 * the version stored now, read again whole after a change (the parents of each unit's {@code placements} alone). Units
 * are read by id, {@value #BATCH} to a reply.
 *
 * @param <U> the service's document of a unit, with the {@code placements} of {@code UnitPlacements}
 */
public final class TreeIndex<U> {

    static final int BATCH = 2_000;
    /** The document whose counter grows with each change of who stands where. */
    private static final String VERSIONS = "treeVersion";

    private final MongoTemplate mongo;
    private final Class<U> type;
    private volatile ChildrenIndex index;
    /** The version {@link #readWhenSettled()} saw at its last call. */
    private long seen = -1;

    public TreeIndex(MongoTemplate mongo, Class<U> type) {
        this.mongo = mongo;
        this.type = type;
    }

    /** Counts a change of who stands where: every instance reads the tree again at its next walk. */
    public void changed() {
        mongo.upsert(Query.query(Criteria.where("_id").is(VERSIONS)), new Update().inc("version", 1L), VERSIONS);
    }

    /** The number of changes of who stands where so far. */
    public long version() {
        Document doc = mongo.findById(VERSIONS, Document.class, VERSIONS);
        return doc == null ? 0 : ((Number) doc.get("version")).longValue();
    }

    /** Who stood under whom, in the tree as stored now. */
    public ChildrenIndex current() {
        long now = version();
        ChildrenIndex known = index;
        if (known != null && known.version() == now) {
            return known;
        }
        synchronized (this) {
            if (index == null || index.version() != now) {
                Query parents = new Query().cursorBatchSize(BATCH);
                parents.fields().include("placements.parentId");
                try (Stream<Document> read = mongo.stream(parents, Document.class, mongo.getCollectionName(type))) {
                    index = ChildrenIndex.of(now, read.map(TreeIndex::parents));
                }
            }
            return index;
        }
    }

    /**
     * Reads the tree again, off the request path, once a change has settled: when the version stored differs from the one
     * read but equals the one this method saw at its previous call. A tree being built unit by unit (an import) is thus read
     * once at the end, not at every unit, and the first page after a change does not wait for the whole tree. Meant to be
     * called on a schedule.
     */
    public synchronized void readWhenSettled() {
        long now = version();
        ChildrenIndex known = index;
        if ((known == null || known.version() != now) && now == seen) {
            current();
        }
        seen = now;
    }

    private static ChildrenIndex.Unit parents(Document unit) {
        List<String> parentIds = unit.getList("placements", Document.class, List.of()).stream().map(p -> p.getString("parentId")).toList();
        return new ChildrenIndex.Unit(unit.getString("_id"), parentIds);
    }

    /** The units of these ids that are stored, in replies of {@value #BATCH}. */
    public List<U> byIds(List<String> ids) {
        List<U> found = new ArrayList<>(ids.size());
        for (int at = 0; at < ids.size(); at += BATCH) {
            found.addAll(mongo.find(Query.query(Criteria.where("_id").in(ids.subList(at, Math.min(ids.size(), at + BATCH)))), type));
        }
        return found;
    }
}
