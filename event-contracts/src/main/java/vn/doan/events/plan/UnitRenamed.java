package vn.doan.events.plan;

import java.time.LocalDate;

/** A unit took a new name from {@code effectiveFrom}. */
public record UnitRenamed(String unitId, String oldName, String newName, LocalDate effectiveFrom) {
}
