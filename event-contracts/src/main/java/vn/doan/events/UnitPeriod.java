package vn.doan.events;

/**
 * One unit's period of one plan: what a report is for, what a roll-up node sums, what a reminder is about. Every
 * service that keys a document by these three builds its id here, so the id has one shape everywhere:
 * {@code planId|periodId|unitId}.
 */
public record UnitPeriod(String planId, String periodId, String unitId) {

    public UnitPeriod {
        if (planId == null || periodId == null || unitId == null) {
            throw new IllegalArgumentException("plan, period and unit are all required");
        }
    }

    /** The id of a document about this unit's period: {@code planId|periodId|unitId}. */
    public String id() {
        return planId + "|" + periodId + "|" + unitId;
    }

    /** The id of a document about one indicator of this unit's period: {@code planId|periodId|unitId|code}. */
    public String id(String indicatorCode) {
        return id() + "|" + indicatorCode;
    }

    /** The unit's period that {@link #id()} made {@code id} from. */
    public static UnitPeriod parse(String id) {
        String[] parts = id.split("\\|", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("not planId|periodId|unitId: " + id);
        }
        return new UnitPeriod(parts[0], parts[1], parts[2]);
    }

    @Override
    public String toString() {
        return id();
    }
}
