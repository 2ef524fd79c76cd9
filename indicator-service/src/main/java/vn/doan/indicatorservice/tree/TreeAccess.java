package vn.doan.indicatorservice.tree;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.doan.support.security.UnitTree;

/** Access checks read indicator-service's own copy of the tree, as it stands now (the latest placement). */
@Component
class TreeAccess implements UnitTree {

    private final Tree tree;

    TreeAccess(Tree tree) {
        this.tree = tree;
    }

    @Override
    public Optional<List<String>> ancestorIds(String unitId) {
        return tree.find(unitId).map(unit -> unit.placementFor(LocalDate.MAX).ancestorIds());
    }
}
