package vn.doan.authserver;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Unit codes to unit ids given explicitly, for the demo users of {@code auth-server.yml}, who are named by their unit's
 * code: the local stack tells them once plan-service has created the demo units ({@link #assign}), or
 * {@code doan.auth.unit-ids.<code>=<id>} does. What is given here wins; otherwise the id comes from the tree learnt from
 * Kafka ({@code orgunit/OrgUnits}), which the demo data may not have reached yet when it first logs in.
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
