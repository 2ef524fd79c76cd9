package vn.doan.indicatorservice.dashboard;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How units are ranked in the yearly emulation ("thi đua"), set in {@code doan.ranking.*}:
 * each indicator's attainment (value ÷ target, capped at 1; for an "at most" rate target ÷ value; 0 without
 * data) is weighted ({@code weights}, default 1 each) into a score out of 100; then
 * {@code latePenalty} points are taken off for each late report as a share of the reports expected.
 */
@ConfigurationProperties("doan.ranking")
public record RankingRules(Map<String, Double> weights, Double latePenalty) {

    public RankingRules {
        weights = weights == null ? Map.of() : weights;
        latePenalty = latePenalty == null ? 10.0 : latePenalty;
    }

    double weight(String indicatorCode) {
        return weights.getOrDefault(indicatorCode, 1.0);
    }
}
