package vn.doan.planservice;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbookType;

/** Workbooks made from the downloaded template with POI, filled as a cadre would, and hostile ones. */
final class PlanWorkbooks {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private PlanWorkbooks() {
    }

    /** The plan sheet's values B2…B12 (number, type, title, issued on, place, from, to, goals, six-month due, year due, levels). */
    static List<String> thoXuanPlan() {
        return List.of("54-CT/ĐTN", "Chương trình hành động",
                "Chương trình hành động thực hiện Nghị quyết số 02-NQ/TU của Ban Thường vụ Tỉnh ủy", "28/04/2016", "Thọ Xuân",
                "01/01/2016", "31/12/2020", "Nâng cao nhận thức cho đội ngũ cán bộ, đoàn viên thanh niên", "", "15/11", "Huyện, Cơ sở");
    }

    static byte[] filled(byte[] template, List<String> plan, List<List<String>> indicators) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            Sheet planSheet = workbook.getSheet("Kế hoạch");
            for (int i = 0; i < plan.size(); i++) {
                planSheet.getRow(i + 1).getCell(1).setCellValue(plan.get(i));
            }
            Sheet sheet = workbook.getSheet("Chỉ tiêu");
            for (int r = 0; r < indicators.size(); r++) {
                Row row = sheet.createRow(r + 1);
                List<String> cells = indicators.get(r);
                for (int c = 0; c < cells.size(); c++) {
                    if (!cells.get(c).isEmpty()) {
                        row.createCell(c).setCellValue(cells.get(c));
                    }
                }
            }
            return bytes(workbook);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The template with B1 (its version) changed. */
    static byte[] version(byte[] template, String version) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            workbook.getSheet("Kế hoạch").getRow(0).getCell(1).setCellValue(version);
            return bytes(workbook);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The filled template saved as a macro-enabled workbook (.xlsm). */
    static byte[] macroEnabled(byte[] filled) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(filled))) {
            workbook.setWorkbookType(XSSFWorkbookType.XLSM);
            return bytes(workbook);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The filled template with {@code rows} indicator rows (written by POI's streaming writer). */
    static byte[] rows(byte[] filled, int rows) {
        try (XSSFWorkbook base = new XSSFWorkbook(new ByteArrayInputStream(filled)); SXSSFWorkbook workbook = new SXSSFWorkbook(base, 100)) {
            Sheet sheet = workbook.getSheet("Chỉ tiêu");
            for (int r = base.getSheet("Chỉ tiêu").getLastRowNum() + 1; r <= rows; r++) {
                sheet.createRow(r).createCell(0).setCellValue(r);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            workbook.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The workbook with one more part of {@code megabytes} MB of zeros, which compresses a thousandfold: a zip bomb. */
    static byte[] zipBomb(byte[] workbook, int megabytes) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(workbook)); ByteArrayOutputStream out = new ByteArrayOutputStream();
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                zip.putNextEntry(new ZipEntry(entry.getName()));
                in.transferTo(zip);
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("xl/media/bomb.bin"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < megabytes; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
            zip.finish();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(XSSFWorkbook workbook) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        workbook.write(out);
        return out.toByteArray();
    }
}
