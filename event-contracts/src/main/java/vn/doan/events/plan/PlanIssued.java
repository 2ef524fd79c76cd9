package vn.doan.events.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
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
         * The target in force for a period ending in {@code year}: the yearly target, else the first
         * "by year Y" target with Y ≥ year, else the target for the end of the plan.
         */
        public BigDecimal targetFor(int year) {
            if (targets == null || targets.isEmpty()) {
                return target;
            }
            Optional<Target> yearly = targets.stream().filter(t -> t.when() == Target.When.EVERY_YEAR).findFirst();
            if (yearly.isPresent()) {
                return yearly.get().value();
            }
            return targets.stream()
                    .filter(t -> t.when() == Target.When.BY_YEAR && t.year() != null && t.year() >= year)
                    .min(Comparator.comparing(Target::year))
                    .or(() -> targets.stream().filter(t -> t.when() == Target.When.END_OF_PLAN).findFirst())
                    .map(Target::value)
                    .orElse(target);
        }
    }

    /** "hàng năm" (every year), "đến năm 2018" (by a year) or "đến hết giai đoạn" (by the end of the plan). */
    public record Target(When when, Integer year, BigDecimal value) {

        public enum When { EVERY_YEAR, BY_YEAR, END_OF_PLAN }
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
