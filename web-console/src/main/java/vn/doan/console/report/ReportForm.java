package vn.doan.console.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.util.MultiValueMap;
import vn.doan.console.gateway.Api;
import vn.doan.console.web.Format;

/**
 * The report form as typed: one field per indicator ({@code n.CODE} numerator or yes/no, {@code d.CODE}
 * denominator, {@code on.CODE} the date a milestone was done), the three narrative sections, and the form's own
 * idempotency key, so a double click or a retry submits once. Kept as text so a refused form shows back exactly
 * what was typed, with each error under its field.
 */
public final class ReportForm {

    public static final String GENERAL = "general";

    private final Map<String, String> fields = new LinkedHashMap<>();
    private final Map<String, List<String>> errors = new LinkedHashMap<>();
    /** The indicator code of each value sent, in order, to place a service's {@code values[i]} error. */
    private final List<String> sentCodes = new ArrayList<>();

    public static ReportForm typed(MultiValueMap<String, String> params) {
        ReportForm form = new ReportForm();
        params.forEach((name, values) -> form.fields.put(name, values.isEmpty() ? "" : values.get(0)));
        return form;
    }

    /** The form filled with what the report holds. */
    public static ReportForm of(Api.Report report, Api.Plan plan, String key) {
        ReportForm form = new ReportForm();
        form.fields.put("key", key);
        form.fields.put("planId", plan.id());
        if (report == null) {
            return form;
        }
        form.fields.put("reportId", report.id());
        form.fields.put("periodId", report.periodId());
        form.fill(report.values(), report.sections(), plan);
        return form;
    }

    /** A new report filled with the consolidated report's draft: the unit's own values and the sections drafted from its units. */
    public static ReportForm drafted(Api.ConsolidatedDraft.Submission draft, Api.Plan plan, String periodId, String key) {
        ReportForm form = of(null, plan, key);
        form.fields.put("periodId", periodId);
        form.fill(draft.values(), draft.sections(), plan);
        return form;
    }

    private void fill(List<Api.Value> reported, Api.Sections sections, Api.Plan plan) {
        for (Api.Value value : reported == null ? List.<Api.Value>of() : reported) {
            Api.Indicator indicator = plan.indicator(value.indicatorCode());
            String code = value.indicatorCode();
            fields.put("n." + code, indicator != null && (indicator.yesNo() || indicator.milestone())
                    ? String.valueOf(value.numerator()) : new Format().number(value.numerator()));
            if (value.denominator() != null) {
                fields.put("d." + code, new Format().number(value.denominator()));
            }
            if (value.doneOn() != null) {
                fields.put("on." + code, new Format().date(value.doneOn()));
            }
        }
        if (sections != null) {
            fields.put("results", sections.results());
            fields.put("shortcomings", sections.shortcomings());
            fields.put("proposals", sections.proposals());
        }
    }

    public String get(String name) {
        return fields.getOrDefault(name, "");
    }

    public void set(String name, String value) {
        fields.put(name, value);
    }

    public Map<String, List<String>> getErrors() {
        return errors;
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

    /**
     * The values typed for {@code indicators}; an error per field that is not a number or a date, and with
     * {@code complete}, per indicator left empty.
     */
    public List<Api.Value> values(List<Api.Indicator> indicators, boolean complete) {
        List<Api.Value> values = new ArrayList<>();
        sentCodes.clear();
        for (Api.Indicator indicator : indicators) {
            String code = indicator.code();
            String n = get("n." + code).trim();
            if (n.isEmpty()) {
                if (complete) {
                    error("n." + code, "Chưa nhập giá trị cho chỉ tiêu này.");
                }
                continue;
            }
            Long numerator = Format.parseWhole(n);
            if (numerator == null) {
                error("n." + code, "Hãy nhập một số nguyên, ví dụ 1.234.");
                continue;
            }
            Long denominator = null;
            if (indicator.share()) {
                denominator = Format.parseWhole(get("d." + code));
                if (denominator == null) {
                    error("d." + code, "Hãy nhập mẫu số, một số nguyên lớn hơn 0.");
                    continue;
                }
            }
            java.time.LocalDate doneOn = null;
            if (indicator.milestone() && numerator == 1) {
                doneOn = Format.parseDate(get("on." + code));
                if (doneOn == null) {
                    error("on." + code, "Nhập ngày hoàn thành theo dạng dd/mm/yyyy, ví dụ 15/05/2026.");
                    continue;
                }
            }
            values.add(new Api.Value(code, numerator, denominator, doneOn));
            sentCodes.add(code);
        }
        return values;
    }

    public Api.Sections sections() {
        return new Api.Sections(blankToNull(get("results")), blankToNull(get("shortcomings")), blankToNull(get("proposals")));
    }

    /** Puts a service's refusal under the field it names ({@code values[2].denominator} → {@code d.CODE}). */
    public void refusedAt(String field, String message) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("values\\[(\\d+)]\\.(\\w+)").matcher(field == null ? "" : field);
        if (m.matches() && Integer.parseInt(m.group(1)) < sentCodes.size()) {
            String code = sentCodes.get(Integer.parseInt(m.group(1)));
            String prefix = switch (m.group(2)) {
                case "denominator" -> "d.";
                case "doneOn" -> "on.";
                default -> "n.";
            };
            error(prefix + code, message);
        } else if (field != null && field.startsWith("sections.")) {
            error(field.substring("sections.".length()), message);
        } else {
            error(GENERAL, message);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
