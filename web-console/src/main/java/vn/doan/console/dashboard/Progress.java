package vn.doan.console.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** indicator-service's and report-service's answers, as far as the dashboard shows them. */
public final class Progress {

    private Progress() {
    }

    /**
     * A unit's own figures or its subtree's. For a subtree, counts are the share of units that met their target
     * ({@code unitsMet} of {@code reportingUnits}, target 100 %), yes/no the share of units answering yes, milestones
     * the share done on time.
     */
    public record Measure(long numerator, long denominator, int reportingUnits, int unitsMet, int doneOnTime, BigDecimal value,
            BigDecimal percent, BigDecimal target, String status) {
    }

    public record Indicator(String code, String text, String kind, BigDecimal target, BigDecimal targetMax, Measure own, Measure subtree) {

        public boolean share() {
            return kind.startsWith("SHARE") || kind.equals("RATE_AT_MOST");
        }

        public boolean count() {
            return kind.startsWith("COUNT");
        }

        /** The bar's filled part, 0–100: what was achieved against the target (a rate to keep low: the target against it). */
        public int bar() {
            BigDecimal shown = subtree.percent() != null ? subtree.percent() : subtree.value();
            BigDecimal goal = subtree.target() != null ? subtree.target() : target;
            if (shown == null || goal == null || goal.signum() == 0) {
                return 0;
            }
            BigDecimal ratio = kind.equals("RATE_AT_MOST")
                    ? (shown.signum() == 0 ? BigDecimal.ONE : goal.divide(shown, 4, RoundingMode.HALF_UP))
                    : shown.divide(goal, 4, RoundingMode.HALF_UP);
            return Math.max(0, Math.min(100, ratio.multiply(BigDecimal.valueOf(100)).intValue()));
        }
    }

    /** indicator-service's count of the subtree's reports, from its roll-up: the same numbers as {@link Completeness}, without the units. */
    public record Reports(int expected, int submitted, int onTime, int late, int returned, int missing, int notYetDue) {
    }

    public record Unit(String planId, String periodId, String unitId, String unitName, String level, Integer ownVersion, Integer daysLate,
            List<Indicator> indicators, Reports reports) {
    }

    public record UnitState(String unitId, String name, String level, String state, int daysLate, String reportId, Integer version) {
    }

    public record Completeness(String planId, String periodId, java.time.LocalDate dueDate, int expected, long submitted, long onTime, long late,
            long missing, List<UnitState> units) {
    }

    public record Ranked(int rank, String unitId, String unitName, BigDecimal score, int expected, int late) {
    }

    /** indicator-service's {@code /dashboard}: the unit's figures, its direct children's, the indicators behind and the ranking. */
    public record Dashboard(Unit unit, List<Unit> children, List<Behind> behind, List<Ranked> ranking) {

        /** What a caller sees who may not read the unit's progress, or of a plan indicator-service does not know yet: nothing. */
        static final Dashboard NONE = new Dashboard(null, null, null, null);
    }

    public record Behind(String code, String text, String status, BigDecimal value, BigDecimal target, BigDecimal attainment) {
    }
}
