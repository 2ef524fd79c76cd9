package vn.doan.indicatorservice.replica;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.doan.events.plan.UnitLevel;

/**
 * indicator-service's copy of a unit, with where it stood in the tree over time: each placement says
 * from which date the unit had that parent and those ancestors.
 */
@Document("units")
public record UnitNode(@Id String id, String name, UnitLevel level, List<Placement> placements) {

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
}
