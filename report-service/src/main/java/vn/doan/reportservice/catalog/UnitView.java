package vn.doan.reportservice.catalog;

import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.doan.events.plan.UnitLevel;

/** report-service's own copy of a unit of the tree, learnt from plan-service's events. */
@Document("units")
public record UnitView(@Id String id, String name, UnitLevel level, String parentId, @Indexed List<String> ancestorIds, boolean active) {
}
