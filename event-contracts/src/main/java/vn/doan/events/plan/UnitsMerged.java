package vn.doan.events.plan;

import java.time.LocalDate;
import java.util.List;

/**
 * Units were merged into one ("sáp nhập") from {@code effectiveFrom}: each source is dissolved and its
 * children were moved under the target (each with its own UnitMoved event, published before this one).
 * What a source reported before the date still counts where it counted then.
 */
public record UnitsMerged(List<String> sourceUnitIds, String targetUnitId, LocalDate effectiveFrom) {
}
