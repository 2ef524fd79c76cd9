package vn.doan.notificationservice.recipient;

import java.util.Collection;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.doan.notificationservice.delivery.ChannelType;

/**
 * A cadre who receives notifications for a unit: their role there (and department, for staff), their
 * contacts, the channels they want and their language ({@code vi} or {@code en}). Plan-service's events
 * carry units but no people, so a Union office registers them here. {@code subject}, optional, is the
 * subject of the person's login (the token's {@code sub}): events that name who acted, e.g. who submitted a
 * report, reach that person through it.
 */
@Document("recipients")
public record Recipient(@Id String id, @Indexed String unitId, Role role, String department, String name, String email, String webhookUrl,
        Set<ChannelType> channels, String language, @Indexed String subject) {

    /** Whether this recipient has one of {@code roles}; staff only for their own {@code department}, if one is named. */
    public boolean plays(Collection<Role> roles, String department) {
        return roles.contains(role) && (role != Role.STAFF || department == null || department.equals(this.department));
    }

    /** Where this recipient is reached on a channel: their email, their webhook, or their own id for the inbox. */
    public String address(ChannelType channel) {
        return switch (channel) {
            case INBOX -> id;
            case EMAIL -> email;
            case WEBHOOK -> webhookUrl;
        };
    }
}
