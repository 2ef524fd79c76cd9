package vn.doan.console.web;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Dates and numbers as Vietnamese users write them: 31/12/2026, 1.234,5, times in Asia/Ho_Chi_Minh. Used by
 * the templates as {@code @fmt} and by the forms to read what was typed.
 */
@Component("fmt")
public class Format {

    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    /** Read strictly: 31/11/2026 is no date (the default resolver would quietly take 30/11/2026). */
    private static final DateTimeFormatter TYPED_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(java.time.format.ResolverStyle.STRICT);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");
    /** One per thread (a DecimalFormat is not thread-safe): a province's dashboard writes a few thousand numbers. */
    private static final ThreadLocal<DecimalFormat> NUMBER = ThreadLocal.withInitial(
            () -> new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(VIETNAMESE)));

    public String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    public String time(Instant at) {
        return at == null ? "" : DATE_TIME.format(at.atZone(ZONE));
    }

    /** 1.234,5 — at most two decimals, none when whole. */
    public String number(Number value) {
        if (value == null) {
            return "—";
        }
        return NUMBER.get().format(value instanceof BigDecimal big ? big : new BigDecimal(value.toString()));
    }

    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    /** A date typed as dd/MM/yyyy, or null if it is not one. */
    public static LocalDate parseDate(String text) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.trim(), TYPED_DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A number typed the Vietnamese way ("1.234,5", "84,5"); null if blank; NumberFormatException if it is not one. */
    public static BigDecimal parseNumber(String text) {
        String plain = text == null ? "" : text.trim().replace(".", "").replace(" ", "").replace(',', '.');
        return plain.isEmpty() ? null : new BigDecimal(plain);
    }

    /** A whole number typed with or without thousands dots ("1.234"), or null if it is not one. */
    public static Long parseWhole(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String plain = text.trim().replace(".", "").replace(" ", "");
        try {
            return Long.parseLong(plain);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
