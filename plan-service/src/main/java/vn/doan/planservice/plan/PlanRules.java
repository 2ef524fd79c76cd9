package vn.doan.planservice.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import vn.doan.events.plan.IndicatorKind;
import vn.doan.events.plan.UnitLevel;
import vn.doan.planservice.orgunit.UnitLevels;
import vn.doan.support.web.ApiProblem;

/**
 * What makes a plan's content valid on its own (the checks that need the tree or other plans are in
 * {@link PlanService}; recurring reports are expanded by {@link RecurringReports}, the ranking checked by {@link RankingCheck}).
 */
final class PlanRules {

    private static final Set<IndicatorKind> PERCENT_KINDS =
            Set.of(IndicatorKind.SHARE_OF_PEOPLE, IndicatorKind.SHARE_OF_UNITS, IndicatorKind.RATE_AT_MOST, IndicatorKind.YES_NO,
                    IndicatorKind.MILESTONE, IndicatorKind.TASK);
    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    static final BigDecimal MAX_TARGET = BigDecimal.valueOf(1_000_000_000_000L);
    static final int MAX_TARGET_DECIMALS = 4;
    /** Final reports fall due shortly after the plan ends ("trước ngày 05/01/2019"); three months is the limit. */
    static final int REPORT_GRACE_MONTHS = 3;

    private PlanRules() {
    }

    /**
     * What any plan, draft or issued, must satisfy. A draft may lack its number, date of issue and period (a copy of a
     * document that lost its header is entered as written); then the checks that need the period wait for
     * {@link #checkIssuable}. Every level the plan names must be one of {@code levels}.
     */
    static void check(PlanContent plan, UnitLevel issuerLevel, UnitLevels levels) {
        require(plan.title(), "title", "tiêu đề");
        if (plan.number() != null && plan.number().isBlank()) {
            require(plan.number(), "number", "số văn bản");
        }
        if ((plan.periodFrom() == null) != (plan.periodTo() == null)) {
            throw ApiProblem.invalid("plan.dates-missing", plan.periodFrom() == null ? "periodFrom" : "periodTo",
                    "A plan's period needs both its start and its end.", "Thời gian thực hiện kế hoạch phải có cả ngày bắt đầu và ngày kết thúc.");
        }
        if (plan.periodTo() != null && plan.periodTo().isBefore(plan.periodFrom())) {
            throw ApiProblem.invalid("plan.period-reversed", "periodTo", "The plan period ends before it starts.",
                    "Thời gian kết thúc của kế hoạch trước thời gian bắt đầu.");
        }
        if (plan.indicators() == null || plan.indicators().isEmpty()) {
            throw ApiProblem.invalid("plan.no-indicators", "indicators", "A plan needs at least one indicator or task.",
                    "Kế hoạch phải có ít nhất một chỉ tiêu hoặc nhiệm vụ.");
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < plan.indicators().size(); i++) {
            checkIndicator(plan, plan.indicators().get(i), "indicators[" + i + "]", codes, issuerLevel, levels);
        }
        List<PlanContent.ReportingPeriod> schedule = plan.schedule();
        Set<String> periods = new HashSet<>();
        for (int i = 0; i < schedule.size(); i++) {
            checkPeriod(plan, schedule.get(i), "schedule[" + i + "]", periods);
            requireKnown(levels, schedule.get(i).reportingLevels(), "schedule[" + i + "].reportingLevels");
        }
        if (plan.implementingPlanDue() != null || plan.implementingLevels() != null && !plan.implementingLevels().isEmpty()) {
            if (plan.implementingLevels() == null || plan.implementingLevels().isEmpty()) {
                throw ApiProblem.invalid("plan.implementing-levels-missing", "implementingLevels",
                        "Say which levels must make their own implementing plan.", "Cần nêu cấp nào phải cụ thể hóa kế hoạch.");
            }
            requireKnown(levels, plan.implementingLevels(), "implementingLevels");
            if (plan.implementingPlanDue() != null && plan.periodFrom() != null) {
                outsidePeriod(plan, plan.implementingPlanDue(), "implementingPlanDue");
            }
        }
        RankingCheck.check(plan);
    }

    /** What issuing (or revising) needs beyond {@link #check}: the number, the date of issue, the period and a reporting date. */
    static void checkIssuable(PlanContent plan) {
        require(plan.number(), "number", "số văn bản");
        if (plan.issuedOn() == null || plan.periodFrom() == null) {
            throw ApiProblem.invalid("plan.dates-missing", plan.issuedOn() == null ? "issuedOn" : "periodFrom",
                    "A plan is issued with its date of issue and its period.", "Kế hoạch ban hành phải có ngày ban hành và thời gian thực hiện.");
        }
        if (plan.schedule().isEmpty()) {
            throw ApiProblem.invalid("plan.no-schedule", "schedule", "A plan needs at least one reporting date.",
                    "Kế hoạch phải có ít nhất một kỳ báo cáo.");
        }
    }

    private static void checkIndicator(PlanContent plan, PlanContent.Indicator indicator, String field, Set<String> codes, UnitLevel issuerLevel,
            UnitLevels levels) {
        boolean task = indicator.kind() == IndicatorKind.TASK;
        if (indicator.code() == null || indicator.text() == null || indicator.kind() == null
                || indicator.target() == null && !task || indicator.reportingLevels() == null || indicator.reportingLevels().isEmpty()) {
            throw ApiProblem.invalid("indicator.incomplete", field,
                    "An indicator needs code, text, kind, target (not a task) and reportingLevels.",
                    "Chỉ tiêu phải có mã, nội dung, loại, mức chỉ tiêu (trừ nhiệm vụ) và cấp báo cáo.");
        }
        if (!codes.add(indicator.code())) {
            throw ApiProblem.invalid("indicator.code-duplicate", field + ".code",
                    "Indicator code " + indicator.code() + " appears twice.", "Mã chỉ tiêu " + indicator.code() + " bị trùng.");
        }
        if (task && (indicator.target() != null && indicator.target().compareTo(HUNDRED) != 0 || indicator.targetMax() != null
                || indicator.targets() != null && !indicator.targets().isEmpty())) {
            throw ApiProblem.invalid("indicator.task-with-target", field + ".target",
                    "Task " + indicator.code() + " is done or not done: it takes no target.",
                    "Nhiệm vụ " + indicator.code() + " chỉ có hoàn thành hoặc chưa hoàn thành, không có mức chỉ tiêu.");
        }
        if (indicator.target() != null) {
            checkTarget(indicator, indicator.target(), field + ".target");
        }
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
            checkDeadline(plan, deadlines.get(j), field + ".deadlines[" + j + "]");
            levels.requireKnown(deadlines.get(j).level(), field + ".deadlines[" + j + "].level");
        }
        requireKnown(levels, indicator.reportingLevels(), field + ".reportingLevels");
        for (UnitLevel level : indicator.reportingLevels()) {
            if (levels.rank(level) < levels.rank(issuerLevel)) {
                throw ApiProblem.invalid("indicator.level-above-issuer", field + ".reportingLevels",
                        "A " + issuerLevel + " plan cannot ask the " + level + " level to report.",
                        "Kế hoạch của cấp dưới không thể giao chỉ tiêu cho cấp trên.");
            }
        }
    }

    /** A deadline, or a window ("trong tháng 10/2018") from {@code from} to the deadline, inside the plan's period. */
    private static void checkDeadline(PlanContent plan, PlanContent.LevelDeadline deadline, String field) {
        LocalDate last = deadline.deadline();
        if (last == null || plan.periodFrom() != null && (last.isBefore(plan.periodFrom()) || last.isAfter(plan.periodTo()))) {
            throw ApiProblem.invalid("plan.deadline-outside-period", field + ".deadline",
                    "Milestone deadline " + last + " lies outside the plan's period.",
                    "Hạn hoàn thành " + VietnameseDates.format(last) + " nằm ngoài thời gian thực hiện kế hoạch.");
        }
        LocalDate from = deadline.from();
        if (from != null && (from.isAfter(last) || plan.periodFrom() != null && from.isBefore(plan.periodFrom()))) {
            throw ApiProblem.invalid("plan.window-invalid", field + ".from",
                    "The window opens on " + from + ", after its deadline " + last + " or before the plan's period.",
                    "Thời gian bắt đầu " + VietnameseDates.format(from) + " phải trước hạn hoàn thành " + VietnameseDates.format(last)
                            + " và trong thời gian thực hiện kế hoạch.");
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
            LocalDate planEdge = yearly ? plan.periodFrom() : plan.periodTo();
            String year = target.year() != null ? String.valueOf(target.year()) : planEdge != null ? String.valueOf(planEdge.getYear())
                    : yearly ? "đầu kỳ" : "cuối kỳ";
            if (!years.add((yearly ? "yearly " : "by ") + year)) {
                throw ApiProblem.invalid("indicator.target-year-duplicate", targetField + ".year",
                        "Indicator " + indicator.code() + " has two targets for " + year + ".",
                        "Chỉ tiêu " + indicator.code() + " có hai mức cho năm " + year + ".");
            }
        }
    }

    /** Whether {@code year} lies in the plan's period; any year while a draft has no period yet (issuing needs one). */
    private static boolean inPlan(PlanContent plan, int year) {
        return plan.periodFrom() == null || plan.periodTo() == null
                || year >= plan.periodFrom().getYear() && year <= plan.periodTo().getYear();
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
        if (plan.periodFrom() == null) {
            throw ApiProblem.invalid("plan.dates-missing", "periodFrom", "Reporting periods need the plan's period.",
                    "Kỳ báo cáo cần thời gian thực hiện của kế hoạch.");
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

    private static void requireKnown(UnitLevels levels, List<UnitLevel> named, String field) {
        for (int k = 0; k < named.size(); k++) {
            levels.requireKnown(named.get(k), field + "[" + k + "]");
        }
    }

    private static void require(String value, String field, String vi) {
        if (value == null || value.isBlank()) {
            throw ApiProblem.invalid("plan.field-missing", field, "The plan's " + field + " is missing.", "Kế hoạch thiếu " + vi + ".");
        }
    }
}
