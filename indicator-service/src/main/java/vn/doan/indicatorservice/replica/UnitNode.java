package vn.doan.indicatorservice.replica;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.doan.events.UnitPlacements;
import vn.doan.events.plan.UnitLevel;

/**
 * indicator-service's copy of a unit, with where it stood in the tree over time: each placement says
 * from which date the unit had that parent and those ancestors; the first one is the unit's creation.
 * {@code dissolvedFrom} is the day it ceased to exist (dissolved, or the source of a merge or split).
 * Which placement a period counts and who belongs to a period's tree is event-contracts' {@link UnitPlacements}.
 */
@Document("units")
public record UnitNode(@Id String id, String name, UnitLevel level, List<UnitPlacements.Placement> placements, LocalDate dissolvedFrom) {

    public UnitNode(String id, String name, UnitLevel level, List<UnitPlacements.Placement> placements) {
        this(id, name, level, placements, null);
    }

    /** The unit's placements over time and its dissolution, with the rule that reads them. */
    public UnitPlacements history() {
        return new UnitPlacements(id, placements, dissolvedFrom);
    }

    /** The placement a period starting on {@code periodFrom} is counted under ({@link UnitPlacements#placementFor}). */
    public UnitPlacements.Placement placementFor(LocalDate periodFrom) {
        return history().placementFor(periodFrom);
    }

    /** Whether the unit belongs to the tree of the period from {@code from} to {@code to} (README, "Who is expected to report"). */
    public boolean inTreeOf(LocalDate from, LocalDate to) {
        return history().inTreeOf(from, to);
    }

    /** Whether the unit is {@code unitId} or below it, in the tree of a period starting on {@code periodFrom}. */
    public boolean within(String unitId, LocalDate periodFrom) {
        return history().within(unitId, periodFrom);
    }
}
