package vn.doan.indicatorservice.replica;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.doan.events.plan.UnitLevel;

/**
 * indicator-service's copy of a unit, with where it stood in the tree over time: each placement says
 * from which date the unit had that parent and those ancestors; the first one is the unit's creation.
 * {@code dissolvedFrom} is the day it ceased to exist (dissolved, or the source of a merge or split).
 */
@Document("units")
public record UnitNode(@Id String id, String name, UnitLevel level, List<Placement> placements, LocalDate dissolvedFrom) {

    public UnitNode(String id, String name, UnitLevel level, List<Placement> placements) {
        this(id, name, level, placements, null);
    }

    public record Placement(LocalDate from, String parentId, List<String> ancestorIds) {
    }

    /**
     * The placement a period starting on {@code periodFrom} is counted under: the last one in force on
     * that day, or the first one for a unit created during the period.
     */
    public Placement placementFor(LocalDate periodFrom) {
        List<Placement> sorted = placements.stream().sorted(Comparator.comparing(Placement::from)).toList();
        Placement chosen = sorted.get(0);
        for (Placement placement : sorted) {
            if (!placement.from().isAfter(periodFrom)) {
                chosen = placement;
            }
        }
        return chosen;
    }

    /**
     * Whether the unit belongs to the tree of the period from {@code from} to {@code to}: created on or before its last
     * day and not dissolved on or before its first day (README, "Who is expected to report").
     */
    public boolean inTreeOf(LocalDate from, LocalDate to) {
        LocalDate created = placements.stream().map(Placement::from).min(Comparator.naturalOrder()).orElseThrow();
        return !created.isAfter(to) && (dissolvedFrom == null || dissolvedFrom.isAfter(from));
    }

    /** Whether the unit is {@code unitId} or below it, in the tree of a period starting on {@code periodFrom}. */
    public boolean within(String unitId, LocalDate periodFrom) {
        return id.equals(unitId) || placementFor(periodFrom).ancestorIds().contains(unitId);
    }
}
