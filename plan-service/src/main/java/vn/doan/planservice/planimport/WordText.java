package vn.doan.planservice.planimport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import vn.doan.support.web.ApiProblem;
import vn.doan.support.office.OfficeUploads;

/** The text of an uploaded plan: a Word document's paragraphs and tables (POI's extractor), or UTF-8 plain text. */
final class WordText {

    private WordText() {
    }

    static String ofDocx(byte[] file) {
        OPCPackage pkg = OfficeUploads.open(file, null, OfficeUploads.Kind.DOCX, "import");
        try (XWPFDocument document = new XWPFDocument(pkg); XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
            return extractor.getText();
        } catch (IOException | RuntimeException e) {
            pkg.revert();
            throw OfficeUploads.unreadable(e, OfficeUploads.Kind.DOCX, "import");
        }
    }

    static String ofPlainText(byte[] file) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(file)).toString();
        } catch (CharacterCodingException e) {
            throw ApiProblem.invalid("import.text-encoding", "file", "The text is not UTF-8; save it as UTF-8 (or upload the .docx).",
                    "Tệp văn bản không ở mã UTF-8; hãy lưu lại dạng UTF-8 hoặc gửi tệp .docx.");
        }
    }
}
