package vn.doan.reportservice.consolidated;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import vn.doan.events.plan.IndicatorKind;

/** Numbers, dates and words of a consolidated report as Vietnamese offices write them: 1.234,5 and 15/11/2026. */
public final class VietnameseFormat {

    public static final Locale VI = Locale.forLanguageTag("vi-VN");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private VietnameseFormat() {
    }

    /** 1234.5 → "1.234,5"; at most two decimals, none when whole. */
    public static String number(BigDecimal value) {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols(VI);
        symbols.setGroupingSeparator('.');
        symbols.setDecimalSeparator(',');
        return new DecimalFormat("#,##0.##", symbols).format(value);
    }

    public static String number(long value) {
        return number(BigDecimal.valueOf(value));
    }

    public static String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    /** "Thọ Xuân, ngày 15 tháng 11 năm 2026". */
    public static String placeAndDate(String place, LocalDate date) {
        return place + ", ngày " + String.format("%02d", date.getDayOfMonth()) + " tháng " + String.format("%02d", date.getMonthValue())
                + " năm " + date.getYear();
    }

    /** An indicator's status in indicator-service's words, as a cadre reads it. */
    public static String status(String status) {
        if (status == null) {
            return "";
        }
        return switch (status) {
            case "ACHIEVED" -> "Đạt";
            case "ON_TRACK" -> "Đúng tiến độ";
            case "AT_RISK" -> "Có nguy cơ không đạt";
            case "OFF_TRACK" -> "Chưa đạt";
            case "NO_DATA" -> "Chưa có số liệu";
            default -> status;
        };
    }

    /** Whether a unit reported: ON_TIME, LATE, MISSING, NOT_YET_DUE in words; empty for a unit that does not report the period. */
    public static String reportState(String state) {
        if (state == null) {
            return "";
        }
        return switch (state) {
            case "ON_TIME" -> "Đúng hạn";
            case "LATE" -> "Chậm";
            case "MISSING" -> "Chưa báo cáo";
            case "NOT_YET_DUE" -> "Chưa đến hạn";
            default -> state;
        };
    }

    /** The target a subtree's value is compared with: "≥ 100%", "≤ 3%". */
    public static String target(IndicatorKind kind, BigDecimal target) {
        if (target == null) {
            return "";
        }
        return (kind == IndicatorKind.RATE_AT_MOST ? "≤ " : "≥ ") + number(target) + "%";
    }

    /** What a subtree reached on one indicator, in words, from the sums behind it. */
    public static String result(IndicatorKind kind, ConsolidatedReport.IndicatorFigure f) {
        if (f.reportingUnits() == 0) {
            return "Chưa có số liệu";
        }
        String percent = f.value() == null ? "" : number(f.value()) + "%";
        if (kind == null) {
            return percent;
        }
        return switch (kind) {
            case SHARE_OF_PEOPLE, SHARE_OF_UNITS, RATE_AT_MOST -> percent + " (" + number(f.numerator()) + "/" + number(f.denominator()) + ")";
            case COUNT_AT_LEAST, COUNT_IN_RANGE -> "Tổng " + number(f.numerator()) + "; " + percent + " đơn vị đạt";
            case YES_NO -> number(f.numerator()) + "/" + number(f.reportingUnits()) + " đơn vị (" + percent + ")";
            case MILESTONE, TASK -> number(f.numerator()) + "/" + number(f.reportingUnits()) + " đơn vị hoàn thành (" + percent + " đúng hạn)";
        };
    }
}
