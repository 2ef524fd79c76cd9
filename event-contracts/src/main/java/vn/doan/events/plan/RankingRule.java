package vn.doan.events.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The one rule of the emulation ranking ("thi đua, xếp loại") of a {@link PlanIssued.Ranking}, for every service that ranks
 * units (indicator-service's dashboard, report-service's consolidated report): each indicator's attainment (value ÷ target,
 * capped at 1; for an "at most" rate target ÷ value; 0 without data; an indicator without a target for the period does not
 * count) is weighted (an indicator not named weighs 1) into a score out of 100; then {@code latePenalty} points × late
 * reports ÷ expected reports are taken off (not below 0); the score, rounded half up to two decimals, takes the first class
 * whose least score it reaches (highest first). Units are ranked best score first, ties by name.
 */
public final class RankingRule {

    private final Map<String, BigDecimal> weights;
    private final double latePenalty;
    private final List<PlanIssued.Ranking.RankClass> classes;

    /** The rule of {@code ranking}; a missing weight list or late penalty is none. */
    public RankingRule(PlanIssued.Ranking ranking) {
        this.weights = ranking.weights() == null ? Map.of()
                : ranking.weights().stream().collect(Collectors.toMap(PlanIssued.Ranking.Weight::indicatorCode, PlanIssued.Ranking.Weight::weight));
        this.latePenalty = ranking.latePenalty() == null ? 0 : ranking.latePenalty().doubleValue();
        this.classes = (ranking.classes() == null ? List.<PlanIssued.Ranking.RankClass>of() : ranking.classes()).stream()
                .sorted(Comparator.comparing(PlanIssued.Ranking.RankClass::minScore).reversed()).toList();
    }

    /** One indicator of a unit's subtree: its value and the target it is compared with (null: no target for the period). */
    public record Attained(String indicatorCode, IndicatorKind kind, BigDecimal value, BigDecimal target) {
    }

    /** A unit to rank: its subtree's indicators, and the reports its subtree was expected to send and sent late. */
    public record Entrant(String unitId, String unitName, List<Attained> indicators, int expected, int late) {
    }

    /** A unit's place (1 = best), score out of 100 and class; the class is null if the score reaches none. */
    public record Placed(int rank, String unitId, String unitName, BigDecimal score, int expected, int late, String rankClass) {
    }

    /** The units, best first. */
    public List<Placed> rank(List<Entrant> entrants) {
        List<Placed> scored = entrants.stream().map(e -> {
            BigDecimal score = score(e);
            return new Placed(0, e.unitId(), e.unitName(), score, e.expected(), e.late(), classOf(score));
        }).sorted(Comparator.comparing(Placed::score).reversed().thenComparing(Placed::unitName)).toList();
        return IntStream.range(0, scored.size()).mapToObj(i -> {
            Placed p = scored.get(i);
            return new Placed(i + 1, p.unitId(), p.unitName(), p.score(), p.expected(), p.late(), p.rankClass());
        }).toList();
    }

    /** The unit's score out of 100, two decimals. */
    public BigDecimal score(Entrant entrant) {
        double weighted = 0;
        double weightSum = 0;
        for (Attained indicator : entrant.indicators()) {
            if (indicator.target() == null) {
                continue;
            }
            double weight = weights.getOrDefault(indicator.indicatorCode(), BigDecimal.ONE).doubleValue();
            weighted += weight * attainment(indicator.kind(), indicator.value(), indicator.target()).doubleValue();
            weightSum += weight;
        }
        double score = weightSum == 0 ? 0 : 100 * weighted / weightSum;
        if (entrant.expected() > 0) {
            score -= latePenalty * entrant.late() / entrant.expected();
        }
        return BigDecimal.valueOf(Math.max(0, score)).setScale(2, RoundingMode.HALF_UP);
    }

    /** The first class whose least score {@code score} reaches; null if it reaches none. */
    public String classOf(BigDecimal score) {
        return classes.stream().filter(c -> score.compareTo(c.minScore()) >= 0).map(PlanIssued.Ranking.RankClass::name).findFirst().orElse(null);
    }

    /** Value against target, from 0 to 1 (4 decimals); for an "at most" rate, target against value; 0 without a value. */
    public static BigDecimal attainment(IndicatorKind kind, BigDecimal value, BigDecimal target) {
        if (value == null) {
            return BigDecimal.ZERO;
        }
        double ratio;
        if (kind == IndicatorKind.RATE_AT_MOST) {
            ratio = value.signum() == 0 ? 1 : target.doubleValue() / value.doubleValue();
        } else {
            ratio = target.signum() == 0 ? 1 : value.doubleValue() / target.doubleValue();
        }
        return BigDecimal.valueOf(Math.min(1, ratio)).setScale(4, RoundingMode.HALF_UP);
    }
}
