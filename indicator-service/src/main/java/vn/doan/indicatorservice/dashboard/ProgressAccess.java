package vn.doan.indicatorservice.dashboard;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import vn.doan.support.security.Access;
import vn.doan.support.security.AccessRules;
import vn.doan.support.security.Allow;
import vn.doan.support.security.Caller;

/**
 * Progress: a cadre or department staff reads the dashboards of their own subtree, an analyst reads every
 * aggregate (read-only), only an administrator reconciles.
 */
@Component
class ProgressAccess implements AccessRules {

    private final Access access;

    ProgressAccess(Access access) {
        this.access = access;
    }

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(HttpMethod.GET, "/api/progress/{planId}/{periodId}/units/{unitId}", "/api/progress/{planId}/{periodId}/units/{unitId}/*",
                "/api/progress/{planId}/units/{unitId}/history").access(Allow.when((caller, request) ->
                caller.is(Caller.ANALYST) || access.canRead(caller, Allow.value(request, "unitId"))));
        rules.requestMatchers("/api/admin/**").access(Allow.role(Caller.ADMIN));
        rules.requestMatchers("/api/progress/**").denyAll();
    }
}
