package vn.doan.notificationservice.notice;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.doan.notificationservice.recipient.Role;

/**
 * Something to tell: what it is about ({@code unitId}, {@code params} for the templates) and to whom
 * (each {@link Addressee}: people of a unit by role, with the template they get). Its id says what it
 * is, e.g. {@code reminder|plan|period|unit|rule|due} or {@code returned|report|version}, so it is
 * recorded once. {@code fannedOut} turns true once its deliveries exist; {@code stopKey}
 * ({@code plan|period|unit}) cancels deliveries not yet sent when the unit submits.
 */
@Document("notifications")
public record Notification(@Id String id, String kind, String unitId, String stopKey, Map<String, String> params, List<Addressee> addressees,
        Instant createdAt, boolean fannedOut) {

    /**
     * The people of {@code unitId} in {@code roles} (staff only of {@code department} if given) get {@code template};
     * with a {@code subject}, instead the people registered with that login subject.
     */
    public record Addressee(String unitId, Set<Role> roles, String department, String template, String subject) {

        public Addressee(String unitId, Set<Role> roles, String department, String template) {
            this(unitId, roles, department, template, null);
        }

        static Addressee person(String unitId, String subject, String template) {
            return new Addressee(unitId, Set.of(), null, template, subject);
        }
    }
}
