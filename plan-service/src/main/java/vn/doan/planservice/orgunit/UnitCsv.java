package vn.doan.planservice.orgunit;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import vn.doan.events.plan.UnitLevel;
import vn.doan.support.web.ApiProblem;

/** Reads the import CSV (RFC 4180 quoting, UTF-8): {@code code,name,level,kind,parentCode,effectiveFrom}. */
final class UnitCsv {

    private static final String HEADER = "code,name,level,kind,parentCode,effectiveFrom";
    /** Strict: 31/02/2016 is refused, not moved to 29/02/2016 as the default resolver would. */
    private static final DateTimeFormatter VIETNAMESE_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);

    private UnitCsv() {
    }

    static List<UnitImportService.Row> parse(byte[] csv) {
        return parse(decode(csv));
    }

    /**
     * UTF-8 or nothing: a file saved in another encoding (Windows-1258, Latin-1) is refused with the line of its first
     * bad byte, instead of the default decoder's silent replacement characters in unit names.
     */
    private static String decode(byte[] csv) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(csv);
        CharBuffer out = CharBuffer.allocate(csv.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                line += csv[i] == '\n' ? 1 : 0;
            }
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "import.csv-encoding", line == 1 ? "header" : "rows[" + (line - 2) + "]",
                    "Line " + line + " is not valid UTF-8 (byte " + in.position() + "); save the file as CSV UTF-8. Nothing was imported.",
                    "Dòng " + line + " không phải văn bản UTF-8 hợp lệ; hãy lưu tệp dạng CSV UTF-8. Chưa nhập dòng nào.")
                    .with("line", line);
        }
        return out.flip().toString();
    }

    private static List<UnitImportService.Row> parse(String csv) {
        List<List<String>> records = records(csv.startsWith("\uFEFF") ? csv.substring(1) : csv);
        if (records.isEmpty() || !String.join(",", records.get(0)).trim().equalsIgnoreCase(HEADER)) {
            throw ApiProblem.invalid("import.csv-header", "header", "The first line must be: " + HEADER,
                    "Dòng đầu tiên phải là: " + HEADER);
        }
        List<UnitImportService.Row> rows = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> f = records.get(i);
            if (f.size() == 1 && f.get(0).isBlank()) {
                continue;
            }
            if (f.size() != 6) {
                throw ApiProblem.invalid("import.csv-columns", "rows[" + (i - 1) + "]",
                        "Line " + (i + 1) + " has " + f.size() + " fields instead of 6.",
                        "Dòng " + (i + 1) + " có " + f.size() + " cột thay vì 6.");
            }
            rows.add(new UnitImportService.Row(f.get(0).trim(), f.get(1).trim(), level(f.get(2).trim(), i), blankToNull(f.get(3)),
                    blankToNull(f.get(4)), date(f.get(5).trim(), i)));
        }
        return rows;
    }

    /** A level's code, in any case ({@code lien_chi_doan}); whether it is configured is the import's row check. */
    private static UnitLevel level(String value, int line) {
        try {
            return value.isEmpty() ? null : UnitLevel.of(value.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid("import.level-unknown", "rows[" + (line - 1) + "].level",
                    "Line " + (line + 1) + ": unknown level " + value + ".", "Dòng " + (line + 1) + ": cấp " + value + " không hợp lệ.");
        }
    }

    private static LocalDate date(String value, int line) {
        if (value.isEmpty()) {
            return null;
        }
        try {
            return value.contains("/") ? LocalDate.parse(value, VIETNAMESE_DATE) : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "import.date-invalid", "rows[" + (line - 1) + "].effectiveFrom",
                    "Line " + (line + 1) + ": " + value + " is not a date (dd/MM/yyyy).",
                    "Dòng " + (line + 1) + ": " + value + " không phải ngày hợp lệ (dd/MM/yyyy).");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static List<List<String>> records(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                field.setLength(0);
                records.add(fields);
                fields = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !fields.isEmpty()) {
            fields.add(field.toString());
            records.add(fields);
        }
        return records;
    }
}
