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

    /**
     * The ancestors, after this move, of a unit whose ancestors were {@code ancestorIds}: for a unit below
     * the moved one, the moved unit's new ancestors, the moved unit, then the rest of its old path;
     * any other unit's ancestors are unchanged.
     */
    public List<String> ancestorsAfterMove(List<String> ancestorIds) {
        int at = ancestorIds.indexOf(unitId);
        if (at < 0) {
            return ancestorIds;
        }
        List<String> path = new java.util.ArrayList<>(newAncestorIds);
        path.add(unitId);
        path.addAll(ancestorIds.subList(at + 1, ancestorIds.size()));
        return List.copyOf(path);
    }
}
