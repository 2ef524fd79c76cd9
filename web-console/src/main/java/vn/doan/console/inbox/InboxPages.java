package vn.doan.console.inbox;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import vn.doan.console.gateway.Gateway;

/**
 * The signed-in cadre's notification inbox: what notification-service told the people of their unit registered with their
 * login (reminders, returned reports, new plans, indicators off track), newest first. The list reloads itself when
 * notification-service pushes a new notice ({@link InboxRelay}) and every minute in case the push is cut.
 */
@Controller
class InboxPages {

    record Item(String id, String recipientId, String unitId, String kind, String subject, String body, Instant createdAt, boolean read) {
    }

    private static final ParameterizedTypeReference<List<Item>> ITEMS = new ParameterizedTypeReference<>() {
    };

    private final Gateway gateway;
    private final Recipients recipients;

    InboxPages(Gateway gateway, Recipients recipients) {
        this.gateway = gateway;
        this.recipients = recipients;
    }

    @GetMapping("/hop-thu")
    String inbox(Model model) {
        model.addAttribute("items", items());
        return "inbox";
    }

    /** The list alone, for the page's polling. */
    @GetMapping("/hop-thu/danh-sach")
    String list(Model model) {
        model.addAttribute("items", items());
        return "inbox :: items";
    }

    @PostMapping("/hop-thu/{id}/da-doc")
    String markRead(@PathVariable String id) {
        gateway.send(HttpMethod.POST, null, Map.of(), Object.class, "/api/inbox/{id}/read", id);
        return "redirect:/hop-thu";
    }

    /** The inboxes of the people of the user's unit linked to the user's login, merged. */
    private List<Item> items() {
        return recipients.ofCurrentUser().stream().flatMap(id -> gateway.get(ITEMS, "/api/inbox?recipientId={r}", id).stream())
                .sorted(Comparator.comparing(Item::createdAt, Comparator.nullsLast(Comparator.reverseOrder()))).toList();
    }
}
