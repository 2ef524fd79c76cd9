package vn.doan.notificationservice.notice;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import vn.doan.events.indicator.IndicatorOffTrack;
import vn.doan.events.plan.IndicatorKind;
import vn.doan.notificationservice.template.Templates;

/**
 * The {@code value} and {@code target} of an off-track alert as a cadre reads them, in each language: a percent with its
 * sign, "at most" for a rate, and for a count the plan's own target ("ít nhất 3"), with how many units reached it — not
 * the share of units against 100 that indicator-service compared. Alerts without a measure (published before it existed)
 * keep their bare numbers.
 */
public final class OffTrackFigures {

    /** Looks up a template by key and language and fills it: {@link Templates#text}. */
    public interface Words {
        String text(String key, String language, Map<String, String> params);
    }

    private OffTrackFigures() {
    }

    /** The params {@code value}, {@code target} and their worded {@code <lang>:value}, {@code <lang>:target}. */
    public static Map<String, String> of(BigDecimal value, BigDecimal target, IndicatorOffTrack.Measure measure, Words words) {
        Map<String, String> params = new HashMap<>();
        params.put("value", value == null ? "?" : value.stripTrailingZeros().toPlainString());
        params.put("target", target == null ? "?" : target.stripTrailingZeros().toPlainString());
        if (measure == null || measure.kind() == null) {
            return params;
        }
        for (String language : Templates.LANGUAGES) {
            params.put(language + ":value", value(value, measure, language, words));
            params.put(language + ":target", target(target, measure, language, words));
        }
        return params;
    }

    private static boolean isCount(IndicatorKind kind) {
        return kind == IndicatorKind.COUNT_AT_LEAST || kind == IndicatorKind.COUNT_IN_RANGE;
    }

    private static String value(BigDecimal value, IndicatorOffTrack.Measure measure, String language, Words words) {
        if (!isCount(measure.kind())) {
            return words.text("figure.percent", language, Map.of("number", number(value, language)));
        }
        if (measure.reportingUnits() == 1) {
            return number(BigDecimal.valueOf(measure.count()), language);
        }
        return words.text("figure.units-met", language, Map.of("met", String.valueOf(measure.unitsMet()),
                "units", String.valueOf(measure.reportingUnits()), "percent", number(value, language)));
    }

    private static String target(BigDecimal target, IndicatorOffTrack.Measure measure, String language, Words words) {
        BigDecimal inForce = measure.indicatorTarget() == null ? target : measure.indicatorTarget();
        String number = number(inForce, language);
        if (!isCount(measure.kind())) {
            String key = measure.kind() == IndicatorKind.RATE_AT_MOST ? "figure.at-most" : "figure.percent";
            return words.text(key, language, Map.of("number", number));
        }
        String each = measure.reportingUnits() == 1 ? "" : "-each";
        if (measure.kind() == IndicatorKind.COUNT_IN_RANGE && measure.targetMax() != null) {
            return words.text("figure.range" + each, language, Map.of("number", number, "max", number(measure.targetMax(), language)));
        }
        return words.text("figure.at-least" + each, language, Map.of("number", number));
    }

    /** A number as written in the language: "84,99" in Vietnamese, "84.99" in English. */
    static String number(BigDecimal number, String language) {
        if (number == null) {
            return "?";
        }
        String plain = number.stripTrailingZeros().toPlainString();
        return "vi".equals(language) ? plain.replace('.', ',') : plain;
    }
}
