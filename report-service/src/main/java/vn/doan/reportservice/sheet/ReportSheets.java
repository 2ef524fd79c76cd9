package vn.doan.reportservice.sheet;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.stereotype.Service;
import vn.doan.reportservice.catalog.Catalog;
import vn.doan.reportservice.catalog.PlanView;
import vn.doan.reportservice.catalog.UnitView;
import vn.doan.reportservice.report.ReportBatch;
import vn.doan.support.web.ApiProblem;
import vn.doan.support.web.ProblemHandler;
import vn.doan.support.office.SheetRows;

/**
 * Reports in bulk from Excel: a district downloads the sheet of a plan's period (a row per unit of its subtree the period
 * expects, a column per value), types in its branches' paper reports and uploads it. Every filled row is checked as a
 * single report is, through {@link ReportBatch}; {@link Mode#ALL_OR_NOTHING} stores nothing unless every row is right,
 * {@link Mode#VALID_ROWS} stores the right rows and lists the others.
 */
@Service
public class ReportSheets {

    public enum Mode {
        ALL_OR_NOTHING, VALID_ROWS;

        public static Mode of(String mode) {
            if ("all-or-nothing".equals(mode)) {
                return ALL_OR_NOTHING;
            }
            if ("valid-rows".equals(mode)) {
                return VALID_ROWS;
            }
            throw ApiProblem.invalid("sheet.mode-unknown", "mode", "mode is all-or-nothing or valid-rows, not " + mode + ".",
                    "Chế độ nhập là all-or-nothing (tất cả hoặc không) hoặc valid-rows (chỉ các dòng đúng).");
        }
    }

    private static final Collator VIETNAMESE = Collator.getInstance(Locale.forLanguageTag("vi"));

    private final Catalog catalog;
    private final ReportBatch batch;

    ReportSheets(Catalog catalog, ReportBatch batch) {
        this.catalog = catalog;
        this.batch = batch;
    }

    /** The template of {@code planId}'s period {@code periodId} for the units at or below {@code root}. */
    public byte[] template(String planId, String periodId, UnitView root) {
        PlanView plan = plan(planId);
        PlanView.ReportingPeriod period = period(plan, periodId);
        return SheetTemplate.workbook(SheetLayout.of(plan, period), planId, periodId, root.id(), expected(plan, period, root.id()));
    }

    /** Checks and stores the filled rows of {@code file}, sent as {@code contentType}; see {@link Mode}. Nothing is written for a file refused whole. */
    public SheetAnswer upload(byte[] file, String contentType, Mode mode, Predicate<UnitView> sendsFor, String actor) {
        Map<String, List<SheetRows.Row>> sheets = SheetUploads.rows(file, contentType);
        List<SheetRows.Row> marks = sheets.getOrDefault(SheetLayout.VERSION_SHEET, List.of());
        if (marks.size() < 4 || !SheetLayout.MARKER.equals(marks.get(0).cell(0)) || !SheetLayout.VERSION.equals(marks.get(0).cell(1))) {
            throw ApiProblem.invalid("sheet.wrong-version", "file",
                    "This is not a report sheet of version " + SheetLayout.VERSION + "; download the template again. Nothing was stored.",
                    "Tệp không phải mẫu báo cáo phiên bản " + SheetLayout.VERSION + "; hãy tải lại mẫu. Chưa có gì được lưu.")
                    .with("templateVersion", SheetLayout.VERSION);
        }
        String planId = marks.get(1).cell(1);
        String periodId = marks.get(2).cell(1);
        PlanView plan = plan(planId);
        PlanView.ReportingPeriod period = period(plan, periodId);
        SheetLayout layout = SheetLayout.of(plan, period);
        List<SheetRows.Row> rows = new ArrayList<>(sheets.getOrDefault(SheetLayout.MAIN_SHEET, List.of()));
        if (rows.isEmpty() || rows.get(0).number() != 1 || !headers(rows.get(0)).equals(layout.headers())) {
            throw ApiProblem.invalid("sheet.template-outdated", "file",
                    "The sheet's header row is not the one of plan " + plan.plan().number() + " now (changed or revised); download the template again.",
                    "Dòng tiêu đề không khớp với kế hoạch " + plan.plan().number() + " hiện hành; hãy tải lại mẫu. Chưa có gì được lưu.");
        }
        rows.remove(0);
        int units = expected(plan, period, marks.get(3).cell(1)).size();
        if (rows.size() > units) {
            throw SheetUploads.tooManyRows(rows.size(), units);
        }
        SheetEntries read = SheetEntries.of(layout, rows, planId, periodId);
        List<SheetAnswer.CellError> errors = new ArrayList<>(read.errors);
        if (read.entries.isEmpty() && errors.isEmpty()) {
            throw ApiProblem.invalid("sheet.empty", "file", "No row of the sheet has a value; nothing was stored.",
                    "Chưa có dòng nào được nhập số liệu; chưa có gì được lưu.");
        }
        if (mode == Mode.ALL_OR_NOTHING) {
            for (List<SheetEntries.Entry> chunk : chunks(read.entries)) {
                batch.refusals(items(chunk), sendsFor).forEach((i, refusal) -> errors.add(error(read, chunk.get(i), refusal)));
            }
            if (!errors.isEmpty()) {
                errors.sort(Comparator.comparingInt(SheetAnswer.CellError::row));
                throw ApiProblem.invalid("sheet.invalid-rows", "file",
                        errors.size() + " cells of the sheet are wrong (listed in errors); nothing was stored.",
                        "Có " + errors.size() + " ô sai (xem danh sách errors); chưa có gì được lưu.").with("errors", errors);
            }
        }
        int[] counts = new int[3];
        for (List<SheetEntries.Entry> chunk : chunks(read.entries)) {
            List<ReportBatch.Answer> answers = batch.submit(items(chunk), sendsFor, actor);
            for (int i = 0; i < answers.size(); i++) {
                ReportBatch.Answer answer = answers.get(i);
                if (answer.refusal() != null) {
                    errors.add(error(read, chunk.get(i), answer.refusal()));
                } else {
                    counts[answer.created() ? 0 : 1]++;
                }
            }
        }
        errors.sort(Comparator.comparingInt(SheetAnswer.CellError::row));
        return new SheetAnswer(read.entries.size() + read.errors.size(), counts[0], counts[1], errors.size(), errors);
    }

    private static SheetAnswer.CellError error(SheetEntries read, SheetEntries.Entry entry, RuntimeException refusal) {
        Map<String, Object> problem = ProblemHandler.document(refusal);
        return read.refused(entry, (String) problem.get("field"), (String) problem.get("rule"), (String) problem.get("detail"),
                (String) problem.get("detail_vi"));
    }

    private static List<String> headers(SheetRows.Row header) {
        List<String> cells = new ArrayList<>();
        int last = header.cells().keySet().stream().max(Integer::compare).orElse(-1);
        for (int i = 0; i <= last; i++) {
            cells.add(header.cell(i));
        }
        return cells;
    }

    private static List<ReportBatch.Item> items(List<SheetEntries.Entry> entries) {
        return entries.stream().map(SheetEntries.Entry::item).toList();
    }

    private static List<List<SheetEntries.Entry>> chunks(List<SheetEntries.Entry> entries) {
        List<List<SheetEntries.Entry>> chunks = new ArrayList<>();
        for (int from = 0; from < entries.size(); from += ReportBatch.MAX_REPORTS) {
            chunks.add(entries.subList(from, Math.min(entries.size(), from + ReportBatch.MAX_REPORTS)));
        }
        return chunks;
    }

    private List<UnitView> expected(PlanView plan, PlanView.ReportingPeriod period, String rootId) {
        List<UnitView> units = new ArrayList<>(catalog.unitsUnder(rootId, plan.reportingLevels(period), period.from(), period.to()));
        units.sort(Comparator.comparing((UnitView u) -> u.ancestorIds().size()).thenComparing(UnitView::name, VIETNAMESE));
        return units;
    }

    private PlanView plan(String planId) {
        return catalog.plan(planId).orElseThrow(() -> ApiProblem.invalid("report.plan-unknown", "planId",
                "Plan " + planId + " is unknown here (not issued, or not yet received).",
                "Không tìm thấy kế hoạch " + planId + " (chưa ban hành hoặc chưa đồng bộ)."));
    }

    private static PlanView.ReportingPeriod period(PlanView plan, String periodId) {
        return plan.period(periodId).orElseThrow(() -> ApiProblem.invalid("report.period-unknown", "periodId",
                "Plan " + plan.plan().number() + " has no reporting period " + periodId + ".",
                "Kế hoạch " + plan.plan().number() + " không có kỳ báo cáo " + periodId + "."));
    }
}
