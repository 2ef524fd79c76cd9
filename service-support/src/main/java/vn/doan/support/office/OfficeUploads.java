package vn.doan.support.office;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
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
 * macro-enabled (by its content or the media type it was sent as), and not a zip bomb. POI's {@link ZipSecureFile} limits
 * apply while the package is unzipped: an entry may not expand more than {@link #MIN_INFLATE_RATIO} allows nor beyond
 * {@link #MAX_ENTRY_BYTES}, and a package holds at most {@link #MAX_ENTRIES} parts. The upload itself is at most the
 * service's body limit ({@code doan.web.max-body-bytes}, 1 MB). POI keeps these limits in static fields, for the whole JVM.
 * Each refusal is a problem+json whose rule starts with the caller's prefix ({@code import.not-xlsx}, {@code sheet.zip-bomb}).
 * Needs {@code org.apache.poi:poi-ooxml}, which a service that takes Office files declares itself.
 */
public final class OfficeUploads {

    /** Compressed size / expanded size below which an entry is a zip bomb (POI's own default, stated here on purpose). */
    public static final double MIN_INFLATE_RATIO = 0.01;
    /** 5,000 rows of a dozen numbers come to about 2 MB of sheet XML; a 1 MB upload expanding past 20 MB is hostile. */
    public static final long MAX_ENTRY_BYTES = 20L * 1024 * 1024;
    public static final long MAX_ENTRIES = 200;

    private static final String VBA_PROJECT = "application/vnd.ms-office.vbaProject";

    static {
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
        ZipSecureFile.setMaxFileCount(MAX_ENTRIES);
    }

    /** What the upload must be: a workbook or a Word document, each with its macro-enabled twin that is refused. */
    public enum Kind {
        XLSX("not-xlsx", "an Excel workbook (.xlsx)", "tệp Excel (.xlsx)", XSSFRelation.WORKBOOK.getContentType(),
                XSSFRelation.MACROS_WORKBOOK.getContentType(), "application/vnd.ms-excel.sheet.macroenabled.12"),
        DOCX("not-docx", "a Word document (.docx)", "tệp Word (.docx)", XWPFRelation.DOCUMENT.getContentType(),
                XWPFRelation.MACRO_DOCUMENT.getContentType(), "application/vnd.ms-word.document.macroenabled.12");

        final String rule;
        final String en;
        final String vi;
        final String mainPart;
        final String macroPart;
        /** The media type of the macro-enabled file (.xlsm, .docm), lower-cased. */
        final String macroMediaType;

        Kind(String rule, String en, String vi, String mainPart, String macroPart, String macroMediaType) {
            this.rule = rule;
            this.en = en;
            this.vi = vi;
            this.mainPart = mainPart;
            this.macroPart = macroPart;
            this.macroMediaType = macroMediaType;
        }
    }

    private OfficeUploads() {
    }

    /** The package of an upload sent as {@code contentType} (may be null); the caller reverts it when done. */
    public static OPCPackage open(byte[] bytes, String contentType, Kind kind, String rulePrefix) {
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith(kind.macroMediaType)) {
            throw macroEnabled(kind, rulePrefix);
        }
        if (bytes == null || bytes.length == 0 || magic(bytes) != FileMagic.OOXML) {
            throw notA(kind, rulePrefix);
        }
        OPCPackage pkg;
        try {
            pkg = OPCPackage.open(new ByteArrayInputStream(bytes));
        } catch (IOException | InvalidFormatException | RuntimeException e) {
            throw unreadable(e, kind, rulePrefix);
        }
        try {
            if (!pkg.getPartsByContentType(kind.macroPart).isEmpty() || !pkg.getPartsByContentType(VBA_PROJECT).isEmpty()) {
                throw macroEnabled(kind, rulePrefix);
            }
            if (pkg.getPartsByContentType(kind.mainPart).isEmpty()) {
                throw notA(kind, rulePrefix);
            }
            return pkg;
        } catch (RuntimeException e) {
            pkg.revert();
            throw e instanceof ApiProblem problem ? problem : notA(kind, rulePrefix);
        }
    }

    /**
     * What a failure to read an opened package means to the uploader: a zip bomb (POI reports an entry beyond its
     * {@link ZipSecureFile} limits as an IOException saying so, somewhere in the causes), else not a file of that kind.
     */
    public static ApiProblem unreadable(Throwable e, Kind kind, String rulePrefix) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && cause.getMessage().contains("Zip bomb detected")) {
                return ApiProblem.invalid(rulePrefix + ".zip-bomb", "file",
                        "The file expands far beyond its size (more than " + MAX_ENTRY_BYTES / (1024 * 1024) + " MB per part, or compressed "
                                + "below " + MIN_INFLATE_RATIO + " of its content): refused as a zip bomb; nothing was stored.",
                        "Tệp giải nén ra lớn bất thường so với dung lượng (nghi là tệp độc hại), không được tiếp nhận; chưa có gì được lưu.");
            }
        }
        return notA(kind, rulePrefix);
    }

    private static ApiProblem notA(Kind kind, String rulePrefix) {
        return ApiProblem.invalid(rulePrefix + "." + kind.rule, "file", "The file is not " + kind.en + "; nothing was stored.",
                "Tệp gửi lên không phải là " + kind.vi + " hợp lệ; chưa có gì được lưu.");
    }

    /** The refusal of a macro-enabled file (.xlsm, .docm), also for an endpoint that sees only its media type. */
    public static ApiProblem macroEnabled(Kind kind, String rulePrefix) {
        return ApiProblem.invalid(rulePrefix + ".macro-enabled", "file",
                "Macro-enabled files are not accepted; save it as " + kind.en + " without macros. Nothing was stored.",
                "Không nhận tệp có chứa macro; hãy lưu lại thành " + kind.vi + " không có macro. Chưa có gì được lưu.");
    }

    private static FileMagic magic(byte[] bytes) {
        try {
            return FileMagic.valueOf(bytes);
        } catch (EmptyFileException e) {
            return FileMagic.UNKNOWN;
        }
    }
}
