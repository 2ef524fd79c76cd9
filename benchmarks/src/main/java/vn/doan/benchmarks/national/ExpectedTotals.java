package vn.doan.benchmarks.national;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What every unit's subtree must add up to, computed here from the values the benchmark submitted and
 * the tree it generated, by the rules of DOMAIN.md and indicator-service's README — independently of
 * indicator-service's code. Per unit and indicator: Σ numerators, Σ denominators, reporting units, units
 * that met their target, units below / within / above a range, milestones done on time / late.
 */
final class ExpectedTotals {

    /** The same fields as indicator-service's subtree measure. */
    record Measure(long numerator, long denominator, int reportingUnits, int unitsMet, int below, int within, int above, int doneOnTime,
            int doneLate) {

        static final Measure ZERO = new Measure(0, 0, 0, 0, 0, 0, 0, 0, 0);

        Measure plus(Measure o) {
            return new Measure(numerator + o.numerator, denominator + o.denominator, reportingUnits + o.reportingUnits, unitsMet + o.unitsMet,
                    below + o.below, within + o.within, above + o.above, doneOnTime + o.doneOnTime, doneLate + o.doneLate);
        }
    }

    private final Map<String, Map<String, Measure>> byUnit = new HashMap<>();

    /** Adds one report of {@code unitId} to that unit and to every one of {@code ancestorIds}. */
    void add(String unitId, List<String> ancestorIds, List<NationalPlan.Value> values) {
        Map<String, Measure> contribution = new HashMap<>();
        for (NationalPlan.Value value : values) {
            NationalPlan.Indicator indicator = NationalPlan.INDICATORS.stream().filter(i -> i.code().equals(value.code())).findFirst().orElseThrow();
            contribution.put(value.code(), of(indicator, value));
        }
        addTo(unitId, contribution);
        ancestorIds.forEach(a -> addTo(a, contribution));
    }

    private void addTo(String unitId, Map<String, Measure> contribution) {
        Map<String, Measure> totals = byUnit.computeIfAbsent(unitId, u -> new HashMap<>());
        contribution.forEach((code, m) -> totals.merge(code, m, Measure::plus));
    }

    Map<String, Measure> of(String unitId) {
        return byUnit.getOrDefault(unitId, Map.of());
    }

    java.util.Set<String> units() {
        return byUnit.keySet();
    }

    static Measure of(NationalPlan.Indicator indicator, NationalPlan.Value v) {
        long n = v.numerator();
        return switch (indicator.kind()) {
            case SHARE_OF_PEOPLE, SHARE_OF_UNITS -> new Measure(n, v.denominator(), 1, percent(n, v.denominator()).compareTo(indicator.target()) >= 0 ? 1 : 0,
                    0, 0, 0, 0, 0);
            case RATE_AT_MOST -> new Measure(n, v.denominator(), 1, percent(n, v.denominator()).compareTo(indicator.target()) <= 0 ? 1 : 0,
                    0, 0, 0, 0, 0);
            case COUNT_AT_LEAST -> new Measure(n, 0, 1, n >= indicator.target().longValue() ? 1 : 0, 0, 0, 0, 0, 0);
            case COUNT_IN_RANGE -> {
                int below = n < indicator.target().longValue() ? 1 : 0;
                int above = n > indicator.targetMax().longValue() ? 1 : 0;
                int within = 1 - below - above;
                yield new Measure(n, 0, 1, within, below, within, above, 0, 0);
            }
            case YES_NO -> new Measure(n, 1, 1, (int) n, 0, 0, 0, 0, 0);
            case MILESTONE -> {
                boolean done = v.doneOn() != null;
                boolean onTime = done && !v.doneOn().isAfter(NationalPlan.MILESTONE_DEADLINE);
                yield new Measure(done ? 1 : 0, 1, 1, onTime ? 1 : 0, 0, 0, 0, onTime ? 1 : 0, done && !onTime ? 1 : 0);
            }
            case TASK -> throw new IllegalStateException("The national plan has no task: " + indicator.code());
        };
    }

    /** The percent a cadre reads, two decimals, half up. */
    static BigDecimal percent(long numerator, long denominator) {
        return BigDecimal.valueOf(numerator * 100).divide(BigDecimal.valueOf(denominator), 2, RoundingMode.HALF_UP);
    }
}
