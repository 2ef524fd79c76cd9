package vn.doan.indicatorservice.rollup;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import vn.doan.events.plan.IndicatorKind;
import vn.doan.events.plan.UnitLevel;
import vn.doan.events.report.ReportSubmitted;
import vn.doan.indicatorservice.replica.PlanDefinition;

/** What one unit's reported value adds to the totals, by kind of indicator (see DOMAIN.md). */
public final class Contribution {

    private Contribution() {
    }

    /** Code of the totals entry that counts reports themselves: units reported, on time, late. */
    static final String REPORTS = "#reports";
    /** Code of the totals entry that counts units whose report in force was returned for revision. */
    static final String RETURNED = "#returned";

    /** What a returned report adds: one returned unit, none of its figures. */
    static List<Totals> returned() {
        return List.of(new Totals(RETURNED, 0, 0, 1, 0, 0, 0, 0, 0, 0));
    }

    public static List<Totals> of(PlanDefinition plan, PlanDefinition.Period period, UnitLevel level, ReportSubmitted report) {
        List<Totals> totals = new java.util.ArrayList<>(report.values().stream().flatMap(v -> plan.indicators().stream()
                .filter(i -> i.code().equals(v.indicatorCode())).findFirst().map(i -> of(i, period, level, v)).stream()).toList());
        boolean onTime = report.daysLate() == 0;
        totals.add(new Totals(REPORTS, 0, 0, 1, 0, 0, 0, 0, onTime ? 1 : 0, onTime ? 0 : 1));
        return totals;
    }

    static Totals of(PlanDefinition.Indicator indicator, PlanDefinition.Period period, UnitLevel level, ReportSubmitted.Value value) {
        BigDecimal target = indicator.target(period);
        long n = value.numerator();
        String code = indicator.code();
        return switch (indicator.kind()) {
            case SHARE_OF_PEOPLE, SHARE_OF_UNITS, RATE_AT_MOST -> share(code, n, value.denominator(), target != null
                    && Fraction.meets(n, value.denominator() == null ? 0 : value.denominator(), target, indicator.kind() == IndicatorKind.RATE_AT_MOST));
            case COUNT_AT_LEAST -> new Totals(code, n, 0, 1, target != null && BigDecimal.valueOf(n).compareTo(target) >= 0 ? 1 : 0, 0, 0, 0, 0, 0);
            case COUNT_IN_RANGE -> range(code, n, target, indicator.targetMax() == null ? target : indicator.targetMax());
            case YES_NO -> new Totals(code, n, 1, 1, (int) n, 0, 0, 0, 0, 0);
            case MILESTONE, TASK -> milestone(code, value.doneOn(), deadline(indicator, period, level));
        };
    }

    private static Totals share(String code, long numerator, Long denominator, boolean met) {
        return new Totals(code, numerator, denominator == null ? 0 : denominator, 1, met ? 1 : 0, 0, 0, 0, 0, 0);
    }

    /** Places the count below, within or above the range; nowhere when no target applies to the period. */
    private static Totals range(String code, long count, BigDecimal min, BigDecimal max) {
        if (min == null) {
            return new Totals(code, count, 0, 1, 0, 0, 0, 0, 0, 0);
        }
        BigDecimal value = BigDecimal.valueOf(count);
        int below = value.compareTo(min) < 0 ? 1 : 0;
        int above = value.compareTo(max) > 0 ? 1 : 0;
        int within = 1 - below - above;
        return new Totals(code, count, 0, 1, within, below, within, above, 0, 0);
    }

    private static Totals milestone(String code, LocalDate doneOn, LocalDate deadline) {
        boolean done = doneOn != null;
        boolean onTime = done && (deadline == null || !doneOn.isAfter(deadline));
        return new Totals(code, done ? 1 : 0, 1, 1, onTime ? 1 : 0, 0, 0, 0, onTime ? 1 : 0, done && !onTime ? 1 : 0);
    }

    /** The deadline of the unit's level, else the latest one; a task without any is due by the end of the reporting period. */
    private static LocalDate deadline(PlanDefinition.Indicator indicator, PlanDefinition.Period period, UnitLevel level) {
        List<PlanDefinition.LevelDeadline> deadlines = indicator.deadlines();
        return deadlines.stream().filter(d -> java.util.Objects.equals(d.level(), level)).map(PlanDefinition.LevelDeadline::deadline).findFirst()
                .orElse(deadlines.stream().map(PlanDefinition.LevelDeadline::deadline).max(LocalDate::compareTo)
                        .orElse(indicator.kind() == IndicatorKind.TASK ? period.to() : null));
    }
}
