package vn.doan.reportservice.catalog;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.doan.events.UnitPlacements;
import vn.doan.events.plan.UnitLevel;

/**
 * report-service's own copy of a unit of the tree, learnt from plan-service's events: where it stands now
 * ({@code parentId}, {@code ancestorIds}, {@code active}, for access checks) and where it stood over time
 * ({@code placements}, each from a date, the first one its creation; {@code dissolvedFrom}), for the tree of each period.
 * Which placement a period counts and who belongs to a period's tree is event-contracts' {@link UnitPlacements}, the rule
 * indicator-service judges by too.
 */
@Document("units")
@CompoundIndex(name = "placement_ancestors", def = "{'placements.ancestorIds': 1}")
public record UnitView(@Id String id, String name, UnitLevel level, String parentId, @Indexed List<String> ancestorIds, boolean active,
        List<UnitPlacements.Placement> placements, LocalDate dissolvedFrom) {

    /** Where a unit stored before placements were kept stood: where it stands now, since any time. */
    private static final LocalDate ALWAYS = LocalDate.of(1931, 3, 26);

    /**
     * The placements and dissolution; for a unit stored before placements were kept, its current place since {@link #ALWAYS},
     * and for one dissolved before dates were kept, dissolved since then.
     */
    public UnitPlacements history() {
        List<UnitPlacements.Placement> known = placements == null || placements.isEmpty()
                ? List.of(new UnitPlacements.Placement(ALWAYS, parentId, ancestorIds)) : placements;
        return new UnitPlacements(id, known, dissolvedFrom == null && !active ? ALWAYS : dissolvedFrom);
    }

    /** The placement in force on a period's first day {@code periodFrom}, or the first one for a unit created during the period. */
    public UnitPlacements.Placement placementFor(LocalDate periodFrom) {
        return history().placementFor(periodFrom);
    }

    /** Created by the period's last day and not dissolved by its first. */
    public boolean inTreeOf(LocalDate from, LocalDate to) {
        return history().inTreeOf(from, to);
    }

    /** Created after {@code day}. */
    public boolean createdAfter(LocalDate day) {
        return history().createdAfter(day);
    }

    /** Whether the unit is {@code unitId} or below it, in the tree of a period starting on {@code periodFrom}. */
    public boolean within(String unitId, LocalDate periodFrom) {
        return history().within(unitId, periodFrom);
    }
}
