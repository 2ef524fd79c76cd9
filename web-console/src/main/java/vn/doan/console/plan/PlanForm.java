package vn.doan.console.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.springframework.util.MultiValueMap;
import vn.doan.console.web.Format;

/**
 * The form that issues a plan, kept as typed. The document: {@code number}, {@code title}, {@code issuedOn}, {@code periodFrom},
 * {@code periodTo}, and which levels must make their own implementing plan by when ({@code implementing.DISTRICT},
 * {@code implementingPlanDue}). Up to {@link #MAX_INDICATORS} indicators: {@code i0.code}, {@code i0.text}, {@code i0.kind} (every kind,
 * a task included), {@code i0.target}, {@code i0.targetMax}, the levels that report it ({@code i0.level.GRASSROOTS}), the
 * department, up to {@link #TARGETS} targets over the years ({@code i0.y0.when}, {@code i0.y0.year}, {@code i0.y0.value},
 * {@code i0.y0.untilYear}) and a deadline per level, with the start of its window ({@code i0.deadline.DISTRICT},
 * {@code i0.from.DISTRICT}). Up to {@link #MAX_PERIODS} reporting periods: {@code p0.label}, {@code p0.from}, {@code p0.to},
 * {@code p0.due}, their levels ({@code p0.level.GRASSROOTS}) and whether the report goes with the regular one ({@code p0.regular}).
 * The form has as many rows as the highest row typed (fields sent empty count: every row sends its text boxes), so a row added
 * in the browser or by the server is kept by the next answer.
 */
public final class PlanForm {

    /** The rows of a new form. */
    public static final int BLANK_ROWS = 4;
    /**
     * The most indicator rows: a plan of the Union has 16 or more (54-CT/ĐTN of Thọ Xuân has 16); 40 rows with every field
     * filled stay under the 2000 form fields the console's server reads ({@code server.tomcat.max-parameter-count}).
     */
    public static final int MAX_INDICATORS = 40;
    public static final int MAX_PERIODS = 12;
    public static final int TARGETS = 3;
    public static final List<String> KINDS = List.of("SHARE_OF_PEOPLE", "SHARE_OF_UNITS", "RATE_AT_MOST", "COUNT_AT_LEAST",
            "COUNT_IN_RANGE", "YES_NO", "MILESTONE", "TASK");
    public static final List<String> LEVELS = List.of("PROVINCE", "DISTRICT", "GRASSROOTS", "BRANCH");
    public static final List<String> WHEN = List.of("EVERY_YEAR", "BY_YEAR", "END_OF_PLAN");

    private final Map<String, String> fields = new LinkedHashMap<>();
    private final Map<String, List<String>> errors = new LinkedHashMap<>();
    private final SentRows sent = new SentRows();
    private int indicatorCount;
    private int periodCount;

    public static PlanForm typed(MultiValueMap<String, String> params) {
        PlanForm form = new PlanForm();
        params.forEach((name, values) -> form.fields.put(name, values.isEmpty() ? "" : values.get(0)));
        form.indicatorCount = form.typedRows("i", MAX_INDICATORS);
        form.periodCount = form.typedRows("p", MAX_PERIODS);
        return form;
    }

    /** An empty form: today's date, each indicator and period reported by the grassroots level until the user says otherwise. */
    public static PlanForm blank() {
        PlanForm form = new PlanForm();
        form.set("issuedOn", new Format().date(Format.today()));
        for (int r = 0; r < BLANK_ROWS; r++) {
            form.addRow("i");
            form.addRow("p");
        }
        return form;
    }

    /** A form of {@code count} empty rows of indicators ({@code i}) or periods ({@code p}), to draw the last of them alone. */
    public static PlanForm emptyRows(String kind, int count) {
        PlanForm form = new PlanForm();
        for (int r = 0; r < count; r++) {
            form.addRow(kind);
        }
        return form;
    }

    /** One more empty row of indicators ({@code i}) or periods ({@code p}), reported by the grassroots level; none past the most. */
    public void addRow(String kind) {
        boolean indicator = kind.equals("i");
        if (indicator ? indicatorCount >= MAX_INDICATORS : periodCount >= MAX_PERIODS) {
            return;
        }
        int row = indicator ? indicatorCount++ : periodCount++;
        set(kind + row + ".level.GRASSROOTS", "on");
    }

    /** Takes away row {@code i3} or {@code p1}: the rows below move up one with all that was typed in them. */
    public void removeRow(String row) {
        Matcher named = Pattern.compile("^([ip])(\\d{1,3})$").matcher(row == null ? "" : row);
        if (!named.matches()) {
            return;
        }
        String kind = named.group(1);
        int removed = Integer.parseInt(named.group(2));
        Pattern field = Pattern.compile("^" + kind + "(\\d{1,3})\\.(.*)$");
        Map<String, String> kept = new LinkedHashMap<>();
        fields.forEach((name, value) -> {
            Matcher m = field.matcher(name);
            int r = m.matches() ? Integer.parseInt(m.group(1)) : -1;
            if (r < removed) {
                kept.put(name, value);
            } else if (r > removed) {
                kept.put(kind + (r - 1) + "." + m.group(2), value);
            }
        });
        fields.clear();
        fields.putAll(kept);
        if (kind.equals("i") && removed < indicatorCount) {
            indicatorCount--;
        } else if (kind.equals("p") && removed < periodCount) {
            periodCount--;
        }
    }

    /** The rows of {@code kind} the user had: one past the highest row with a field sent, at least one, at most {@code max}. */
    private int typedRows(String kind, int max) {
        Pattern field = Pattern.compile("^" + kind + "(\\d{1,3})\\..*");
        int rows = 1;
        for (String name : fields.keySet()) {
            Matcher m = field.matcher(name);
            if (m.matches()) {
                rows = Math.max(rows, Integer.parseInt(m.group(1)) + 1);
            }
        }
        return Math.min(rows, max);
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

    public List<Integer> indicatorRows() {
        return IntStream.range(0, indicatorCount).boxed().toList();
    }

    public List<Integer> periodRows() {
        return IntStream.range(0, periodCount).boxed().toList();
    }

    public boolean canAdd(String kind) {
        return kind.equals("i") ? indicatorCount < MAX_INDICATORS : periodCount < MAX_PERIODS;
    }

    public List<Integer> targetRows() {
        return IntStream.range(0, TARGETS).boxed().toList();
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
        for (int i = 0; i < indicatorCount; i++) {
            String row = "i" + i + ".";
            if (!get(row + "code").isBlank() || !get(row + "text").isBlank()) {
                indicators.add(indicator(i));
            }
        }
        plan.put("indicators", indicators);
        List<Map<String, Object>> schedule = new ArrayList<>();
        for (int p = 0; p < periodCount; p++) {
            if (!get("p" + p + ".label").isBlank()) {
                schedule.add(period(p));
                sent.period(p);
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

    private Map<String, Object> indicator(int i) {
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
        sent.indicator(i, sentLevels);
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
     * Puts plan-service's refusal under its field ({@link SentRows} finds the form's row of the n-th indicator or period sent);
     * a field the form does not have goes to the top of the form.
     */
    public void refusedAt(String field, String message) {
        String name = sent.formField(field == null ? "" : field);
        boolean known = fields.containsKey(name)
                || name.matches("i\\d+\\.(y\\d\\.\\w*|[\\w.]*)|p\\d+\\.\\w*|number|title|issuedOn|periodFrom|periodTo|implementingPlanDue|implementingLevels");
        error(known ? name : "general", message);
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
