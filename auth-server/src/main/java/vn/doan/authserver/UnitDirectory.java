package vn.doan.authserver;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Unit codes to unit ids, for the {@code unit_id} claim of users named by their unit's code. In a
 * deployment the identity provider keeps the unit id as a user attribute set by its administrator; here the
 * local stack tells it, once plan-service has created the demo units ({@link #assign}), or
 * {@code doan.auth.unit-ids.<code>=<id>} does.
 */
@Component
public class UnitDirectory {

    private final Map<String, String> ids = new ConcurrentHashMap<>();

    UnitDirectory(org.springframework.core.env.Environment environment) {
        org.springframework.boot.context.properties.bind.Binder.get(environment)
                .bind("doan.auth.unit-ids", org.springframework.boot.context.properties.bind.Bindable.mapOf(String.class, String.class))
                .ifBound(ids::putAll);
    }

    public void assign(String unitCode, String unitId) {
        ids.put(unitCode, unitId);
    }

    public Optional<String> idOf(String unitCode) {
        return unitCode == null ? Optional.empty() : Optional.ofNullable(ids.get(unitCode));
    }
}
