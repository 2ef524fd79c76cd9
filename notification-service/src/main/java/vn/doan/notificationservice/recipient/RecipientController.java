package vn.doan.notificationservice.recipient;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.doan.notificationservice.delivery.ChannelType;
import vn.doan.notificationservice.delivery.WebhookTargets;
import vn.doan.support.security.Access;
import vn.doan.support.security.Caller;
import vn.doan.support.web.ApiProblem;

/** Who is the secretary, deputy and department staff of a unit, how to reach them and in which language. */
@RestController
@RequestMapping("/api/recipients")
class RecipientController {

    record RecipientRequest(@NotBlank String unitId, @NotNull Role role, String department, @NotBlank String name, String email,
            String webhookUrl, Set<ChannelType> channels, String language, String subject) {
    }

    private final Recipients recipients;

    private final RecipientAccess access;
    private final WebhookTargets webhooks;

    RecipientController(Recipients recipients, RecipientAccess access, WebhookTargets webhooks) {
        this.recipients = recipients;
        this.access = access;
        this.webhooks = webhooks;
    }

    @PutMapping("/{id}")
    Recipient put(@PathVariable String id, @Valid @RequestBody RecipientRequest r) {
        Caller caller = Caller.current();
        Access.require(access.canManage(caller, r.unitId()), "unitId");
        RecipientAccess.requireOwnLogin(caller, r.subject());
        Set<ChannelType> channels = r.channels() == null || r.channels().isEmpty() ? Set.of(ChannelType.INBOX) : r.channels();
        String language = r.language() == null ? "vi" : r.language();
        if (!List.of("vi", "en").contains(language)) {
            throw ApiProblem.invalid("recipient.language", "language", "Language must be vi or en.", "Ngôn ngữ phải là vi hoặc en.");
        }
        if (channels.contains(ChannelType.EMAIL) && (r.email() == null || !r.email().contains("@"))) {
            throw ApiProblem.invalid("recipient.email", "email", "The email channel needs an email address.", "Kênh email cần địa chỉ email.");
        }
        if (channels.contains(ChannelType.WEBHOOK) && r.webhookUrl() == null) {
            throw ApiProblem.invalid("recipient.webhook", "webhookUrl", "The webhook channel needs an https URL.",
                    "Kênh webhook cần một địa chỉ https.");
        }
        String refusal = r.webhookUrl() == null ? null : webhooks.refusal(r.webhookUrl());
        if (refusal != null) {
            throw ApiProblem.invalid("recipient.webhook", "webhookUrl", "A webhook goes to an https URL on a public address: " + refusal + ".",
                    "Webhook phải là địa chỉ https tới một máy chủ công khai trên Internet, không phải localhost, mạng nội bộ hay địa chỉ đặc biệt.");
        }
        if (r.subject() != null && (r.subject().isBlank() || r.subject().length() > 200 || !r.subject().equals(r.subject().strip()))) {
            throw ApiProblem.invalid("recipient.subject", "subject", "The login subject is the token's sub: not blank, no surrounding spaces, "
                    + "at most 200 characters.", "Tài khoản đăng nhập (sub) không được để trống, không có khoảng trắng ở đầu/cuối, tối đa 200 ký tự.");
        }
        if (r.role() == Role.STAFF && (r.department() == null || r.department().isBlank())) {
            throw ApiProblem.invalid("recipient.department", "department", "Staff belong to a department, e.g. BTG.",
                    "Cán bộ chuyên trách phải thuộc một ban, ví dụ BTG.");
        }
        return recipients.save(new Recipient(id, r.unitId(), r.role(), r.department(), r.name(), r.email(), r.webhookUrl(), channels, language,
                r.subject()));
    }

    @GetMapping
    List<Recipient> ofUnit(@RequestParam String unitId) {
        return recipients.inUnit(unitId);
    }

    @GetMapping("/{id}")
    Recipient get(@PathVariable String id) {
        Recipient recipient = recipients.find(id);
        if (recipient == null) {
            throw ApiProblem.notFound("recipient.unknown", "id", "No recipient " + id + ".", "Không tìm thấy người nhận " + id + ".");
        }
        return recipient;
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        return recipients.remove(id) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
    }
}
