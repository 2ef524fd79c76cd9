package vn.doan.reportservice.consolidated;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.UnderlinePatterns;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;

/** A consolidated report as a Word document in the Union's administrative form, Times New Roman 13 pt. */
final class DocxWriter {

    private static final String FONT = "Times New Roman";
    private static final int SIZE = 13;

    private DocxWriter() {
    }

    static byte[] write(ConsolidatedReport report) {
        ReportText text = new ReportText(report);
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            header(doc, text);
            List<String> title = text.title();
            line(doc.createParagraph(), title.get(0), ParagraphAlignment.CENTER, true, false).setSpacingBefore(240);
            for (String subtitle : title.subList(1, title.size())) {
                line(doc.createParagraph(), subtitle, ParagraphAlignment.CENTER, true, false);
            }
            line(doc.createParagraph(), text.addressee(), ParagraphAlignment.CENTER, false, false).setSpacingAfter(200);
            line(doc.createParagraph(), text.intro(), ParagraphAlignment.BOTH, false, false);

            line(doc.createParagraph(), text.figuresHeading(), ParagraphAlignment.LEFT, true, false);
            table(doc, ReportText.TABLE_HEADER, text.figureRows());
            line(doc.createParagraph(), text.timelinessHeading(), ParagraphAlignment.LEFT, true, false);
            text.timelinessLines().forEach(l -> line(doc.createParagraph(), l, ParagraphAlignment.BOTH, false, false));
            line(doc.createParagraph(), text.childrenHeading(), ParagraphAlignment.LEFT, true, false);
            for (ReportText.ChildBlock child : text.children()) {
                line(doc.createParagraph(), child.heading(), ParagraphAlignment.LEFT, true, false);
                child.lines().forEach(l -> line(doc.createParagraph(), l, ParagraphAlignment.BOTH, false, false));
            }
            if (text.ranked()) {
                line(doc.createParagraph(), text.rankingHeading(), ParagraphAlignment.LEFT, true, false);
                table(doc, ReportText.RANKING_HEADER, text.rankingRows());
            }
            signature(doc, text);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Two columns without borders: the issuing unit, its number and subject on the left; the Union and the date on the right. */
    private static void header(XWPFDocument doc, ReportText text) {
        XWPFTable table = borderless(doc, 1);
        XWPFTableCell left = table.getRow(0).getCell(0);
        XWPFTableCell right = table.getRow(0).getCell(1);
        line(left.getParagraphs().get(0), text.superiorLine(), ParagraphAlignment.CENTER, false, false);
        line(left.addParagraph(), text.unitLine(), ParagraphAlignment.CENTER, true, false);
        line(left.addParagraph(), "***", ParagraphAlignment.CENTER, false, false);
        line(left.addParagraph(), text.numberLine(), ParagraphAlignment.CENTER, false, false);
        line(left.addParagraph(), text.subjectLine(), ParagraphAlignment.CENTER, false, true);
        XWPFRun union = line(right.getParagraphs().get(0), ReportText.UNION, ParagraphAlignment.CENTER, true, false).getRuns().get(0);
        union.setUnderline(UnderlinePatterns.SINGLE);
        line(right.addParagraph(), "", ParagraphAlignment.CENTER, false, false);
        line(right.addParagraph(), text.placeAndDate(), ParagraphAlignment.CENTER, false, true);
    }

    /** A bordered table: the header in bold, then the rows; the second column (names, wording) aligned left. */
    private static void table(XWPFDocument doc, List<String> header, List<List<String>> rows) {
        XWPFTable table = doc.createTable(rows.size() + 1, header.size());
        table.setWidth("100%");
        fill(table, 0, header, true);
        for (int i = 0; i < rows.size(); i++) {
            fill(table, i + 1, rows.get(i), false);
        }
    }

    private static void fill(XWPFTable table, int row, List<String> cells, boolean bold) {
        for (int c = 0; c < cells.size(); c++) {
            line(table.getRow(row).getCell(c).getParagraphs().get(0), cells.get(c), c == 1 ? ParagraphAlignment.LEFT : ParagraphAlignment.CENTER,
                    bold, false);
        }
    }

    /** "Nơi nhận" on the left, "T/M BAN THƯỜNG VỤ" and the signer's title on the right, room to sign below. */
    private static void signature(XWPFDocument doc, ReportText text) {
        XWPFTable table = borderless(doc, 1);
        XWPFTableCell left = table.getRow(0).getCell(0);
        XWPFTableCell right = table.getRow(0).getCell(1);
        line(left.getParagraphs().get(0), ReportText.RECIPIENTS, ParagraphAlignment.LEFT, true, true);
        text.recipients().forEach(r -> line(left.addParagraph(), r, ParagraphAlignment.LEFT, false, false));
        line(right.getParagraphs().get(0), ReportText.SIGNING_FOR, ParagraphAlignment.CENTER, true, false);
        line(right.addParagraph(), ReportText.SIGNER, ParagraphAlignment.CENTER, true, false);
    }

    private static XWPFTable borderless(XWPFDocument doc, int rows) {
        XWPFTable table = doc.createTable(rows, 2);
        table.setWidth("100%");
        table.removeBorders();
        return table;
    }

    private static XWPFParagraph line(XWPFParagraph p, String text, ParagraphAlignment alignment, boolean bold, boolean italic) {
        p.setAlignment(alignment);
        XWPFRun run = p.createRun();
        run.setFontFamily(FONT);
        run.setFontSize(SIZE);
        run.setBold(bold);
        run.setItalic(italic);
        run.setText(text);
        return p;
    }
}
