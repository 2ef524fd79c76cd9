package vn.doan.reportservice.consolidated;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.web.util.HtmlUtils;

/**
 * A consolidated report as a PDF of the same document as the .docx: XHTML laid out by openhtmltopdf, set in DejaVu Serif,
 * shipped in this module's resources ({@code fonts/dejavu}, with its licence) and embedded, so every Vietnamese diacritic
 * prints whatever fonts the machine has.
 */
final class PdfWriter {

    private static final String FONT = "DejaVu Serif";
    private static final String FONTS = "/fonts/dejavu/";
    private static final String CSS = """
            @page { size: A4; margin: 20mm 15mm 20mm 30mm; }
            body { font-family: 'DejaVu Serif'; font-size: 11pt; line-height: 1.35; }
            table { width: 100%; border-collapse: collapse; table-layout: fixed; }
            table.form td { vertical-align: top; width: 50%; }
            table.form p { text-align: center; margin: 1pt 0; }
            table.form td.left p { text-align: left; }
            table.figures td, table.figures th { border: 0.5pt solid black; padding: 3pt; font-size: 9.5pt; text-align: center; }
            table.figures td.text { text-align: left; }
            p { margin: 3pt 0; text-align: justify; }
            .c { text-align: center; } .b { font-weight: bold; } .i { font-style: italic; } .u { text-decoration: underline; }
            h1 { font-size: 13pt; text-align: center; margin: 14pt 0 2pt 0; }
            h2 { font-size: 11pt; margin: 8pt 0 3pt 0; }
            """;

    /** Widths of TT, Chỉ tiêu, Mục tiêu, Kết quả, Số đơn vị báo cáo, Đánh giá: room for "99,92% (1.234/1.235)" on a line. */
    private static final String FIGURE_COLUMNS = "<colgroup><col style=\"width: 6%\"/><col style=\"width: 33%\"/><col style=\"width: 10%\"/>"
            + "<col style=\"width: 27%\"/><col style=\"width: 10%\"/><col style=\"width: 14%\"/></colgroup>";

    /** Widths of Hạng, Đơn vị, Điểm, Báo cáo chậm, Xếp loại. */
    private static final String RANKING_COLUMNS = "<colgroup><col style=\"width: 8%\"/><col style=\"width: 42%\"/><col style=\"width: 14%\"/>"
            + "<col style=\"width: 16%\"/><col style=\"width: 20%\"/></colgroup>";

    private PdfWriter() {
    }

    static byte[] write(ConsolidatedReport report) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            font(builder, "DejaVuSerif.ttf", 400, BaseRendererBuilder.FontStyle.NORMAL);
            font(builder, "DejaVuSerif-Bold.ttf", 700, BaseRendererBuilder.FontStyle.NORMAL);
            font(builder, "DejaVuSerif-Italic.ttf", 400, BaseRendererBuilder.FontStyle.ITALIC);
            builder.withHtmlContent(html(new ReportText(report)), null).toStream(out).run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void font(PdfRendererBuilder builder, String file, int weight, BaseRendererBuilder.FontStyle style) {
        builder.useFont(() -> PdfWriter.class.getResourceAsStream(FONTS + file), FONT, weight, style, true);
    }

    static String html(ReportText t) {
        StringBuilder h = new StringBuilder("<html><head><meta charset=\"UTF-8\"/><style>").append(CSS).append("</style></head><body>");
        h.append("<table class=\"form\"><tr><td>").append(p("", t.superiorLine())).append(p("b", t.unitLine())).append(p("", "***"))
                .append(p("", t.numberLine())).append(p("i", t.subjectLine())).append("</td><td>").append(p("b u", ReportText.UNION))
                .append(p("", " ")).append(p("i", t.placeAndDate())).append("</td></tr></table>");
        List<String> title = t.title();
        h.append("<h1>").append(esc(title.get(0))).append("</h1>");
        title.subList(1, title.size()).forEach(line -> h.append(p("c b", line)));
        h.append(p("c", t.addressee())).append(p("", t.intro()));
        h.append("<h2>").append(esc(t.figuresHeading())).append("</h2>");
        table(h, FIGURE_COLUMNS, ReportText.TABLE_HEADER, t.figureRows());
        h.append("<h2>").append(esc(t.timelinessHeading())).append("</h2>");
        t.timelinessLines().forEach(line -> h.append(p("", line)));
        h.append("<h2>").append(esc(t.childrenHeading())).append("</h2>");
        for (ReportText.ChildBlock child : t.children()) {
            h.append(p("b", child.heading()));
            child.lines().forEach(line -> h.append(p("", line)));
        }
        if (t.ranked()) {
            h.append("<h2>").append(esc(t.rankingHeading())).append("</h2>");
            table(h, RANKING_COLUMNS, ReportText.RANKING_HEADER, t.rankingRows());
        }
        h.append("<table class=\"form\"><tr><td class=\"left\">").append(p("b i", ReportText.RECIPIENTS));
        t.recipients().forEach(line -> h.append(p("", line)));
        h.append("</td><td>").append(p("c b", ReportText.SIGNING_FOR)).append(p("c b", ReportText.SIGNER)).append("</td></tr></table>");
        return h.append("</body></html>").toString();
    }

    /** A bordered table: the header, then the rows; the second column (names, wording) aligned left. */
    private static void table(StringBuilder h, String columns, List<String> header, List<List<String>> rows) {
        h.append("<table class=\"figures\">").append(columns).append("<tr>");
        header.forEach(c -> h.append("<th>").append(esc(c)).append("</th>"));
        h.append("</tr>");
        for (List<String> row : rows) {
            h.append("<tr>");
            for (int c = 0; c < row.size(); c++) {
                h.append(c == 1 ? "<td class=\"text\">" : "<td>").append(esc(row.get(c))).append("</td>");
            }
            h.append("</tr>");
        }
        h.append("</table>");
    }

    private static String p(String classes, String text) {
        return "<p class=\"" + classes + "\">" + esc(text) + "</p>";
    }

    private static String esc(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
