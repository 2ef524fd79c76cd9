package vn.doan.events.plan;

import java.time.LocalDate;
import java.util.List;

/**
 * An organisation unit was created. {@code ancestorIds} runs from the root to the direct parent,
 * so a consumer can place the unit without waiting for its parent's event. {@code levelName} is the name plan-service's
 * configuration gives the level ("Liên chi đoàn"), for readers; absent from events written before it existed.
 */
public record UnitCreated(
        String unitId,
        String code,
        String name,
        UnitLevel level,
        String kind,
        String parentId,
        List<String> ancestorIds,
        LocalDate effectiveFrom,
        String levelName) {

    public UnitCreated(String unitId, String code, String name, UnitLevel level, String kind, String parentId,
            List<String> ancestorIds, LocalDate effectiveFrom) {
        this(unitId, code, name, level, kind, parentId, ancestorIds, effectiveFrom, null);
    }
}
