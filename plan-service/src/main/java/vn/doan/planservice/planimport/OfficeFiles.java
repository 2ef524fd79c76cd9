package vn.doan.planservice.planimport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.apache.poi.EmptyFileException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.apache.poi.xwpf.usermodel.XWPFRelation;
import vn.doan.support.web.ApiProblem;

/**
 * Opens an uploaded Office Open XML file (.xlsx or .docx) only if it is what it claims to be: not another format, not
 * macro-enabled, and not a zip bomb. POI's {@link ZipSecureFile} limits apply while the package is unzipped: an entry may
 * not expand more than {@link #MIN_INFLATE_RATIO} allows nor beyond {@link #MAX_ENTRY_BYTES}, and a package holds at most
 * {@link #MAX_ENTRIES} parts. The upload itself is at most the service's body limit ({@code doan.web.max-body-bytes}, 1 MB).
 * POI keeps these limits in static fields, so they hold for the whole JVM (in the local stack, every service in it; no other
 * reads Office files).
 */
final class OfficeFiles {

    /** Compressed size / expanded size below which an entry is a zip bomb (POI's own default, stated here on purpose). */
    static final double MIN_INFLATE_RATIO = 0.01;
    /** No part of a plan's workbook or document comes near this once expanded; a 1 MB upload reaching it is hostile. */
    static final long MAX_ENTRY_BYTES = 20L * 1024 * 1024;
    static final long MAX_ENTRIES = 200;

    static {
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
        ZipSecureFile.setMaxFileCount(MAX_ENTRIES);
    }

    /** What the upload must be: a workbook or a Word document, each with its macro-enabled twin that is refused. */
    enum Kind {
        XLSX("import.not-xlsx", "an Excel workbook (.xlsx)", "tệp Excel (.xlsx)", XSSFRelation.WORKBOOK.getContentType(),
                XSSFRelation.MACROS_WORKBOOK.getContentType()),
        DOCX("import.not-docx", "a Word document (.docx)", "tệp Word (.docx)", XWPFRelation.DOCUMENT.getContentType(),
                XWPFRelation.MACRO_DOCUMENT.getContentType());

        final String rule;
        final String en;
        final String vi;
        final String mainPart;
        final String macroPart;

        Kind(String rule, String en, String vi, String mainPart, String macroPart) {
            this.rule = rule;
            this.en = en;
            this.vi = vi;
            this.mainPart = mainPart;
            this.macroPart = macroPart;
        }
    }

    private static final String VBA_PROJECT = "application/vnd.ms-office.vbaProject";

    private OfficeFiles() {
    }

    static OPCPackage open(byte[] bytes, Kind kind) {
        if (bytes == null || bytes.length == 0 || magic(bytes) != FileMagic.OOXML) {
            throw notA(kind);
        }
        OPCPackage pkg;
        try {
            pkg = OPCPackage.open(new ByteArrayInputStream(bytes));
        } catch (IOException | InvalidFormatException | RuntimeException e) {
            throw zipBomb(e) ? expandsTooMuch() : notA(kind);
        }
        try {
            if (!pkg.getPartsByContentType(kind.macroPart).isEmpty() || !pkg.getPartsByContentType(VBA_PROJECT).isEmpty()) {
                throw ApiProblem.invalid("import.macro-enabled", "file",
                        "Macro-enabled files are not accepted; save it as " + kind.en + " without macros.",
                        "Không nhận tệp có chứa macro; hãy lưu lại thành " + kind.vi + " không có macro.");
            }
            if (pkg.getPartsByContentType(kind.mainPart).isEmpty()) {
                throw notA(kind);
            }
            return pkg;
        } catch (RuntimeException e) {
            pkg.revert();
            throw e instanceof ApiProblem problem ? problem : notA(kind);
        }
    }

    private static FileMagic magic(byte[] bytes) {
        try {
            return FileMagic.valueOf(bytes);
        } catch (EmptyFileException e) {
            return FileMagic.UNKNOWN;
        }
    }

    /** POI reports an entry beyond its {@link ZipSecureFile} limits as an IOException saying so, somewhere in the causes. */
    static boolean zipBomb(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && cause.getMessage().contains("Zip bomb detected")) {
                return true;
            }
        }
        return false;
    }

    static ApiProblem expandsTooMuch() {
        return ApiProblem.invalid("import.zip-bomb", "file",
                "The file expands far beyond its size (more than " + MAX_ENTRY_BYTES / (1024 * 1024) + " MB per part, or compressed below "
                        + MIN_INFLATE_RATIO + " of its content): refused as a zip bomb; nothing was stored.",
                "Tệp giải nén ra lớn bất thường so với dung lượng (nghi là tệp độc hại), không được tiếp nhận; chưa có gì được lưu.");
    }

    static ApiProblem notA(Kind kind) {
        return ApiProblem.invalid(kind.rule, "file", "The file is not " + kind.en + "; nothing was stored.",
                "Tệp gửi lên không phải là " + kind.vi + " hợp lệ; chưa có gì được lưu.");
    }
}
