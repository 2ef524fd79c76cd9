package vn.doan.planservice.orgunit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A merge or split that touches several units. It is written first, then carried out step by step;
 * every step is idempotent, so a restructuring left {@code PENDING} by a crash is simply run again.
 *
 * @param parts for a split, the new units; for a merge into a new unit, that unit
 * @param childAssignments for a split, which new unit (by code) each child of the source goes under
 */
@Document("restructurings")
public record Restructuring(
        @Id String id,
        Type type,
        List<String> sourceUnitIds,
        String targetUnitId,
        List<Part> parts,
        Map<String, String> childAssignments,
        LocalDate effectiveFrom,
        Status status,
        Instant createdAt) {

    public enum Type { MERGE, SPLIT }

    public enum Status { PENDING, DONE }

    /** A unit the restructuring creates, with its id fixed in advance so that re-running creates it once. */
    public record Part(String id, String code, String name, String kind) {
    }
}
