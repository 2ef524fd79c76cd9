package vn.doan.reportservice.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.doan.events.plan.IndicatorKind;
import vn.doan.events.plan.PlanIssued;
import vn.doan.events.plan.UnitLevel;

/**
 * report-service's own copy of an issued plan (the highest version seen), learnt from plan-service's events: only
 * what a report is checked against, so that PlanIssued can grow without changing what is stored here. Its fields keep
 * the names PlanIssued gives them: a stored copy holding the whole PlanIssued reads all the same, the rest ignored.
 */
@Document("plans")
public record PlanView(@Id String id, int version, boolean closed, Plan plan) {

    /**
     * The plan's number and title for messages, its issuer (the scope), its dates, indicators and reporting periods; its own
     * emulation ranking for consolidated reports (null when it sets none, and in copies stored before it was kept).
     */
    public record Plan(String number, String title, String issuingUnitId, LocalDate periodFrom, LocalDate periodTo,
            List<Indicator> indicators, List<ReportingPeriod> schedule, PlanIssued.Ranking ranking) {

        static Plan of(PlanIssued e) {
            return new Plan(e.number(), e.title(), e.issuingUnitId(), e.periodFrom(), e.periodTo(),
                    e.indicators().stream().map(i -> Indicator.of(e, i)).toList(),
                    e.schedule().stream().map(p -> new ReportingPeriod(p.periodId(), p.label(), p.from(), p.to(), p.dueDate(),
                            p.reportingLevels())).toList(), e.ranking());
        }
    }

    /**
     * An indicator as a report's value is checked against it: its kind and the levels that report it; and for consolidated
     * reports its wording ("Hàng năm 100% cán bộ Đoàn – Hội – Đội được tham gia các lớp tập huấn"), its target as the plan
     * sets it ({@code target}, a range's {@code targetMax}, the target in force in each period, a milestone's or task's
     * deadlines per level). All but the first three are null in copies stored before they were kept, until the plan is
     * issued again.
     */
    public record Indicator(String code, IndicatorKind kind, List<UnitLevel> reportingLevels, String text, BigDecimal target,
            BigDecimal targetMax, List<PeriodTarget> periodTargets, List<Deadline> deadlines) {

        static Indicator of(PlanIssued plan, PlanIssued.Indicator i) {
            return new Indicator(i.code(), i.kind(), i.reportingLevels(), i.text(), i.target(), i.targetMax(),
                    plan.schedule().stream().map(p -> new PeriodTarget(p.periodId(), i.targetFor(plan.periodFrom(), plan.periodTo(), p.to())))
                            .toList(),
                    i.deadlines() == null ? List.of() : i.deadlines().stream().map(d -> new Deadline(d.level(), d.deadline(), d.from())).toList());
        }

        /** The target in force in {@code periodId} ({@code PlanIssued.Indicator.targetFor}); null when none applies to it. */
        public BigDecimal targetIn(String periodId) {
            if (periodTargets == null) {
                return target;
            }
            return periodTargets.stream().filter(t -> t.periodId().equals(periodId)).findFirst().map(PeriodTarget::target).orElse(null);
        }
    }

    /** The target in force in one reporting period; null when the plan sets none for it. */
    public record PeriodTarget(String periodId, BigDecimal target) {
    }

    /** A milestone's or task's deadline for one level; {@code from} opens a window ("trong tháng 10/2018"), else null. */
    public record Deadline(UnitLevel level, LocalDate deadline, LocalDate from) {
    }

    /** A period units report on ("2026", "2026-H1", "final"), the date the report is due, and the levels that report. */
    public record ReportingPeriod(String periodId, String label, LocalDate from, LocalDate to, LocalDate dueDate,
            List<UnitLevel> reportingLevels) {
    }

    public Optional<ReportingPeriod> period(String periodId) {
        return plan.schedule().stream().filter(p -> p.periodId().equals(periodId)).findFirst();
    }

    /**
     * The levels that report {@code period}: those of the period that some indicator is reported at (a unit of another
     * level could not send a single value).
     */
    public List<UnitLevel> reportingLevels(ReportingPeriod period) {
        return period.reportingLevels().stream()
                .filter(level -> plan.indicators().stream().anyMatch(i -> i.reportingLevels() != null && i.reportingLevels().contains(level))).toList();
    }

    public Optional<Indicator> indicator(String code) {
        return plan.indicators().stream().filter(i -> i.code().equals(code)).findFirst();
    }
}
