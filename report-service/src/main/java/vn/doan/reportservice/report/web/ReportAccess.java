package vn.doan.reportservice.report.web;

import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.stereotype.Component;
import vn.doan.reportservice.catalog.Catalog;
import vn.doan.reportservice.catalog.UnitView;
import vn.doan.reportservice.report.Report;
import vn.doan.support.security.Access;
import vn.doan.support.security.AccessRules;
import vn.doan.support.security.Allow;
import vn.doan.support.security.Caller;

/**
 * Reports: a cadre drafts, edits, submits and revises their own unit's reports, and in a batch sends those of the
 * units below theirs too; the cadre of the unit directly above accepts or returns them; the subtree above reads them;
 * an analyst reads only the completeness counts. A report id nobody has is let through to answer 404.
 */
@Component
class ReportAccess implements AccessRules {

    private final Access access;
    private final MongoTemplate mongo;
    private final Catalog catalog;

    ReportAccess(Access access, MongoTemplate mongo, Catalog catalog) {
        this.access = access;
        this.mongo = mongo;
        this.catalog = catalog;
    }

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(HttpMethod.GET, "/api/reports/completeness").access(Allow.when((caller, request) ->
                caller.is(Caller.ANALYST) || access.canRead(caller, completenessRoot(request))));
        rules.requestMatchers(HttpMethod.GET, "/api/reports/sheet.xlsx").access(Allow.role(Caller.ADMIN, Caller.CADRE));
        rules.requestMatchers(HttpMethod.POST, "/api/reports", "/api/reports/drafts", "/api/reports/batch", "/api/reports/sheet")
                .access(Allow.role(Caller.ADMIN, Caller.CADRE));
        rules.requestMatchers(HttpMethod.GET, "/api/reports").access(Allow.role(Caller.ADMIN, Caller.CADRE, Caller.DEPARTMENT_STAFF));
        rules.requestMatchers(HttpMethod.POST, "/api/reports/{id}/return", "/api/reports/{id}/accept").access(unit(access::canReview));
        rules.requestMatchers(HttpMethod.PUT, "/api/reports/{id}").access(unit(access::canWriteFor));
        rules.requestMatchers(HttpMethod.POST, "/api/reports/{id}/submit", "/api/reports/{id}/revisions", "/api/reports/{id}/attachments")
                .access(unit(access::canWriteFor));
        rules.requestMatchers(HttpMethod.GET, "/api/reports/{id}", "/api/reports/{id}/attachments/{attachmentId}").access(unit(access::canRead));
    }

    /** In a batch, a cadre sends reports for their own unit and the units below it: a district's sheet of its communes. */
    Predicate<UnitView> sendsFor(Caller caller) {
        return unit -> caller.is(Caller.ADMIN) || caller.is(Caller.CADRE) && caller.unitId() != null
                && (caller.unitId().equals(unit.id()) || unit.ancestorIds().contains(caller.unitId()));
    }

    private AuthorizationManager<RequestAuthorizationContext> unit(BiPredicate<Caller, String> check) {
        return Allow.when((caller, request) -> Optional.ofNullable(mongo.findById(Allow.value(request, "id"), Report.class))
                .map(report -> check.test(caller, report.unitId())).orElse(true));
    }

    /** The unit whose subtree is counted: the one asked for, else the plan's issuing unit. */
    private String completenessRoot(RequestAuthorizationContext request) {
        String unitId = request.getRequest().getParameter("unitId");
        if (unitId != null) {
            return unitId;
        }
        String planId = request.getRequest().getParameter("planId");
        return planId == null ? null : catalog.plan(planId).map(p -> p.plan().issuingUnitId()).orElse(null);
    }
}
