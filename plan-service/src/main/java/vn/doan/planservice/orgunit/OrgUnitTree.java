package vn.doan.planservice.orgunit;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.doan.support.security.UnitTree;

/** Access checks read the tree plan-service owns. */
@Component
class OrgUnitTree implements UnitTree {

    private final OrgUnitRepository units;

    OrgUnitTree(OrgUnitRepository units) {
        this.units = units;
    }

    @Override
    public Optional<List<String>> ancestorIds(String unitId) {
        return units.findById(unitId).map(OrgUnit::ancestorIds);
    }
}
