package vn.doan.planservice.plan;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;

/** Dates as Vietnamese readers write them: dd/MM/yyyy. */
final class VietnameseDates {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);

    private VietnameseDates() {
    }

    static String format(LocalDate date) {
        return date == null ? "(trống)" : FORMAT.format(date);
    }
}
