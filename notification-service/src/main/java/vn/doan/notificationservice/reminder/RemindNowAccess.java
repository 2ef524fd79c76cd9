package vn.doan.notificationservice.reminder;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import vn.doan.support.security.Access;
import vn.doan.support.security.AccessRules;
import vn.doan.support.security.Allow;
import vn.doan.support.security.Caller;

/** A reminder by hand is sent to a unit by the cadres of the units above it (not by the unit itself) and by administrators. */
@Component
class RemindNowAccess implements AccessRules {

    private final Access access;

    RemindNowAccess(Access access) {
        this.access = access;
    }

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(HttpMethod.POST, "/api/reminders/now").access(Allow.when((caller, request) -> {
            String unitId = Allow.value(request, "unitId");
            return caller.is(Caller.ADMIN) || caller.is(Caller.CADRE) && unitId != null && !unitId.equals(caller.unitId())
                    && access.canRead(caller, unitId);
        }));
    }
}
