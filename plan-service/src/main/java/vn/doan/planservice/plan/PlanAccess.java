package vn.doan.planservice.plan;

import java.util.Optional;
import java.util.function.BiPredicate;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import vn.doan.support.security.Access;
import vn.doan.support.security.AccessRules;
import vn.doan.support.security.Allow;
import vn.doan.support.security.Caller;

/**
 * Plans: a cadre drafts, issues, revises and closes the plans of their own unit (the issuing unit in a new
 * or changed draft is checked in {@link PlanController}); plans of the caller's unit, of the units above it
 * (they are addressed to it) and of the units below it can be read. A plan id nobody has is let through to
 * answer 404.
 */
@Component
@Order(2)
class PlanAccess implements AccessRules {

    private final Access access;
    private final MongoTemplate mongo;

    PlanAccess(Access access, MongoTemplate mongo) {
        this.access = access;
        this.mongo = mongo;
    }

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(HttpMethod.GET, "/api/plans").access(Allow.when((caller, request) ->
                access.canSeePlansOf(caller, Allow.value(request, "issuingUnitId"))));
        rules.requestMatchers(HttpMethod.GET, "/api/plans/{id}/implementation").access(issuer((caller, unit) ->
                caller.is(Caller.ANALYST) || access.canRead(caller, unit)));
        rules.requestMatchers(HttpMethod.GET, "/api/plans/{id}").access(issuer(access::canSeePlansOf));
        rules.requestMatchers(HttpMethod.POST, "/api/plans").access(Allow.role(Caller.ADMIN, Caller.CADRE));
        rules.requestMatchers("/api/plans/{id}", "/api/plans/{id}/*").access(issuer(access::canWriteFor));
    }

    private org.springframework.security.authorization.AuthorizationManager<org.springframework.security.web.access.intercept.RequestAuthorizationContext>
            issuer(BiPredicate<Caller, String> check) {
        return Allow.when((caller, request) -> issuingUnit(Allow.value(request, "id")).map(unit -> check.test(caller, unit)).orElse(true));
    }

    private Optional<String> issuingUnit(String planId) {
        return Optional.ofNullable(mongo.findById(planId, Plan.class)).map(Plan::issuingUnitId);
    }
}
