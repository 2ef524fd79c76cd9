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
        List<UnitLevel> implementingLevels,
        Ranking ranking) {

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

    /**
     * A report due every month, quarter, half-year or year: {@code dueDay} "dd" for months and quarters (the day of the
     * period's last month: "trước ngày 20 hằng tháng"), "dd/MM" for six-month and yearly reports (15/05, 15/11). A report
     * that goes with the Union's regular report ("lồng ghép trong báo cáo định kỳ") has no day of its own:
     * {@code withRegularReport} true and no {@code dueDay}; it falls due on the regular report's day
     * ({@code doan.plans.regular-report-due-days}).
     */
    public record RecurringReport(Frequency frequency, String dueDay, String label, List<UnitLevel> reportingLevels,
            Boolean withRegularReport) {

        public enum Frequency { SIX_MONTH, YEAR, MONTH, QUARTER }

        /** A recurring report due on a day of its own ("15/11"). */
        public RecurringReport(Frequency frequency, String dueDay, String label, List<UnitLevel> reportingLevels) {
            this(frequency, dueDay, label, reportingLevels, null);
        }

        boolean regular() {
            return Boolean.TRUE.equals(withRegularReport);
        }
    }

    /**
     * One indicator (chỉ tiêu), e.g. "100% cán bộ Đoàn được tập huấn", at least 100. {@code target} is the final target
     * (the lower bound for a range; none for a {@code TASK}, which is done or not); {@code targets} says how it moves over
     * the years; {@code targetMax} is the upper bound of a range; {@code deadlines} are a milestone's or task's deadline
     * (or window) per level; for a task, {@code reportingLevels} and {@code department} say who is responsible.
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

        /** A target without an end year. */
        public Target(When when, Integer year, BigDecimal value) {
            this(when, year, value, null);
        }
    }

    /**
     * A milestone's deadline for one level, e.g. district conferences before 15/11/2018; with {@code from} a window, e.g.
     * the province's conference "trong tháng 10/2018": from 01/10/2018, deadline 31/10/2018.
     */
    public record LevelDeadline(UnitLevel level, LocalDate deadline, LocalDate from) {

        /** A plain deadline, without a window. */
        public LevelDeadline(UnitLevel level, LocalDate deadline) {
            this(level, deadline, null);
        }
    }

    /**
     * A period units report on ("2026", "2026-H1", "2026-Q3", "2026-10", "final") and the date the report is due;
     * {@code withRegularReport} when that date is the regular report's, not one the plan gives.
     */
    public record ReportingPeriod(String periodId, String label, LocalDate from, LocalDate to, LocalDate dueDate,
            List<UnitLevel> reportingLevels, Boolean withRegularReport) {

        /** A period with a due date of its own. */
        public ReportingPeriod(String periodId, String label, LocalDate from, LocalDate to, LocalDate dueDate, List<UnitLevel> reportingLevels) {
            this(periodId, label, from, to, dueDate, reportingLevels, null);
        }
    }

    /**
     * How the plan ranks the units below its issuer ("thi đua, xếp loại"): a weight per indicator code (an indicator not
     * named weighs 1), the points taken off when every report is late, and the classes from the highest least score down
     * to one whose least score is 0 ("Xuất sắc" 90, "Khá" 70, "Trung bình" 50, "Yếu" 0, or the plan's own bands).
     */
    public record Ranking(List<Weight> weights, BigDecimal latePenalty, List<RankClass> classes) {

        public record Weight(String indicatorCode, BigDecimal weight) {
        }

        public record RankClass(String name, BigDecimal minScore) {
        }
    }

    PlanContent withSchedule(List<ReportingPeriod> expanded) {
        return new PlanContent(number, type, title, issuingUnitId, issuedOn, place, implementsDocuments, parentPlanId,
                periodFrom, periodTo, goals, sections, responsibilities, recipients, signer, indicators, expanded,
                recurringReports, implementingPlanDue, implementingLevels, ranking);
    }
}
