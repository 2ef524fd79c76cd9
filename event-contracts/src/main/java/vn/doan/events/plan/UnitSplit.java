package vn.doan.events.plan;

import java.time.LocalDate;
import java.util.List;

/**
 * A unit was split into new units (each announced by UnitCreated first) and dissolved, from
 * {@code effectiveFrom}; its children were moved under the new units with UnitMoved events.
 */
public record UnitSplit(String sourceUnitId, List<String> newUnitIds, LocalDate effectiveFrom) {
}
