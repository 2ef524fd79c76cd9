package vn.doan.events;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where a unit stood in the organisation tree over time, as each service that keeps a copy of the tree learns it from
 * plan-service's events: every placement from its date (the first one is the unit's creation; a move adds one), and the
 * day the unit ceased to exist ({@code dissolvedFrom}: dissolved, or the source of a merge or split; null while it exists).
 * The one rule of which parent a unit stood under during a reporting period and whether it belonged to that period's tree
 * (indicator-service's README, "Who is expected to report"); indicator-service and report-service both judge by it.
 */
public record UnitPlacements(String unitId, List<Placement> placements, LocalDate dissolvedFrom) {

    /** From {@code from}, the unit had this parent and these ancestors (root first). */
    public record Placement(LocalDate from, String parentId, List<String> ancestorIds) {
    }

    public UnitPlacements {
        if (placements == null || placements.isEmpty()) {
            throw new IllegalArgumentException("unit " + unitId + " has no placement");
        }
    }

    /**
     * The placement a period starting on {@code periodFrom} is counted under: the last one in force on that day, or the
     * first one for a unit created during the period.
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

    /** Created after {@code day}. */
    public boolean createdAfter(LocalDate day) {
        return placements.stream().map(Placement::from).min(Comparator.naturalOrder()).orElseThrow().isAfter(day);
    }

    /** Whether the unit belongs to the tree of the period from {@code from} to {@code to}: created by its last day, not dissolved by its first. */
    public boolean inTreeOf(LocalDate from, LocalDate to) {
        return !createdAfter(to) && (dissolvedFrom == null || dissolvedFrom.isAfter(from));
    }

    /** Whether the unit is {@code ancestorOrSelf} or below it, in the tree of a period starting on {@code periodFrom}. */
    public boolean within(String ancestorOrSelf, LocalDate periodFrom) {
        return unitId.equals(ancestorOrSelf) || placementFor(periodFrom).ancestorIds().contains(ancestorOrSelf);
    }

    /** The placements with {@code placement} added, replacing one of the same date, so that applying a move twice changes nothing. */
    public List<Placement> with(Placement placement) {
        List<Placement> changed = new ArrayList<>(placements.stream().filter(p -> !p.from().equals(placement.from())).toList());
        changed.add(placement);
        return changed;
    }
}
