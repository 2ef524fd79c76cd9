package vn.doan.reportservice.catalog;

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

    /** The plan's number and title for messages, its issuer (the scope), its dates, indicators and reporting periods. */
    public record Plan(String number, String title, String issuingUnitId, LocalDate periodFrom, LocalDate periodTo,
            List<Indicator> indicators, List<ReportingPeriod> schedule) {

        static Plan of(PlanIssued e) {
            return new Plan(e.number(), e.title(), e.issuingUnitId(), e.periodFrom(), e.periodTo(),
                    e.indicators().stream().map(i -> new Indicator(i.code(), i.kind(), i.reportingLevels(), i.text())).toList(),
                    e.schedule().stream().map(p -> new ReportingPeriod(p.periodId(), p.label(), p.from(), p.to(), p.dueDate(),
                            p.reportingLevels())).toList());
        }
    }

    /**
     * An indicator as a report's value is checked against it: its kind and the levels that report it; and its wording
     * ("Hàng năm 100% cán bộ Đoàn – Hội – Đội được tham gia các lớp tập huấn") for consolidated reports (null in copies
     * stored before it was kept, until the plan is issued again).
     */
    public record Indicator(String code, IndicatorKind kind, List<UnitLevel> reportingLevels, String text) {
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
