package vn.doan.reportservice.consolidated;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A consolidated report's figures as a workbook for the office to sort and pivot: on "Số liệu", one row per unit of the
 * subtree and, per indicator, its numerator, denominator and value (percent) as numbers; on "Chỉ tiêu", each indicator's
 * code and wording; on "Xếp loại", where the plan ranks units, the direct children best first.
 */
final class XlsxWriter {

    static final String FIGURES_SHEET = "Số liệu";
    static final String INDICATORS_SHEET = "Chỉ tiêu";
    static final String RANKING_SHEET = "Xếp loại";
    static final List<String> UNIT_COLUMNS = List.of("Mã đơn vị", "Đơn vị", "Cấp", "Đơn vị cấp trên", "Tình trạng báo cáo");

    private XlsxWriter() {
    }

    static byte[] write(ConsolidatedReport report) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle whole = book.createCellStyle();
            whole.setDataFormat(book.createDataFormat().getFormat("#,##0"));
            CellStyle percent = book.createCellStyle();
            percent.setDataFormat(book.createDataFormat().getFormat("#,##0.00"));

            XSSFSheet sheet = book.createSheet(FIGURES_SHEET);
            List<String> header = header(report);
            header(sheet, header, bold);
            int r = 1;
            for (ConsolidatedReport.UnitRow unit : report.units()) {
                Row row = sheet.createRow(r++);
                List<String> text = List.of(unit.unitId(), unit.name(), unit.level(), unit.parentName(), VietnameseFormat.reportState(unit.state()));
                for (int c = 0; c < text.size(); c++) {
                    row.createCell(c).setCellValue(text.get(c));
                }
                int c = text.size();
                for (ConsolidatedReport.IndicatorFigure f : unit.figures()) {
                    if (f.reportingUnits() > 0) {
                        row.createCell(c).setCellValue(f.numerator());
                        row.getCell(c).setCellStyle(whole);
                        row.createCell(c + 1).setCellValue(f.denominator());
                        row.getCell(c + 1).setCellStyle(whole);
                        if (f.value() != null) {
                            row.createCell(c + 2).setCellValue(f.value().doubleValue());
                            row.getCell(c + 2).setCellStyle(percent);
                        }
                    }
                    c += 3;
                }
            }
            sheet.createFreezePane(2, 1);
            sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, r - 1), 0, header.size() - 1));
            for (int c = 0; c < UNIT_COLUMNS.size(); c++) {
                sheet.setColumnWidth(c, c == 1 || c == 3 ? 32 * 256 : 16 * 256);
            }
            indicators(book.createSheet(INDICATORS_SHEET), report, bold);
            if (report.ranking() != null && !report.ranking().isEmpty()) {
                ranking(book.createSheet(RANKING_SHEET), report, bold, percent);
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The unit columns, then "CT01 tử số", "CT01 mẫu số", "CT01 kết quả (%)" for each indicator. */
    static List<String> header(ConsolidatedReport report) {
        List<String> header = new ArrayList<>(UNIT_COLUMNS);
        for (ConsolidatedReport.IndicatorFigure f : report.figures()) {
            header.add(f.code() + " tử số");
            header.add(f.code() + " mẫu số");
            header.add(f.code() + " kết quả (%)");
        }
        return header;
    }

    private static void indicators(XSSFSheet sheet, ConsolidatedReport report, CellStyle bold) {
        header(sheet, List.of("Mã", "Chỉ tiêu", "Mục tiêu", "Kết quả toàn đơn vị", "Đánh giá"), bold);
        int r = 1;
        for (ConsolidatedReport.IndicatorFigure f : report.figures()) {
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(f.code());
            row.createCell(1).setCellValue(f.text() == null ? "" : f.text());
            row.createCell(2).setCellValue(f.targetText());
            row.createCell(3).setCellValue(f.result());
            row.createCell(4).setCellValue(VietnameseFormat.status(f.status()));
        }
        sheet.setColumnWidth(1, 70 * 256);
        sheet.setColumnWidth(3, 30 * 256);
    }

    /** The direct children best first: place, unit code and name, score (a number), expected and late reports, class. */
    private static void ranking(XSSFSheet sheet, ConsolidatedReport report, CellStyle bold, CellStyle score) {
        header(sheet, List.of("Hạng", "Mã đơn vị", "Đơn vị", "Điểm", "Số báo cáo phải nộp", "Số báo cáo chậm", "Xếp loại"), bold);
        int r = 1;
        for (ConsolidatedReport.RankedUnit unit : report.ranking()) {
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(unit.rank());
            row.createCell(1).setCellValue(unit.unitId());
            row.createCell(2).setCellValue(unit.name());
            row.createCell(3).setCellValue(unit.score().doubleValue());
            row.getCell(3).setCellStyle(score);
            row.createCell(4).setCellValue(unit.expected());
            row.createCell(5).setCellValue(unit.late());
            row.createCell(6).setCellValue(unit.rankClass() == null ? "" : unit.rankClass());
        }
        sheet.setColumnWidth(2, 32 * 256);
    }

    private static void header(XSSFSheet sheet, List<String> names, CellStyle bold) {
        Row top = sheet.createRow(0);
        for (int c = 0; c < names.size(); c++) {
            top.createCell(c).setCellValue(names.get(c));
            top.getCell(c).setCellStyle(bold);
        }
    }
}
