package vn.doan.authserver.orgunit;

import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** The auth-server's own copy of a unit of the tree, learnt from plan-service's events. */
@Document("units")
public record OrgUnit(@Id String id, @Indexed String code, String name, String parentId, @Indexed List<String> ancestorIds,
        boolean active) {
}
