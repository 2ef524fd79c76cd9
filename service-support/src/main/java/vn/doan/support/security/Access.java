package vn.doan.support.security;

import java.util.List;
import org.springframework.http.HttpStatus;
import vn.doan.support.web.ApiProblem;

/**
 * Who may do what to which unit, by role and place in the tree. An administrator may do everything.
 * A cadre ({@code CADRE}) reads the subtree of their own unit, writes for their own unit only, and reviews
 * the reports of the units directly below theirs. Department staff read their unit's subtree. Analysts
 * read aggregates only (see each service's rules).
 */
public class Access {

    private final UnitTree tree;

    public Access(UnitTree tree) {
        this.tree = tree;
    }

    /** The unit is the caller's or lies below it. */
    public boolean canRead(Caller caller, String unitId) {
        if (caller.is(Caller.ADMIN)) {
            return true;
        }
        if (!(caller.is(Caller.CADRE) || caller.is(Caller.DEPARTMENT_STAFF)) || caller.unitId() == null || unitId == null) {
            return false;
        }
        return caller.unitId().equals(unitId) || tree.ancestorIds(unitId).orElse(List.of()).contains(caller.unitId());
    }

    /** Reports and plans for the caller's own unit. */
    public boolean canWriteFor(Caller caller, String unitId) {
        return caller.is(Caller.ADMIN) || caller.is(Caller.CADRE) && caller.unitId() != null && caller.unitId().equals(unitId);
    }

    /** Accepting or returning the reports of a unit directly below the caller's. */
    public boolean canReview(Caller caller, String unitId) {
        if (caller.is(Caller.ADMIN)) {
            return true;
        }
        if (!caller.is(Caller.CADRE) || caller.unitId() == null || unitId == null) {
            return false;
        }
        List<String> ancestors = tree.ancestorIds(unitId).orElse(List.of());
        return !ancestors.isEmpty() && ancestors.get(ancestors.size() - 1).equals(caller.unitId());
    }

    /** The unit is the caller's, above it or below it: plans issued above reach down to the caller. */
    public boolean canSeePlansOf(Caller caller, String issuingUnitId) {
        if (caller.is(Caller.ADMIN) || caller.is(Caller.ANALYST)) {
            return true;
        }
        if (canRead(caller, issuingUnitId)) {
            return true;
        }
        return caller.unitId() != null && (caller.is(Caller.CADRE) || caller.is(Caller.DEPARTMENT_STAFF))
                && tree.ancestorIds(caller.unitId()).orElse(List.of()).contains(issuingUnitId);
    }

    /** Throws 403 problem+json unless {@code allowed}. */
    public static void require(boolean allowed, String field) {
        if (!allowed) {
            throw forbidden(field);
        }
    }

    public static ApiProblem forbidden(String field) {
        return new ApiProblem(HttpStatus.FORBIDDEN, "access.denied", field,
                "Your role or unit does not allow this.", "Vai trò hoặc đơn vị của bạn không được phép thực hiện thao tác này.");
    }
}
