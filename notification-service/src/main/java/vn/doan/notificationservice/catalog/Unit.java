package vn.doan.notificationservice.catalog;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
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
        List<Placement> placements, LocalDate dissolvedFrom) {

    /** From {@code from}, the unit had this parent and these ancestors (root first). */
    public record Placement(LocalDate from, String parentId, List<String> ancestorIds) {
    }

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
     * The rule of indicator-service and report-service ({@code UnitNode}, {@code UnitView}): a unit belongs to the tree of a
     * period when it was created by the period's last day and not dissolved by its first (one dissolved before dates were
     * kept: never); it counts under the placement in force on the first day, or its first one when created during the period.
     */
    Optional<Placement> placementIn(LocalDate from, LocalDate to) {
        boolean dissolved = dissolvedFrom == null ? !active : !dissolvedFrom.isAfter(from);
        Placement created = history().stream().min(Comparator.comparing(Placement::from)).orElseThrow();
        return dissolved || created.from().isAfter(to) ? Optional.empty() : Optional.of(placementAt(from));
    }

    /** The placement in force on {@code day}, or the first one for a unit created after it. */
    Placement placementAt(LocalDate day) {
        List<Placement> sorted = history().stream().sorted(Comparator.comparing(Placement::from)).toList();
        Placement chosen = sorted.get(0);
        for (Placement placement : sorted) {
            if (!placement.from().isAfter(day)) {
                chosen = placement;
            }
        }
        return chosen;
    }

    /** The placements, or for a unit stored before they were kept, its current place since {@link #ALWAYS}. */
    List<Placement> history() {
        return placements == null || placements.isEmpty() ? List.of(new Placement(ALWAYS, parentId, ancestorIds)) : placements;
    }
}
