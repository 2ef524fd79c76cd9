package vn.doan.support.mongo;

import java.util.Collection;
import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;
import vn.doan.events.plan.UnitLevel;

interface LevelledUnits extends MongoRepository<LevelledUnit, String> {

    List<LevelledUnit> findByLevelOrderById(UnitLevel level);

    List<LevelledUnit> findByLevelInOrderById(Collection<UnitLevel> levels);
}
