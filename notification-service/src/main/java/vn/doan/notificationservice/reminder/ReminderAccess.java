package vn.doan.notificationservice.reminder;

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

/**
 * A unit's inbox is read by its own subtree's cadres and staff (the unit and those above it); a reminder is
 * marked read by a cadre of the unit it was sent to. A reminder id nobody has is let through to answer 404.
 */
@Component
class ReminderAccess implements AccessRules {

    private final Access access;
    private final MongoTemplate mongo;

    ReminderAccess(Access access, MongoTemplate mongo) {
        this.access = access;
        this.mongo = mongo;
    }

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(HttpMethod.GET, "/api/reminders").access(Allow.when((caller, request) ->
                access.canRead(caller, Allow.value(request, "unitId"))));
        rules.requestMatchers(HttpMethod.POST, "/api/reminders/{id}/read").access(Allow.when((caller, request) ->
                Optional.ofNullable(mongo.findById(Allow.value(request, "id"), Document.class, "reminders"))
                        .map(reminder -> access.canWriteFor(caller, reminder.getString("unitId"))).orElse(true)));
    }
}
