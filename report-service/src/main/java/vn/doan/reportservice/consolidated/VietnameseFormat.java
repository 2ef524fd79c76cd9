package vn.doan.reportservice.consolidated;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import vn.doan.events.plan.IndicatorKind;
import vn.doan.events.plan.UnitLevel;
import vn.doan.reportservice.catalog.PlanView;

/** Numbers, dates and words of a consolidated report as Vietnamese offices write them: 1.234,5 and 15/11/2026. */
public final class VietnameseFormat {

    public static final Locale VI = Locale.forLanguageTag("vi-VN");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final Map<UnitLevel, String> LEVEL_WORDS = Map.of(UnitLevel.CENTRAL, "cấp Trung ương", UnitLevel.PROVINCE, "cấp tỉnh",
            UnitLevel.DISTRICT, "cấp huyện", UnitLevel.GRASSROOTS, "cấp cơ sở", UnitLevel.BRANCH, "chi đoàn");

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

    /**
     * An indicator's target for a period as the plan states it: "100%", "≥ 75%", "95–100%" (shares), "≤ 3%" (a rate at
     * most), "≥ 1" (a count), "2–3" (a range), "Có" (yes/no; "Có (≥ 80% đơn vị)" when the plan asks it of a share of units),
     * "Hoàn thành trước ngày 15/11/2018" (a milestone or task: its deadline, per level when levels differ, a window as "từ … đến
     * …", without one the period's last day); empty when no target applies to the period.
     */
    public static String target(PlanView.Indicator indicator, PlanView.ReportingPeriod period) {
        BigDecimal target = indicator.targetIn(period.periodId());
        BigDecimal max = indicator.targetMax();
        if (target == null || indicator.kind() == null) {
            return "";
        }
        boolean all = target.compareTo(HUNDRED) == 0;
        return switch (indicator.kind()) {
            case SHARE_OF_PEOPLE, SHARE_OF_UNITS -> max != null ? range(target, max) + "%" : (all ? "" : "≥ ") + number(target) + "%";
            case RATE_AT_MOST -> "≤ " + number(target) + "%";
            case COUNT_AT_LEAST, COUNT_IN_RANGE -> max != null ? range(target, max) : "≥ " + number(target);
            case YES_NO -> all ? "Có" : "Có (≥ " + number(target) + "% đơn vị)";
            case MILESTONE, TASK -> (all ? "Hoàn thành" : number(target) + "% đơn vị hoàn thành") + deadlines(indicator.deadlines(), period.to());
        };
    }

    /** "1–2": both bounds, an en dash between. */
    private static String range(BigDecimal from, BigDecimal to) {
        return from.compareTo(to) == 0 ? number(from) : number(from) + "–" + number(to);
    }

    /**
     * " trước ngày 15/11/2018"; per level when they differ, the earliest first (levels are codes here, with no order):
     * ": cấp huyện trước ngày …; cấp cơ sở trước ngày …".
     */
    private static String deadlines(List<PlanView.Deadline> deadlines, LocalDate periodEnd) {
        if (deadlines == null || deadlines.isEmpty()) {
            return " đến ngày " + date(periodEnd);
        }
        List<String> whens = deadlines.stream().map(VietnameseFormat::when).distinct().toList();
        if (whens.size() == 1) {
            return " " + whens.get(0);
        }
        return ": " + deadlines.stream().sorted(Comparator.comparing(PlanView.Deadline::deadline))
                .map(d -> level(d.level()) + " " + when(d)).collect(Collectors.joining("; "));
    }

    private static String when(PlanView.Deadline d) {
        return d.from() == null ? "trước ngày " + date(d.deadline()) : "từ " + date(d.from()) + " đến " + date(d.deadline());
    }

    /** A level as plans name it: "cấp huyện", "cấp cơ sở"; a level beyond the five by its code ("cấp LIEN_CHI_DOAN"). */
    static String level(UnitLevel level) {
        String words = LEVEL_WORDS.get(level);
        return words != null ? words : "cấp " + level.code();
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
