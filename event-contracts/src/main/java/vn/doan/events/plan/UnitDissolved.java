package vn.doan.events.plan;

import java.time.LocalDate;

/** A unit ceased to exist from {@code effectiveFrom} (giải thể, or as the source of a merge or split). */
public record UnitDissolved(String unitId, LocalDate effectiveFrom, String reason) {
}
