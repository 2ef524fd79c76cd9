package vn.doan.planservice.planimport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.doan.support.office.SheetRows;

/**
 * The Excel template a plan is entered in: sheet {@value #PLAN_SHEET} holds the plan (one labelled value per row, the
 * template version in B1), sheet {@value #INDICATOR_SHEET} one indicator per row under a header, sheet "Hướng dẫn" how to
 * write each column. Cells are text ("@"), so dates stay dd/MM/yyyy as typed.
 */
final class PlanTemplate {

    /** More indicator rows than any plan has (the seeds have at most 16). */
    static final int MAX_ROWS = 1000;

    /** Changes whenever a column or a plan row moves; a workbook of another version is refused. */
    static final String VERSION = "KH-CT-1";
    static final String PLAN_SHEET = "Kế hoạch";
    static final String INDICATOR_SHEET = "Chỉ tiêu";

    /** The rows of the plan sheet, in order (row 1 is the version). */
    enum PlanRow {
        VERSION("Phiên bản mẫu (không sửa)"),
        NUMBER("Số văn bản (vd: 54-CT/ĐTN)"),
        TYPE("Loại văn bản (Kế hoạch / Chương trình hành động)"),
        TITLE("Tiêu đề"),
        ISSUED_ON("Ngày ban hành (dd/MM/yyyy)"),
        PLACE("Nơi ban hành"),
        PERIOD_FROM("Thực hiện từ ngày (dd/MM/yyyy)"),
        PERIOD_TO("Đến ngày (dd/MM/yyyy)"),
        GOALS("Mục đích, yêu cầu"),
        SIX_MONTH_DUE("Hạn báo cáo 6 tháng (dd/MM)"),
        YEAR_DUE("Hạn báo cáo năm (dd/MM)"),
        REPORT_LEVELS("Cấp gửi báo cáo định kỳ (vd: Huyện, Cơ sở)");

        final String label;

        PlanRow(String label) {
            this.label = label;
        }

        int excelRow() {
            return ordinal() + 1;
        }
    }

    /** The columns of the indicator sheet, A to I. */
    enum Column {
        CODE("Mã chỉ tiêu", "CT01"),
        TEXT("Nội dung chỉ tiêu", "Hàng năm 100% cán bộ Đoàn – Hội – Đội được tham gia các lớp tập huấn của tỉnh và của huyện"),
        KIND("Loại chỉ tiêu", "Tỷ lệ người (%)"),
        TARGET("Mức chỉ tiêu (mức tối thiểu nếu là khoảng)", "100"),
        TARGET_MAX("Mức tối đa (chỉ cho khoảng)", ""),
        TARGETS("Mức theo năm (vd: hàng năm: 85 | 2018: 100; 2019: 100 | hết kỳ: 100)", "hàng năm: 100"),
        LEVELS("Cấp báo cáo (vd: Huyện, Cơ sở)", "Cơ sở"),
        DEPARTMENT("Ban theo dõi (vd: BTC-KT, BTG, VP)", "BTC-KT"),
        DEADLINES("Hạn theo cấp (vd: Huyện: 15/11/2018; Cơ sở: 30/12/2018)", "");

        final String header;
        final String example;

        Column(String header, String example) {
            this.header = header;
            this.example = example;
        }

        String letter() {
            return SheetRows.column(ordinal());
        }
    }

    private PlanTemplate() {
    }

    static byte[] workbook() {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle text = workbook.createCellStyle();
            text.setDataFormat(workbook.createDataFormat().getFormat("@"));
            CellStyle header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            header.setWrapText(true);

            Sheet plan = workbook.createSheet(PLAN_SHEET);
            for (PlanRow row : PlanRow.values()) {
                Row r = plan.createRow(row.ordinal());
                r.createCell(0).setCellValue(row.label);
                r.getCell(0).setCellStyle(header);
                r.createCell(1).setCellStyle(text);
            }
            plan.getRow(0).getCell(1).setCellValue(VERSION);
            plan.setDefaultColumnStyle(1, text);
            plan.setColumnWidth(0, 50 * 256);
            plan.setColumnWidth(1, 80 * 256);

            Sheet indicators = workbook.createSheet(INDICATOR_SHEET);
            Row head = indicators.createRow(0);
            for (Column column : Column.values()) {
                head.createCell(column.ordinal()).setCellValue(column.header);
                head.getCell(column.ordinal()).setCellStyle(header);
                indicators.setDefaultColumnStyle(column.ordinal(), text);
                indicators.setColumnWidth(column.ordinal(), (column == Column.TEXT ? 70 : 24) * 256);
            }
            indicators.createFreezePane(0, 1);
            DataValidationHelper validation = indicators.getDataValidationHelper();
            List<String> kinds = CellValues.KIND_LABELS;
            indicators.addValidationData(validation.createValidation(
                    validation.createExplicitListConstraint(kinds.toArray(String[]::new)),
                    new CellRangeAddressList(1, MAX_ROWS, Column.KIND.ordinal(), Column.KIND.ordinal())));

            Sheet help = workbook.createSheet("Hướng dẫn");
            Row helpHead = help.createRow(0);
            helpHead.createCell(0).setCellValue("Cột");
            helpHead.createCell(1).setCellValue("Ví dụ (Chương trình hành động 54-CT/ĐTN, Huyện đoàn Thọ Xuân)");
            for (Column column : Column.values()) {
                Row r = help.createRow(column.ordinal() + 1);
                r.createCell(0).setCellValue(column.letter() + " – " + column.header);
                r.createCell(1).setCellValue(column.example);
            }
            Row kindsRow = help.createRow(Column.values().length + 2);
            kindsRow.createCell(0).setCellValue("Loại chỉ tiêu");
            kindsRow.createCell(1).setCellValue(String.join("; ", kinds));
            help.setColumnWidth(0, 60 * 256);
            help.setColumnWidth(1, 100 * 256);

            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
