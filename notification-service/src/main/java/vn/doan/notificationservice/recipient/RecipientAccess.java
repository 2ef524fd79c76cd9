package vn.doan.notificationservice.recipient;

import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import vn.doan.support.security.Access;
import vn.doan.support.security.AccessRules;
import vn.doan.support.security.Allow;
import vn.doan.support.security.Caller;
import vn.doan.support.web.ApiProblem;

/**
 * People, their inboxes and the deliveries to them. A person of a unit is registered, read or removed by a
 * cadre of that unit or of a unit above it (an administrator too). A person linked to a login ({@code subject})
 * is that login's: only its owner or an administrator links a login, changes or unlinks a linked person, since
 * this service cannot tell which unit another login belongs to. An inbox and its live stream are read and
 * marked by their owner only (the caller whose {@code sub} is the person's {@code subject}) and by administrators;
 * a person without a login has an inbox nobody but an administrator reads. Templates are read by anyone signed
 * in and edited by administrators; dead letters are for administrators. An id nobody has is let through to
 * answer 404.
 */
@Component
class RecipientAccess implements AccessRules {

    private static final String RECIPIENTS = "recipients";
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

    /** Throws 403 unless {@code subject} (a login a person is to be linked to) is none, the caller's own, or the caller is an administrator. */
    static void requireOwnLogin(Caller caller, String subject) {
        if (!mayLink(caller, subject)) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "access.denied", "subject",
                    "A person may be linked only to your own login; an administrator links anyone's.",
                    "Chỉ được gắn người nhận với tài khoản đăng nhập của chính mình; quản trị viên mới được gắn tài khoản của người khác.");
        }
    }

    private static boolean mayLink(Caller caller, String subject) {
        return subject == null || caller.is(Caller.ADMIN) || subject.equals(caller.subject());
    }

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(HttpMethod.GET, "/api/recipients").access(Allow.when((caller, request) ->
                access.canRead(caller, Allow.value(request, "unitId"))));
        rules.requestMatchers(HttpMethod.GET, "/api/recipients/{id}").access(Allow.when((caller, request) ->
                recipient(Allow.value(request, "id")).map(person -> access.canRead(caller, person.getString("unitId"))).orElse(true)));
        // PUT names the unit and login in its body: RecipientController checks them; here, an existing person must be the caller's to change
        rules.requestMatchers(HttpMethod.PUT, "/api/recipients/{id}").access(Allow.when((caller, request) ->
                recipient(Allow.value(request, "id")).map(person -> canManage(caller, person.getString("unitId"))
                        && mayLink(caller, person.getString("subject"))).orElse(true)));
        rules.requestMatchers(HttpMethod.DELETE, "/api/recipients/{id}").access(Allow.when((caller, request) ->
                recipient(Allow.value(request, "id")).map(person -> canManage(caller, person.getString("unitId"))).orElse(true)));
        rules.requestMatchers(HttpMethod.GET, "/api/inbox", "/api/inbox/stream").access(Allow.when((caller, request) ->
                ownsInbox(caller, Allow.value(request, "recipientId"))));
        rules.requestMatchers(HttpMethod.POST, "/api/inbox/{id}/read", "/api/inbox/{id}/unread").access(Allow.when((caller, request) ->
                Optional.ofNullable(mongo.findById(Allow.value(request, "id"), Document.class, "inbox"))
                        .map(item -> ownsInbox(caller, item.getString("recipientId"))).orElse(true)));
        rules.requestMatchers(HttpMethod.GET, "/api/templates/**").authenticated();
        rules.requestMatchers("/api/templates/**").access(Allow.role(Caller.ADMIN));
        rules.requestMatchers("/api/deliveries/**", "/api/deliveries").access(Allow.role(Caller.ADMIN));
    }

    /** The caller is the person's login (administrators pass before this is asked). */
    private boolean ownsInbox(Caller caller, String recipientId) {
        return recipient(recipientId).map(person -> caller.subject() != null && caller.subject().equals(person.getString("subject")))
                .orElse(false);
    }

    private Optional<Document> recipient(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(mongo.findById(id, Document.class, RECIPIENTS));
    }
}
