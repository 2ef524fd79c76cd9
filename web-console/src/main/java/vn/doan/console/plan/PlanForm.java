package vn.doan.console.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.util.MultiValueMap;
import vn.doan.console.web.Format;

/**
 * The form that issues a plan, kept as typed. The document: {@code number}, {@code title}, {@code issuedOn}, {@code periodFrom},
 * {@code periodTo}, and which levels must make their own implementing plan by when ({@code implementing.DISTRICT},
 * {@code implementingPlanDue}). Up to {@link #ROWS} indicators: {@code i0.code}, {@code i0.text}, {@code i0.kind} (every kind,
 * a task included), {@code i0.target}, {@code i0.targetMax}, the levels that report it ({@code i0.level.GRASSROOTS}), the
 * department, up to {@link #TARGETS} targets over the years ({@code i0.y0.when}, {@code i0.y0.year}, {@code i0.y0.value},
 * {@code i0.y0.untilYear}) and a deadline per level, with the start of its window ({@code i0.deadline.DISTRICT},
 * {@code i0.from.DISTRICT}). Up to {@link #ROWS} reporting periods: {@code p0.label}, {@code p0.from}, {@code p0.to},
 * {@code p0.due}, their levels ({@code p0.level.GRASSROOTS}) and whether the report goes with the regular one ({@code p0.regular}).
 */
public final class PlanForm {

    public static final int ROWS = 4;
    public static final int TARGETS = 3;
    public static final List<String> KINDS = List.of("SHARE_OF_PEOPLE", "SHARE_OF_UNITS", "RATE_AT_MOST", "COUNT_AT_LEAST",
            "COUNT_IN_RANGE", "YES_NO", "MILESTONE", "TASK");
    public static final List<String> LEVELS = List.of("PROVINCE", "DISTRICT", "GRASSROOTS", "BRANCH");
    public static final List<String> WHEN = List.of("EVERY_YEAR", "BY_YEAR", "END_OF_PLAN");

    private final Map<String, String> fields = new LinkedHashMap<>();
    private final Map<String, List<String>> errors = new LinkedHashMap<>();
    /** The levels of each indicator's deadlines, in the order they were sent, to put a refusal of {@code deadlines[1]} under its level. */
    private final Map<Integer, List<String>> deadlineLevels = new HashMap<>();
    /** The form's row of each indicator and period sent, in the order sent. */
    private final List<Integer> indicatorRows = new ArrayList<>();
    private final List<Integer> periodRows = new ArrayList<>();

    public static PlanForm typed(MultiValueMap<String, String> params) {
        PlanForm form = new PlanForm();
        params.forEach((name, values) -> form.fields.put(name, values.isEmpty() ? "" : values.get(0)));
        return form;
    }

    /** An empty form: today's date, each indicator and period reported by the grassroots level until the user says otherwise. */
    public static PlanForm blank() {
        PlanForm form = new PlanForm();
        form.set("issuedOn", new Format().date(Format.today()));
        for (int r = 0; r < ROWS; r++) {
            form.set("i" + r + ".level.GRASSROOTS", "on");
            form.set("p" + r + ".level.GRASSROOTS", "on");
        }
        return form;
    }

    public String get(String name) {
        return fields.getOrDefault(name, "");
    }

    public boolean checked(String name) {
        return !get(name).isBlank();
    }

    public void set(String name, String value) {
        fields.put(name, value);
    }

    public List<Integer> rows() {
        return java.util.stream.IntStream.range(0, ROWS).boxed().toList();
    }

    public List<Integer> targetRows() {
        return java.util.stream.IntStream.range(0, TARGETS).boxed().toList();
    }

    public List<String> errors(String field) {
        return errors.getOrDefault(field, List.of());
    }

    /** Whether a field starting with {@code prefix} has a value or an error: its folded part of the form opens. */
    public boolean used(String prefix) {
        return fields.entrySet().stream().anyMatch(e -> e.getKey().startsWith(prefix) && !e.getValue().isBlank())
                || errors.keySet().stream().anyMatch(f -> f.startsWith(prefix));
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public void error(String field, String message) {
        errors.computeIfAbsent(field, f -> new ArrayList<>()).add(message);
    }

    /** The plan as plan-service takes it, or null with errors on the fields that are not dates or numbers. */
    public Map<String, Object> content(String issuingUnitId) {
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("number", get("number").trim());
        plan.put("title", get("title").trim());
        plan.put("issuingUnitId", issuingUnitId);
        plan.put("issuedOn", date("issuedOn"));
        plan.put("periodFrom", date("periodFrom"));
        plan.put("periodTo", date("periodTo"));
        List<Map<String, Object>> indicators = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            String row = "i" + i + ".";
            if (!get(row + "code").isBlank() || !get(row + "text").isBlank()) {
                indicators.add(indicator(i, indicators.size()));
                indicatorRows.add(i);
            }
        }
        plan.put("indicators", indicators);
        List<Map<String, Object>> schedule = new ArrayList<>();
        for (int p = 0; p < ROWS; p++) {
            if (!get("p" + p + ".label").isBlank()) {
                schedule.add(period(p));
                periodRows.add(p);
            }
        }
        plan.put("schedule", schedule);
        List<String> implementing = levels("implementing.");
        if (!implementing.isEmpty() || !get("implementingPlanDue").isBlank()) {
            plan.put("implementingPlanDue", date("implementingPlanDue"));
            plan.put("implementingLevels", implementing);
        }
        return hasErrors() ? null : plan;
    }

    /** Row {@code i} of the form, sent as the {@code sent}-th indicator. */
    private Map<String, Object> indicator(int i, int sent) {
        String row = "i" + i + ".";
        Map<String, Object> indicator = new LinkedHashMap<>();
        indicator.put("code", get(row + "code").trim());
        indicator.put("text", get(row + "text").trim());
        indicator.put("kind", get(row + "kind"));
        indicator.put("target", number(row + "target"));
        if (!get(row + "targetMax").isBlank()) {
            indicator.put("targetMax", number(row + "targetMax"));
        }
        indicator.put("reportingLevels", levels(row + "level."));
        if (!get(row + "department").isBlank()) {
            indicator.put("department", get(row + "department").trim());
        }
        List<Map<String, Object>> targets = new ArrayList<>();
        for (int t = 0; t < TARGETS; t++) {
            String target = row + "y" + t + ".";
            if (!get(target + "when").isBlank() || !get(target + "value").isBlank()) {
                targets.add(map("when", get(target + "when").isBlank() ? null : get(target + "when"), "year", year(target + "year"),
                        "value", number(target + "value"), "untilYear", year(target + "untilYear")));
            }
        }
        if (!targets.isEmpty()) {
            indicator.put("targets", targets);
        }
        List<Map<String, Object>> deadlines = new ArrayList<>();
        List<String> sentLevels = new ArrayList<>();
        for (String level : LEVELS) {
            if (!get(row + "deadline." + level).isBlank() || !get(row + "from." + level).isBlank()) {
                deadlines.add(map("level", level, "deadline", date(row + "deadline." + level), "from", date(row + "from." + level)));
                sentLevels.add(level);
            }
        }
        if (!deadlines.isEmpty()) {
            indicator.put("deadlines", deadlines);
        }
        deadlineLevels.put(sent, sentLevels);
        return indicator;
    }

    private Map<String, Object> period(int p) {
        String row = "p" + p + ".";
        LocalDate to = date(row + "to");
        // the period's id: its year, and its row for a second period in the same year
        Map<String, Object> period = map("periodId", to == null ? "p" + p : to.getYear() + (p == 0 ? "" : "-" + p), "label",
                get(row + "label").trim(), "from", date(row + "from"), "to", to, "dueDate", date(row + "due"), "reportingLevels",
                levels(row + "level."));
        if (checked(row + "regular")) {
            period.put("withRegularReport", true);
        }
        return period;
    }

    /** The levels ticked under {@code prefix}, from the province down. */
    private List<String> levels(String prefix) {
        return LEVELS.stream().filter(level -> checked(prefix + level)).toList();
    }

    /**
     * Puts plan-service's refusal under its field, the n-th indicator or period sent being the form's row it came from:
     * {@code indicators[1].target} → {@code i1.target}, {@code indicators[0].targets[2].untilYear} → {@code i0.y2.untilYear},
     * {@code indicators[0].deadlines[0].deadline} → the deadline of the first level given, {@code schedule[0].dueDate} →
     * {@code p0.due}; anything else to the top of the form.
     */
    public void refusedAt(String field, String message) {
        String name = field == null ? "" : field;
        Matcher listed = Pattern.compile("^(indicators|schedule)\\[(\\d+)]\\.?(.*)$").matcher(name);
        if (listed.matches()) {
            boolean indicator = listed.group(1).equals("indicators");
            List<Integer> rows = indicator ? indicatorRows : periodRows;
            int sent = Integer.parseInt(listed.group(2));
            String row = (indicator ? "i" : "p") + (sent < rows.size() ? rows.get(sent) : sent) + ".";
            name = row + (indicator ? indicatorField(row, sent, listed.group(3)) : periodField(listed.group(3)));
        }
        boolean known = fields.containsKey(name)
                || name.matches("i\\d\\.(y\\d\\.\\w*|\\w*)|p\\d\\.\\w*|number|title|issuedOn|periodFrom|periodTo|implementingPlanDue|implementingLevels");
        error(known ? name : "general", message);
    }

    /** The form's field of an indicator's {@code path}: a target over time, a level's deadline, or the indicator's own field. */
    private String indicatorField(String row, int sent, String path) {
        Matcher target = Pattern.compile("^targets\\[(\\d+)]\\.?(\\w*).*").matcher(path);
        if (target.matches()) {
            return "y" + target.group(1) + "." + target.group(2);
        }
        Matcher deadline = Pattern.compile("^deadlines\\[(\\d+)]\\.?(\\w*).*").matcher(path);
        if (deadline.matches()) {
            List<String> levels = deadlineLevels.getOrDefault(sent, List.of());
            int j = Integer.parseInt(deadline.group(1));
            return j < levels.size() ? ("from".equals(deadline.group(2)) ? "from." : "deadline.") + levels.get(j) : "deadlines";
        }
        return path.replaceAll("^([a-zA-Z]*).*", "$1");
    }

    private static String periodField(String path) {
        String field = path.replaceAll("^([a-zA-Z]*).*", "$1");
        return field.equals("dueDate") ? "due" : field;
    }

    private static Map<String, Object> map(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private LocalDate date(String field) {
        String text = get(field);
        LocalDate date = Format.parseDate(text);
        if (date == null && !text.isBlank()) {
            error(field, "Ngày theo dạng dd/mm/yyyy, ví dụ 31/12/2026.");
        }
        return date;
    }

    private BigDecimal number(String field) {
        try {
            return Format.parseNumber(get(field));
        } catch (NumberFormatException e) {
            error(field, "Hãy nhập một số, ví dụ 90 hoặc 1.234,5.");
            return null;
        }
    }

    private Integer year(String field) {
        String text = get(field).trim();
        if (text.isEmpty()) {
            return null;
        }
        if (!text.matches("\\d{4}")) {
            error(field, "Năm gồm 4 chữ số, ví dụ 2027.");
            return null;
        }
        return Integer.valueOf(text);
    }
}
