package vn.doan.console.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.util.MultiValueMap;
import vn.doan.console.web.Format;

/**
 * The form that issues a plan, kept as typed: the document's number, title and dates, up to {@link #ROWS}
 * indicators ({@code i0.code}, {@code i0.text}, {@code i0.kind}, {@code i0.target}, {@code i0.targetMax},
 * {@code i0.level}, {@code i0.deadline} for a milestone) and up to {@link #ROWS} reporting periods
 * ({@code p0.label}, {@code p0.from}, {@code p0.to}, {@code p0.due}, {@code p0.level}).
 */
public final class PlanForm {

    public static final int ROWS = 4;
    public static final List<String> KINDS = List.of("SHARE_OF_PEOPLE", "SHARE_OF_UNITS", "RATE_AT_MOST", "COUNT_AT_LEAST",
            "COUNT_IN_RANGE", "YES_NO", "MILESTONE");
    public static final List<String> LEVELS = List.of("PROVINCE", "DISTRICT", "GRASSROOTS", "BRANCH");

    private final Map<String, String> fields = new LinkedHashMap<>();
    private final Map<String, List<String>> errors = new LinkedHashMap<>();

    public static PlanForm typed(MultiValueMap<String, String> params) {
        PlanForm form = new PlanForm();
        params.forEach((name, values) -> form.fields.put(name, values.isEmpty() ? "" : values.get(0)));
        return form;
    }

    public String get(String name) {
        return fields.getOrDefault(name, "");
    }

    public void set(String name, String value) {
        fields.put(name, value);
    }

    public List<Integer> rows() {
        return java.util.stream.IntStream.range(0, ROWS).boxed().toList();
    }

    public List<String> errors(String field) {
        return errors.getOrDefault(field, List.of());
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
            if (get(row + "code").isBlank() && get(row + "text").isBlank()) {
                continue;
            }
            Map<String, Object> indicator = new LinkedHashMap<>();
            indicator.put("code", get(row + "code").trim());
            indicator.put("text", get(row + "text").trim());
            indicator.put("kind", get(row + "kind"));
            indicator.put("target", number(row + "target"));
            if (!get(row + "targetMax").isBlank()) {
                indicator.put("targetMax", number(row + "targetMax"));
            }
            indicator.put("reportingLevels", List.of(get(row + "level")));
            if ("MILESTONE".equals(get(row + "kind"))) {
                indicator.put("deadlines", List.of(map("level", get(row + "level"), "deadline", date(row + "deadline"))));
            }
            indicators.add(indicator);
        }
        plan.put("indicators", indicators);
        List<Map<String, Object>> schedule = new ArrayList<>();
        for (int p = 0; p < ROWS; p++) {
            String row = "p" + p + ".";
            if (get(row + "label").isBlank()) {
                continue;
            }
            LocalDate to = date(row + "to");
            // the period's id: its year, and its row for a second period in the same year
            schedule.add(map("periodId", to == null ? "p" + p : to.getYear() + (p == 0 ? "" : "-" + p), "label", get(row + "label").trim(),
                    "from", date(row + "from"), "to", to, "dueDate", date(row + "due"), "reportingLevels", List.of(get(row + "level"))));
        }
        plan.put("schedule", schedule);
        return hasErrors() ? null : plan;
    }

    /** Puts plan-service's refusal under its field: {@code indicators[1].target} → {@code i1.target}. */
    public void refusedAt(String field, String message) {
        String name = field == null ? "" : field.replaceAll("^indicators\\[(\\d+)]\\.?([a-zA-Z]*).*", "i$1.$2")
                .replaceAll("^schedule\\[(\\d+)]\\.?([a-zA-Z]*).*", "p$1.$2");
        error(fields.containsKey(name) || name.matches("[ip]\\d\\.\\w+|number|title|issuedOn|periodFrom|periodTo") ? name : "general", message);
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
}
