package vn.doan.support.security;

import java.util.List;
import java.util.Optional;

/**
 * A service's own read model of the organisation tree, as far as access checks need it: the ancestors of a
 * unit, root first, or empty when the service does not know the unit. Each service implements it over
 * the copy of the tree it keeps (plan-service owns the tree; the others learn it from
 * {@code doan.plan.org-units.v1}), so no request waits on another service.
 */
public interface UnitTree {

    Optional<List<String>> ancestorIds(String unitId);
}
