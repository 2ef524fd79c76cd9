package vn.doan.events.plan;

import java.time.LocalDate;
import java.util.List;

/**
 * A unit, with its whole subtree, moved under another parent from {@code effectiveFrom}. Reports for
 * periods before that date keep counting under the old ancestors. Descendants' ancestor lists change by
 * replacing the prefix {@code oldAncestorIds} with {@code newAncestorIds}.
 */
public record UnitMoved(
        String unitId,
        String oldParentId,
        String newParentId,
        List<String> oldAncestorIds,
        List<String> newAncestorIds,
        LocalDate effectiveFrom) {
}
