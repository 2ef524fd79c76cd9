package vn.doan.indicatorservice.replica;

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
 * indicator-service's copy of a plan, from the highest version of PlanIssued it has seen: only what the roll-up and
 * the dashboards read, with each indicator's target already resolved for each reporting period, so that the event
 * contract can change without this document changing.
 */
@Document("plans")
public record PlanDefinition(@Id String id, int version, List<Indicator> indicators, List<Period> schedule, String issuingUnitId,
        List<UnitLevel> reportingLevels, PlanIssued.Ranking ranking) {

    public PlanDefinition(String id, int version, List<Indicator> indicators, List<Period> schedule) {
        this(id, version, indicators, schedule, null, null, null);
    }

    /**
     * Whether units of {@code level} report {@code period}: a level of the period that some indicator is reported at (a
     * unit of another level could not send a single value). A copy stored before the plan's levels were kept: the period's.
     */
    public boolean reports(Period period, UnitLevel level) {
        return period.reportingLevels().contains(level) && (reportingLevels == null || reportingLevels.contains(level));
    }

    /** One indicator (chỉ tiêu); {@code targets} holds the target in force in each period of the schedule. */
    public record Indicator(String code, String text, IndicatorKind kind, BigDecimal targetMax, String department,
            List<LevelDeadline> deadlines, List<PeriodTarget> targets) {

        /**
         * The target in force for {@code period} (the lower bound of a range; on the path to a by-year target, what the
         * plan expects by the period's end: {@code PlanIssued.Indicator.targetFor}); null when none applies to it.
         */
        public BigDecimal target(Period period) {
            PeriodTarget target = targets.stream().filter(t -> t.periodId().equals(period.periodId())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("indicator " + code + " has no entry for period " + period.periodId()));
            return target.target();
        }

        /** Where the expectation of {@code period} starts as it goes by (see {@link PeriodTarget}); null: from 0. */
        public BigDecimal targetAtStart(Period period) {
            return targets.stream().filter(t -> t.periodId().equals(period.periodId())).findFirst().map(PeriodTarget::atStart).orElse(null);
        }
    }

    /**
     * The target in force in one period (null when the plan sets none for it), and for a period on the path to a by-year
     * target what the plan expected when the period began ({@code atStart}; null: the expectation grows from 0).
     */
    public record PeriodTarget(String periodId, BigDecimal target, BigDecimal atStart) {

        public PeriodTarget(String periodId, BigDecimal target) {
            this(periodId, target, null);
        }
    }

    /** A milestone's deadline for one level. */
    public record LevelDeadline(UnitLevel level, LocalDate deadline) {
    }

    /** A period units report on, which levels report it, and when the report is due (null in copies stored before it was kept). */
    public record Period(String periodId, LocalDate from, LocalDate to, List<UnitLevel> reportingLevels, LocalDate dueDate) {

        public Period(String periodId, LocalDate from, LocalDate to, List<UnitLevel> reportingLevels) {
            this(periodId, from, to, reportingLevels, null);
        }
    }

    /** The copy of {@code plan}, stored as version {@code version}. */
    public static PlanDefinition of(PlanIssued plan, int version) {
        List<Period> schedule = plan.schedule().stream()
                .map(p -> new Period(p.periodId(), p.from(), p.to(), p.reportingLevels() == null ? List.of() : p.reportingLevels(), p.dueDate()))
                .toList();
        List<Indicator> indicators = plan.indicators().stream().map(i -> new Indicator(i.code(), i.text(), i.kind(), i.targetMax(),
                i.department(), i.deadlines() == null ? List.of() : i.deadlines().stream().map(d -> new LevelDeadline(d.level(), d.deadline())).toList(),
                schedule.stream().map(p -> new PeriodTarget(p.periodId(), i.targetFor(plan.periodFrom(), plan.periodTo(), p.to()),
                        i.targetAtStart(plan.periodFrom(), plan.periodTo(), p.from(), p.to()))).toList())).toList();
        List<UnitLevel> levels = plan.indicators().stream().filter(i -> i.reportingLevels() != null).flatMap(i -> i.reportingLevels().stream())
                .distinct().toList();
        return new PlanDefinition(plan.planId(), version, indicators, schedule, plan.issuingUnitId(), levels, plan.ranking());
    }

    public Optional<Period> period(String periodId) {
        return schedule.stream().filter(p -> p.periodId().equals(periodId)).findFirst();
    }
}
