package vn.doan.indicatorservice.rollup;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import vn.doan.events.plan.IndicatorKind;
import vn.doan.indicatorservice.replica.PlanDefinition;

/**
 * How far an indicator is, as a cadre reads it. The value compared with the target is a percent:
 * Σ numerators / Σ denominators for shares and rates; units where true for yes/no; units done by the
 * deadline for milestones and tasks; for counts, the unit's own count, and for a subtree the share of its
 * reporting units that reached the count (or lie within the range).
 *
 * <p>Status: NO_DATA without reports; ACHIEVED at the target (at or below it for "at most" rates); else,
 * once the period is over, OFF_TRACK; during the period the expectation grows linearly with the time
 * elapsed, from 0 (or, on the path to a by-year target, from what was expected when the period began) to the target,
 * so ON_TRACK means at or above that expectation, AT_RISK at least
 * {@value #AT_RISK_PERCENT}% of that, OFF_TRACK below. An "at most" rate not yet down to its target is
 * AT_RISK until the period ends.
 */
public final class Progress {

    /** AT_RISK down to this percent of the expectation. */
    static final long AT_RISK_PERCENT = 80;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public enum Status { ACHIEVED, ON_TRACK, AT_RISK, OFF_TRACK, NO_DATA, NO_TARGET }

    private Progress() {
    }

    /** One indicator measured over a unit's own totals or its subtree's: the sums, the value, the target and the status. */
    public record Measure(long numerator, long denominator, int reportingUnits, int unitsMet, int below, int within, int above,
            int doneOnTime, int doneLate, BigDecimal value, BigDecimal percent, BigDecimal target, Status status) {
    }

    /** {@code totals} (null: nothing reported) of {@code indicator} measured on {@code today}; {@code ownOnly} for a unit's own report. */
    public static Measure measure(PlanDefinition.Indicator indicator, PlanDefinition.Period period, Totals totals, boolean ownOnly,
            LocalDate today) {
        Totals t = totals == null ? new Totals(indicator.code(), 0, 0, 0, 0, 0, 0, 0, 0, 0) : totals;
        Fraction exact = exact(indicator.kind(), t, ownOnly);
        BigDecimal target = target(indicator, period, ownOnly);
        BigDecimal value = shown(indicator.kind(), exact, target);
        return new Measure(t.numerator(), t.denominator(), t.units(), t.met(), t.below(), t.within(), t.above(), t.onTime(), t.late(),
                value, value, target, status(indicator.kind(), exact, target, atStart(indicator, period, ownOnly), t, ownOnly, period, today));
    }

    /**
     * The value for display: two decimals, half up, except that a value missing its target is never rounded onto it
     * (1133/1333 = 84.996…% against 85% shows 84.99; 40/1999 = 2.001…% against "at most 2%" shows 2.01).
     */
    static BigDecimal shown(IndicatorKind kind, Fraction exact, BigDecimal target) {
        if (exact == null) {
            return null;
        }
        BigDecimal rounded = exact.rounded(RoundingMode.HALF_UP);
        if (target == null) {
            return rounded;
        }
        boolean atMost = kind == IndicatorKind.RATE_AT_MOST;
        boolean misses = atMost ? exact.compareTo(target) > 0 : exact.compareTo(target) < 0;
        boolean looksMet = atMost ? rounded.compareTo(target) <= 0 : rounded.compareTo(target) >= 0;
        return misses && looksMet ? exact.rounded(atMost ? RoundingMode.CEILING : RoundingMode.FLOOR) : rounded;
    }

    /**
     * The value compared with the target, exactly: a percent (part × 100 / whole), or for a unit's own count the count
     * itself; null without data.
     */
    static Fraction exact(IndicatorKind kind, Totals totals, boolean ownOnly) {
        if (totals == null || totals.units() == 0) {
            return null;
        }
        return switch (kind) {
            case SHARE_OF_PEOPLE, SHARE_OF_UNITS, RATE_AT_MOST -> Fraction.percent(totals.numerator(), totals.denominator());
            case YES_NO -> Fraction.percent(totals.numerator(), totals.units());
            case MILESTONE, TASK -> Fraction.percent(totals.onTime(), totals.units());
            case COUNT_AT_LEAST, COUNT_IN_RANGE -> ownOnly ? Fraction.count(totals.numerator()) : Fraction.percent(totals.met(), totals.units());
        };
    }

    /**
     * The target the value is compared with: the plan's target in force for the period (for yes/no and milestones the
     * share of units the plan asks for, e.g. 80%), or 100% of units for a subtree's counts, whose value is the share of
     * units that reached the count. Null when no target applies to the period.
     */
    static BigDecimal target(PlanDefinition.Indicator indicator, PlanDefinition.Period period, boolean ownOnly) {
        boolean count = indicator.kind() == IndicatorKind.COUNT_AT_LEAST || indicator.kind() == IndicatorKind.COUNT_IN_RANGE;
        BigDecimal target = indicator.target(period);
        if (count && !ownOnly && target != null) {
            return HUNDRED;
        }
        return target;
    }

    /** Where the expectation starts as the period goes by: on the path to a by-year target, what was expected before it. */
    private static BigDecimal atStart(PlanDefinition.Indicator indicator, PlanDefinition.Period period, boolean ownOnly) {
        boolean count = indicator.kind() == IndicatorKind.COUNT_AT_LEAST || indicator.kind() == IndicatorKind.COUNT_IN_RANGE;
        BigDecimal atStart = count && !ownOnly ? null : indicator.targetAtStart(period);
        return atStart == null ? BigDecimal.ZERO : atStart;
    }

    static Status status(IndicatorKind kind, Fraction value, BigDecimal target, BigDecimal atStart, Totals totals, boolean ownOnly,
            PlanDefinition.Period period, LocalDate today) {
        if (value == null) {
            return Status.NO_DATA;
        }
        if (target == null) {
            return Status.NO_TARGET;
        }
        if (kind == IndicatorKind.COUNT_IN_RANGE && ownOnly) {
            return totals.within() == 1 ? Status.ACHIEVED : today.isAfter(period.to()) ? Status.OFF_TRACK : Status.AT_RISK;
        }
        boolean achieved = kind == IndicatorKind.RATE_AT_MOST ? value.compareTo(target) <= 0 : value.compareTo(target) >= 0;
        if (achieved) {
            return Status.ACHIEVED;
        }
        if (today.isAfter(period.to())) {
            return Status.OFF_TRACK;
        }
        if (kind == IndicatorKind.RATE_AT_MOST) {
            return Status.AT_RISK;
        }
        long[] elapsed = elapsedDays(period, today);
        // expected × days of the period = start × days + (target − start) × days gone
        BigDecimal expectedTimesDays = atStart.multiply(BigDecimal.valueOf(elapsed[1]))
                .add(target.subtract(atStart).multiply(BigDecimal.valueOf(elapsed[0])));
        if (value.compareTo(expectedTimesDays, 1, elapsed[1]) >= 0) {
            return Status.ON_TRACK;
        }
        return value.compareTo(expectedTimesDays, AT_RISK_PERCENT, elapsed[1] * 100) >= 0 ? Status.AT_RISK : Status.OFF_TRACK;
    }

    /** Share of the period elapsed on {@code today}, from 0 before it starts to 1 at its last day. */
    static double elapsed(PlanDefinition.Period period, LocalDate today) {
        long[] elapsed = elapsedDays(period, today);
        return (double) elapsed[0] / elapsed[1];
    }

    /** Days of the period gone on {@code today} (today included; from 0 before it starts to all of them), and its length. */
    private static long[] elapsedDays(PlanDefinition.Period period, LocalDate today) {
        long length = ChronoUnit.DAYS.between(period.from(), period.to()) + 1;
        long done = ChronoUnit.DAYS.between(period.from(), today) + 1;
        return new long[] {Math.max(0, Math.min(length, done)), length};
    }
}
