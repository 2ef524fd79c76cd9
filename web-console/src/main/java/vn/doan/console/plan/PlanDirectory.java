package vn.doan.console.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import vn.doan.console.gateway.Api;
import vn.doan.console.gateway.Gateway;

/** The plans that bind a unit: those issued by the unit itself and by every unit above it, still in force. */
@Component
public class PlanDirectory {

    private static final ParameterizedTypeReference<List<Api.Plan>> PLANS = new ParameterizedTypeReference<>() {
    };

    private final Gateway gateway;

    PlanDirectory(Gateway gateway) {
        this.gateway = gateway;
    }

    public Api.Unit unit(String unitId) {
        return gateway.get(Api.Unit.class, "/api/units/{id}", unitId);
    }

    public List<Api.Plan> issuedBy(String unitId) {
        return gateway.get(PLANS, "/api/plans?issuingUnitId={unit}", unitId);
    }

    /** Issued (or revised) plans of the unit and its ancestors, the nearest issuer first; the issuers asked together. */
    public List<Api.Plan> inForceFor(Api.Unit unit) {
        List<String> issuers = new ArrayList<>();
        issuers.add(unit.id());
        if (unit.ancestorIds() != null) {
            List<String> ancestors = new ArrayList<>(unit.ancestorIds());
            java.util.Collections.reverse(ancestors);
            issuers.addAll(ancestors);
        }
        List<Supplier<List<Api.Plan>>> asked = new ArrayList<>();
        for (String issuer : new java.util.LinkedHashSet<>(issuers)) {
            asked.add(gateway.later(PLANS, "/api/plans?issuingUnitId={unit}", issuer));
        }
        List<Api.Plan> plans = new ArrayList<>();
        for (Supplier<List<Api.Plan>> issued : asked) {
            issued.get().stream().filter(p -> p.status().equals("ISSUED") || p.status().equals("REVISED")).forEach(plans::add);
        }
        return plans;
    }

    public Api.Plan plan(String planId) {
        return gateway.get(Api.Plan.class, "/api/plans/{id}", planId);
    }
}
