package vn.doan.reportservice.sheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.doan.reportservice.catalog.UnitView;

/**
 * Writes the template: sheet "Báo cáo" with the header row and a row per expected unit (code and name filled in), and
 * a very hidden sheet "Phiên bản mẫu" holding the marker, {@link SheetLayout#VERSION}, the plan, the period and the unit
 * the sheet was made for.
 */
final class SheetTemplate {

    private SheetTemplate() {
    }

    static byte[] workbook(SheetLayout layout, String planId, String periodId, String rootUnitId, List<UnitView> units) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = workbook.createSheet(SheetLayout.MAIN_SHEET);
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
            Row header = sheet.createRow(0);
            List<String> headers = layout.headers();
            for (int i = 0; i < headers.size(); i++) {
                header.createCell(i).setCellValue(headers.get(i));
                header.getCell(i).setCellStyle(bold);
                sheet.setColumnWidth(i, (i == SheetLayout.UNIT_NAME ? 36 : 22) * 256);
            }
            for (SheetLayout.Column column : layout.columns()) {
                if (column.part() == SheetLayout.Part.DATE) {
                    sheet.setDefaultColumnStyle(column.index(), date);
                }
            }
            sheet.createFreezePane(2, 1);
            for (int r = 0; r < units.size(); r++) {
                Row row = sheet.createRow(r + 1);
                row.createCell(SheetLayout.UNIT_ID).setCellValue(units.get(r).id());
                row.createCell(SheetLayout.UNIT_NAME).setCellValue(units.get(r).name());
                for (SheetLayout.Column column : layout.columns()) {
                    if (column.part() == SheetLayout.Part.DATE) {
                        // a blank cell already formatted, so a date typed in reads back as dd/MM/yyyy
                        row.createCell(column.index()).setCellStyle(date);
                    }
                }
            }
            XSSFSheet version = workbook.createSheet(SheetLayout.VERSION_SHEET);
            String[][] marks = {{SheetLayout.MARKER, SheetLayout.VERSION}, {"planId", planId}, {"periodId", periodId}, {"unitId", rootUnitId}};
            for (int r = 0; r < marks.length; r++) {
                Row row = version.createRow(r);
                row.createCell(0).setCellValue(marks[r][0]);
                row.createCell(1).setCellValue(marks[r][1]);
            }
            workbook.setSheetVisibility(1, SheetVisibility.VERY_HIDDEN);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
