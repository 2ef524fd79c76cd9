package vn.doan.reportservice.report;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import vn.doan.events.plan.IndicatorKind;
import vn.doan.reportservice.catalog.PlanView;
import vn.doan.reportservice.catalog.UnitView;
import vn.doan.support.web.ApiProblem;

/** Whether a unit may report on a plan's period, and whether each value fits its indicator's definition. */
final class ReportRules {

    private static final Set<IndicatorKind> SHARES = Set.of(IndicatorKind.SHARE_OF_PEOPLE, IndicatorKind.SHARE_OF_UNITS, IndicatorKind.RATE_AT_MOST);
    private static final Set<IndicatorKind> COUNTS = Set.of(IndicatorKind.COUNT_AT_LEAST, IndicatorKind.COUNT_IN_RANGE);

    /**
     * The most any count, numerator or denominator may be: 100,000,000. No unit counts more people than the country has
     * (about 100 million, of whom about 22 million are aged 16–30 and 6 million are Union members), nor more classes,
     * models or units than that. With at most ~10^6 units (the national tree has about 303,000), a whole tree's sum stays
     * below 10^14, far from a long's 9.2 × 10^18: indicator-service's totals cannot overflow.
     */
    static final long MAX_VALUE = 100_000_000L;

    private ReportRules() {
    }

    static ApiProblem planUnknown(String planId) {
        return ApiProblem.invalid("report.plan-unknown", "planId", "Plan " + planId + " is unknown here (not issued, or not yet received).",
                "Không tìm thấy kế hoạch " + planId + " (chưa ban hành hoặc chưa đồng bộ).");
    }

    static ApiProblem unitUnknown(String unitId) {
        return ApiProblem.invalid("report.unit-unknown", "unitId", "Unit " + unitId + " is unknown here.", "Không tìm thấy đơn vị " + unitId + ".");
    }

    /** The unit has a report for the period already: {@code reportId}, when known. */
    static ApiProblem alreadySubmitted(PlanView.ReportingPeriod period, String reportId) {
        return ApiProblem.conflict("report.already-submitted", "periodId",
                "This unit already has a report for " + period.label() + "; edit or revise that one.",
                "Đơn vị đã có báo cáo " + period.label() + "; hãy sửa hoặc điều chỉnh báo cáo đó.").with("reportId", reportId);
    }

    /**
     * Whether the unit may report the period: only a unit the period expects (indicator-service's README, "Who is expected
     * to report"), judged in the tree of the period — a unit dissolved since may still send the report of a period it
     * belonged to, a unit moved since reports under the issuer it had then.
     */
    static PlanView.ReportingPeriod checkScope(PlanView plan, UnitView unit, String periodId) {
        if (plan.closed()) {
            throw ApiProblem.invalid("report.plan-closed", "planId", "Plan " + plan.plan().number() + " is closed; it takes no more reports.",
                    "Kế hoạch " + plan.plan().number() + " đã kết thúc, không nhận thêm báo cáo.");
        }
        PlanView.ReportingPeriod known = plan.period(periodId).orElse(null);
        boolean dissolved = known == null || unit.dissolvedFrom() == null ? !unit.active() : !unit.dissolvedFrom().isAfter(known.from());
        if (dissolved) {
            throw ApiProblem.invalid("report.unit-dissolved", "unitId", "Unit " + unit.name() + " was dissolved.", "Đơn vị " + unit.name() + " đã giải thể.");
        }
        String issuer = plan.plan().issuingUnitId();
        if (!unit.within(issuer, known == null ? java.time.LocalDate.MAX : known.from())) {
            throw ApiProblem.invalid("report.unit-out-of-scope", "unitId",
                    "Unit " + unit.name() + " is not under the unit that issued plan " + plan.plan().number() + ".",
                    "Đơn vị " + unit.name() + " không thuộc phạm vi của kế hoạch " + plan.plan().number() + ".");
        }
        PlanView.ReportingPeriod period = plan.period(periodId).orElseThrow(() -> ApiProblem.invalid("report.period-unknown", "periodId",
                "Plan " + plan.plan().number() + " has no reporting period " + periodId + ".",
                "Kế hoạch " + plan.plan().number() + " không có kỳ báo cáo " + periodId + "."));
        if (!plan.reportingLevels(period).contains(unit.level())) {
            throw ApiProblem.invalid("report.level-not-reporting", "unitId",
                    "Units of level " + unit.level() + " do not report for " + period.label() + ".",
                    "Đơn vị cấp này không phải báo cáo kỳ " + period.label() + ".");
        }
        if (unit.createdAfter(period.to())) {
            throw ApiProblem.invalid("report.unit-not-in-period", "periodId",
                    "Unit " + unit.name() + " was created after " + period.label() + " ended; it does not report that period.",
                    "Đơn vị " + unit.name() + " được thành lập sau khi kỳ " + period.label() + " kết thúc, không phải báo cáo kỳ này.");
        }
        return period;
    }

    /** Checks each value; a draft may have none yet. */
    static void checkValues(PlanView plan, UnitView unit, List<Report.Value> values, boolean draft) {
        if (values == null || values.isEmpty()) {
            if (draft) {
                return;
            }
            throw ApiProblem.invalid("report.no-values", "values", "A report needs at least one indicator value.",
                    "Báo cáo phải có ít nhất một giá trị chỉ tiêu.");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            Report.Value value = values.get(i);
            String field = "values[" + i + "]";
            if (value == null || value.indicatorCode() == null) {
                throw ApiProblem.invalid("report.indicator-missing", field + ".indicatorCode", "Each value names its indicator.",
                        "Mỗi giá trị phải ghi rõ mã chỉ tiêu.");
            }
            PlanView.Indicator indicator = plan.indicator(value.indicatorCode()).orElseThrow(() -> ApiProblem.invalid(
                    "report.indicator-unknown", field + ".indicatorCode", "Plan " + plan.plan().number() + " has no indicator " + value.indicatorCode() + ".",
                    "Kế hoạch không có chỉ tiêu " + value.indicatorCode() + "."));
            if (!seen.add(value.indicatorCode())) {
                throw ApiProblem.invalid("report.indicator-duplicate", field + ".indicatorCode", "Indicator " + value.indicatorCode() + " is given twice.",
                        "Chỉ tiêu " + value.indicatorCode() + " được nhập hai lần.");
            }
            if (!indicator.reportingLevels().contains(unit.level())) {
                throw ApiProblem.invalid("report.indicator-not-for-level", field + ".indicatorCode",
                        "Indicator " + indicator.code() + " is not reported by " + unit.level() + " units.",
                        "Chỉ tiêu " + indicator.code() + " không thuộc cấp báo cáo của đơn vị.");
            }
            checkBound(indicator, value.numerator(), field + ".numerator");
            if (value.denominator() != null) {
                checkBound(indicator, value.denominator(), field + ".denominator");
            }
            checkValue(plan, indicator, value, field);
        }
    }

    private static void checkBound(PlanView.Indicator indicator, long value, String field) {
        if (value > MAX_VALUE) {
            throw ApiProblem.invalid("report.value-too-large", field, "Indicator " + indicator.code() + ": " + value + " is above 100,000,000, "
                    + "more than any unit can count.", "Chỉ tiêu " + indicator.code() + ": giá trị không được vượt quá 100.000.000.");
        }
    }

    private static void checkValue(PlanView plan, PlanView.Indicator indicator, Report.Value value, String field) {
        IndicatorKind kind = indicator.kind();
        if (SHARES.contains(kind)) {
            Long denominator = value.denominator();
            if (denominator == null || denominator <= 0 || value.numerator() < 0 || value.numerator() > denominator) {
                throw ApiProblem.invalid("report.share-out-of-range", field + ".numerator",
                        "Indicator " + indicator.code() + " needs 0 ≤ numerator ≤ denominator and a denominator above 0.",
                        "Chỉ tiêu " + indicator.code() + ": tử số phải từ 0 đến mẫu số, mẫu số phải lớn hơn 0.");
            }
        } else if (COUNTS.contains(kind)) {
            if (value.numerator() < 0 || value.denominator() != null) {
                throw ApiProblem.invalid("report.count-invalid", field + ".numerator",
                        "Indicator " + indicator.code() + " is a whole count of at least 0, without a denominator.",
                        "Chỉ tiêu " + indicator.code() + " là số đếm nguyên không âm, không có mẫu số.");
            }
        } else if (kind == IndicatorKind.YES_NO) {
            if (value.numerator() != 0 && value.numerator() != 1 || value.denominator() != null) {
                throw ApiProblem.invalid("report.yes-no-invalid", field + ".numerator",
                        "Indicator " + indicator.code() + " is yes (1) or no (0).", "Chỉ tiêu " + indicator.code() + " chỉ nhận Có (1) hoặc Không (0).");
            }
        } else if (kind == IndicatorKind.MILESTONE || kind == IndicatorKind.TASK) {
            boolean done = value.numerator() == 1;
            if (value.numerator() != 0 && !done || done != (value.doneOn() != null) || value.denominator() != null) {
                String what = kind == IndicatorKind.TASK ? "Nhiệm vụ " : "Mốc ";
                throw ApiProblem.invalid(kind == IndicatorKind.TASK ? "report.task-invalid" : "report.milestone-invalid", field + ".doneOn",
                        (kind == IndicatorKind.TASK ? "Task " : "Milestone ") + indicator.code()
                                + " is done (1, with the date it was done) or not done (0).",
                        what + indicator.code() + ": đã hoàn thành (1, kèm ngày hoàn thành) hoặc chưa (0).");
            }
            if (done && (value.doneOn().isBefore(plan.plan().periodFrom()) || value.doneOn().isAfter(plan.plan().periodTo()))) {
                throw ApiProblem.invalid("report.milestone-date-outside-plan", field + ".doneOn",
                        "The date a milestone was done must lie in the plan's period.",
                        "Ngày hoàn thành phải nằm trong thời gian thực hiện kế hoạch.");
            }
        }
    }
}
