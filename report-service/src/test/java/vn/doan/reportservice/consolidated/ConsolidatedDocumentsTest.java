package vn.doan.reportservice.consolidated;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;

/** Thọ Xuân's consolidated report written as .docx, .pdf and .xlsx, and read back by the libraries that read those files. */
class ConsolidatedDocumentsTest {

    private static final ConsolidatedReport DRAFT = ThoXuanDraft.draft();

    @Test
    void numbersAndDatesAreWrittenAsVietnameseOfficesWriteThem() {
        assertThat(VietnameseFormat.number(new BigDecimal("1234.5"))).isEqualTo("1.234,5");
        assertThat(VietnameseFormat.number(100_000_000L)).as("the largest value a report may carry").isEqualTo("100.000.000");
        assertThat(VietnameseFormat.number(new BigDecimal("99.92"))).isEqualTo("99,92");
        assertThat(VietnameseFormat.number(new BigDecimal("75.00"))).isEqualTo("75");
        assertThat(VietnameseFormat.date(java.time.LocalDate.of(2026, 11, 5))).isEqualTo("05/11/2026");
        assertThat(VietnameseFormat.placeAndDate("Thọ Xuân", java.time.LocalDate.of(2026, 11, 15))).isEqualTo("Thọ Xuân, ngày 15 tháng 11 năm 2026");
        assertThat(Consolidation.place("Huyện đoàn Thọ Xuân")).isEqualTo("Thọ Xuân");
        assertThat(Consolidation.place("Đoàn xã Thọ Lập")).isEqualTo("Thọ Lập");
    }

    @Test
    void theWordDocumentHasTheUnionFormTheFiguresAndEachChildUnderItsName() throws IOException {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(DocumentFormat.DOCX.write(DRAFT)))) {
            String text = new XWPFWordExtractor(doc).getText();
            List<XWPFTable> tables = doc.getTables();
            assertThat(tables).as("the plan ranks no units: no ranking table").hasSize(3);
            assertThat(tables.get(0).getRow(0).getCell(0).getText()).contains("TỈNH ĐOÀN THANH HÓA", "HUYỆN ĐOÀN THỌ XUÂN", "Số:",
                    "V/v báo cáo kết quả thực hiện 54-CT/ĐTN (Báo cáo năm 2026)");
            assertThat(tables.get(0).getRow(0).getCell(1).getText()).contains("ĐOÀN TNCS HỒ CHÍ MINH", "Thọ Xuân, ngày 15 tháng 11 năm 2026");
            assertThat(text).contains("BÁO CÁO\nKết quả thực hiện Chương trình hành động thực hiện Nghị quyết số 02-NQ/TU\nBáo cáo năm 2026",
                    "Kính gửi: Ban Thường vụ Tỉnh đoàn Thanh Hóa",
                    "Thực hiện 54-CT/ĐTN, Huyện đoàn Thọ Xuân báo cáo kết quả thực hiện năm 2026 (hạn báo cáo 15/11/2026) như sau:",
                    "I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU",
                    "II. TÌNH HÌNH BÁO CÁO CỦA CÁC ĐƠN VỊ", "Số đơn vị phải báo cáo: 3; đúng hạn: 1; chậm: 1; chưa báo cáo: 1.",
                    "- Đúng hạn: Đoàn xã Thọ Lập.", "- Chậm: Đoàn xã Xuân Hòa (3 ngày).", "- Chưa báo cáo: Đoàn trường THPT Thọ Xuân 4.",
                    "III. KẾT QUẢ, HẠN CHẾ VÀ ĐỀ XUẤT CỦA CÁC ĐƠN VỊ",
                    "1. Đoàn xã Thọ Lập\nKết quả: Tổ chức 02 lớp tập huấn cho 45 cán bộ chi đoàn.\nHạn chế, nguyên nhân: Một số chi đoàn thôn sinh hoạt chưa đều.\n"
                            + "Đề xuất, kiến nghị: Đề nghị Huyện đoàn hỗ trợ kinh phí mở lớp.",
                    "2. Đoàn xã Xuân Hòa\nKết quả: Ra mắt mô hình thanh niên làm kinh tế giỏi.\nHạn chế, nguyên nhân: Tỷ lệ hộ nghèo do đoàn viên làm chủ còn cao.",
                    "3. Đoàn trường THPT Thọ Xuân 4\nChưa báo cáo.");
            XWPFTable figures = tables.get(1);
            assertThat(cells(figures, 0)).containsExactly("TT", "Chỉ tiêu", "Mục tiêu", "Kết quả", "Số đơn vị báo cáo", "Đánh giá");
            assertThat(cells(figures, 1)).containsExactly("1", "CT01 " + ThoXuanDraft.TRAINED, "100%", "99,92% (1.234/1.235)", "2",
                    "Có nguy cơ không đạt");
            assertThat(cells(figures, 2)).containsExactly("2", "CT03 " + ThoXuanDraft.YOUTH, "≥ 75%", "75% (1.500/2.000)", "2", "Đạt");
            assertThat(cells(figures, 3)).containsExactly("3", "CT07 " + ThoXuanDraft.POOR, "≤ 3%", "3,1% (31/1.000)", "2", "Có nguy cơ không đạt");
            assertThat(cells(figures, 4)).containsExactly("4", "CT15 " + ThoXuanDraft.CLASSES, "2–3", "Tổng 3; 100% đơn vị đạt", "1", "Đạt");
            assertThat(tables.get(2).getRow(0).getCell(0).getText()).contains("Nơi nhận:", "- Ban Thường vụ Tỉnh đoàn Thanh Hóa (b/c);", "- Lưu VP.");
            assertThat(tables.get(2).getRow(0).getCell(1).getText()).contains("T/M BAN THƯỜNG VỤ", "BÍ THƯ");
        }
    }

    @Test
    void theOpeningSentenceNamesThePeriodOnceAndKeepsItsCapitals() {
        assertThat(new ReportText(DRAFT).intro()).isEqualTo("Thực hiện 54-CT/ĐTN, Huyện đoàn Thọ Xuân báo cáo kết quả thực hiện năm 2026 "
                + "(hạn báo cáo 15/11/2026) như sau:");
        ConsolidatedReport quarter = new ConsolidatedReport(DRAFT.plan(), new ConsolidatedReport.Period("2026-Q3", "Quý III/2026",
                java.time.LocalDate.of(2026, 9, 20)), DRAFT.unit(), DRAFT.superior(), DRAFT.place(), DRAFT.draftedOn(), DRAFT.figures(),
                DRAFT.timeliness(), DRAFT.children(), DRAFT.units(), DRAFT.submission(), DRAFT.ranking());
        assertThat(new ReportText(quarter).intro()).isEqualTo("Thực hiện 54-CT/ĐTN, Huyện đoàn Thọ Xuân báo cáo kết quả thực hiện quý III/2026 "
                + "(hạn báo cáo 20/09/2026) như sau:");
    }

    @Test
    void thePdfEmbedsItsFontAndReadsBackWithEveryDiacritic() throws IOException {
        byte[] pdf = DocumentFormat.PDF.write(DRAFT);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains("ĐOÀN TNCS HỒ CHÍ MINH", "HUYỆN ĐOÀN THỌ XUÂN", "Thọ Xuân, ngày 15 tháng 11 năm 2026",
                    "Kính gửi: Ban Thường vụ Tỉnh đoàn Thanh Hóa", "I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU", "99,92% (1.234/1.235)",
                    "3,1% (31/1.000)", "Có nguy cơ không đạt", "- Chậm: Đoàn xã Xuân Hòa (3 ngày).", "- Chưa báo cáo: Đoàn trường THPT Thọ Xuân 4.",
                    "Tổng 3; 100% đơn vị đạt", "2–3", "≤ 3%", "Đề xuất, kiến nghị: Đề nghị Huyện đoàn hỗ trợ kinh phí mở lớp.", "T/M BAN THƯỜNG VỤ", "Nơi nhận:");
            List<PDFont> fonts = fonts(doc);
            assertThat(fonts).isNotEmpty().allSatisfy(f -> {
                assertThat(f.getName()).contains("DejaVuSerif");
                assertThat(f.isEmbedded()).isTrue();
            });
            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 110);
            Path png = Path.of("target", "consolidated-report-page1.png");
            Files.createDirectories(png.getParent());
            ImageIO.write(page, "png", png.toFile());
            assertThat(page.getWidth()).as("A4 at 110 dpi").isEqualTo(909);
        }
    }

    @Test
    void theWorkbookHasOneRowPerUnitAndOneColumnPerFigureAsNumbers() throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(DocumentFormat.XLSX.write(DRAFT)))) {
            Sheet sheet = book.getSheet("Số liệu");
            assertThat(cells(sheet.getRow(0))).containsExactly("Mã đơn vị", "Đơn vị", "Cấp", "Đơn vị cấp trên", "Tình trạng báo cáo",
                    "CT01 tử số", "CT01 mẫu số", "CT01 kết quả (%)", "CT03 tử số", "CT03 mẫu số", "CT03 kết quả (%)",
                    "CT07 tử số", "CT07 mẫu số", "CT07 kết quả (%)", "CT15 tử số", "CT15 mẫu số", "CT15 kết quả (%)");
            assertThat(sheet.getLastRowNum()).isEqualTo(4);
            assertThat(cells(sheet.getRow(1), 5)).containsExactly("thoxuan", "Huyện đoàn Thọ Xuân", "DISTRICT", "Tỉnh đoàn Thanh Hóa", "");
            assertThat(numbers(sheet.getRow(1), 5, 17)).containsExactly(1234.0, 1235.0, 99.92, 1500.0, 2000.0, 75.0, 31.0, 1000.0, 3.1, 3.0, 0.0, 100.0);
            assertThat(cells(sheet.getRow(2), 5)).containsExactly("thpt4", "Đoàn trường THPT Thọ Xuân 4", "GRASSROOTS",
                    "Huyện đoàn Thọ Xuân", "Chưa báo cáo");
            assertThat(sheet.getRow(2).getCell(5)).as("no figures: empty cells, not zeros").isNull();
            assertThat(cells(sheet.getRow(4), 5).subList(1, 5)).containsExactly("Đoàn xã Xuân Hòa", "GRASSROOTS", "Huyện đoàn Thọ Xuân", "Chậm");
            assertThat(numbers(sheet.getRow(4), 5, 14)).containsExactly(234.0, 235.0, 99.57, 600.0, 800.0, 75.0, 19.0, 400.0, 4.75);
            Sheet indicators = book.getSheet("Chỉ tiêu");
            assertThat(cells(indicators.getRow(4)).subList(0, 3)).containsExactly("CT15", ThoXuanDraft.CLASSES, "2–3");
            assertThat(cells(indicators.getRow(3))).containsExactly("CT07", ThoXuanDraft.POOR, "≤ 3%", "3,1% (31/1.000)", "Có nguy cơ không đạt");
            assertThat(book.getSheet("Xếp loại")).as("the plan ranks no units").isNull();
        }
    }

    @Test
    void theFileNameSaysWhatTheReportIsInVietnamese() {
        assertThat(DocumentFormat.DOCX.fileName(DRAFT)).isEqualTo("Báo cáo tổng hợp - Huyện đoàn Thọ Xuân - Báo cáo năm 2026.docx");
        assertThat(DocumentFormat.of("PDF")).contains(DocumentFormat.PDF);
        assertThat(DocumentFormat.of("doc")).isEmpty();
    }

    private static List<String> cells(XWPFTable table, int row) {
        return table.getRow(row).getTableCells().stream().map(c -> c.getText()).toList();
    }

    private static List<String> cells(Row row) {
        return cells(row, row.getLastCellNum());
    }

    private static List<String> cells(Row row, int count) {
        return IntStream.range(0, count).mapToObj(c -> row.getCell(c) == null ? "" : row.getCell(c).getStringCellValue()).toList();
    }

    private static List<Double> numbers(Row row, int from, int to) {
        return IntStream.range(from, to).mapToObj(c -> row.getCell(c) == null ? null : row.getCell(c).getNumericCellValue()).toList();
    }

    private static List<PDFont> fonts(PDDocument doc) throws IOException {
        var resources = doc.getPage(0).getResources();
        List<PDFont> fonts = new java.util.ArrayList<>();
        for (var name : resources.getFontNames()) {
            fonts.add(resources.getFont(name));
        }
        return fonts.stream().collect(Collectors.toList());
    }
}
