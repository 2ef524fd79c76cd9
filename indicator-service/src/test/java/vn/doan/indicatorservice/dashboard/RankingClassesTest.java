package vn.doan.indicatorservice.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.doan.events.plan.PlanIssued;
import vn.doan.events.plan.RankingRule;
import vn.doan.indicatorservice.rollup.Progress;

/**
 * The emulation classes of a ranking, with the arithmetic of each score written out: a score exactly on a band's edge takes
 * that band, 0.01 below takes the next; a plan's own weights, late penalty and bands replace the configured defaults.
 */
class RankingClassesTest {

    private static final RankingRules DEFAULTS = new RankingRules(Map.of(), 10.0, null);
    private static final String TRAINED = "CT01";
    private static final String MODELS = "CT02";

    /** A commune whose only indicator, "100% cán bộ Đoàn được tập huấn", reached {@code trained} of 10,000 (percent with 2 decimals). */
    private static ProgressQuery.UnitProgress commune(String unitId, String name, long trained) {
        BigDecimal value = BigDecimal.valueOf(trained).movePointLeft(2).setScale(2);
        return new ProgressQuery.UnitProgress("p-54", "2018", unitId, name, "GRASSROOTS", 1, 0,
                List.of(indicator(TRAINED, "SHARE_OF_PEOPLE", value, new BigDecimal("100"))), ONE_ON_TIME);
    }

    private static ProgressQuery.IndicatorProgress indicator(String code, String kind, BigDecimal value, BigDecimal target) {
        Progress.Measure measure = new Progress.Measure(0, 0, 1, 0, 0, 0, 0, 0, 0, value, value, target, Progress.Status.ON_TRACK);
        return new ProgressQuery.IndicatorProgress(code, "Chỉ tiêu " + code, kind, target, null, measure, measure, false);
    }

    /** A commune's own report, on time. */
    private static final ProgressQuery.Reports ONE_ON_TIME = new ProgressQuery.Reports(1, 1, 1, 0, 0, 0, 0);

    @Test
    void theUnionsClassesTakeAScoreOnTheirEdgeAndPassA001LowerScoreToTheNextClass() {
        // Each score is 100 × trained ÷ 10,000 ÷ 100 (target) × 100: 9,000 trained of 10,000 = 90.00.
        List<ProgressQuery.UnitProgress> communes = List.of(commune("u-xuanlai", "Đoàn xã Xuân Lai", 9_000),
                commune("u-tholap", "Đoàn xã Thọ Lập", 8_999), commune("u-xuanhoa", "Đoàn xã Xuân Hòa", 7_000),
                commune("u-thpt4", "Đoàn trường THPT Thọ Xuân 4", 6_999), commune("u-xuantin", "Đoàn xã Xuân Tín", 5_000),
                commune("u-xuanphu", "Đoàn xã Xuân Phú", 4_999), commune("u-thoxuong", "Đoàn xã Thọ Xương", 0));

        List<Standing.Ranked> ranking = Standing.rank(communes, DEFAULTS.forPlan(null));

        assertThat(ranking).extracting(r -> r.score().toPlainString() + " " + r.rankClass()).containsExactly(
                "90.00 Xuất sắc", "89.99 Khá", "70.00 Khá", "69.99 Trung bình", "50.00 Trung bình", "49.99 Yếu", "0.00 Yếu");
    }

    @Test
    void aPlansOwnWeightsPenaltyAndBandsReplaceTheDefaults() {
        PlanIssued.Ranking own = new PlanIssued.Ranking(
                List.of(new PlanIssued.Ranking.Weight(TRAINED, new BigDecimal("3")), new PlanIssued.Ranking.Weight(MODELS, BigDecimal.ONE)),
                new BigDecimal("20"), List.of(new PlanIssued.Ranking.RankClass("Hoàn thành tốt", new BigDecimal("80")),
                        new PlanIssued.Ranking.RankClass("Hoàn thành", new BigDecimal("60")),
                        new PlanIssued.Ranking.RankClass("Chưa hoàn thành", BigDecimal.ZERO)));
        RankingRule rules = DEFAULTS.forPlan(own);
        // Thọ Lập: (3 × 100/100 + 1 × 1/2 models) ÷ 4 = 87.50, less 20 × 1 late of 4 expected = 82.50.
        // Xuân Lai: (3 × 80/100 + 1 × 2/2, capped) ÷ 4 = 85.00, less 20 × 1 late of 4 = 80.00, on the edge.
        // Xuân Hòa: (3 × 79.99/100 + 1 × 2/2) ÷ 4 = 84.9925, less 5 = 79.9925 → 79.99, 0.01 below.
        ProgressQuery.UnitProgress thoLap = twoIndicators("u-tholap", "Đoàn xã Thọ Lập", "100.00", 1);
        ProgressQuery.UnitProgress xuanLai = twoIndicators("u-xuanlai", "Đoàn xã Xuân Lai", "80.00", 3);
        ProgressQuery.UnitProgress xuanHoa = twoIndicators("u-xuanhoa", "Đoàn xã Xuân Hòa", "79.99", 2);

        List<Standing.Ranked> ranking = Standing.rank(List.of(xuanHoa, xuanLai, thoLap), rules);

        assertThat(ranking).extracting(r -> r.unitName() + " " + r.score().toPlainString() + " " + r.rankClass()).containsExactly(
                "Đoàn xã Thọ Lập 82.50 Hoàn thành tốt", "Đoàn xã Xuân Lai 80.00 Hoàn thành tốt", "Đoàn xã Xuân Hòa 79.99 Hoàn thành");
    }

    /** "Tập huấn" at {@code trained}% of 100%, and "từ 01 đến 02 mô hình điểm" counted as {@code models} of at least 2. */
    private static ProgressQuery.UnitProgress twoIndicators(String unitId, String name, String trained, long models) {
        return new ProgressQuery.UnitProgress("p-54", "2018", unitId, name, "GRASSROOTS", 1, 0, List.of(
                indicator(TRAINED, "SHARE_OF_PEOPLE", new BigDecimal(trained), new BigDecimal("100")),
                indicator(MODELS, "COUNT_AT_LEAST", BigDecimal.valueOf(models), new BigDecimal("2"))),
                new ProgressQuery.Reports(4, 4, 3, 1, 0, 0, 0));
    }
}
