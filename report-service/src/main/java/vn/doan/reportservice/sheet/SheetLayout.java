package vn.doan.reportservice.sheet;

import java.util.ArrayList;
import java.util.List;
import vn.doan.events.plan.IndicatorKind;
import vn.doan.reportservice.catalog.PlanView;
import vn.doan.support.office.SheetRows;

/**
 * The columns of a plan's report sheet for one period: the unit's code (A) and name (B), then for each indicator the
 * period's units report, what a report's value needs — numerator and denominator of a share or rate, the number of a
 * count, 1/0 of a yes/no, the date (dd/MM/yyyy) a milestone was done or 0.
 */
record SheetLayout(List<Column> columns) {

    /** Marks the hidden sheet of a template, with {@link #VERSION}; a sheet without both is not one of ours. */
    static final String MARKER = "doan-report-sheet";
    static final String VERSION = "1";
    static final String MAIN_SHEET = "Báo cáo";
    static final String VERSION_SHEET = "Phiên bản mẫu";
    static final int UNIT_ID = 0;
    static final int UNIT_NAME = 1;

    enum Part {
        NUMERATOR, DENOMINATOR, VALUE, DATE
    }

    /** A column of values: its index (0 = A), the indicator and the part of its value it holds. */
    record Column(int index, String indicatorCode, Part part, String header) {

        String letter() {
            return SheetRows.column(index);
        }
    }

    static SheetLayout of(PlanView plan, PlanView.ReportingPeriod period) {
        var levels = plan.reportingLevels(period);
        List<Column> columns = new ArrayList<>();
        for (PlanView.Indicator indicator : plan.plan().indicators()) {
            if (indicator.reportingLevels() == null || indicator.reportingLevels().stream().noneMatch(levels::contains)) {
                continue;
            }
            String code = indicator.code();
            IndicatorKind kind = indicator.kind();
            if (kind == IndicatorKind.SHARE_OF_PEOPLE || kind == IndicatorKind.SHARE_OF_UNITS || kind == IndicatorKind.RATE_AT_MOST) {
                columns.add(new Column(columns.size() + 2, code, Part.NUMERATOR, code + " – Tử số"));
                columns.add(new Column(columns.size() + 2, code, Part.DENOMINATOR, code + " – Mẫu số"));
            } else if (kind == IndicatorKind.MILESTONE || kind == IndicatorKind.TASK) {
                columns.add(new Column(columns.size() + 2, code, Part.DATE, code + " – Ngày hoàn thành (dd/MM/yyyy), 0 nếu chưa"));
            } else if (kind == IndicatorKind.YES_NO) {
                columns.add(new Column(columns.size() + 2, code, Part.VALUE, code + " – Có (1) / Không (0)"));
            } else {
                columns.add(new Column(columns.size() + 2, code, Part.VALUE, code + " – Số lượng"));
            }
        }
        return new SheetLayout(columns);
    }

    /** The header row as the template has it. */
    List<String> headers() {
        List<String> headers = new ArrayList<>(List.of("Mã đơn vị", "Tên đơn vị"));
        columns.forEach(c -> headers.add(c.header()));
        return headers;
    }

    String header(int index) {
        List<String> headers = headers();
        return index < headers.size() ? headers.get(index) : "";
    }
}
