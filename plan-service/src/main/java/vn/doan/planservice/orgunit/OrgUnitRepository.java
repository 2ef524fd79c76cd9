package vn.doan.planservice.orgunit;

import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface OrgUnitRepository extends MongoRepository<OrgUnit, String> {

    List<OrgUnit> findByParentIdOrderByCode(String parentId);
}
