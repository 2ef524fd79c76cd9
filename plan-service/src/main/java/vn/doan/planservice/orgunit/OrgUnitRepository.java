package vn.doan.planservice.orgunit;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface OrgUnitRepository extends MongoRepository<OrgUnit, String> {

    List<OrgUnit> findByParentIdOrderByCode(String parentId);

    List<OrgUnit> findByParentIdAndStatus(String parentId, OrgUnit.Status status);

    List<OrgUnit> findByAncestorIdsContains(String ancestorId);

    List<OrgUnit> findByCodeIn(Collection<String> codes);

    Optional<OrgUnit> findByCode(String code);

    List<OrgUnit> findByPathRepairPendingTrue();
}
