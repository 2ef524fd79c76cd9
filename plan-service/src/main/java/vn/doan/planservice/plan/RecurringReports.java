package vn.doan.planservice.plan;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import vn.doan.planservice.plan.PlanContent.RecurringReport.Frequency;
import vn.doan.support.web.ApiProblem;

/**
 * Expands a plan's recurring reports into dated reporting periods, clipped to the plan's period: one per month
 * ("2026-10", due on day dd of the month), quarter ("2026-Q3", due on day dd of its last month), half-year ("2026-H1",
 * January to June) or year ("2026"), after the plan's explicit periods. A report that goes with the regular report takes
 * its day from {@code doan.plans.regular-report-due-days} (per frequency, "dd" or "dd/MM"): the Union's regular reporting
 * calendar is the deployment's, not the plan's.
 */
@ConfigurationProperties("doan.plans")
record RecurringReports(Map<Frequency, String> regularReportDueDays) {

    private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("dd/MM");

    /** A calendar day that does not fit its frequency ("15/05" for MONTH, "15" for YEAR) stops the service at start. */
    RecurringReports {
        regularReportDueDays = regularReportDueDays == null ? Map.of() : Map.copyOf(regularReportDueDays);
        regularReportDueDays.forEach((frequency, day) -> {
            if (!fits(frequency, day)) {
                throw new IllegalArgumentException("doan.plans.regular-report-due-days." + frequency + " = " + day
                        + ": dd (01-31) for MONTH and QUARTER, dd/MM for SIX_MONTH and YEAR");
            }
        });
    }

    private static boolean fits(Frequency frequency, String day) {
        try {
            if (frequency == Frequency.MONTH || frequency == Frequency.QUARTER) {
                int d = Integer.parseInt(day);
                return day.length() == 2 && d >= 1 && d <= 31;
            }
            MonthDay.parse(day, DAY_MONTH);
            return true;
        } catch (DateTimeParseException | NumberFormatException | NullPointerException e) {
            return false;
        }
    }

    /** The plan's explicit periods, then those of its recurring reports; none of the latter without the plan's period. */
    List<PlanContent.ReportingPeriod> schedule(PlanContent plan) {
        List<PlanContent.ReportingPeriod> all = new ArrayList<>(plan.schedule() == null ? List.of() : plan.schedule());
        List<PlanContent.RecurringReport> recurring = plan.recurringReports() == null ? List.of() : plan.recurringReports();
        for (int i = 0; i < recurring.size(); i++) {
            PlanContent.RecurringReport report = recurring.get(i);
            String field = "recurringReports[" + i + "]";
            String dueDay = dueDay(report, field);
            if (plan.periodFrom() != null && plan.periodTo() != null) {
                all.addAll(expand(plan, report, dueDay, field));
            }
        }
        return all;
    }

    private List<PlanContent.ReportingPeriod> expand(PlanContent plan, PlanContent.RecurringReport report, String dueDay, String field) {
        List<PlanContent.ReportingPeriod> periods = new ArrayList<>();
        int months = switch (report.frequency()) {
            case MONTH -> 1;
            case QUARTER -> 3;
            case SIX_MONTH, YEAR -> 12;
        };
        for (YearMonth start = YearMonth.from(plan.periodFrom()).withMonth(1); !start.atDay(1).isAfter(plan.periodTo()); start = start.plusMonths(months)) {
            YearMonth last = start.plusMonths(report.frequency() == Frequency.SIX_MONTH ? 5 : months - 1);
            LocalDate from = max(start.atDay(1), plan.periodFrom());
            LocalDate to = min(last.atEndOfMonth(), plan.periodTo());
            LocalDate due = dueDate(report.frequency(), dueDay, last, field);
            if (to.isBefore(from) || due.isBefore(from)) {
                continue;
            }
            periods.add(new PlanContent.ReportingPeriod(periodId(report.frequency(), start), report.label() + " " + label(report.frequency(), start),
                    from, to, due, report.reportingLevels(), report.regular() ? Boolean.TRUE : null));
        }
        return periods;
    }

    private static String periodId(Frequency frequency, YearMonth start) {
        return switch (frequency) {
            case MONTH -> start.toString();
            case QUARTER -> start.getYear() + "-Q" + ((start.getMonthValue() + 2) / 3);
            case SIX_MONTH -> start.getYear() + "-H1";
            case YEAR -> String.valueOf(start.getYear());
        };
    }

    /** "10/2026" for a month, "3/2026" for the third quarter (after a label such as "Báo cáo quý"), the year otherwise. */
    private static String label(Frequency frequency, YearMonth start) {
        return switch (frequency) {
            case MONTH -> String.format("%02d/%d", start.getMonthValue(), start.getYear());
            case QUARTER -> ((start.getMonthValue() + 2) / 3) + "/" + start.getYear();
            case SIX_MONTH, YEAR -> String.valueOf(start.getYear());
        };
    }

    /** Day dd of the period's last month (the month's last day when it is shorter), or dd/MM of the period's year. */
    private static LocalDate dueDate(Frequency frequency, String dueDay, YearMonth last, String field) {
        if (frequency == Frequency.MONTH || frequency == Frequency.QUARTER) {
            return last.atDay(Math.min(Integer.parseInt(dueDay), last.lengthOfMonth()));
        }
        return MonthDay.parse(dueDay, DAY_MONTH).atYear(last.getYear());
    }

    /** The report's own day, or the regular report's; checked for its form: "dd" (1–31) for months and quarters, "dd/MM" otherwise. */
    private String dueDay(PlanContent.RecurringReport report, String field) {
        if (report.frequency() == null || report.reportingLevels() == null || report.reportingLevels().isEmpty() || report.label() == null) {
            throw invalid(field, "frequency");
        }
        if (report.regular()) {
            if (report.dueDay() != null) {
                throw ApiProblem.invalid("schedule.recurring-two-dates", field + ".dueDay",
                        "A report that goes with the regular report has no day of its own.",
                        "Báo cáo lồng ghép trong báo cáo định kỳ không có hạn riêng.");
            }
            String regular = regularReportDueDays.get(report.frequency());
            if (regular == null) {
                throw ApiProblem.invalid("schedule.regular-report-day-unknown", field + ".withRegularReport",
                        "No regular " + report.frequency() + " report day is configured (doan.plans.regular-report-due-days).",
                        "Chưa cấu hình hạn báo cáo định kỳ cho loại báo cáo này.");
            }
            return regular;
        }
        if (!fits(report.frequency(), report.dueDay())) {
            throw invalid(field, "dueDay");
        }
        return report.dueDay();
    }

    private static ApiProblem invalid(String field, String part) {
        return ApiProblem.invalid("schedule.recurring-invalid", field + "." + part,
                "A recurring report needs frequency, label, reportingLevels and a due day: dd for MONTH and QUARTER (e.g. 20), "
                        + "dd/MM for SIX_MONTH and YEAR (e.g. 15/05), or withRegularReport and no day.",
                "Báo cáo định kỳ phải có tần suất, tên, cấp báo cáo và ngày hạn: dd với báo cáo tháng, quý (ví dụ 20), dd/MM với báo cáo "
                        + "6 tháng, năm (ví dụ 15/05), hoặc lồng ghép trong báo cáo định kỳ và không có ngày hạn riêng.");
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
