package vn.doan.planservice.orgunit;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import vn.doan.support.security.Access;
import vn.doan.support.security.AccessRules;
import vn.doan.support.security.Allow;
import vn.doan.support.security.Caller;

/**
 * The tree: only an administrator changes it; a cadre or department staff reads the units of their own
 * subtree; an analyst reads any unit (structure, not reports).
 */
@Component
@Order(1)
class OrgUnitAccess implements AccessRules {

    private final Access access;

    OrgUnitAccess(Access access) {
        this.access = access;
    }

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(HttpMethod.GET, "/api/units/{id}").access(Allow.when((caller, request) ->
                caller.is(Caller.ANALYST) || access.canRead(caller, Allow.value(request, "id"))));
        rules.requestMatchers(HttpMethod.GET, "/api/units").access(Allow.when((caller, request) ->
                caller.is(Caller.ANALYST) || access.canRead(caller, Allow.value(request, "parentId"))));
        rules.requestMatchers("/api/units", "/api/units/**").access(Allow.role(Caller.ADMIN));
    }
}
