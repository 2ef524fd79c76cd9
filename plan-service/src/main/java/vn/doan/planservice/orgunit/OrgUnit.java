package vn.doan.planservice.orgunit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.doan.events.plan.UnitLevel;
import vn.doan.support.outbox.PendingEvent;

/** A unit of the Union tree. {@code outbox} holds the events of its last change until Kafka has them. */
@Document("org_units")
public record OrgUnit(
        @Id String id,
        @Indexed(unique = true) String code,
        String name,
        UnitLevel level,
        String kind,
        @Indexed String parentId,
        List<String> ancestorIds,
        LocalDate effectiveFrom,
        List<PendingEvent> outbox) {

    /** Ancestors of a child of this unit: this unit's ancestors, then this unit. */
    List<String> pathForChild() {
        List<String> path = new ArrayList<>(ancestorIds);
        path.add(id);
        return path;
    }
}
