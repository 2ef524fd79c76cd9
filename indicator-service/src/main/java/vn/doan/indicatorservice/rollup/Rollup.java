package vn.doan.indicatorservice.rollup;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import vn.doan.events.UnitPeriod;
import vn.doan.support.outbox.PublishesEvents;

/**
 * One unit's progress on one plan's period: its own latest report ({@code own}), for each child the
 * child's whole-subtree totals as last pushed with the child's revision ({@code children}), and their sum,
 * {@code subtree} = own + Σ children, kept with them in every write. Every change increments {@code rev}
 * and is conditional on the revision it was computed from, so the sum never drifts from its parts. A
 * parent takes a child's snapshot only if it is newer than what it holds, so pushing the same or an older
 * snapshot again changes nothing. {@code announcedRev} is the revision whose progress was last announced
 * on Kafka (see {@link Announcer}).
 *
 * <p>A province without districts has over a thousand children: reads go through {@link #lean} so that
 * only the snapshots a step needs ever leave the database.
 */
@Document("rollups")
@CompoundIndex(name = "unit_periods", def = "{'unitId': 1, 'periodFrom': 1}")
@CompoundIndex(name = "plan_period", def = "{'planId': 1, 'periodId': 1}")
// Every write is conditional on {_id, rev}. MongoDB answers that from the _id index alone; mongo-java-server (the local
// stack's server) uses an index only when the query's fields are exactly the index's, and would otherwise read the
// whole collection for each write. A unique index is never in the way: _id alone is unique already.
@CompoundIndex(name = "id_rev", def = "{'_id': 1, 'rev': 1}", unique = true)
public record Rollup(
        @Id String id,
        String planId,
        String periodId,
        LocalDate periodFrom,
        String unitId,
        String parentId,
        Own own,
        Map<String, ChildSnapshot> children,
        List<Totals> subtree,
        long rev,
        Long announcedRev,
        Map<String, String> announcedStatuses,
        List<Integer> announcedReports) implements PublishesEvents {

    /**
     * The unit's own report in force: its values as reported, and what they add to the totals. A report the upper level
     * returned ({@code returned}) adds nothing but one to the returned count until a newer version replaces it.
     * {@code returned} is null in documents written before returns were counted, and in reads that leave it out.
     */
    public record Own(String reportId, int version, List<ReportedValue> values, Instant submittedAt, int daysLate, List<Totals> totals,
            Boolean returned) {

        public Own(String reportId, int version, List<ReportedValue> values, Instant submittedAt, int daysLate, List<Totals> totals) {
            this(reportId, version, values, submittedAt, daysLate, totals, null);
        }

        /** The upper level returned this version for revision. */
        public boolean isReturned() {
            return Boolean.TRUE.equals(returned);
        }

        /** The same version, returned: its figures leave the totals. */
        Own asReturned() {
            return new Own(reportId, version, values, submittedAt, daysLate, Contribution.returned(), true);
        }
    }

    /** One value of the report in force, as the unit reported it. */
    public record ReportedValue(String indicatorCode, long numerator, Long denominator, LocalDate doneOn) {
    }

    /**
     * A child's subtree totals as its parent holds them. A province or a Đoàn trực thuộc has about a hundred children, so
     * the totals are kept packed in one string ({@link Totals#packAll}): the parent document stays many times smaller
     * and has fewer values, and so does every read and write of it (mongo-java-server copies and measures every value of a
     * document it updates). {@code packed}, one string per indicator, is how documents of the earlier format hold them.
     */
    public record ChildSnapshot(long rev, String all, List<String> packed) {

        static ChildSnapshot of(long rev, List<Totals> totals) {
            return new ChildSnapshot(rev, Totals.packAll(totals), null);
        }

        List<Totals> totals() {
            if (all != null) {
                return Totals.unpackAll(all);
            }
            return packed == null ? List.of() : packed.stream().map(Totals::unpack).toList();
        }
    }

    /** The id of the document of {@code unitId}'s period: {@link UnitPeriod#id()}. */
    static String key(String planId, String periodId, String unitId) {
        return new UnitPeriod(planId, periodId, unitId).id();
    }

    /** The id of this document's parent's document for the same period. */
    String parentKey() {
        return key(planId, periodId, parentId);
    }

    /** The subtree's counts of reports (units reported, on time, late), if any unit of it has reported. */
    public java.util.Optional<Totals> reports() {
        return subtree().stream().filter(t -> t.code().equals(Contribution.REPORTS)).findFirst();
    }

    /** How many units of the subtree have their report in force returned for revision. */
    public int returned() {
        return subtree().stream().filter(t -> t.code().equals(Contribution.RETURNED)).mapToInt(Totals::units).sum();
    }

    /** {@code query} reading everything but the children's snapshots and the outbox, plus the snapshots of {@code childIds}. */
    static Query lean(Query query, java.util.Collection<String> childIds) {
        if (childIds.isEmpty()) {
            query.fields().exclude("children").exclude("outbox");
        } else {
            query.fields().include("planId", "periodId", "periodFrom", "unitId", "parentId", "own", "subtree", "rev", "announcedRev",
                    "announcedStatuses", "announcedReports");
            childIds.forEach(child -> query.fields().include("children." + child));
        }
        return query;
    }

    public List<Totals> ownTotals() {
        return own == null ? List.of() : own.totals();
    }

    @Override
    public List<Totals> subtree() {
        return subtree == null ? List.of() : subtree;
    }

    ChildSnapshot child(String childId) {
        return children == null ? null : children.get(childId);
    }

    Rollup withOwn(Own newOwn, List<Totals> newSubtree) {
        return new Rollup(id, planId, periodId, periodFrom, unitId, parentId, newOwn, children, newSubtree, rev + 1, announcedRev,
                announcedStatuses, announcedReports);
    }

    Rollup withSubtree(List<Totals> newSubtree) {
        return new Rollup(id, planId, periodId, periodFrom, unitId, parentId, own, null, newSubtree, rev + 1, announcedRev,
                announcedStatuses, announcedReports);
    }

    Rollup withParent(String newParentId) {
        return new Rollup(id, planId, periodId, periodFrom, unitId, newParentId, own, null, subtree, rev + 1, announcedRev,
                announcedStatuses, announcedReports);
    }
}
