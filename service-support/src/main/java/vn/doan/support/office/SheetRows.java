package vn.doan.support.office;

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
 * The non-empty rows of an uploaded workbook's sheets ({@link OfficeUploads#open}), each cell as Excel shows it, read with
 * POI's streaming (SAX) reader, so that a sheet of 200,000 rows is refused at the first row past the caller's limit; the rows
 * after it are never parsed. The package itself is unzipped in memory when opened, within {@link OfficeUploads}' limits (a
 * part expanding past 20 MB, as 200,000 rows of two cells do, is refused then as a zip bomb). The package is reverted
 * (closed unchanged) once read.
 */
public final class SheetRows {

    /** One row: its number as Excel shows it (1-based) and its non-blank cells by column index (0 = A). */
    public record Row(int number, Map<Integer, String> cells) {

        public String cell(int column) {
            return cells.getOrDefault(column, "");
        }
    }

    /** The refusal of a sheet with more rows after its header than {@code maxRows}, in the caller's words. */
    public interface TooManyRows {
        ApiProblem refusal(String sheet, int rows, int maxRows);
    }

    private SheetRows() {
    }

    /** The rows of every sheet, by sheet name, in sheet order; {@code formatter} turns cells into text as Excel shows them. */
    public static Map<String, List<Row>> read(OPCPackage pkg, int maxRows, DataFormatter formatter, TooManyRows tooMany,
            String rulePrefix) {
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
                    parser.setContentHandler(new XSSFSheetXMLHandler(styles, strings,
                            new Collector(it.getSheetName(), rows, maxRows, tooMany), formatter, false));
                    parser.parse(new InputSource(sheet));
                    sheets.put(it.getSheetName(), rows);
                }
            }
            return sheets;
        } catch (ApiProblem e) {
            throw e;
        } catch (Exception e) {
            throw OfficeUploads.unreadable(e, OfficeUploads.Kind.XLSX, rulePrefix);
        } finally {
            pkg.revert();
        }
    }

    /** The letters of a column, 0 → "A". */
    public static String column(int index) {
        return CellReference.convertNumToColString(index);
    }

    private static final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final String sheet;
        private final List<Row> rows;
        private final int maxRows;
        private final TooManyRows tooMany;
        private Map<Integer, String> cells;

        Collector(String sheet, List<Row> rows, int maxRows, TooManyRows tooMany) {
            this.sheet = sheet;
            this.rows = rows;
            this.maxRows = maxRows;
            this.tooMany = tooMany;
        }

        @Override
        public void startRow(int rowNum) {
            if (rowNum >= maxRows + 1) {
                throw tooMany.refusal(sheet, rowNum, maxRows);
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
}
