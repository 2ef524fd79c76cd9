package vn.doan.planservice.planimport;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.doan.events.plan.IndicatorKind;
import vn.doan.events.plan.UnitLevel;
import vn.doan.planservice.plan.PlanContent;

/** The values of the template's cells as a cadre types them: Vietnamese labels, dd/MM/yyyy, "85" or "85%". */
final class CellValues {

    private static final Map<String, IndicatorKind> KINDS = new LinkedHashMap<>();
    private static final Map<String, UnitLevel> LEVELS = new LinkedHashMap<>();
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);

    static {
        KINDS.put("Tỷ lệ người (%)", IndicatorKind.SHARE_OF_PEOPLE);
        KINDS.put("Tỷ lệ đơn vị (%)", IndicatorKind.SHARE_OF_UNITS);
        KINDS.put("Tỷ lệ tối đa (%)", IndicatorKind.RATE_AT_MOST);
        KINDS.put("Số lượng tối thiểu", IndicatorKind.COUNT_AT_LEAST);
        KINDS.put("Số lượng trong khoảng", IndicatorKind.COUNT_IN_RANGE);
        KINDS.put("Có/Không", IndicatorKind.YES_NO);
        KINDS.put("Mốc thời gian", IndicatorKind.MILESTONE);
        LEVELS.put("trung ương", UnitLevel.CENTRAL);
        LEVELS.put("tỉnh", UnitLevel.PROVINCE);
        LEVELS.put("huyện", UnitLevel.DISTRICT);
        LEVELS.put("cơ sở", UnitLevel.GRASSROOTS);
        LEVELS.put("chi đoàn", UnitLevel.BRANCH);
    }

    static final List<String> KIND_LABELS = List.copyOf(KINDS.keySet());

    /** A cell that cannot be read; the reader adds its row and column. */
    static final class Invalid extends RuntimeException {
        final String rule;
        final String vi;

        Invalid(String rule, String en, String vi) {
            super(en);
            this.rule = rule;
            this.vi = vi;
        }
    }

    private CellValues() {
    }

    /** "85", "85%", "2,5" (a Vietnamese decimal comma) or "2.5". */
    static BigDecimal number(String cell) {
        String value = cell.replace("%", "").replace(" ", "");
        if (value.indexOf(',') >= 0 && value.indexOf('.') < 0) {
            value = value.replace(',', '.');
        }
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new Invalid("import.number-invalid", "'" + cell + "' is not a number.", "'" + cell + "' không phải là số.");
        }
    }

    static LocalDate date(String cell) {
        try {
            return LocalDate.parse(cell.strip(), DATE);
        } catch (DateTimeParseException e) {
            throw new Invalid("import.date-invalid", "'" + cell + "' is not a date written dd/MM/yyyy.",
                    "'" + cell + "' không phải ngày hợp lệ dạng dd/MM/yyyy.");
        }
    }

    static IndicatorKind kind(String cell) {
        for (Map.Entry<String, IndicatorKind> kind : KINDS.entrySet()) {
            if (same(kind.getKey(), cell) || kind.getValue().name().equalsIgnoreCase(cell.strip())) {
                return kind.getValue();
            }
        }
        throw new Invalid("import.kind-unknown", "Unknown indicator kind '" + cell + "'; one of " + KIND_LABELS + ".",
                "Loại chỉ tiêu '" + cell + "' không có trong danh sách: " + String.join("; ", KIND_LABELS) + ".");
    }

    /** "Huyện, Cơ sở" (or DISTRICT, GRASSROOTS), or any level's code (LIEN_CHI_DOAN; whether it is configured is a plan rule). */
    static List<UnitLevel> levels(String cell) {
        List<UnitLevel> levels = new ArrayList<>();
        for (String part : cell.split("[,;]")) {
            if (!part.isBlank()) {
                levels.add(level(part));
            }
        }
        return levels;
    }

    static UnitLevel level(String text) {
        for (Map.Entry<String, UnitLevel> level : LEVELS.entrySet()) {
            if (same(level.getKey(), text)) {
                return level.getValue();
            }
        }
        String code = text.strip().toUpperCase(java.util.Locale.ROOT);
        if (UnitLevel.CODE.matcher(code).matches()) {
            return UnitLevel.of(code);
        }
        throw new Invalid("import.level-unknown", "Unknown level '" + text.strip() + "'; one of Trung ương, Tỉnh, Huyện, Cơ sở, Chi đoàn, or a level's code.",
                "Cấp '" + text.strip() + "' không hợp lệ; dùng: Trung ương, Tỉnh, Huyện, Cơ sở, Chi đoàn, hoặc mã cấp (LIEN_CHI_DOAN).");
    }

    /** "hàng năm: 85", "2018: 100; 2019: 100", "hết kỳ: 100". */
    static List<PlanContent.Target> targets(String cell) {
        List<PlanContent.Target> targets = new ArrayList<>();
        for (String part : cell.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            String[] whenValue = part.split("[:=]", 2);
            if (whenValue.length != 2) {
                throw new Invalid("import.targets-invalid", "'" + part.strip() + "' is not 'when: value' (e.g. 2019: 100).",
                        "'" + part.strip() + "' phải ghi dạng 'thời điểm: mức', ví dụ 2019: 100.");
            }
            String when = whenValue[0].strip();
            BigDecimal value = number(whenValue[1].strip());
            if (same("hàng năm", when) || same("hằng năm", when)) {
                targets.add(new PlanContent.Target(PlanContent.Target.When.EVERY_YEAR, null, value));
            } else if (same("hết kỳ", when) || same("cuối kỳ", when)) {
                targets.add(new PlanContent.Target(PlanContent.Target.When.END_OF_PLAN, null, value));
            } else if (when.matches("\\d{4}")) {
                targets.add(new PlanContent.Target(PlanContent.Target.When.BY_YEAR, Integer.valueOf(when), value));
            } else {
                throw new Invalid("import.targets-invalid", "'" + when + "' is not a year, 'hàng năm' or 'hết kỳ'.",
                        "'" + when + "' phải là một năm, 'hàng năm' hoặc 'hết kỳ'.");
            }
        }
        return targets;
    }

    /** "Huyện: 15/11/2018; Cơ sở: 30/12/2018". */
    static List<PlanContent.LevelDeadline> deadlines(String cell) {
        List<PlanContent.LevelDeadline> deadlines = new ArrayList<>();
        for (String part : cell.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            String[] levelDate = part.split(":", 2);
            if (levelDate.length != 2) {
                throw new Invalid("import.deadlines-invalid", "'" + part.strip() + "' is not 'level: dd/MM/yyyy'.",
                        "'" + part.strip() + "' phải ghi dạng 'cấp: dd/MM/yyyy', ví dụ Huyện: 15/11/2018.");
            }
            deadlines.add(new PlanContent.LevelDeadline(level(levelDate[0]), date(levelDate[1])));
        }
        return deadlines;
    }

    /** Equal ignoring case, spacing and the Unicode form Excel or the keyboard produced. */
    static boolean same(String expected, String cell) {
        return normal(expected).equals(normal(cell));
    }

    private static String normal(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
