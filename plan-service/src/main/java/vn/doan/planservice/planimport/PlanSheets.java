package vn.doan.planservice.planimport;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import vn.doan.events.plan.IndicatorKind;
import vn.doan.events.plan.UnitLevel;
import vn.doan.planservice.plan.PlanContent;
import vn.doan.support.web.ApiProblem;
import org.apache.poi.ss.usermodel.DataFormatter;
import vn.doan.support.office.OfficeUploads;
import vn.doan.support.office.SheetRows;

/**
 * Reads a filled-in {@link PlanTemplate} into a plan, noting every cell that cannot be read with its sheet, row and column.
 * Cells are only read here; whether the plan is valid is decided by the plan rules ({@link PlanImportService}).
 */
final class PlanSheets {

    /** A plan read from the workbook: its content, the Excel row of each indicator, and the cells that could not be read. */
    record Read(PlanContent content, List<Integer> indicatorRows, List<CellError> errors) {
    }

    /** One bad cell; {@code column} is the letter (null when the whole row is at fault) and {@code header} its title. */
    record CellError(String sheet, int row, String column, String header, String rule, String detail, String detail_vi) {
    }

    private final List<CellError> errors = new ArrayList<>();

    private PlanSheets() {
    }

    /** The rows of an uploaded workbook, by sheet; more than {@link PlanTemplate#MAX_ROWS} in a sheet is refused. */
    static Map<String, List<SheetRows.Row>> rows(byte[] file) {
        return SheetRows.read(OfficeUploads.open(file, null, OfficeUploads.Kind.XLSX, "import"), PlanTemplate.MAX_ROWS, new DataFormatter(),
                (sheet, rows, most) -> ApiProblem.invalid("import.too-many-rows", "file",
                        "Sheet '" + sheet + "' has more than " + most + " rows (one per indicator, after the header); nothing was stored.",
                        "Trang '" + sheet + "' có quá " + most + " dòng (mỗi chỉ tiêu một dòng); chưa có gì được lưu.").with("maxRows", most),
                "import");
    }

    static Read read(Map<String, List<SheetRows.Row>> sheets, String issuingUnitId) {
        return new PlanSheets().readPlan(sheets, issuingUnitId);
    }

    private Read readPlan(Map<String, List<SheetRows.Row>> sheets, String issuingUnitId) {
        List<SheetRows.Row> planRows = sheets.get(PlanTemplate.PLAN_SHEET);
        List<SheetRows.Row> indicatorRows = sheets.get(PlanTemplate.INDICATOR_SHEET);
        Map<Integer, SheetRows.Row> plan = new HashMap<>();
        (planRows == null ? List.<SheetRows.Row>of() : planRows).forEach(r -> plan.put(r.number(), r));
        String version = value(plan, PlanTemplate.PlanRow.VERSION);
        if (planRows == null || indicatorRows == null || !PlanTemplate.VERSION.equals(version)) {
            throw ApiProblem.invalid("import.template-version", "file",
                    "This is not the plan template version " + PlanTemplate.VERSION + " (found "
                            + (version.isEmpty() ? "none" : "'" + version + "'") + " in '" + PlanTemplate.PLAN_SHEET
                            + "'!B1); download the current template from /api/plans/template.xlsx. Nothing was stored.",
                    "Tệp không đúng mẫu kế hoạch phiên bản " + PlanTemplate.VERSION + "; hãy tải mẫu mới tại /api/plans/template.xlsx. Chưa có gì được lưu.")
                    .with("expectedVersion", PlanTemplate.VERSION);
        }
        List<PlanContent.Indicator> indicators = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        Map<String, Integer> codes = new HashMap<>();
        for (SheetRows.Row row : indicatorRows) {
            if (row.number() == 1) {
                continue;
            }
            PlanContent.Indicator indicator = indicator(row, codes);
            if (indicator != null) {
                indicators.add(indicator);
                rows.add(row.number());
            }
        }
        if (indicators.isEmpty() && errors.isEmpty()) {
            errors.add(new CellError(PlanTemplate.INDICATOR_SHEET, 2, null, null, "plan.no-indicators",
                    "The sheet has no indicator below its header.", "Trang Chỉ tiêu chưa có chỉ tiêu nào (từ dòng 2)."));
        }
        PlanContent content = ImportedPlans.content(
                required(plan, PlanTemplate.PlanRow.NUMBER, Function.identity()),
                type(value(plan, PlanTemplate.PlanRow.TYPE)),
                required(plan, PlanTemplate.PlanRow.TITLE, Function.identity()),
                issuingUnitId,
                required(plan, PlanTemplate.PlanRow.ISSUED_ON, CellValues::date),
                optional(plan, PlanTemplate.PlanRow.PLACE, Function.identity()),
                required(plan, PlanTemplate.PlanRow.PERIOD_FROM, CellValues::date),
                required(plan, PlanTemplate.PlanRow.PERIOD_TO, CellValues::date),
                optional(plan, PlanTemplate.PlanRow.GOALS, Function.identity()),
                indicators, List.of(), recurringReports(plan));
        return new Read(content, rows, errors);
    }

    private PlanContent.Indicator indicator(SheetRows.Row row, Map<String, Integer> codes) {
        int before = errors.size();
        String code = required(row, PlanTemplate.Column.CODE, Function.identity());
        String text = required(row, PlanTemplate.Column.TEXT, Function.identity());
        IndicatorKind kind = required(row, PlanTemplate.Column.KIND, CellValues::kind);
        BigDecimal target = required(row, PlanTemplate.Column.TARGET, CellValues::number);
        BigDecimal targetMax = optional(row, PlanTemplate.Column.TARGET_MAX, CellValues::number);
        List<PlanContent.Target> targets = optional(row, PlanTemplate.Column.TARGETS, CellValues::targets);
        List<UnitLevel> levels = required(row, PlanTemplate.Column.LEVELS, CellValues::levels);
        String department = optional(row, PlanTemplate.Column.DEPARTMENT, Function.identity());
        List<PlanContent.LevelDeadline> deadlines = optional(row, PlanTemplate.Column.DEADLINES, CellValues::deadlines);
        if (code != null) {
            Integer first = codes.putIfAbsent(code, row.number());
            if (first != null) {
                errors.add(cellError(PlanTemplate.INDICATOR_SHEET, row.number(), PlanTemplate.Column.CODE, "indicator.code-duplicate",
                        "Code " + code + " is already used in row " + first + ".", "Mã " + code + " đã dùng ở dòng " + first + "."));
            }
        }
        if (errors.size() > before) {
            return null;
        }
        return new PlanContent.Indicator(code, text, kind, target, levels, targetMax, targets == null ? List.of() : targets, department,
                deadlines == null ? List.of() : deadlines);
    }

    private List<PlanContent.RecurringReport> recurringReports(Map<Integer, SheetRows.Row> plan) {
        String sixMonth = value(plan, PlanTemplate.PlanRow.SIX_MONTH_DUE);
        String year = value(plan, PlanTemplate.PlanRow.YEAR_DUE);
        if (sixMonth.isEmpty() && year.isEmpty()) {
            return List.of();
        }
        List<UnitLevel> levels = required(plan, PlanTemplate.PlanRow.REPORT_LEVELS, CellValues::levels);
        List<PlanContent.RecurringReport> reports = new ArrayList<>();
        if (!sixMonth.isEmpty()) {
            reports.add(new PlanContent.RecurringReport(PlanContent.RecurringReport.Frequency.SIX_MONTH, sixMonth, "Báo cáo 6 tháng", levels));
        }
        if (!year.isEmpty()) {
            reports.add(new PlanContent.RecurringReport(PlanContent.RecurringReport.Frequency.YEAR, year, "Báo cáo năm", levels));
        }
        return reports;
    }

    private static String type(String cell) {
        return CellValues.same("Chương trình hành động", cell) ? "ACTION_PROGRAM" : "PLAN";
    }

    private <T> T required(SheetRows.Row row, PlanTemplate.Column column, Function<String, T> reading) {
        String cell = row.cell(column.ordinal());
        if (cell.isEmpty()) {
            errors.add(cellError(PlanTemplate.INDICATOR_SHEET, row.number(), column, "import.cell-missing",
                    column.header + " is missing.", "Thiếu " + column.header.toLowerCase() + "."));
            return null;
        }
        return optional(row, column, reading);
    }

    private <T> T optional(SheetRows.Row row, PlanTemplate.Column column, Function<String, T> reading) {
        String cell = row.cell(column.ordinal());
        try {
            return cell.isEmpty() ? null : reading.apply(cell);
        } catch (CellValues.Invalid e) {
            errors.add(cellError(PlanTemplate.INDICATOR_SHEET, row.number(), column, e.rule, e.getMessage(), e.vi));
            return null;
        }
    }

    private <T> T required(Map<Integer, SheetRows.Row> plan, PlanTemplate.PlanRow row, Function<String, T> reading) {
        if (value(plan, row).isEmpty()) {
            errors.add(new CellError(PlanTemplate.PLAN_SHEET, row.excelRow(), "B", row.label, "import.cell-missing",
                    row.label + " is missing.", "Thiếu " + row.label + "."));
            return null;
        }
        return optional(plan, row, reading);
    }

    private <T> T optional(Map<Integer, SheetRows.Row> plan, PlanTemplate.PlanRow row, Function<String, T> reading) {
        String cell = value(plan, row);
        try {
            return cell.isEmpty() ? null : reading.apply(cell);
        } catch (CellValues.Invalid e) {
            errors.add(new CellError(PlanTemplate.PLAN_SHEET, row.excelRow(), "B", row.label, e.rule, e.getMessage(), e.vi));
            return null;
        }
    }

    private static String value(Map<Integer, SheetRows.Row> plan, PlanTemplate.PlanRow row) {
        SheetRows.Row r = plan.get(row.excelRow());
        return r == null ? "" : r.cell(1);
    }

    static CellError cellError(String sheet, int row, PlanTemplate.Column column, String rule, String detail, String detailVi) {
        return new CellError(sheet, row, column.letter(), column.header, rule, "Row " + row + ", column " + column.letter() + ": " + detail,
                "Dòng " + row + ", cột " + column.letter() + " (" + column.header + "): " + detailVi);
    }

    /** For the plan rules' fields that are not a cell of the indicator sheet, the plan sheet's row to point at. */
    static CellError planError(String field, String rule, String detail, String detailVi) {
        PlanTemplate.PlanRow row = switch (field == null ? "" : field) {
            case "number" -> PlanTemplate.PlanRow.NUMBER;
            case "title" -> PlanTemplate.PlanRow.TITLE;
            case "issuedOn" -> PlanTemplate.PlanRow.ISSUED_ON;
            case "periodFrom" -> PlanTemplate.PlanRow.PERIOD_FROM;
            case "periodTo" -> PlanTemplate.PlanRow.PERIOD_TO;
            default -> field != null && (field.startsWith("schedule") || field.startsWith("recurringReports"))
                    ? PlanTemplate.PlanRow.YEAR_DUE : null;
        };
        return row == null
                ? new CellError(PlanTemplate.PLAN_SHEET, 0, null, null, rule, detail, detailVi)
                : new CellError(PlanTemplate.PLAN_SHEET, row.excelRow(), "B", row.label, rule,
                        "Row " + row.excelRow() + ", column B: " + detail, "Dòng " + row.excelRow() + ", cột B (" + row.label + "): " + detailVi);
    }
}
