package vn.doan.reportservice.sheet;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.doan.reportservice.report.Report;
import vn.doan.reportservice.report.ReportBatch;
import vn.doan.reportservice.report.ReportService;
import vn.doan.support.office.SheetRows;

/**
 * The filled rows of a sheet as the reports they stand for, each with an idempotency key derived from the row's
 * content (SHA-256 of plan, period, unit and values), so the same file sent twice names the same reports. A row whose
 * value cells are all blank is a unit that has not reported yet and is skipped; a cell that is not a whole number or a
 * dd/MM/yyyy date is an error of its row and column.
 */
final class SheetEntries {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);

    /** A row that became a report: its row number and the report with its key. */
    record Entry(int row, ReportBatch.Item item) {
    }

    final List<Entry> entries = new ArrayList<>();
    final List<SheetAnswer.CellError> errors = new ArrayList<>();
    private final SheetLayout layout;

    private SheetEntries(SheetLayout layout) {
        this.layout = layout;
    }

    static SheetEntries of(SheetLayout layout, List<SheetRows.Row> rows, String planId, String periodId) {
        SheetEntries read = new SheetEntries(layout);
        Map<String, Integer> seen = new HashMap<>();
        for (SheetRows.Row row : rows) {
            read.row(row, planId, periodId, seen);
        }
        return read;
    }

    private void row(SheetRows.Row row, String planId, String periodId, Map<String, Integer> seen) {
        String unitId = row.cell(SheetLayout.UNIT_ID);
        Map<String, Value> values = new LinkedHashMap<>();
        boolean wrong = false;
        for (SheetLayout.Column column : layout.columns()) {
            String text = row.cell(column.index());
            if (text.isEmpty()) {
                continue;
            }
            Value value = values.computeIfAbsent(column.indicatorCode(), code -> new Value());
            try {
                value.set(column.part(), text);
            } catch (IllegalArgumentException e) {
                wrong = true;
                errors.add(error(row.number(), column.index(), unitId, column.part() == SheetLayout.Part.DATE ? "sheet.date-invalid" : "sheet.number-invalid",
                        column.part() == SheetLayout.Part.DATE ? "'" + text + "' is neither a date dd/MM/yyyy nor 0." : "'" + text + "' is not a whole number.",
                        column.part() == SheetLayout.Part.DATE ? "'" + text + "' không phải ngày dạng dd/MM/yyyy hoặc 0." : "'" + text + "' không phải số nguyên."));
            }
        }
        if (values.isEmpty() && !wrong) {
            return;
        }
        if (unitId.isEmpty()) {
            errors.add(error(row.number(), SheetLayout.UNIT_ID, unitId, "sheet.unit-missing", "The row has values but no unit code.",
                    "Dòng có số liệu nhưng thiếu mã đơn vị."));
            return;
        }
        Integer first = seen.putIfAbsent(unitId, row.number());
        if (first != null) {
            errors.add(error(row.number(), SheetLayout.UNIT_ID, unitId, "sheet.unit-repeated", "Unit " + unitId + " is on row " + first + " already.",
                    "Đơn vị " + unitId + " đã có ở dòng " + first + "."));
            return;
        }
        if (wrong) {
            return;
        }
        List<Report.Value> reported = new ArrayList<>();
        values.forEach((code, v) -> reported.add(new Report.Value(code, v.numerator, v.denominator, v.doneOn)));
        ReportService.Submission submission = new ReportService.Submission(planId, unitId, periodId, reported, null, null);
        entries.add(new Entry(row.number(), new ReportBatch.Item(key(planId, periodId, unitId, reported), submission)));
    }

    /** The error of a row, in the column a refusal's field names ({@code values[i].numerator} and so on), else the unit's. */
    SheetAnswer.CellError refused(Entry entry, String field, String rule, String detail, String detailVi) {
        int column = SheetLayout.UNIT_ID;
        if (field != null && field.startsWith("values[")) {
            int index = Integer.parseInt(field.substring("values[".length(), field.indexOf(']')));
            List<Report.Value> values = entry.item().submission().values();
            String code = index < values.size() ? values.get(index).indicatorCode() : null;
            String part = field.substring(field.indexOf(']') + 1);
            for (SheetLayout.Column c : layout.columns()) {
                if (c.indicatorCode().equals(code)) {
                    boolean fits = part.equals(".denominator") ? c.part() == SheetLayout.Part.DENOMINATOR : c.part() != SheetLayout.Part.DENOMINATOR;
                    if (fits) {
                        column = c.index();
                        break;
                    }
                }
            }
        }
        return error(entry.row(), column, entry.item().submission().unitId(), rule, detail, detailVi);
    }

    private SheetAnswer.CellError error(int row, int column, String unitId, String rule, String detail, String detailVi) {
        return new SheetAnswer.CellError(row, SheetRows.column(column), layout.header(column), unitId, rule, detail, detailVi);
    }

    static String key(String planId, String periodId, String unitId, List<Report.Value> values) {
        StringBuilder content = new StringBuilder(planId).append('\n').append(periodId).append('\n').append(unitId);
        values.forEach(v -> content.append('\n').append(v.indicatorCode()).append(';').append(v.numerator()).append(';')
                .append(v.denominator()).append(';').append(v.doneOn()));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.toString().getBytes(StandardCharsets.UTF_8));
            return "sheet-" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One indicator's cells of a row. */
    private static final class Value {

        long numerator;
        Long denominator;
        LocalDate doneOn;

        void set(SheetLayout.Part part, String text) {
            if (part == SheetLayout.Part.DATE) {
                if (text.equals("0")) {
                    numerator = 0;
                    return;
                }
                try {
                    doneOn = LocalDate.parse(text, DAY);
                    numerator = 1;
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException(text, e);
                }
            } else if (part == SheetLayout.Part.DENOMINATOR) {
                denominator = whole(text);
            } else {
                numerator = whole(text);
            }
        }

        private static long whole(String text) {
            try {
                return new BigDecimal(text.replace(" ", "")).longValueExact();
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException(text, e);
            }
        }
    }
}
