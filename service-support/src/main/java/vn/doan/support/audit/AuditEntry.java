package vn.doan.support.audit;

import java.time.Instant;
import java.util.Set;
import org.springframework.data.mongodb.core.mapping.Document;

/** One write request: who (subject, roles, unit), when, what (method, path, answer) and from which client. */
@Document("audit")
public record AuditEntry(String id, Instant at, String subject, Set<String> roles, String unitId, String clientId, String userAgent,
        String method, String path, int status, String correlationId) {
}
