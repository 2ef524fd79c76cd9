package vn.doan.indicatorservice.rollup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import vn.doan.events.report.ReportReturned;
import vn.doan.support.outbox.Outbox;

/**
 * Replaces units' own values with their newer reports, never adding to them: a report of version v replaces the own
 * values only if those in force are older. Each new state is announced in the write that brings it.
 */
@Component
class OwnValues {

    private static final Logger log = LoggerFactory.getLogger(OwnValues.class);

    private final RollupStore store;
    private final Announcer announcer;

    OwnValues(RollupStore store, Announcer announcer) {
        this.store = store;
        this.announcer = announcer;
    }

    /** A unit's document after its report: {@code changed} if the report replaced its own values. */
    record Replaced(Rollup doc, boolean changed, Instant submittedAt) {
    }

    /**
     * Replaces the own values of a whole batch and announces the new progress: one read and one bulk write, each
     * update conditional on the revision read. If anything else wrote one of these documents meanwhile, the batch
     * is redone one report at a time, each reading afresh (what the bulk did apply then reads as already applied).
     */
    List<Replaced> replace(Collection<Placed> batch, Lookups lookups) {
        Map<String, Rollup> docs = store.readAll(batch.stream().map(Placed::key).toList(), List.of());
        Outbox.Bulk<Rollup> bulk = store.bulk();
        List<Replaced> result = new ArrayList<>();
        for (Placed placed : batch) {
            Rollup.Own own = placed.own();
            Rollup doc = docs.get(placed.key());
            Instant submitted = placed.report().submittedAt();
            if (doc == null) {
                result.add(new Replaced(announcer.insert(bulk, placed.created(own), lookups), true, submitted));
            } else if (isNotOlder(doc, own)) {
                result.add(new Replaced(doc, false, submitted));
            } else {
                List<Totals> subtree = Totals.replace(doc.subtree(), doc.ownTotals(), own.totals());
                Update update = new Update().set("own", own).set("subtree", subtree).inc("rev", 1);
                result.add(new Replaced(announcer.update(bulk, doc, update, doc.withOwn(own, subtree), lookups), true, submitted));
            }
        }
        if (RollupStore.allApplied(bulk)) {
            return result;
        }
        log.debug("Own values of a batch raced with another writer; applying one by one");
        return batch.stream().map(this::replace).toList();
    }

    /** Replaces the unit's own values if the report is newer than those in force; returns the document as it now is. */
    private Replaced replace(Placed placed) {
        Rollup.Own own = placed.own();
        Instant submitted = placed.report().submittedAt();
        while (true) {
            Rollup doc = store.read(placed.key());
            if (doc == null) {
                Rollup created = placed.created(own);
                if (store.insert(created)) {
                    return new Replaced(created, true, submitted);
                }
                continue;
            }
            if (isNotOlder(doc, own)) {
                return new Replaced(doc, false, submitted);
            }
            List<Totals> subtree = Totals.replace(doc.subtree(), doc.ownTotals(), own.totals());
            if (store.updateAt(doc, new Update().set("own", own).set("subtree", subtree))) {
                return new Replaced(doc.withOwn(own, subtree), true, submitted);
            }
        }
    }

    /**
     * Takes the figures of each returned report out of its unit's own values until a newer version replaces them; the unit
     * then counts as returned. A return of a version no longer in force (resubmitted since) changes nothing. A return
     * already taken is handed on for propagation again: the process may have stopped after this write and before the
     * parents took it, and the event then comes again (parents take the same snapshot only once).
     * Returns the documents to propagate.
     */
    List<Rollup> returned(Collection<ReportReturned> returns) {
        List<Rollup> changed = new ArrayList<>();
        for (ReportReturned returned : returns) {
            String key = Rollup.key(returned.planId(), returned.periodId(), returned.unitId());
            while (true) {
                Rollup doc = store.read(key);
                if (doc == null || doc.own() == null || doc.own().version() != returned.version()) {
                    break;
                }
                if (doc.own().isReturned()) {
                    changed.add(doc);
                    break;
                }
                Rollup.Own own = doc.own().asReturned();
                List<Totals> subtree = Totals.replace(doc.subtree(), doc.ownTotals(), own.totals());
                if (store.updateAt(doc, new Update().set("own", own).set("subtree", subtree))) {
                    changed.add(doc.withOwn(own, subtree));
                    break;
                }
            }
        }
        return changed;
    }

    /** The document already holds this report's version or a newer one. */
    private static boolean isNotOlder(Rollup doc, Rollup.Own own) {
        return doc.own() != null && doc.own().version() >= own.version();
    }
}
