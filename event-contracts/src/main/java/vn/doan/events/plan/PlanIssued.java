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
        List<UnitLevel> implementingLevels) {

    /** The v1 shape, for producers that know nothing of revisions and cascades. */
    public PlanIssued(String planId, String number, String title, String issuingUnitId, LocalDate issuedOn,
            LocalDate periodFrom, LocalDate periodTo, List<Indicator> indicators, List<ReportingPeriod> schedule) {
        this(planId, number, title, issuingUnitId, issuedOn, periodFrom, periodTo, indicators, schedule, 1, null,
                null, null, null, List.of());
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

    /** A milestone's deadline for one level, e.g. district conferences before 15/11/2018. */
    public record LevelDeadline(UnitLevel level, LocalDate deadline) {
    }

    /** A period units report on ("2026", "2026-H1", "final") and the date the report is due. */
    public record ReportingPeriod(
            String periodId,
            String label,
            LocalDate from,
            LocalDate to,
            LocalDate dueDate,
            List<UnitLevel> reportingLevels) {
    }
}
