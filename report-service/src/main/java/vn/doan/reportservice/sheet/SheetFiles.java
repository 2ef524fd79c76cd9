package vn.doan.reportservice.sheet;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
import org.apache.poi.EmptyFileException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import vn.doan.support.web.ApiProblem;

/**
 * Opens an uploaded sheet only if it is an Excel workbook (.xlsx), not macro-enabled, and not a zip bomb: POI's
 * {@link ZipSecureFile} limits apply while the package is unzipped — an entry may not expand more than
 * {@link #MIN_INFLATE_RATIO} allows nor beyond {@link #MAX_ENTRY_BYTES}, and a package holds at most {@link #MAX_ENTRIES}
 * parts. The upload itself is at most the service's body limit ({@code doan.web.max-body-bytes}, 1 MB). POI keeps these
 * limits in static fields, for the whole JVM; plan-service sets the same values.
 */
final class SheetFiles {

    /** Compressed size / expanded size below which an entry is a zip bomb (POI's own default, stated here on purpose). */
    static final double MIN_INFLATE_RATIO = 0.01;
    /** 5,000 rows of a dozen numbers come to about 2 MB of sheet XML; a 1 MB upload expanding past 20 MB is hostile. */
    static final long MAX_ENTRY_BYTES = 20L * 1024 * 1024;
    static final long MAX_ENTRIES = 200;

    /** The media type of a macro-enabled workbook (.xlsm), lower-cased. */
    private static final String XLSM = "application/vnd.ms-excel.sheet.macroenabled.12";
    private static final String VBA_PROJECT = "application/vnd.ms-office.vbaProject";

    static {
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
        ZipSecureFile.setMaxFileCount(MAX_ENTRIES);
    }

    private SheetFiles() {
    }

    /** The package of an upload sent as {@code contentType}: a macro-enabled workbook is refused by its media type too. */
    static OPCPackage open(byte[] bytes, String contentType) {
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith(XLSM)) {
            throw macroEnabled();
        }
        if (bytes == null || bytes.length == 0 || magic(bytes) != FileMagic.OOXML) {
            throw notXlsx();
        }
        OPCPackage pkg;
        try {
            pkg = OPCPackage.open(new ByteArrayInputStream(bytes));
        } catch (IOException | InvalidFormatException | RuntimeException e) {
            throw zipBomb(e) ? expandsTooMuch() : notXlsx();
        }
        try {
            if (!pkg.getPartsByContentType(XSSFRelation.MACROS_WORKBOOK.getContentType()).isEmpty()
                    || !pkg.getPartsByContentType(VBA_PROJECT).isEmpty()) {
                throw macroEnabled();
            }
            if (pkg.getPartsByContentType(XSSFRelation.WORKBOOK.getContentType()).isEmpty()) {
                throw notXlsx();
            }
            return pkg;
        } catch (RuntimeException e) {
            pkg.revert();
            throw e instanceof ApiProblem problem ? problem : notXlsx();
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
        return ApiProblem.invalid("sheet.zip-bomb", "file",
                "The file expands far beyond its size (more than " + MAX_ENTRY_BYTES / (1024 * 1024) + " MB per part, or compressed below "
                        + MIN_INFLATE_RATIO + " of its content): refused as a zip bomb; nothing was stored.",
                "Tệp giải nén ra lớn bất thường so với dung lượng (nghi là tệp độc hại), không được tiếp nhận; chưa có gì được lưu.");
    }

    private static ApiProblem macroEnabled() {
        return ApiProblem.invalid("sheet.macro-enabled", "file",
                "Macro-enabled workbooks are not accepted; save it as an Excel workbook (.xlsx) without macros. Nothing was stored.",
                "Không nhận tệp có chứa macro; hãy lưu lại thành tệp Excel (.xlsx) không có macro. Chưa có gì được lưu.");
    }

    static ApiProblem notXlsx() {
        return ApiProblem.invalid("sheet.not-xlsx", "file", "The file is not an Excel workbook (.xlsx); nothing was stored.",
                "Tệp gửi lên không phải là tệp Excel (.xlsx) hợp lệ; chưa có gì được lưu.");
    }
}
