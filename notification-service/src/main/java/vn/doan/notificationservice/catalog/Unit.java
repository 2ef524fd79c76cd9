package vn.doan.notificationservice.catalog;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.doan.events.UnitPlacements;
import vn.doan.events.plan.UnitLevel;

/**
 * notification-service's copy of a unit of the tree, learnt from plan-service's events: where it stands now
 * ({@code parentId}, {@code ancestorIds}, {@code active}: access checks, the digest's subtree, a new plan told) and where it
 * stood over time ({@code placements}, each from a date, the first one its creation; {@code dissolvedFrom}), for who is
 * expected to report a period, as indicator-service and report-service count it. Both ancestor lists are indexed: the units
 * under a unit are read by them.
 */
@Document("units")
@CompoundIndex(name = "placement_ancestors", def = "{'placements.ancestorIds': 1}")
public record Unit(@Id String id, String name, UnitLevel level, String parentId, @Indexed List<String> ancestorIds, boolean active,
        List<UnitPlacements.Placement> placements, LocalDate dissolvedFrom) {

    /** Where a unit stored before placements were kept stood: where it stands now, since any time. */
    private static final LocalDate ALWAYS = LocalDate.of(1931, 3, 26);

    /**
     * The unit as the period from {@code from} to {@code to} counts it, with the parent and ancestors of that period's tree
     * (so a late report is escalated to the upper level of that period), or empty when the unit is not in that tree.
     */
    public Optional<Unit> inTreeOf(LocalDate from, LocalDate to) {
        return placementIn(from, to).map(p -> new Unit(id, name, level, p.parentId(), p.ancestorIds(), active, placements, dissolvedFrom));
    }

    /**
     * The placement the period counts, by the rule indicator-service and report-service share ({@link UnitPlacements}); a
     * unit dissolved before dates were kept is in no period's tree.
     */
    Optional<UnitPlacements.Placement> placementIn(LocalDate from, LocalDate to) {
        UnitPlacements history = history();
        boolean dissolvedUndated = dissolvedFrom == null && !active;
        return dissolvedUndated || !history.inTreeOf(from, to) ? Optional.empty() : Optional.of(history.placementFor(from));
    }

    /** The placements over time, or for a unit stored before they were kept, its current place since {@link #ALWAYS}. */
    UnitPlacements history() {
        return new UnitPlacements(id, placements == null || placements.isEmpty()
                ? List.of(new UnitPlacements.Placement(ALWAYS, parentId, ancestorIds)) : placements, dissolvedFrom);
    }
}
