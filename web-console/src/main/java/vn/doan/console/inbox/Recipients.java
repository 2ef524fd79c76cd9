package vn.doan.console.inbox;

import java.util.List;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import vn.doan.console.gateway.Gateway;
import vn.doan.console.web.CurrentUser;

/** The people of the signed-in user's unit whom notification-service links to the user's login: whose inboxes they read. */
@Component
class Recipients {

    /** A person as notification-service registers them; {@code subject} is the login linked to them. */
    record Person(String id, String unitId, String name, String subject) {
    }

    private static final ParameterizedTypeReference<List<Person>> PEOPLE = new ParameterizedTypeReference<>() {
    };

    private final Gateway gateway;

    Recipients(Gateway gateway) {
        this.gateway = gateway;
    }

    List<String> ofCurrentUser() {
        CurrentUser me = CurrentUser.get();
        if (me.unitId() == null) {
            return List.of();
        }
        return gateway.get(PEOPLE, "/api/recipients?unitId={u}", me.unitId()).stream().filter(p -> me.login().equals(p.subject()))
                .map(Person::id).toList();
    }
}
