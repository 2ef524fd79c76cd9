package vn.doan.planservice.planimport;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
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

    /** More indicator rows than any plan has (the seeds have at most 16). */
    static final int MAX_ROWS = 1000;

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
                    parser.setContentHandler(new XSSFSheetXMLHandler(styles, strings, new Collector(it.getSheetName(), rows),
                            new DataFormatter(), false));
                    parser.parse(new InputSource(sheet));
                    sheets.put(it.getSheetName(), rows);
                }
            }
            return sheets;
        } catch (ApiProblem e) {
            throw e;
        } catch (Exception e) {
            throw OfficeFiles.zipBomb(e) ? OfficeFiles.expandsTooMuch() : OfficeFiles.notA(OfficeFiles.Kind.XLSX);
        }
    }

    private static final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final String sheet;
        private final List<Row> rows;
        private Map<Integer, String> cells;

        Collector(String sheet, List<Row> rows) {
            this.sheet = sheet;
            this.rows = rows;
        }

        @Override
        public void startRow(int rowNum) {
            if (rowNum >= MAX_ROWS + 1) {
                throw ApiProblem.invalid("import.too-many-rows", "file",
                        "Sheet '" + sheet + "' has more than " + MAX_ROWS + " rows (one per indicator, after the header); nothing was stored.",
                        "Trang '" + sheet + "' có quá " + MAX_ROWS + " dòng (mỗi chỉ tiêu một dòng); chưa có gì được lưu.")
                        .with("maxRows", MAX_ROWS);
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
