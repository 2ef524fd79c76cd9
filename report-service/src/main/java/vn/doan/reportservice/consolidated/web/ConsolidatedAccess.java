package vn.doan.reportservice.consolidated.web;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import vn.doan.support.security.Access;
import vn.doan.support.security.AccessRules;
import vn.doan.support.security.Allow;

/** A unit's consolidated report is read by the unit's own cadres and those of the units above it. */
@Component
class ConsolidatedAccess implements AccessRules {

    private final Access access;

    ConsolidatedAccess(Access access) {
        this.access = access;
    }

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(HttpMethod.GET, "/api/reports/consolidated/{planId}/{periodId}/units/{unitId}")
                .access(Allow.when((caller, request) -> access.canRead(caller, Allow.value(request, "unitId"))));
    }
}
