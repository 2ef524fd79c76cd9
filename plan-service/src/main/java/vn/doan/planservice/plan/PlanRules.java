package vn.doan.planservice.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import vn.doan.events.plan.IndicatorKind;
import vn.doan.events.plan.UnitLevel;
import vn.doan.support.web.ApiProblem;

/**
 * What makes a plan's content valid on its own (the checks that need the tree or other plans are in
 * {@link PlanService}), and the expansion of recurring reports into dated reporting periods.
 */
final class PlanRules {

    private static final Set<IndicatorKind> PERCENT_KINDS =
            Set.of(IndicatorKind.SHARE_OF_PEOPLE, IndicatorKind.SHARE_OF_UNITS, IndicatorKind.RATE_AT_MOST, IndicatorKind.YES_NO,
                    IndicatorKind.MILESTONE);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    static final BigDecimal MAX_TARGET = BigDecimal.valueOf(1_000_000_000_000L);
    static final int MAX_TARGET_DECIMALS = 4;
    /** Final reports fall due shortly after the plan ends ("trước ngày 05/01/2019"); three months is the limit. */
    static final int REPORT_GRACE_MONTHS = 3;
    private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("dd/MM");

    private PlanRules() {
    }

    static void check(PlanContent plan, UnitLevel issuerLevel) {
        require(plan.number(), "number", "số văn bản");
        require(plan.title(), "title", "tiêu đề");
        if (plan.issuedOn() == null || plan.periodFrom() == null || plan.periodTo() == null) {
            throw ApiProblem.invalid("plan.dates-missing", plan.issuedOn() == null ? "issuedOn" : plan.periodFrom() == null ? "periodFrom" : "periodTo",
                    "A plan needs its date of issue and its period.", "Kế hoạch phải có ngày ban hành và thời gian thực hiện.");
        }
        if (plan.periodTo().isBefore(plan.periodFrom())) {
            throw ApiProblem.invalid("plan.period-reversed", "periodTo", "The plan period ends before it starts.",
                    "Thời gian kết thúc của kế hoạch trước thời gian bắt đầu.");
        }
        if (plan.indicators() == null || plan.indicators().isEmpty()) {
            throw ApiProblem.invalid("plan.no-indicators", "indicators", "A plan needs at least one indicator.",
                    "Kế hoạch phải có ít nhất một chỉ tiêu.");
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < plan.indicators().size(); i++) {
            checkIndicator(plan, plan.indicators().get(i), "indicators[" + i + "]", codes, issuerLevel);
        }
        List<PlanContent.ReportingPeriod> schedule = plan.schedule();
        if (schedule.isEmpty()) {
            throw ApiProblem.invalid("plan.no-schedule", "schedule", "A plan needs at least one reporting date.",
                    "Kế hoạch phải có ít nhất một kỳ báo cáo.");
        }
        Set<String> periods = new HashSet<>();
        for (int i = 0; i < schedule.size(); i++) {
            checkPeriod(plan, schedule.get(i), "schedule[" + i + "]", periods);
        }
        if (plan.implementingPlanDue() != null) {
            if (plan.implementingLevels() == null || plan.implementingLevels().isEmpty()) {
                throw ApiProblem.invalid("plan.implementing-levels-missing", "implementingLevels",
                        "Say which levels must make their own implementing plan.", "Cần nêu cấp nào phải cụ thể hóa kế hoạch.");
            }
            outsidePeriod(plan, plan.implementingPlanDue(), "implementingPlanDue");
        }
    }

    private static void checkIndicator(PlanContent plan, PlanContent.Indicator indicator, String field, Set<String> codes, UnitLevel issuerLevel) {
        if (indicator.code() == null || indicator.text() == null || indicator.kind() == null
                || indicator.target() == null || indicator.reportingLevels() == null || indicator.reportingLevels().isEmpty()) {
            throw ApiProblem.invalid("indicator.incomplete", field,
                    "An indicator needs code, text, kind, target and reportingLevels.",
                    "Chỉ tiêu phải có mã, nội dung, loại, mức chỉ tiêu và cấp báo cáo.");
        }
        if (!codes.add(indicator.code())) {
            throw ApiProblem.invalid("indicator.code-duplicate", field + ".code",
                    "Indicator code " + indicator.code() + " appears twice.", "Mã chỉ tiêu " + indicator.code() + " bị trùng.");
        }
        checkTarget(indicator, indicator.target(), field + ".target");
        checkTargetsOverTime(plan, indicator, field);
        if (indicator.targetMax() != null) {
            checkTarget(indicator, indicator.targetMax(), field + ".targetMax");
        }
        if (indicator.kind() == IndicatorKind.COUNT_IN_RANGE) {
            if (indicator.targetMax() == null || indicator.targetMax().compareTo(indicator.target()) < 0) {
                throw ApiProblem.invalid("indicator.range-reversed", field + ".targetMax",
                        "A range needs a maximum not below its minimum " + indicator.target().toPlainString() + ".",
                        "Chỉ tiêu " + indicator.code() + ": mức tối đa phải lớn hơn hoặc bằng mức tối thiểu.");
            }
        }
        List<PlanContent.LevelDeadline> deadlines = indicator.deadlines() == null ? List.of() : indicator.deadlines();
        if (indicator.kind() == IndicatorKind.MILESTONE && deadlines.isEmpty()) {
            throw ApiProblem.invalid("indicator.milestone-without-deadline", field + ".deadlines",
                    "A milestone needs a deadline for at least one level.", "Mốc thời gian phải có hạn hoàn thành.");
        }
        for (int j = 0; j < deadlines.size(); j++) {
            LocalDate deadline = deadlines.get(j).deadline();
            if (deadline == null || deadline.isBefore(plan.periodFrom()) || deadline.isAfter(plan.periodTo())) {
                throw ApiProblem.invalid("plan.deadline-outside-period", field + ".deadlines[" + j + "].deadline",
                        "Milestone deadline " + deadline + " lies outside the plan's period.",
                        "Hạn hoàn thành " + VietnameseDates.format(deadline) + " nằm ngoài thời gian thực hiện kế hoạch.");
            }
        }
        for (UnitLevel level : indicator.reportingLevels()) {
            if (level.ordinal() < issuerLevel.ordinal()) {
                throw ApiProblem.invalid("indicator.level-above-issuer", field + ".reportingLevels",
                        "A " + issuerLevel + " plan cannot ask the " + level + " level to report.",
                        "Kế hoạch của cấp dưới không thể giao chỉ tiêu cho cấp trên.");
            }
        }
    }

    /**
     * Targets over time read one way only: each with its time and value, years inside the plan, an end year only for a
     * yearly target and not before its first year, and no two targets for the same year (of the same kind).
     */
    private static void checkTargetsOverTime(PlanContent plan, PlanContent.Indicator indicator, String field) {
        List<PlanContent.Target> targets = indicator.targets() == null ? List.of() : indicator.targets();
        Set<String> years = new HashSet<>();
        for (int j = 0; j < targets.size(); j++) {
            PlanContent.Target target = targets.get(j);
            String targetField = field + ".targets[" + j + "]";
            if (target.when() == null || target.value() == null) {
                throw ApiProblem.invalid("indicator.target-incomplete", targetField, "A target over time needs 'when' and 'value'.",
                        "Mức chỉ tiêu theo thời gian phải có thời điểm và giá trị.");
            }
            checkTarget(indicator, target.value(), targetField + ".value");
            boolean yearly = target.when() == PlanContent.Target.When.EVERY_YEAR;
            if (target.when() == PlanContent.Target.When.BY_YEAR && target.year() == null || target.year() != null && !inPlan(plan, target.year())) {
                throw outsidePlan(indicator, target.year(), targetField + ".year");
            }
            if (target.untilYear() != null) {
                if (!yearly) {
                    throw ApiProblem.invalid("indicator.target-until-not-yearly", targetField + ".untilYear",
                            "Only a yearly (EVERY_YEAR) target has an end year.", "Chỉ mức chỉ tiêu hàng năm mới có năm kết thúc.");
                }
                if (!inPlan(plan, target.untilYear())) {
                    throw outsidePlan(indicator, target.untilYear(), targetField + ".untilYear");
                }
                if (target.year() != null && target.untilYear() < target.year()) {
                    throw ApiProblem.invalid("indicator.target-until-before-year", targetField + ".untilYear",
                            "The end year " + target.untilYear() + " is before the first year " + target.year() + ".",
                            "Chỉ tiêu " + indicator.code() + ": năm kết thúc " + target.untilYear() + " trước năm bắt đầu " + target.year() + ".");
                }
            }
            int year = target.year() != null ? target.year() : yearly ? plan.periodFrom().getYear() : plan.periodTo().getYear();
            if (!years.add((yearly ? "yearly " : "by ") + year)) {
                throw ApiProblem.invalid("indicator.target-year-duplicate", targetField + ".year",
                        "Indicator " + indicator.code() + " has two targets for " + year + ".",
                        "Chỉ tiêu " + indicator.code() + " có hai mức cho năm " + year + ".");
            }
        }
    }

    private static boolean inPlan(PlanContent plan, int year) {
        return year >= plan.periodFrom().getYear() && year <= plan.periodTo().getYear();
    }

    private static ApiProblem outsidePlan(PlanContent.Indicator indicator, Integer year, String field) {
        return ApiProblem.invalid("indicator.target-year-outside-plan", field, "Target year " + year + " lies outside the plan's period.",
                "Năm " + year + " của chỉ tiêu " + indicator.code() + " nằm ngoài thời gian của kế hoạch.");
    }

    /**
     * A target is a number from 0 to {@link #MAX_TARGET} (100 for a share) with at most {@link #MAX_TARGET_DECIMALS}
     * decimals: no unit counts beyond that, and downstream sums and percentages stay exact and finite (1e400 would
     * become Infinity in a {@code double}). Values are shown in scientific notation, never expanded to 400 digits.
     */
    private static void checkTarget(PlanContent.Indicator indicator, BigDecimal value, String field) {
        boolean percent = PERCENT_KINDS.contains(indicator.kind());
        if (value.signum() < 0 || value.compareTo(percent ? HUNDRED : MAX_TARGET) > 0
                || value.stripTrailingZeros().scale() > MAX_TARGET_DECIMALS) {
            throw ApiProblem.invalid("indicator.target-out-of-range", field,
                    "Target " + value + " is out of range for a " + indicator.kind() + " indicator: from 0 to "
                            + (percent ? "100" : MAX_TARGET.toPlainString()) + ", at most " + MAX_TARGET_DECIMALS + " decimals.",
                    "Chỉ tiêu " + indicator.code() + " có mức " + value + " không hợp lệ: phải từ 0 đến "
                            + (percent ? "100%" : "1.000.000.000.000") + ", tối đa " + MAX_TARGET_DECIMALS + " chữ số thập phân.");
        }
    }

    private static void checkPeriod(PlanContent plan, PlanContent.ReportingPeriod period, String field, Set<String> periods) {
        if (period.periodId() == null || period.from() == null || period.to() == null
                || period.dueDate() == null || period.reportingLevels() == null || period.reportingLevels().isEmpty()) {
            throw ApiProblem.invalid("schedule.incomplete", field,
                    "A reporting period needs periodId, from, to, dueDate and reportingLevels.",
                    "Kỳ báo cáo phải có mã kỳ, từ ngày, đến ngày, hạn nộp và cấp báo cáo.");
        }
        if (!periods.add(period.periodId())) {
            throw ApiProblem.invalid("schedule.period-duplicate", field + ".periodId", "Reporting period " + period.periodId() + " appears twice.",
                    "Kỳ báo cáo " + period.periodId() + " bị trùng.");
        }
        if (period.from().isBefore(plan.periodFrom()) || period.to().isAfter(plan.periodTo()) || period.to().isBefore(period.from())) {
            throw ApiProblem.invalid("schedule.period-outside-plan", field,
                    "Reporting period " + period.periodId() + " lies outside the plan's period.",
                    "Kỳ báo cáo " + period.periodId() + " nằm ngoài thời gian của kế hoạch.");
        }
        if (period.dueDate().isBefore(period.from())) {
            throw ApiProblem.invalid("schedule.due-before-period", field + ".dueDate",
                    "The report for " + period.periodId() + " is due before its period starts.",
                    "Hạn báo cáo kỳ " + period.periodId() + " sớm hơn ngày bắt đầu kỳ.");
        }
        outsidePeriod(plan, period.dueDate(), field + ".dueDate");
    }

    private static void outsidePeriod(PlanContent plan, LocalDate date, String field) {
        if (date == null || date.isBefore(plan.periodFrom()) || date.isAfter(plan.periodTo().plusMonths(REPORT_GRACE_MONTHS))) {
            throw ApiProblem.invalid("plan.deadline-outside-period", field,
                    "Deadline " + date + " lies outside the plan's period (at most " + REPORT_GRACE_MONTHS + " months after its end).",
                    "Hạn " + VietnameseDates.format(date) + " nằm ngoài thời gian thực hiện kế hoạch.");
        }
    }

    /** Explicit periods, then one per year and recurring report, clipped to the plan's period. */
    static List<PlanContent.ReportingPeriod> schedule(PlanContent plan) {
        List<PlanContent.ReportingPeriod> all = new ArrayList<>(plan.schedule() == null ? List.of() : plan.schedule());
        List<PlanContent.RecurringReport> recurring = plan.recurringReports() == null ? List.of() : plan.recurringReports();
        for (int i = 0; i < recurring.size(); i++) {
            PlanContent.RecurringReport report = recurring.get(i);
            MonthDay due = dueDay(report, "recurringReports[" + i + "].dueDay");
            for (int year = plan.periodFrom().getYear(); year <= plan.periodTo().getYear(); year++) {
                LocalDate from = LocalDate.of(year, 1, 1);
                LocalDate to = report.frequency() == PlanContent.RecurringReport.Frequency.SIX_MONTH
                        ? LocalDate.of(year, 6, 30) : LocalDate.of(year, 12, 31);
                from = from.isBefore(plan.periodFrom()) ? plan.periodFrom() : from;
                to = to.isAfter(plan.periodTo()) ? plan.periodTo() : to;
                LocalDate dueDate = due.atYear(year);
                if (to.isBefore(from) || dueDate.isBefore(from)) {
                    continue;
                }
                String id = report.frequency() == PlanContent.RecurringReport.Frequency.SIX_MONTH ? year + "-H1" : String.valueOf(year);
                all.add(new PlanContent.ReportingPeriod(id, report.label() + " " + year, from, to, dueDate, report.reportingLevels()));
            }
        }
        return all;
    }

    private static MonthDay dueDay(PlanContent.RecurringReport report, String field) {
        try {
            if (report.frequency() == null || report.reportingLevels() == null || report.label() == null) {
                throw new DateTimeParseException("incomplete", "", 0);
            }
            return MonthDay.parse(report.dueDay(), DAY_MONTH);
        } catch (DateTimeParseException | NullPointerException e) {
            throw ApiProblem.invalid("schedule.recurring-invalid", field,
                    "A recurring report needs frequency, label, reportingLevels and a due day as dd/MM, e.g. 15/05.",
                    "Báo cáo định kỳ phải có tần suất, tên, cấp báo cáo và ngày hạn dạng dd/MM, ví dụ 15/05.");
        }
    }

    private static void require(String value, String field, String vi) {
        if (value == null || value.isBlank()) {
            throw ApiProblem.invalid("plan.field-missing", field, "The plan's " + field + " is missing.", "Kế hoạch thiếu " + vi + ".");
        }
    }
}
