package vn.doan.reportservice.sheet;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import vn.doan.support.web.ApiProblem;

/**
 * The non-empty rows of a workbook's sheets, each cell as Excel shows it, read with POI's streaming (SAX) reader so a
 * sheet of 200,000 rows is refused at row {@link #MAX_ROWS} + 1 without ever being held in memory.
 */
final class SheetRows {

    /** The most rows a sheet may have after its header: a province's units (Thanh Hóa has about 2,000) fit. */
    static final int MAX_ROWS = 5000;

    /** One row: its number as Excel shows it (1-based) and its non-blank cells by column index (0 = A). */
    record Row(int number, Map<Integer, String> cells) {

        String cell(int column) {
            return cells.getOrDefault(column, "");
        }
    }

    private SheetRows() {
    }

    /** The rows of every sheet, by sheet name, in sheet order. */
    static Map<String, List<Row>> read(OPCPackage pkg) {
        Map<String, List<Row>> sheets = new LinkedHashMap<>();
        try {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            StylesTable styles = reader.getStylesTable();
            XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (it.hasNext()) {
                try (InputStream sheet = it.next()) {
                    List<Row> rows = new ArrayList<>();
                    XMLReader parser = XMLHelper.newXMLReader();
                    parser.setContentHandler(new XSSFSheetXMLHandler(styles, strings, new Collector(rows), new ZeroIsNotADate(), false));
                    parser.parse(new InputSource(sheet));
                    sheets.put(it.getSheetName(), rows);
                }
            }
            return sheets;
        } catch (ApiProblem e) {
            throw e;
        } catch (Exception e) {
            throw SheetFiles.zipBomb(e) ? SheetFiles.expandsTooMuch() : SheetFiles.notXlsx();
        } finally {
            pkg.revert();
        }
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

    private static final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final List<Row> rows;
        private Map<Integer, String> cells;

        Collector(List<Row> rows) {
            this.rows = rows;
        }

        @Override
        public void startRow(int rowNum) {
            if (rowNum >= MAX_ROWS + 1) {
                throw tooManyRows(rowNum, MAX_ROWS);
            }
            cells = new TreeMap<>();
        }

        @Override
        public void endRow(int rowNum) {
            if (!cells.isEmpty()) {
                rows.add(new Row(rowNum + 1, cells));
            }
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            if (value != null && !value.isBlank()) {
                cells.put((int) new CellReference(reference).getCol(), value.strip());
            }
        }
    }

    static String column(int index) {
        return CellReference.convertNumToColString(index);
    }
}
