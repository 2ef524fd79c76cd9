package vn.doan.planservice.planimport;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.doan.events.plan.IndicatorKind;
import vn.doan.events.plan.UnitLevel;
import vn.doan.planservice.orgunit.UnitLevels;
import vn.doan.planservice.plan.PlanContent;

/**
 * Finds the indicators (chỉ tiêu) a plan's text states, clause by clause: "100% cán bộ …" (a share of people or of units,
 * by the noun after the percentage), "giảm còn 3%" / "dưới 3%" (a rate at most), "ít nhất 01 …" (a count), "từ 2-3 …" /
 * "từ 01 đến 02 …" (a range), "hoàn thành trước ngày 15/11/2018" under "Cấp huyện" (a milestone per level), and in the
 * "CHỈ TIÊU" section a condition without a number ("Bí thư Huyện Đoàn có trình độ lý luận cao cấp", yes/no). The time
 * comes from the clause ("hàng năm", "đến năm 2019", "đến hết 2022"), else from the words before it in the sentence,
 * else from a heading "Đến năm 2018:". It also notes the reporting dates the text gives.
 */
final class IndicatorFinder {

    private static final String NUM = "(\\d{1,3}(?:[.,]\\d{1,2})?)";
    private static final Pattern PERCENT = Pattern.compile(NUM + "\\s*%");
    private static final Pattern RATE_AT_MOST = Pattern.compile(
            "(giảm còn|giảm xuống còn|còn dưới|dưới|không quá|không vượt quá|tối đa)\\s*" + NUM + "\\s*%");
    private static final Pattern AT_LEAST = Pattern.compile("(ít nhất|tối thiểu|không ít hơn)\\s+(\\d{1,4}|một|hai|ba|bốn)(?![\\p{L}\\d])");
    private static final Pattern RANGE = Pattern.compile("từ\\s+(\\d{1,3})\\s*(?:-|–|—|đến)\\s*(\\d{1,3})(?!\\d)");
    private static final Pattern MILESTONE = Pattern.compile("hoàn thành trước ngày\\s+(\\d{1,2})/(\\d{1,2})/(\\d{4})");
    private static final Pattern EVERY_YEAR = Pattern.compile("(hàng|hằng) năm");
    private static final Pattern BY_YEAR = Pattern.compile("đến (?:hết )?(?:năm )?(\\d{4})");
    private static final Pattern END_OF = Pattern.compile("đến hết (?:năm )?(\\d{4})");
    private static final Pattern ROMAN_HEADING = Pattern.compile("^(I|II|III|IV|V|VI|VII|VIII|IX|X)\\s*[./\\-–].*");
    private static final Pattern NUMBERED_HEADING = Pattern.compile("^(\\d+)\\.\\s+(\\S.*)$");
    private static final Pattern SUB_HEADING = Pattern.compile("^\\d+\\.\\d+\\.?\\s+(\\S.*)$");
    private static final Pattern YEAR_HEADING = Pattern.compile("^.{0,40}đến năm (\\d{4})\\s*:$", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=\\.)\\s+(?=\\p{Lu})");
    private static final Pattern SIX_MONTH_DUE = Pattern.compile("báo cáo 6 tháng[^.;]*?trước ngày (\\d{1,2})/(\\d{1,2})(?!/)");
    private static final Pattern YEAR_DUE = Pattern.compile("báo cáo năm[^.;]*?trước ngày (\\d{1,2})/(\\d{1,2})(?!/)");
    private static final Pattern FINAL_DUE = Pattern.compile("báo cáo[^.;]*?trước ngày (\\d{1,2})/(\\d{1,2})/(\\d{4})");
    private static final List<String> UNIT_NOUNS = List.of("cơ sở", "đơn vị", "đoàn cơ sở", "chi đoàn", "huyện", "xã", "doanh nghiệp",
            "trường", "tổ chức");
    private static final List<String> DISTRICT_WORDS = List.of("cấp huyện", "huyện đoàn", "huyện, thị, thành", "thành đoàn",
            "trên địa bàn huyện", "đoàn cấp huyện");
    private static final List<String> GRASSROOTS_WORDS = List.of("cấp xã", "xã, thị trấn", "xã, phường", "đoàn cơ sở", "cơ sở đoàn",
            "cơ sở", "chi đoàn");

    /** One indicator as the text states it. {@code when} and {@code year} say when its target holds (null: not said). */
    record Found(String text, IndicatorKind kind, BigDecimal target, BigDecimal targetMax, PlanContent.Target.When when, Integer year,
            List<UnitLevel> levels, List<PlanContent.LevelDeadline> deadlines) {
    }

    /** Reporting dates the text gives: "báo cáo 6 tháng … trước ngày 15/5" (dd/MM), a final report before a date. */
    record Reports(String sixMonthDue, String yearDue, LocalDate finalDue) {
    }

    private final UnitLevel issuerLevel;
    private final UnitLevels levels;
    private final List<Found> found = new ArrayList<>();
    private final Map<String, List<PlanContent.LevelDeadline>> milestones = new LinkedHashMap<>();
    private boolean inTargets;
    private Integer headingYear;
    private UnitLevel headingLevel;
    private String topHeading;
    private int lastYear;
    private String sixMonthDue;
    private String yearDue;
    private LocalDate finalDue;

    IndicatorFinder(UnitLevel issuerLevel, UnitLevels levels) {
        this.issuerLevel = issuerLevel;
        this.levels = levels;
    }

    List<Found> find(List<String> lines) {
        for (String line : lines) {
            if (line.startsWith("Nơi nhận")) {
                break;
            }
            if (!line.isEmpty() && !heading(line)) {
                reportDates(line);
                for (String sentence : SENTENCE_END.split(line)) {
                    sentence(sentence);
                }
            }
        }
        milestones.forEach((text, deadlines) -> found.add(new Found(text, IndicatorKind.MILESTONE, BigDecimal.valueOf(100), null, null, null,
                deadlines.stream().map(PlanContent.LevelDeadline::level).distinct().toList(), deadlines)));
        return found;
    }

    /** The latest year a target names, for a plan whose period the title does not give. */
    int lastYear() {
        return lastYear;
    }

    Reports reports() {
        return new Reports(sixMonthDue, yearDue, finalDue);
    }

    private boolean heading(String line) {
        if (ROMAN_HEADING.matcher(line).matches()) {
            inTargets = line.toUpperCase(Locale.ROOT).contains("CHỈ TIÊU");
            headingYear = year(YEAR_HEADING, line);
            headingLevel = null;
            topHeading = null;
            return true;
        }
        Matcher year = YEAR_HEADING.matcher(line);
        if (year.matches()) {
            headingYear = Integer.valueOf(year.group(1));
            return true;
        }
        Matcher sub = SUB_HEADING.matcher(line);
        Matcher top = NUMBERED_HEADING.matcher(line);
        if (sub.matches() || top.matches()) {
            String title = sub.matches() ? sub.group(1) : top.group(2);
            if (top.matches()) {
                topHeading = title.replaceAll("[:.]\\s*$", "").strip();
            }
            headingLevel = level(title.toLowerCase(Locale.ROOT));
            return line.length() < 200 && !hasIndicator(title);
        }
        return false;
    }

    private void sentence(String sentence) {
        String prefix = "";
        List<String> groups = new ArrayList<>();
        for (String segment : sentence.split(",\\s+")) {
            if (hasIndicator(segment)) {
                groups.add(segment);
            } else if (groups.isEmpty()) {
                prefix = prefix.isEmpty() ? segment : prefix + ", " + segment;
            } else {
                groups.set(groups.size() - 1, groups.get(groups.size() - 1) + ", " + segment);
            }
        }
        String condition = bare(prefix);
        if (inTargets && words(condition) >= 5 && !timeOnly(condition) && (!groups.isEmpty() || bullet(prefix))) {
            add(condition, IndicatorKind.YES_NO, BigDecimal.valueOf(100), null, condition, "");
        }
        for (String group : groups) {
            clause(bare(group), prefix);
        }
    }

    private void clause(String text, String prefix) {
        String lower = text.toLowerCase(Locale.ROOT);
        Matcher milestone = MILESTONE.matcher(lower);
        if (milestone.find()) {
            LocalDate deadline = date(milestone.group(3), milestone.group(2), milestone.group(1));
            UnitLevel level = headingLevel != null ? headingLevel : reportingLevel(lower);
            if (deadline != null) {
                milestones.computeIfAbsent(topHeading == null ? text : topHeading, k -> new ArrayList<>())
                        .add(new PlanContent.LevelDeadline(level, deadline));
            }
            return;
        }
        Matcher rate = RATE_AT_MOST.matcher(lower);
        Matcher range = RANGE.matcher(lower);
        Matcher atLeast = AT_LEAST.matcher(lower);
        Matcher percent = PERCENT.matcher(lower);
        if (rate.find()) {
            add(text, IndicatorKind.RATE_AT_MOST, decimal(rate.group(2)), null, lower, prefix);
        } else if (percent.find()) {
            String after = lower.substring(percent.end()).strip().replaceFirst("^(số |các |trên )+", "");
            IndicatorKind kind = UNIT_NOUNS.stream().anyMatch(after::startsWith) ? IndicatorKind.SHARE_OF_UNITS : IndicatorKind.SHARE_OF_PEOPLE;
            add(text, kind, decimal(percent.group(1)), null, lower, prefix);
        } else if (range.find()) {
            add(text, IndicatorKind.COUNT_IN_RANGE, new BigDecimal(range.group(1)), new BigDecimal(range.group(2)), lower, prefix);
        } else if (atLeast.find()) {
            add(text, IndicatorKind.COUNT_AT_LEAST, count(atLeast.group(2)), null, lower, prefix);
        }
    }

    private void add(String text, IndicatorKind kind, BigDecimal target, BigDecimal targetMax, String lower, String prefix) {
        String context = prefix.toLowerCase(Locale.ROOT);
        PlanContent.Target.When when = null;
        Integer year = null;
        for (String words : List.of(lower, context)) {
            if (when == null && END_OF.matcher(words).find()) {
                when = PlanContent.Target.When.END_OF_PLAN;
                year = year(END_OF, words);
            } else if (when == null && EVERY_YEAR.matcher(words).find()) {
                when = PlanContent.Target.When.EVERY_YEAR;
            } else if (when == null && BY_YEAR.matcher(words).find()) {
                when = PlanContent.Target.When.BY_YEAR;
                year = year(BY_YEAR, words);
            }
        }
        if (when == null && inTargets && headingYear != null) {
            when = PlanContent.Target.When.BY_YEAR;
            year = headingYear;
        }
        if (year != null) {
            lastYear = Math.max(lastYear, year);
        }
        UnitLevel level = reportingLevel(lower);
        found.add(new Found(text, kind, target, targetMax, when, year, List.of(level), List.of()));
    }

    /** Who reports it: the level the clause names, else the heading's, else the level below the issuer; never above the issuer. */
    private UnitLevel reportingLevel(String lower) {
        UnitLevel named = level(lower);
        UnitLevel level = named != null ? named : headingLevel;
        UnitLevel below = levels.below(issuerLevel).orElse(issuerLevel);
        return level == null || levels.rank(level) < levels.rank(issuerLevel) ? below : level;
    }

    private static UnitLevel level(String lower) {
        if (DISTRICT_WORDS.stream().anyMatch(lower::contains)) {
            return UnitLevel.DISTRICT;
        }
        if (GRASSROOTS_WORDS.stream().anyMatch(lower::contains)) {
            return UnitLevel.GRASSROOTS;
        }
        return lower.contains("cấp tỉnh") ? UnitLevel.PROVINCE : null;
    }

    private void reportDates(String line) {
        String lower = line.toLowerCase(Locale.ROOT);
        Matcher six = SIX_MONTH_DUE.matcher(lower);
        if (six.find()) {
            sixMonthDue = dayMonth(six);
        }
        Matcher year = YEAR_DUE.matcher(lower);
        if (year.find()) {
            yearDue = dayMonth(year);
        }
        Matcher end = FINAL_DUE.matcher(lower);
        if (end.find()) {
            finalDue = date(end.group(3), end.group(2), end.group(1));
        }
    }

    private static String dayMonth(Matcher m) {
        return String.format("%02d/%02d", Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    private static boolean hasIndicator(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return PERCENT.matcher(lower).find() || RANGE.matcher(lower).find() || AT_LEAST.matcher(lower).find()
                || MILESTONE.matcher(lower).find();
    }

    private static boolean timeOnly(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.startsWith("phấn đấu") || lower.startsWith("đến") || EVERY_YEAR.matcher(lower).lookingAt();
    }

    private static boolean bullet(String text) {
        return text.startsWith("-") || text.startsWith("·") || text.startsWith("+") || text.startsWith("•");
    }

    /** The clause without its bullet and final full stop. */
    private static String bare(String text) {
        return text.replaceFirst("^[-·+•*]\\s*", "").replaceFirst("[.;]\\s*$", "").strip();
    }

    private static int words(String text) {
        return text.isBlank() ? 0 : text.split("\\s+").length;
    }

    private static Integer year(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    private static BigDecimal decimal(String number) {
        return new BigDecimal(number.replace(',', '.'));
    }

    private static BigDecimal count(String word) {
        switch (word) {
            case "một":
                return BigDecimal.ONE;
            case "hai":
                return BigDecimal.valueOf(2);
            case "ba":
                return BigDecimal.valueOf(3);
            case "bốn":
                return BigDecimal.valueOf(4);
            default:
                return BigDecimal.valueOf(Integer.parseInt(word));
        }
    }

    private static LocalDate date(String year, String month, String day) {
        try {
            return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
        } catch (DateTimeException e) {
            return null;
        }
    }
}
