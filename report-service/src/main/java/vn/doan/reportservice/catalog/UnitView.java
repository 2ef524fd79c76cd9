package vn.doan.reportservice.catalog;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.doan.events.plan.UnitLevel;

/**
 * report-service's own copy of a unit of the tree, learnt from plan-service's events: where it stands now
 * ({@code parentId}, {@code ancestorIds}, {@code active}, for access checks) and where it stood over time
 * ({@code placements}, each from a date, the first one its creation; {@code dissolvedFrom}), for the tree of each period.
 */
@Document("units")
@CompoundIndex(name = "placement_ancestors", def = "{'placements.ancestorIds': 1}")
public record UnitView(@Id String id, String name, UnitLevel level, String parentId, @Indexed List<String> ancestorIds, boolean active,
        List<Placement> placements, LocalDate dissolvedFrom) {

    /** From {@code from}, the unit had this parent and these ancestors (root first). */
    public record Placement(LocalDate from, String parentId, List<String> ancestorIds) {
    }

    /** Where a unit stored before placements were kept stood: where it stands now, since any time. */
    private static final LocalDate ALWAYS = LocalDate.of(1931, 3, 26);

    /** The placements, or for a unit stored before they were kept, its current place since {@link #ALWAYS}. */
    public List<Placement> history() {
        return placements == null || placements.isEmpty() ? List.of(new Placement(ALWAYS, parentId, ancestorIds)) : placements;
    }

    /** The placement in force on a period's first day {@code periodFrom}, or the first one for a unit created during the period. */
    public Placement placementFor(LocalDate periodFrom) {
        List<Placement> sorted = history().stream().sorted(Comparator.comparing(Placement::from)).toList();
        Placement chosen = sorted.get(0);
        for (Placement placement : sorted) {
            if (!placement.from().isAfter(periodFrom)) {
                chosen = placement;
            }
        }
        return chosen;
    }

    /** Created by the period's last day and not dissolved by its first (a unit dissolved before dates were kept: never). */
    public boolean inTreeOf(LocalDate from, LocalDate to) {
        boolean dissolved = dissolvedFrom == null ? !active : !dissolvedFrom.isAfter(from);
        return !createdAfter(to) && !dissolved;
    }

    /** Created after {@code day}. */
    public boolean createdAfter(LocalDate day) {
        return history().stream().map(Placement::from).min(Comparator.naturalOrder()).orElseThrow().isAfter(day);
    }

    /** Whether the unit is {@code unitId} or below it, in the tree of a period starting on {@code periodFrom}. */
    public boolean within(String unitId, LocalDate periodFrom) {
        return id.equals(unitId) || placementFor(periodFrom).ancestorIds().contains(unitId);
    }
}
