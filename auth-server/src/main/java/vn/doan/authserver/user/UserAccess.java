package vn.doan.authserver.user;

import java.util.List;
import org.springframework.stereotype.Component;
import vn.doan.authserver.orgunit.OrgUnits;
import vn.doan.support.security.Caller;

/**
 * Who may manage whose login: the administrator anyone's; a cadre of unit U the users of units strictly below U
 * (not of U itself, not elsewhere), never granting ADMIN. A cadre may list the users of U's subtree.
 */
@Component
class UserAccess {

    private final OrgUnits units;

    UserAccess(OrgUnits units) {
        this.units = units;
    }

    boolean mayList(Caller caller, String unitId) {
        return caller.is(Caller.ADMIN)
                || caller.is(Caller.CADRE) && caller.unitId() != null && (caller.unitId().equals(unitId) || units.isBelow(unitId, caller.unitId()));
    }

    boolean mayManage(Caller caller, String unitId, List<String> roles) {
        if (caller.is(Caller.ADMIN)) {
            return true;
        }
        return caller.is(Caller.CADRE) && !roles.contains(Caller.ADMIN) && unitId != null && units.isBelow(unitId, caller.unitId());
    }
}
