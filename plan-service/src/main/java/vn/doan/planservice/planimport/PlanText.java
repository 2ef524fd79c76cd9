package vn.doan.planservice.planimport;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.doan.events.plan.UnitLevel;
import vn.doan.planservice.orgunit.UnitLevels;

/**
 * What a plan's text says about the plan itself, read the way the seeds are laid out: the issuing unit in capitals above
 * "Số: 54-CT/ĐTN", "Thọ Xuân, ngày 28 tháng 4 năm 2016", the type in capitals ("KẾ HOẠCH", "CHƯƠNG TRÌNH HÀNH ĐỘNG")
 * followed by the title, "giai đoạn 2015 - 2020"; the indicators are found by {@link IndicatorFinder}. Anything not
 * found is left empty for the reviewer.
 */
final class PlanText {

    private static final Pattern NUMBER = Pattern.compile("^Số\\s*:\\s*(\\S.*)$");
    private static final Pattern PLACE_DATE = Pattern.compile(
            "^([^,]{2,60}),\\s*ngày\\s+(\\d{1,2})\\s+tháng\\s+(\\d{1,2})\\s+năm\\s+(\\d{4})");
    private static final Pattern PERIOD = Pattern.compile("giai đoạn\\s+(\\d{4})\\s*[-–—]\\s*(\\d{4})");
    private static final Pattern TITLE_END = Pattern.compile("^(-{3,}|[IVX]+\\s*[./\\-–]).*");
    private static final Pattern CITED_DATE = Pattern.compile("\\d{1,2}/\\d{1,2}/\\d{4}");

    /** The plan as read; {@code lines} is the normalised text, {@code bodyStart} the first line after the title. */
    record Parsed(String number, String type, String title, String issuerName, String place, LocalDate issuedOn,
            LocalDate periodFrom, LocalDate periodTo, List<IndicatorFinder.Found> indicators, IndicatorFinder.Reports reports) {
    }

    private PlanText() {
    }

    static Parsed parse(String text, UnitLevel issuerLevel, UnitLevels levels) {
        List<String> lines = lines(text);
        String number = null;
        String issuerName = null;
        String place = null;
        LocalDate issuedOn = null;
        String type = null;
        int titleLine = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher n = NUMBER.matcher(line);
            if (number == null && n.matches()) {
                number = n.group(1).replaceAll("\\s*([-–/])\\s*", "$1").replace('–', '-').strip();
                issuerName = issuerAbove(lines, i);
            }
            Matcher d = PLACE_DATE.matcher(line);
            if (issuedOn == null && d.find()) {
                issuedOn = date(d.group(4), d.group(3), d.group(2));
                place = issuedOn == null ? null : d.group(1).strip();
            }
            if (type == null && (line.equals("KẾ HOẠCH") || line.equals("CHƯƠNG TRÌNH HÀNH ĐỘNG"))) {
                type = line.equals("KẾ HOẠCH") ? "PLAN" : "ACTION_PROGRAM";
                titleLine = i;
            }
        }
        List<String> title = new ArrayList<>();
        int bodyStart = Math.max(0, titleLine + 1);
        for (int i = bodyStart; titleLine >= 0 && i < lines.size(); i++, bodyStart = i) {
            String line = lines.get(i);
            if (line.isEmpty()) {
                continue;
            }
            boolean preamble = line.length() > 300 || line.endsWith("như sau:")
                    || (!title.isEmpty() && line.startsWith("Thực hiện") && CITED_DATE.matcher(line).find());
            if (TITLE_END.matcher(line).matches() || preamble) {
                break;
            }
            title.add(line);
        }
        String titleText = title.isEmpty() ? null : String.join(" ", title);
        LocalDate from = null;
        LocalDate to = null;
        Matcher period = PERIOD.matcher(titleText == null ? "" : titleText);
        if (period.find()) {
            int start = Integer.parseInt(period.group(1));
            from = LocalDate.of(issuedOn == null ? start : Math.max(start, issuedOn.getYear()), 1, 1);
            to = LocalDate.of(Integer.parseInt(period.group(2)), 12, 31);
        }
        List<String> body = lines.subList(bodyStart, lines.size());
        IndicatorFinder finder = new IndicatorFinder(issuerLevel, levels);
        List<IndicatorFinder.Found> indicators = finder.find(body);
        if (from == null && issuedOn != null) {
            from = issuedOn;
            to = LocalDate.of(Math.max(issuedOn.getYear(), finder.lastYear()), 12, 31);
        }
        return new Parsed(number, type, titleText, issuerName, place, issuedOn, from, to, indicators, finder.reports());
    }

    /** The last line in capitals above the number, skipping "***": "BCH ĐOÀN HUYỆN THỌ XUÂN" (the first is its superior). */
    private static String issuerAbove(List<String> lines, int numberLine) {
        for (int i = numberLine - 1; i >= 0; i--) {
            String line = lines.get(i);
            if (!line.isEmpty() && !line.startsWith("*") && line.equals(line.toUpperCase()) && line.chars().anyMatch(Character::isLetter)) {
                return line;
            }
        }
        return null;
    }

    private static LocalDate date(String year, String month, String day) {
        try {
            return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** NFC, no-break spaces and tabs as spaces, each line stripped. */
    static List<String> lines(String text) {
        String normal = Normalizer.normalize(text, Normalizer.Form.NFC).replace('\u00a0', ' ').replace('\t', ' ');
        return Arrays.stream(normal.split("\\R")).map(l -> l.replaceAll(" {2,}", " ").strip()).toList();
    }
}
