package vn.doan.reportservice.catalog;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.doan.support.security.UnitTree;

/** Access checks read report-service's own copy of the tree. */
@Component
class CatalogTree implements UnitTree {

    private final Catalog catalog;

    CatalogTree(Catalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public Optional<List<String>> ancestorIds(String unitId) {
        return catalog.unit(unitId).map(UnitView::ancestorIds);
    }
}
