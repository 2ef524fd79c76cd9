package vn.doan.planservice.planimport;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import vn.doan.events.plan.UnitLevel;
import vn.doan.planservice.orgunit.OrgUnitService;
import vn.doan.planservice.orgunit.UnitLevels;
import vn.doan.planservice.plan.Plan;
import vn.doan.planservice.plan.PlanContent;
import vn.doan.planservice.plan.PlanService;
import vn.doan.support.web.ApiProblem;
import vn.doan.support.office.SheetRows;

/**
 * Plans taken in from the files offices keep. A workbook made from {@link PlanTemplate} becomes a draft only when every
 * cell reads and every indicator passes the plan rules (each row checked through {@link PlanService#check}); otherwise one
 * 422 lists every bad cell by sheet, row and column and nothing is stored. A Word or text plan becomes a draft for review
 * ({@link PlanService#createDraftForReview}) holding what {@link PlanText} found; it is issued only through the normal rules.
 */
@Service
public class PlanImportService {

    /** How many bad cells one answer lists; {@code errorCount} says how many there are in all. */
    static final int LISTED_ERRORS = 200;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    private final PlanService plans;
    private final OrgUnitService units;
    private final UnitLevels levels;

    PlanImportService(PlanService plans, OrgUnitService units, UnitLevels levels) {
        this.plans = plans;
        this.units = units;
        this.levels = levels;
    }

    /** A draft read from a Word or text plan, and what the reviewer must still supply. */
    public record ReviewDraft(Plan plan, String issuerInDocument, List<String> toReview) {
    }

    public Plan importWorkbook(byte[] file, String issuingUnitId) {
        Map<String, List<SheetRows.Row>> sheets = PlanSheets.rows(file);
        PlanSheets.Read read = PlanSheets.read(sheets, issuingUnitId);
        List<PlanSheets.CellError> errors = new ArrayList<>(read.errors());
        if (errors.stream().noneMatch(e -> e.sheet().equals(PlanTemplate.PLAN_SHEET))) {
            errors.addAll(ruleErrors(read));
        }
        if (!errors.isEmpty()) {
            PlanSheets.CellError first = errors.get(0);
            throw ApiProblem.invalid("import.invalid-cells", "file",
                    errors.size() + " cells of the workbook are not right; nothing was stored. First: " + first.detail(),
                    errors.size() + " ô trong tệp chưa đúng; chưa có gì được lưu. Lỗi đầu tiên: " + first.detail_vi())
                    .with("errorCount", errors.size())
                    .with("errors", errors.subList(0, Math.min(LISTED_ERRORS, errors.size())));
        }
        return plans.createDraft(read.content());
    }

    /**
     * Every indicator row checked alone against the plan rules, so that each bad row is named (the rules stop at the first
     * fault of a plan). A fault of the plan itself (its period, its reporting dates) is named once, on the plan sheet.
     */
    private List<PlanSheets.CellError> ruleErrors(PlanSheets.Read read) {
        List<PlanSheets.CellError> errors = new ArrayList<>();
        Map<String, PlanSheets.CellError> planErrors = new LinkedHashMap<>();
        List<PlanContent.Indicator> indicators = read.content().indicators();
        for (int i = 0; i < indicators.size(); i++) {
            try {
                plans.check(ImportedPlans.withIndicators(read.content(), List.of(indicators.get(i))));
            } catch (ApiProblem problem) {
                if (problem.status() != HttpStatus.UNPROCESSABLE_CONTENT) {
                    throw problem;
                }
                String field = problem.field() == null ? "" : problem.field();
                if (field.startsWith("indicators[0]")) {
                    errors.add(rowError(read.indicatorRows().get(i), field, problem));
                } else {
                    planErrors.putIfAbsent(problem.rule() + field,
                            PlanSheets.planError(field, problem.rule(), problem.getMessage(), problem.messageVi()));
                }
            }
        }
        List<PlanSheets.CellError> all = new ArrayList<>(planErrors.values());
        all.addAll(errors);
        return all;
    }

    private static PlanSheets.CellError rowError(int row, String field, ApiProblem problem) {
        PlanTemplate.Column column = column(field.substring("indicators[0]".length()));
        if (column == null) {
            return new PlanSheets.CellError(PlanTemplate.INDICATOR_SHEET, row, null, null, problem.rule(),
                    "Row " + row + ": " + problem.getMessage(), "Dòng " + row + ": " + problem.messageVi());
        }
        return PlanSheets.cellError(PlanTemplate.INDICATOR_SHEET, row, column, problem.rule(), problem.getMessage(), problem.messageVi());
    }

    /** The template column of a plan rule's field within one indicator, e.g. ".targets[1].year" → F. */
    private static PlanTemplate.Column column(String field) {
        if (field.startsWith(".targetMax")) {
            return PlanTemplate.Column.TARGET_MAX;
        }
        if (field.startsWith(".targets")) {
            return PlanTemplate.Column.TARGETS;
        }
        if (field.startsWith(".target")) {
            return PlanTemplate.Column.TARGET;
        }
        if (field.startsWith(".deadlines")) {
            return PlanTemplate.Column.DEADLINES;
        }
        if (field.startsWith(".reportingLevels")) {
            return PlanTemplate.Column.LEVELS;
        }
        return field.startsWith(".code") ? PlanTemplate.Column.CODE : null;
    }

    /**
     * A Word (.docx) or UTF-8 text plan as a draft for review. Its number and date identify the draft: when the document
     * does not state them (many drafts are numbered at signing), the uploader gives them.
     */
    public ReviewDraft importDocument(String text, String issuingUnitId, String number, LocalDate issuedOn) {
        PlanText.Parsed parsed = PlanText.parse(text, units.find(issuingUnitId, "issuingUnitId").level(), levels);
        String planNumber = number != null && !number.isBlank() ? number.strip() : parsed.number();
        LocalDate date = issuedOn != null ? issuedOn : parsed.issuedOn();
        if (planNumber == null || date == null) {
            throw ApiProblem.invalid("import.identity-missing", planNumber == null ? "number" : "issuedOn",
                    "The document states no " + (planNumber == null ? "number (Số: …)" : "date of issue (…, ngày … tháng … năm …)")
                            + "; give it with the upload. Nothing was stored.",
                    "Văn bản không ghi " + (planNumber == null ? "số văn bản" : "ngày ban hành") + "; hãy nhập kèm khi tải lên. Chưa có gì được lưu.");
        }
        List<String> toReview = new ArrayList<>();
        LocalDate from = parsed.periodFrom() != null ? parsed.periodFrom() : date;
        LocalDate to = parsed.periodTo() != null ? parsed.periodTo() : LocalDate.of(date.getYear(), 12, 31);
        if (parsed.periodFrom() == null) {
            toReview.add("Thời gian thực hiện: văn bản không ghi giai đoạn, tạm lấy " + DAY.format(from) + " – " + DAY.format(to) + ".");
        }
        List<PlanContent.Indicator> indicators = new ArrayList<>();
        for (IndicatorFinder.Found found : parsed.indicators()) {
            indicators.add(indicator(String.format("CT%02d", indicators.size() + 1), found));
        }
        if (indicators.isEmpty()) {
            toReview.add("Chỉ tiêu: không tìm thấy chỉ tiêu nào có số liệu trong văn bản; cần nhập trước khi ban hành.");
        }
        List<PlanContent.RecurringReport> reports = recurringReports(parsed.reports(), indicators);
        List<PlanContent.ReportingPeriod> schedule = finalReport(parsed.reports().finalDue(), from, to, indicators);
        if (reports.isEmpty() && schedule.isEmpty()) {
            toReview.add("Kỳ báo cáo: văn bản không ghi hạn báo cáo; cần nhập trước khi ban hành.");
        }
        PlanContent content = ImportedPlans.content(planNumber, parsed.type() == null ? "PLAN" : parsed.type(), parsed.title(),
                issuingUnitId, date, parsed.place(), from, to, null, indicators, schedule, reports);
        toReview.add("Ban theo dõi và cấp báo cáo của từng chỉ tiêu: được đoán từ văn bản, cần kiểm tra.");
        return new ReviewDraft(plans.createDraftForReview(content), parsed.issuerName(), toReview);
    }

    private static PlanContent.Indicator indicator(String code, IndicatorFinder.Found found) {
        List<PlanContent.Target> targets = found.when() == null ? List.of()
                : List.of(new PlanContent.Target(found.when(), found.when() == PlanContent.Target.When.BY_YEAR ? found.year() : null,
                        found.target()));
        return new PlanContent.Indicator(code, found.text(), found.kind(), found.target(), found.levels(), found.targetMax(), targets, null,
                found.deadlines());
    }

    /** "Báo cáo kết quả … trước ngày 05/01/2019": one final report on the whole period (up to its due date). */
    private List<PlanContent.ReportingPeriod> finalReport(LocalDate due, LocalDate from, LocalDate to, List<PlanContent.Indicator> indicators) {
        List<UnitLevel> reporting = reportingLevels(indicators);
        if (due == null || reporting.isEmpty()) {
            return List.of();
        }
        return List.of(new PlanContent.ReportingPeriod("final", "Báo cáo kết quả", from, due.isBefore(to) ? due : to, due, reporting));
    }

    /** The levels the indicators name, from the top down. */
    private List<UnitLevel> reportingLevels(List<PlanContent.Indicator> indicators) {
        return indicators.stream().flatMap(i -> i.reportingLevels().stream()).distinct()
                .sorted(java.util.Comparator.comparingInt(levels::rank)).toList();
    }

    private List<PlanContent.RecurringReport> recurringReports(IndicatorFinder.Reports reports, List<PlanContent.Indicator> indicators) {
        List<UnitLevel> reporting = reportingLevels(indicators);
        List<PlanContent.RecurringReport> recurring = new ArrayList<>();
        if (reports.sixMonthDue() != null && !reporting.isEmpty()) {
            recurring.add(new PlanContent.RecurringReport(PlanContent.RecurringReport.Frequency.SIX_MONTH, reports.sixMonthDue(),
                    "Báo cáo 6 tháng", reporting));
        }
        if (reports.yearDue() != null && !reporting.isEmpty()) {
            recurring.add(new PlanContent.RecurringReport(PlanContent.RecurringReport.Frequency.YEAR, reports.yearDue(), "Báo cáo năm", reporting));
        }
        return recurring;
    }
}
