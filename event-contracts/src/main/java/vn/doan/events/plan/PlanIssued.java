package vn.doan.events.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A plan was issued by a unit: what it measures and when units under the issuer must report.
 * Consumers keep it as their own read model of the plan.
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
        List<ReportingPeriod> schedule) {

    /** One indicator (chỉ tiêu) with its target, e.g. "100% cán bộ Đoàn được tập huấn", at least 100. */
    public record Indicator(
            String code,
            String text,
            IndicatorKind kind,
            BigDecimal target,
            List<UnitLevel> reportingLevels) {
    }

    /** A period units report on ("2026", "2026-H1") and the date the report is due. */
    public record ReportingPeriod(
            String periodId,
            String label,
            LocalDate from,
            LocalDate to,
            LocalDate dueDate,
            List<UnitLevel> reportingLevels) {
    }
}
