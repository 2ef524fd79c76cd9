package vn.doan.notificationservice.recipient;

import java.util.Optional;
import org.bson.Document;
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
 * People, their inboxes and the deliveries to them. A person of a unit is registered, read or removed by a
 * cadre of that unit or of a unit above it (an administrator too); their inbox and live stream are read
 * by whoever may read that unit. Templates are read by anyone signed in and edited by administrators;
 * dead letters are for administrators. An id nobody has is let through to answer 404.
 */
@Component
class RecipientAccess implements AccessRules {

    private final Access access;
    private final MongoTemplate mongo;

    RecipientAccess(Access access, MongoTemplate mongo) {
        this.access = access;
        this.mongo = mongo;
    }

    /** A cadre of the unit or above it, or an administrator: who registers the unit's people. */
    boolean canManage(Caller caller, String unitId) {
        return caller.is(Caller.ADMIN) || caller.is(Caller.CADRE) && access.canRead(caller, unitId);
    }

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(HttpMethod.GET, "/api/recipients").access(Allow.when((caller, request) ->
                access.canRead(caller, Allow.value(request, "unitId"))));
        rules.requestMatchers(HttpMethod.GET, "/api/recipients/{id}").access(Allow.when((caller, request) ->
                unitOf("recipients", Allow.value(request, "id")).map(unit -> access.canRead(caller, unit)).orElse(true)));
        // PUT names the unit in its body: RecipientController checks it; here, an existing person must be the caller's to change
        rules.requestMatchers(HttpMethod.PUT, "/api/recipients/{id}").access(Allow.when((caller, request) ->
                unitOf("recipients", Allow.value(request, "id")).map(unit -> canManage(caller, unit)).orElse(true)));
        rules.requestMatchers(HttpMethod.DELETE, "/api/recipients/{id}").access(Allow.when((caller, request) ->
                unitOf("recipients", Allow.value(request, "id")).map(unit -> canManage(caller, unit)).orElse(true)));
        rules.requestMatchers(HttpMethod.GET, "/api/inbox", "/api/inbox/stream").access(Allow.when((caller, request) ->
                unitOf("recipients", Allow.value(request, "recipientId")).map(unit -> access.canRead(caller, unit))
                        .orElse(caller.is(Caller.ADMIN))));
        rules.requestMatchers(HttpMethod.POST, "/api/inbox/{id}/read", "/api/inbox/{id}/unread").access(Allow.when((caller, request) ->
                unitOf("inbox", Allow.value(request, "id")).map(unit -> access.canRead(caller, unit)).orElse(true)));
        rules.requestMatchers(HttpMethod.GET, "/api/templates/**").authenticated();
        rules.requestMatchers("/api/templates/**").access(Allow.role(Caller.ADMIN));
        rules.requestMatchers("/api/deliveries/**", "/api/deliveries").access(Allow.role(Caller.ADMIN));
    }

    private Optional<String> unitOf(String collection, String id) {
        return id == null ? Optional.empty()
                : Optional.ofNullable(mongo.findById(id, Document.class, collection)).map(doc -> doc.getString("unitId"));
    }
}
