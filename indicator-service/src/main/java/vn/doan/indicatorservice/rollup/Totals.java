package vn.doan.indicatorservice.rollup;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a unit, or a whole subtree, adds up to for one indicator. {@code numerator}/{@code denominator} are
 * the sums behind shares and rates (for yes/no and milestones: units where true / units reporting; for
 * counts: the summed count); {@code units} is how many units reported; {@code met} how many reached the
 * target themselves; {@code below}/{@code within}/{@code above} place the units of a range;
 * {@code onTime}/{@code late} count the milestones done by, or after, their deadline.
 *
 * <p>Sums cannot overflow: report-service accepts no count, numerator or denominator above 100,000,000 (its README), and the
 * whole Union has about 303,000 units; even a million units give at most 10^14, against a long's 9.2 × 10^18, and the
 * int counters at most 10^6 against 2.1 × 10^9. The additions are exact all the same, so that a value that broke the bound
 * fails the roll-up loudly (retried, then moved to the dead-letter topic, see {@code EventInput}) instead of wrapping into a
 * wrong total.
 */
public record Totals(String code, long numerator, long denominator, int units, int met, int below, int within, int above,
        int onTime, int late) {

    Totals plus(Totals other) {
        return new Totals(code, Math.addExact(numerator, other.numerator), Math.addExact(denominator, other.denominator),
                Math.addExact(units, other.units), Math.addExact(met, other.met), Math.addExact(below, other.below),
                Math.addExact(within, other.within), Math.addExact(above, other.above), Math.addExact(onTime, other.onTime),
                Math.addExact(late, other.late));
    }

    /** "numerator,denominator,units,met,below,within,above,onTime,late,code": the code last, so it may hold commas. */
    String pack() {
        return numerator + "," + denominator + "," + units + "," + met + "," + below + "," + within + "," + above + "," + onTime + "," + late
                + "," + code;
    }

    static Totals unpack(String packed) {
        String[] f = packed.split(",", 10);
        return new Totals(f[9], Long.parseLong(f[0]), Long.parseLong(f[1]), Integer.parseInt(f[2]), Integer.parseInt(f[3]),
                Integer.parseInt(f[4]), Integer.parseInt(f[5]), Integer.parseInt(f[6]), Integer.parseInt(f[7]), Integer.parseInt(f[8]));
    }

    /** Totals packed into one string, each entry prefixed by its length ("12:…"), so that a code may hold any character. */
    static String packAll(List<Totals> totals) {
        StringBuilder packed = new StringBuilder();
        for (Totals t : totals) {
            String one = t.pack();
            packed.append(one.length()).append(':').append(one);
        }
        return packed.toString();
    }

    static List<Totals> unpackAll(String packed) {
        List<Totals> totals = new java.util.ArrayList<>();
        int at = 0;
        while (at < packed.length()) {
            int colon = packed.indexOf(':', at);
            int end = colon + 1 + Integer.parseInt(packed, at, colon, 10);
            totals.add(unpack(packed.substring(colon + 1, end)));
            at = end;
        }
        return totals;
    }

    Totals negated() {
        return new Totals(code, Math.negateExact(numerator), Math.negateExact(denominator), Math.negateExact(units), Math.negateExact(met),
                Math.negateExact(below), Math.negateExact(within), Math.negateExact(above), Math.negateExact(onTime), Math.negateExact(late));
    }

    boolean isZero() {
        return numerator == 0 && denominator == 0 && units == 0 && met == 0 && below == 0 && within == 0 && above == 0 && onTime == 0
                && late == 0;
    }

    /**
     * {@code total} with the part {@code before} replaced by {@code after}: how a node's subtree totals change
     * when its own report or one child's snapshot changes. Entries that come to zero are dropped.
     */
    static List<Totals> replace(List<Totals> total, List<Totals> before, List<Totals> after) {
        Map<String, Totals> sum = new LinkedHashMap<>();
        nullToEmpty(total).forEach(t -> sum.merge(t.code(), t, Totals::plus));
        nullToEmpty(after).forEach(t -> sum.merge(t.code(), t, Totals::plus));
        nullToEmpty(before).forEach(t -> sum.merge(t.code(), t.negated(), Totals::plus));
        return sum.values().stream().filter(t -> !t.isZero()).toList();
    }

    private static List<Totals> nullToEmpty(List<Totals> totals) {
        return totals == null ? List.of() : totals;
    }

    /** The totals by indicator code. */
    public static Map<String, Totals> byCode(List<Totals> totals) {
        return totals.stream().collect(java.util.stream.Collectors.toMap(Totals::code, t -> t));
    }

    /** Adds lists of totals indicator by indicator, keeping the order in which indicators first appear. */
    static List<Totals> sum(Collection<List<Totals>> lists) {
        Map<String, Totals> sum = new LinkedHashMap<>();
        for (List<Totals> list : lists) {
            for (Totals totals : list) {
                sum.merge(totals.code(), totals, Totals::plus);
            }
        }
        return List.copyOf(sum.values());
    }
}
