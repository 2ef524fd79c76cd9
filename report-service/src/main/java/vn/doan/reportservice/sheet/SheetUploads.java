package vn.doan.reportservice.sheet;

import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import vn.doan.support.office.OfficeUploads;
import vn.doan.support.office.SheetRows;
import vn.doan.support.web.ApiProblem;

/** An uploaded report sheet read safely ({@link OfficeUploads}, {@link SheetRows}): at most {@link #MAX_ROWS} rows a sheet. */
final class SheetUploads {

    /** The most rows a sheet may have after its header: a province's units (Thanh Hóa has about 2,000) fit. */
    static final int MAX_ROWS = 5000;

    private SheetUploads() {
    }

    /** The rows of every sheet of {@code file}, sent as {@code contentType}, by sheet name. */
    static Map<String, List<SheetRows.Row>> rows(byte[] file, String contentType) {
        return SheetRows.read(OfficeUploads.open(file, contentType, OfficeUploads.Kind.XLSX, "sheet"), MAX_ROWS, new ZeroIsNotADate(),
                (sheet, rows, most) -> tooManyRows(rows, most), "sheet");
    }

    static ApiProblem tooManyRows(int rows, int most) {
        return ApiProblem.invalid("sheet.too-many-rows", "file",
                "The sheet has more than " + most + " rows after its header (one per unit); nothing was stored.",
                "Bảng có quá " + most + " dòng (mỗi đơn vị một dòng); chưa có gì được lưu.").with("maxRows", most).with("rows", rows);
    }

    /** Shows a 0 typed into a date cell (a milestone not done) as 0, not as Excel's day zero "00/01/1900". */
    private static final class ZeroIsNotADate extends DataFormatter {

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
            if (value == 0 && DateUtil.isADateFormat(formatIndex, formatString)) {
                return "0";
            }
            return super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
        }
    }
}
