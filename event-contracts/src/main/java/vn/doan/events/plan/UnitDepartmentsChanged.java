package vn.doan.events.plan;

import java.util.List;

/** A unit's departments ("Ban") changed; {@code departments} is the full list now in force. */
public record UnitDepartmentsChanged(String unitId, List<Department> departments) {

    /** e.g. code BTG, name Ban Tuyên giáo. */
    public record Department(String code, String name) {
    }
}
