package vn.doan.planservice.orgunit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.doan.events.plan.UnitCreated;
import vn.doan.events.plan.UnitLevel;
import vn.doan.support.outbox.Event;
import vn.doan.support.outbox.PublishesEvents;

/**
 * A unit of the Union tree. {@code history} records every restructuring with its effective date;
 * {@code pathRepairPending} marks a move whose descendants' paths are still being rewritten. Its events are about
 * itself.
 */
@Document("org_units")
public record OrgUnit(
        @Id String id,
        @Indexed(unique = true) String code,
        String name,
        UnitLevel level,
        String kind,
        @Indexed String parentId,
        @Indexed List<String> ancestorIds,
        LocalDate effectiveFrom,
        Status status,
        LocalDate dissolvedOn,
        List<Department> departments,
        List<Change> history,
        @Indexed String importId,
        boolean pathRepairPending) implements PublishesEvents {

    public enum Status { ACTIVE, DISSOLVED }

    /** A department of the unit that follows plans and indicators, e.g. BTG – Ban Tuyên giáo. */
    public record Department(String code, String name) {
    }

    /** One restructuring step as it applied to this unit. */
    public record Change(String type, LocalDate effectiveFrom, String name, String parentId, List<String> ancestorIds,
            String restructuringId) {
    }

    static OrgUnit created(String id, String code, String name, UnitLevel level, String kind, String parentId,
            List<String> ancestorIds, LocalDate effectiveFrom, List<Department> departments, String importId) {
        return new OrgUnit(id, code, name, level, kind, parentId, ancestorIds, effectiveFrom, Status.ACTIVE, null,
                departments == null ? List.of() : departments,
                List.of(new Change("CREATED", effectiveFrom, name, parentId, ancestorIds, null)),
                importId, false);
    }

    /** The UnitCreated event of a unit just {@link #created}, with the name its level has in the configuration. */
    Event createdEvent(String levelName) {
        return new Event(new UnitCreated(id, code, name, level, kind, parentId, ancestorIds, effectiveFrom, levelName), id);
    }

    /** Ancestors of a child of this unit: this unit's ancestors, then this unit. */
    List<String> pathForChild() {
        List<String> path = new ArrayList<>(ancestorIds);
        path.add(id);
        return path;
    }

    boolean active() {
        return status != Status.DISSOLVED;
    }
}
