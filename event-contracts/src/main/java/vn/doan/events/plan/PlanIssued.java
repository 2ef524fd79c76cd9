package vn.doan.events.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A plan was issued (version 1) or revised (version 2, 3 …) by a unit: what it measures, when units under
 * the issuer must report, and whether they must make their own implementing plan. A higher version
 * replaces a lower one; consumers keep the plan as their own read model.
 */
public record PlanIssued(
        String planId,
        String number,
        String title,
        String issuingUnitId,
        LocalDate issuedOn,
        LocalDate periodFrom,
        LocalDate periodTo,
        List<Indicator> indicators,
        List<ReportingPeriod> schedule,
        int version,
        String revisionReason,
        String type,
        String parentPlanId,
        LocalDate implementingPlanDue,
        List<UnitLevel> implementingLevels,
        Ranking ranking) {

    /** The v1 shape, for producers that know nothing of revisions and cascades. */
    public PlanIssued(String planId, String number, String title, String issuingUnitId, LocalDate issuedOn,
            LocalDate periodFrom, LocalDate periodTo, List<Indicator> indicators, List<ReportingPeriod> schedule) {
        this(planId, number, title, issuingUnitId, issuedOn, periodFrom, periodTo, indicators, schedule, 1, null,
                null, null, null, List.of());
    }

    /** The shape before plans carried their own ranking rules. */
    public PlanIssued(String planId, String number, String title, String issuingUnitId, LocalDate issuedOn,
            LocalDate periodFrom, LocalDate periodTo, List<Indicator> indicators, List<ReportingPeriod> schedule, int version,
            String revisionReason, String type, String parentPlanId, LocalDate implementingPlanDue, List<UnitLevel> implementingLevels) {
        this(planId, number, title, issuingUnitId, issuedOn, periodFrom, periodTo, indicators, schedule, version, revisionReason,
                type, parentPlanId, implementingPlanDue, implementingLevels, null);
    }

    /**
     * One indicator (chỉ tiêu), e.g. "100% cán bộ Đoàn được tập huấn", at least 100. {@code target} is the
     * final target (the lower bound for a range); {@code targets} says how it moves over the years;
     * {@code targetMax} is the upper bound of a range; {@code deadlines} are a milestone's deadline per level.
     */
    public record Indicator(
            String code,
            String text,
            IndicatorKind kind,
            BigDecimal target,
            List<UnitLevel> reportingLevels,
            BigDecimal targetMax,
            List<Target> targets,
            String department,
            List<LevelDeadline> deadlines) {

        public Indicator(String code, String text, IndicatorKind kind, BigDecimal target, List<UnitLevel> reportingLevels) {
            this(code, text, kind, target, reportingLevels, null, List.of(), null, List.of());
        }

        /**
         * The target in force for a reporting period ending on {@code periodEnd}, of a plan running from {@code planFrom}
         * to {@code planTo}; null when the plan sets none for that period.
         * <ol>
         * <li>Without {@code targets}: {@code target}, in every period.</li>
         * <li>A yearly target (EVERY_YEAR) whose years hold the period's year (from {@code year}, absent: the plan's first
         * year, to {@code untilYear}, absent: its last) applies as it is; of several, the one starting latest
         * ("2017: 50%, 2018: 70%").</li>
         * <li>Else the path to the next by-year target (BY_YEAR {@code year}; END_OF_PLAN is one for the plan's last
         * month): what the plan expects by the period's end, linear in months from the previous by-year target (reached
         * at the end of its year) or from 0 at the plan's start, to the target's value at the end of its year — "đến năm
         * 2018 đạt 100%" from 01/2016 expects 33.3333 by 12/2016 and 66.6666 by 12/2017. An "at most" rate has no level
         * to start from: its first by-year ceiling applies in its own year only, none before. Values between are cut to
         * {@value PlanIssued#PATH_DECIMALS} decimals in the unit's favour (as many as a target may have).</li>
         * <li>After the last by-year target, that target holds; after the last year of a yearly target, none applies.</li>
         * </ol>
         */
        public BigDecimal targetFor(LocalDate planFrom, LocalDate planTo, LocalDate periodEnd) {
            if (targets == null || targets.isEmpty()) {
                return target;
            }
            Optional<Target> yearly = yearly(periodEnd.getYear());
            if (yearly.isPresent()) {
                return yearly.get().value();
            }
            List<Milestone> path = targets.stream()
                    .filter(t -> t.when() == Target.When.BY_YEAR && t.year() != null || t.when() == Target.When.END_OF_PLAN)
                    .map(t -> new Milestone(t.when() == Target.When.END_OF_PLAN ? YearMonth.from(planTo) : YearMonth.of(t.year(), 12), t.value()))
                    .sorted(Comparator.comparing(Milestone::month)).toList();
            YearMonth end = YearMonth.from(periodEnd);
            Milestone previous = null;
            for (Milestone next : path) {
                if (!end.isAfter(next.month())) {
                    return towards(previous, next, YearMonth.from(planFrom), end);
                }
                previous = next;
            }
            return previous == null ? null : previous.value();
        }

        /**
         * Where the expectation of a period on the path to a by-year target starts as the period goes by: what the plan
         * expected just before the period begins. Null when it grows from 0 within the period: without targets over
         * time, under a yearly target (each year starts afresh), or for a period from the plan's start.
         */
        public BigDecimal targetAtStart(LocalDate planFrom, LocalDate planTo, LocalDate periodFrom, LocalDate periodEnd) {
            if (targets == null || targets.isEmpty() || yearly(periodEnd.getYear()).isPresent() || !periodFrom.isAfter(planFrom)) {
                return null;
            }
            return targetFor(planFrom, planTo, periodFrom.minusDays(1));
        }

        /** The yearly target holding in {@code year}: of several, the one starting latest. */
        private Optional<Target> yearly(int year) {
            return targets.stream().filter(t -> t.when() == Target.When.EVERY_YEAR && t.holds(year))
                    .max(Comparator.comparing(t -> t.year() == null ? Integer.MIN_VALUE : t.year()));
        }

        private BigDecimal towards(Milestone previous, Milestone next, YearMonth planStart, YearMonth end) {
            if (end.equals(next.month())) {
                return next.value();
            }
            boolean atMost = kind == IndicatorKind.RATE_AT_MOST;
            if (previous == null && atMost) {
                return end.getYear() == next.month().getYear() ? next.value() : null;
            }
            YearMonth start = previous == null ? planStart : previous.month().plusMonths(1);
            BigDecimal from = previous == null ? BigDecimal.ZERO : previous.value();
            long months = ChronoUnit.MONTHS.between(start, next.month()) + 1;
            long done = Math.max(0, Math.min(months, ChronoUnit.MONTHS.between(start, end) + 1));
            BigDecimal expected = from.add(next.value().subtract(from).multiply(BigDecimal.valueOf(done))
                    .divide(BigDecimal.valueOf(months), PATH_DECIMALS, atMost ? RoundingMode.CEILING : RoundingMode.FLOOR));
            BigDecimal plain = expected.stripTrailingZeros();
            return plain.scale() < 0 ? plain.setScale(0) : plain;
        }
    }

    /** Decimals of a target on the path to a by-year target. */
    static final int PATH_DECIMALS = 4;

    /** A by-year target on the path: its value, due at the end of {@code month}. */
    private record Milestone(YearMonth month, BigDecimal value) {
    }

    /**
     * "hàng năm" (every year; from {@code year} and until {@code untilYear} when they are given), "đến năm 2018"
     * (by a year) or "đến hết giai đoạn" (by the end of the plan).
     */
    public record Target(When when, Integer year, BigDecimal value, Integer untilYear) {

        public enum When { EVERY_YEAR, BY_YEAR, END_OF_PLAN }

        /** A target without an end year. */
        public Target(When when, Integer year, BigDecimal value) {
            this(when, year, value, null);
        }

        /** Whether this yearly target applies in {@code periodYear}. */
        boolean holds(int periodYear) {
            return (year == null || year <= periodYear) && (untilYear == null || periodYear <= untilYear);
        }
    }

    /**
     * A milestone's or task's deadline for one level, e.g. district conferences before 15/11/2018. {@code from} opens a
     * window when the plan gives one ("trong tháng 10/2018": from 01/10/2018, deadline 31/10/2018); null for a plain deadline.
     */
    public record LevelDeadline(UnitLevel level, LocalDate deadline, LocalDate from) {

        public LevelDeadline(UnitLevel level, LocalDate deadline) {
            this(level, deadline, null);
        }
    }

    /**
     * A period units report on ("2026", "2026-H1", "2026-Q3", "2026-10", "final") and the date the report is due.
     * {@code withRegularReport} is true when the plan gives no date of its own and the report goes with the Union's
     * regular report ("lồng ghép trong báo cáo định kỳ"): {@code dueDate} is then that regular report's date; null or
     * false for a date the plan sets.
     */
    public record ReportingPeriod(
            String periodId,
            String label,
            LocalDate from,
            LocalDate to,
            LocalDate dueDate,
            List<UnitLevel> reportingLevels,
            Boolean withRegularReport) {

        public ReportingPeriod(String periodId, String label, LocalDate from, LocalDate to, LocalDate dueDate, List<UnitLevel> reportingLevels) {
            this(periodId, label, from, to, dueDate, reportingLevels, null);
        }
    }

    /**
     * How the plan ranks the units below its issuer in the emulation ("thi đua, xếp loại"): each indicator's attainment
     * weighted by {@code weights} (an indicator not named weighs 1), as a score out of 100, minus {@code latePenalty}
     * points × late reports ÷ expected reports; then the first of {@code classes} (highest {@code minScore} first) whose
     * {@code minScore} the score reaches. Null when the plan sets none: the consumer's own defaults apply.
     */
    public record Ranking(List<Weight> weights, BigDecimal latePenalty, List<RankClass> classes) {

        /** The weight of one indicator, by its code. */
        public record Weight(String indicatorCode, BigDecimal weight) {
        }

        /** A class of the rating ("xuất sắc", "khá", "trung bình", "yếu", or the plan's own bands) and the least score it takes. */
        public record RankClass(String name, BigDecimal minScore) {
        }
    }
}
