package vn.doan.planservice.planimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import vn.doan.support.web.ApiProblem;

/**
 * The row limit holds on its own, whatever the body limit: a sheet of 200,000 rows (larger than a 1 MB upload, so over
 * HTTP it is refused first with 413) is refused at row 1,001 by the streaming reader.
 */
class PlanSheetRowsTest {

    @Test
    void aSheetOf200000RowsIsRefusedAtTheLimitWithoutBeingRead() throws IOException {
        byte[] workbook;
        try (XSSFWorkbook base = new XSSFWorkbook(new ByteArrayInputStream(PlanTemplate.workbook()));
                SXSSFWorkbook streaming = new SXSSFWorkbook(base, 100); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = streaming.getSheet(PlanTemplate.INDICATOR_SHEET);
            for (int r = 1; r <= 200_000; r++) {
                sheet.createRow(r).createCell(0).setCellValue("CT" + r);
            }
            streaming.write(out);
            streaming.dispose();
            workbook = out.toByteArray();
        }
        assertThat(workbook.length).isGreaterThan(1_048_576);

        assertThatThrownBy(() -> PlanSheets.rows(workbook))
                .isInstanceOfSatisfying(ApiProblem.class, p -> {
                    assertThat(p.rule()).isEqualTo("import.too-many-rows");
                    assertThat(p.messageVi()).isEqualTo("Trang 'Chỉ tiêu' có quá 1000 dòng (mỗi chỉ tiêu một dòng); chưa có gì được lưu.");
                });
    }
}
