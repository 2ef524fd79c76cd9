package vn.doan.console.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which row of the plan form each indicator and period sent came from (empty rows are not sent, so the n-th indicator sent
 * need not be row n), and the levels of each indicator's deadlines in the order sent; with them a field plan-service names
 * becomes the form's field: {@code indicators[1].target} → {@code i2.target} when the second row was left empty,
 * {@code indicators[0].targets[2].untilYear} → {@code i0.y2.untilYear}, {@code indicators[0].deadlines[0].deadline} → the
 * deadline of the first level given, {@code schedule[0].dueDate} → {@code p0.due}.
 */
final class SentRows {

    private static final Pattern LISTED = Pattern.compile("^(indicators|schedule)\\[(\\d+)]\\.?(.*)$");
    private static final Pattern TARGET = Pattern.compile("^targets\\[(\\d+)]\\.?(\\w*).*");
    private static final Pattern DEADLINE = Pattern.compile("^deadlines\\[(\\d+)]\\.?(\\w*).*");

    private final List<Integer> indicatorRows = new ArrayList<>();
    private final List<List<String>> deadlineLevels = new ArrayList<>();
    private final List<Integer> periodRows = new ArrayList<>();

    void indicator(int row, List<String> deadlineLevels) {
        indicatorRows.add(row);
        this.deadlineLevels.add(deadlineLevels);
    }

    void period(int row) {
        periodRows.add(row);
    }

    /** The form's field of plan-service's {@code field}; a field outside the indicators and periods as it is. */
    String formField(String field) {
        Matcher listed = LISTED.matcher(field);
        if (!listed.matches()) {
            return field;
        }
        boolean indicator = listed.group(1).equals("indicators");
        List<Integer> rows = indicator ? indicatorRows : periodRows;
        int sent = Integer.parseInt(listed.group(2));
        String row = (indicator ? "i" : "p") + (sent < rows.size() ? rows.get(sent) : sent) + ".";
        return row + (indicator ? indicatorField(sent, listed.group(3)) : periodField(listed.group(3)));
    }

    /** The form's field of an indicator's {@code path}: a target over time, a level's deadline, or the indicator's own field. */
    private String indicatorField(int sent, String path) {
        Matcher target = TARGET.matcher(path);
        if (target.matches()) {
            return "y" + target.group(1) + "." + target.group(2);
        }
        Matcher deadline = DEADLINE.matcher(path);
        if (deadline.matches()) {
            List<String> levels = sent < deadlineLevels.size() ? deadlineLevels.get(sent) : List.of();
            int j = Integer.parseInt(deadline.group(1));
            return j < levels.size() ? ("from".equals(deadline.group(2)) ? "from." : "deadline.") + levels.get(j) : "deadlines";
        }
        return path.replaceAll("^([a-zA-Z]*).*", "$1");
    }

    private static String periodField(String path) {
        String field = path.replaceAll("^([a-zA-Z]*).*", "$1");
        return field.equals("dueDate") ? "due" : field;
    }
}
