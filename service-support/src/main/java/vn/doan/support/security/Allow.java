package vn.doan.support.security;

import java.util.function.BiPredicate;
import java.util.function.Predicate;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/** Authorisation decisions on a request from the caller's token and the request (path variables, parameters). */
public final class Allow {

    private Allow() {
    }

    /** The administrator passes without a look-up (so even with the database down the answer is the service's own 503). */
    public static AuthorizationManager<RequestAuthorizationContext> when(BiPredicate<Caller, RequestAuthorizationContext> check) {
        return (authentication, context) -> new AuthorizationDecision(authentication.get() instanceof JwtAuthenticationToken token
                && allowed(Caller.of(token.getToken()), context, check));
    }

    private static boolean allowed(Caller caller, RequestAuthorizationContext context, BiPredicate<Caller, RequestAuthorizationContext> check) {
        return caller.is(Caller.ADMIN) || check.test(caller, context);
    }

    public static AuthorizationManager<RequestAuthorizationContext> caller(Predicate<Caller> check) {
        return when((caller, context) -> check.test(caller));
    }

    public static AuthorizationManager<RequestAuthorizationContext> role(String... roles) {
        return caller(c -> java.util.Arrays.stream(roles).anyMatch(c::is));
    }

    /** A path variable such as {@code {unitId}}, or a request parameter of that name. */
    public static String value(RequestAuthorizationContext context, String name) {
        String value = context.getVariables().get(name);
        return value != null ? value : context.getRequest().getParameter(name);
    }
}
