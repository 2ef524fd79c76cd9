package vn.doan.planservice.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import vn.doan.events.plan.IndicatorKind;
import vn.doan.events.plan.UnitLevel;

/**
 * What the drafter writes in a plan, as the seeds show it: "Số: 54-CT/ĐTN", type, issuing unit, place and
 * date, title, the documents it implements, period, goals, indicators, tasks and solutions, who does what,
 * reporting dates, recipients and signer. {@code recurringReports} is kept as written and expanded into
 * {@code schedule} when the plan is saved. It is what clients send and read and what is stored; what other services
 * learn of it is the PlanIssued event that {@link Plan#issued} maps it to.
 */
public record PlanContent(
        String number,
        String type,
        String title,
        String issuingUnitId,
        LocalDate issuedOn,
        String place,
        List<DocumentRef> implementsDocuments,
        String parentPlanId,
        LocalDate periodFrom,
        LocalDate periodTo,
        String goals,
        List<Section> sections,
        List<Responsibility> responsibilities,
        List<Recipient> recipients,
        Signer signer,
        List<Indicator> indicators,
        List<ReportingPeriod> schedule,
        List<RecurringReport> recurringReports,
        LocalDate implementingPlanDue,
        List<UnitLevel> implementingLevels) {

    /** A resolution, conclusion, directive, notice or plan this plan implements: "Nghị quyết số 02-NQ/TU, ngày 30/12/2015". */
    public record DocumentRef(String number, LocalDate date, String issuer, String title) {
    }

    /** A numbered part of "Nhiệm vụ và giải pháp", e.g. "1. Đổi mới công tác tuyên truyền …". */
    public record Section(String heading, String text) {
    }

    /** "Tổ chức thực hiện": what one level, or one department, must do. */
    public record Responsibility(UnitLevel level, String department, String text) {
    }

    /** "Nơi nhận": who receives the plan, to carry it out ("để t/h") or for information ("b/c"). */
    public record Recipient(String name, Purpose purpose) {

        public enum Purpose { CARRY_OUT, FOR_INFORMATION }
    }

    /** "TM. Ban Thường vụ, Phó Bí thư, Nguyễn Hữu Tuất". */
    public record Signer(String onBehalfOf, String position, String name) {
    }

    /** A report due every year on a fixed day: six-month reports due 15/05, annual reports due 15/11. */
    public record RecurringReport(Frequency frequency, String dueDay, String label, List<UnitLevel> reportingLevels) {

        public enum Frequency { SIX_MONTH, YEAR }
    }

    /**
     * One indicator (chỉ tiêu), e.g. "100% cán bộ Đoàn được tập huấn", at least 100. {@code target} is the final target
     * (the lower bound for a range); {@code targets} says how it moves over the years; {@code targetMax} is the upper
     * bound of a range; {@code deadlines} are a milestone's deadline per level.
     */
    public record Indicator(String code, String text, IndicatorKind kind, BigDecimal target, List<UnitLevel> reportingLevels,
            BigDecimal targetMax, List<Target> targets, String department, List<LevelDeadline> deadlines) {
    }

    /**
     * "hàng năm" (every year; from {@code year} and until {@code untilYear} when given), "đến năm 2018" (by a year) or
     * "đến hết giai đoạn" (by the end of the plan). How each period is judged: {@code PlanIssued.Indicator.targetFor}.
     */
    public record Target(When when, Integer year, BigDecimal value, Integer untilYear) {

        public enum When { EVERY_YEAR, BY_YEAR, END_OF_PLAN }
    }

    /** A milestone's deadline for one level, e.g. district conferences before 15/11/2018. */
    public record LevelDeadline(UnitLevel level, LocalDate deadline) {
    }

    /** A period units report on ("2026", "2026-H1", "final") and the date the report is due. */
    public record ReportingPeriod(String periodId, String label, LocalDate from, LocalDate to, LocalDate dueDate,
            List<UnitLevel> reportingLevels) {
    }

    PlanContent withSchedule(List<ReportingPeriod> expanded) {
        return new PlanContent(number, type, title, issuingUnitId, issuedOn, place, implementsDocuments, parentPlanId,
                periodFrom, periodTo, goals, sections, responsibilities, recipients, signer, indicators, expanded,
                recurringReports, implementingPlanDue, implementingLevels);
    }
}
