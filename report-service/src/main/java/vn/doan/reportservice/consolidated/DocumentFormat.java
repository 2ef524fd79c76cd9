package vn.doan.reportservice.consolidated;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

/** The files a consolidated report is given as: the Word document, its PDF, the workbook of figures. */
public enum DocumentFormat {
    DOCX(DocumentFormat.DOCX_TYPE, DocxWriter::write),
    PDF(DocumentFormat.PDF_TYPE, PdfWriter::write),
    XLSX(DocumentFormat.XLSX_TYPE, XlsxWriter::write);

    public static final String DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public static final String PDF_TYPE = "application/pdf";
    public static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final String contentType;
    private final Function<ConsolidatedReport, byte[]> writer;

    DocumentFormat(String contentType, Function<ConsolidatedReport, byte[]> writer) {
        this.contentType = contentType;
        this.writer = writer;
    }

    public static Optional<DocumentFormat> of(String name) {
        return Arrays.stream(values()).filter(f -> f.name().equalsIgnoreCase(name)).findFirst();
    }

    public String contentType() {
        return contentType;
    }

    public byte[] write(ConsolidatedReport report) {
        return writer.apply(report);
    }

    /** "Báo cáo tổng hợp - Huyện đoàn Thọ Xuân - Báo cáo năm 2016.docx" (characters a file name may not hold become "-"). */
    public String fileName(ConsolidatedReport report) {
        String name = "Báo cáo tổng hợp - " + report.unit().name() + " - " + report.period().label();
        return name.replaceAll("[\\\\/:*?\"<>|]", "-") + "." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
