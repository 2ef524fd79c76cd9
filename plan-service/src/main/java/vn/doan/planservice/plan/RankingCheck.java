package vn.doan.planservice.plan;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import vn.doan.support.web.ApiProblem;

/**
 * A plan's ranking ("thi đua, xếp loại") must be computable and give every unit one class: weights of the plan's own
 * indicators, from 0 to 100 with at most 2 decimals, not all zero; a late penalty from 0 to 100 points; classes named once
 * each, their least scores from 100 down, strictly falling, with at most 2 decimals (scores have two), the last one 0 so
 * that no score is left without a class.
 */
final class RankingCheck {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int DECIMALS = 2;

    private RankingCheck() {
    }

    static void check(PlanContent plan) {
        PlanContent.Ranking ranking = plan.ranking();
        if (ranking == null) {
            return;
        }
        Set<String> codes = plan.indicators().stream().map(PlanContent.Indicator::code).collect(Collectors.toSet());
        List<PlanContent.Ranking.Weight> weights = ranking.weights() == null ? List.of() : ranking.weights();
        Set<String> weighted = new HashSet<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < weights.size(); i++) {
            PlanContent.Ranking.Weight weight = weights.get(i);
            String field = "ranking.weights[" + i + "]";
            if (weight.indicatorCode() == null || !codes.contains(weight.indicatorCode()) || !weighted.add(weight.indicatorCode())) {
                throw ApiProblem.invalid("ranking.weight-indicator-unknown", field + ".indicatorCode",
                        "A weight names an indicator of the plan, once: " + weight.indicatorCode() + ".",
                        "Trọng số phải gắn với một chỉ tiêu của kế hoạch, mỗi chỉ tiêu một lần: " + weight.indicatorCode() + ".");
            }
            points(weight.weight(), field + ".weight", "trọng số");
            sum = sum.add(weight.weight());
        }
        if (sum.signum() == 0 && weighted.size() == codes.size()) {
            throw ApiProblem.invalid("ranking.weights-all-zero", "ranking.weights", "At least one indicator must weigh more than 0.",
                    "Ít nhất một chỉ tiêu phải có trọng số lớn hơn 0.");
        }
        points(ranking.latePenalty(), "ranking.latePenalty", "điểm trừ báo cáo muộn");
        checkClasses(ranking.classes() == null ? List.of() : ranking.classes());
    }

    private static void checkClasses(List<PlanContent.Ranking.RankClass> classes) {
        if (classes.isEmpty()) {
            throw ApiProblem.invalid("ranking.classes-missing", "ranking.classes", "A ranking needs its classes, e.g. Xuất sắc, Khá, Trung bình, Yếu.",
                    "Cần nêu các mức xếp loại, ví dụ Xuất sắc, Khá, Trung bình, Yếu.");
        }
        Set<String> names = new HashSet<>();
        BigDecimal above = null;
        for (int i = 0; i < classes.size(); i++) {
            PlanContent.Ranking.RankClass rankClass = classes.get(i);
            String field = "ranking.classes[" + i + "]";
            if (rankClass.name() == null || rankClass.name().isBlank() || !names.add(rankClass.name().strip().toLowerCase(java.util.Locale.ROOT))) {
                throw ApiProblem.invalid("ranking.class-name", field + ".name", "Each class has a name of its own.",
                        "Mỗi mức xếp loại phải có tên riêng.");
            }
            points(rankClass.minScore(), field + ".minScore", "điểm tối thiểu");
            if (above != null && rankClass.minScore().compareTo(above) >= 0) {
                throw ApiProblem.invalid("ranking.classes-not-falling", field + ".minScore",
                        "Classes go from the highest least score down; " + rankClass.name() + " must need less than " + above.toPlainString() + ".",
                        "Các mức xếp loại xếp từ điểm cao xuống thấp; mức " + rankClass.name() + " phải thấp hơn " + above.toPlainString() + " điểm.");
            }
            above = rankClass.minScore();
        }
        if (above.signum() != 0) {
            throw ApiProblem.invalid("ranking.classes-not-covering", "ranking.classes[" + (classes.size() - 1) + "].minScore",
                    "The last class must start at 0, so that every score has a class.",
                    "Mức xếp loại cuối cùng phải bắt đầu từ 0 điểm để mọi đơn vị đều được xếp loại.");
        }
    }

    /** A number of points from 0 to 100 with at most two decimals. */
    private static void points(BigDecimal value, String field, String vi) {
        if (value == null || value.signum() < 0 || value.compareTo(HUNDRED) > 0 || value.stripTrailingZeros().scale() > DECIMALS) {
            throw ApiProblem.invalid("ranking.points-out-of-range", field, field + " must be from 0 to 100 with at most 2 decimals; it is " + value + ".",
                    "Giá trị " + vi + " phải từ 0 đến 100, tối đa 2 chữ số thập phân.");
        }
    }
}
