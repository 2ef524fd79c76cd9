package vn.doan.reportservice.sheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import vn.doan.support.web.ApiProblem;
import vn.doan.support.office.SheetRows;

/** The streaming reader takes a sheet of exactly 5,000 rows after its header and stops at row 5,001 of a longer one. */
class SheetUploadsTest {

    @Test
    void fiveThousandRowsAreReadAndOneMoreIsRefused() throws IOException {
        Map<String, List<SheetRows.Row>> largest = SheetUploads.rows(sheet(SheetUploads.MAX_ROWS), null);

        assertThat(largest.get(SheetLayout.MAIN_SHEET)).hasSize(5001);
        assertThat(largest.get(SheetLayout.MAIN_SHEET).get(5000).cells()).containsExactly(Map.entry(0, "coso5000"), Map.entry(2, "17"));

        assertThatThrownBy(() -> SheetUploads.rows(sheet(SheetUploads.MAX_ROWS + 1), null))
                .isInstanceOfSatisfying(ApiProblem.class, p -> {
                    assertThat(p.rule()).isEqualTo("sheet.too-many-rows");
                    assertThat(p.properties()).containsEntry("maxRows", 5000);
                });
    }

    /**
     * 200,000 rows of a unit code are refused at row 5,001, the rest never parsed. (With a value in each row as well, the
     * sheet's part expands past 20 MB and is refused as a zip bomb while unzipping; over HTTP any such file is larger than the
     * 1 MiB body and is refused first with 413, see ReportSheetTest.)
     */
    @Test
    void aSheetOf200000RowsIsRefusedAtRow5001() throws IOException {
        byte[] huge = sheet(200_000, false);

        assertThatThrownBy(() -> SheetUploads.rows(huge, null))
                .isInstanceOfSatisfying(ApiProblem.class, p -> {
                    assertThat(p.rule()).isEqualTo("sheet.too-many-rows");
                    assertThat(p.properties()).containsEntry("maxRows", 5000).containsEntry("rows", 5001);
                    assertThat(p.messageVi()).isEqualTo("Bảng có quá 5000 dòng (mỗi đơn vị một dòng); chưa có gì được lưu.");
                });
    }

    private static byte[] sheet(int rows) throws IOException {
        return sheet(rows, true);
    }

    /** A header and {@code rows} rows of a unit code and, if {@code withValue}, a CT01 numerator. */
    private static byte[] sheet(int rows, boolean withValue) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(SheetLayout.MAIN_SHEET);
            sheet.createRow(0).createCell(0).setCellValue("Mã đơn vị");
            for (int i = 1; i <= rows; i++) {
                Row row = sheet.createRow(i);
                row.createCell(0).setCellValue("coso" + i);
                if (withValue) {
                    row.createCell(2).setCellValue(17);
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
