package vn.doan.planservice.planimport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** The five seed plans (/work/shared/seeds, or -Ddoan.seeds=…) as text and as a Word document written with POI, one paragraph a line. */
public final class SeedDocuments {

    public static final Path DIRECTORY = Path.of(System.getProperty("doan.seeds", "/work/shared/seeds"));

    private SeedDocuments() {
    }

    public static String text(String seed) {
        try {
            return Files.readString(DIRECTORY.resolve(seed), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] docx(String text) {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String line : text.split("\\R", -1)) {
                document.createParagraph().createRun().setText(line);
            }
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
