package vn.doan.notificationservice.catalog;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.doan.events.plan.PlanIssued;
import vn.doan.events.plan.UnitLevel;

/**
 * notification-service's copy of a plan, from the highest version of PlanIssued it has seen: only what its notices,
 * reminders and digests say, so that the event contract can change without this document changing. {@code closed} once
 * PlanClosed came.
 */
@Document("plans")
public record Plan(@Id String id, int version, boolean closed, String number, String title, String issuingUnitId,
        LocalDate implementingPlanDue, List<UnitLevel> implementingLevels, List<Period> schedule, List<Indicator> indicators) {

    /**
     * A period units report on ("2026-H1"), its label for people, when the report is due, which levels report it, and its
     * first and last day ({@code from}, {@code to}: the tree of the period says who reports it).
     */
    public record Period(String periodId, String label, LocalDate dueDate, List<UnitLevel> reportingLevels, LocalDate from, LocalDate to) {

        /** The period's first day; for a period stored before its days were kept, its due date. */
        public LocalDate firstDay() {
            return from == null ? dueDate : from;
        }

        /** The period's last day; for a period stored before its days were kept, its due date. */
        public LocalDate lastDay() {
            return to == null ? dueDate : to;
        }
    }

    /** An indicator (chỉ tiêu): its code, its text and the department that follows it (may be null). */
    public record Indicator(String code, String text, String department) {
    }

    /** The copy of the plan {@code e} issues, in force (version 1 when the event names none). */
    static Plan of(PlanIssued e) {
        List<Period> schedule = e.schedule() == null ? List.of() : e.schedule().stream().map(p -> new Period(p.periodId(), p.label(),
                p.dueDate(), p.reportingLevels() == null ? List.of() : p.reportingLevels(), p.from(), p.to())).toList();
        List<Indicator> indicators = e.indicators() == null ? List.of()
                : e.indicators().stream().map(i -> new Indicator(i.code(), i.text(), i.department())).toList();
        return new Plan(e.planId(), Math.max(1, e.version()), false, e.number(), e.title(), e.issuingUnitId(), e.implementingPlanDue(),
                e.implementingLevels() == null ? List.of() : e.implementingLevels(), schedule, indicators);
    }

    /** The levels the plan asks something of: those that write an implementing plan and those that report. */
    public Set<UnitLevel> levelsAsked() {
        Set<UnitLevel> levels = new LinkedHashSet<>(implementingLevels);
        schedule.forEach(p -> levels.addAll(p.reportingLevels()));
        return levels;
    }

    public Optional<Period> period(String periodId) {
        return schedule.stream().filter(p -> p.periodId().equals(periodId)).findFirst();
    }

    public Optional<Indicator> indicator(String code) {
        return indicators.stream().filter(i -> i.code().equals(code)).findFirst();
    }
}
