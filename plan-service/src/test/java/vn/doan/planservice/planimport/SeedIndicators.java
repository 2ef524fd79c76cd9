package vn.doan.planservice.planimport;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import vn.doan.events.plan.IndicatorKind;
import vn.doan.planservice.plan.PlanContent.Target.When;

/**
 * The indicators each seed plan states, written by reading the seed's text (not by running the parser): a phrase of its
 * wording that identifies it, its kind, target (and range maximum), and when the target holds.
 */
final class SeedIndicators {

    record Expected(String phrase, IndicatorKind kind, BigDecimal target, BigDecimal targetMax, When when, Integer year) {
    }

    private SeedIndicators() {
    }

    private static Expected share(String phrase, IndicatorKind kind, int target, When when, Integer year) {
        return new Expected(phrase, kind, BigDecimal.valueOf(target), null, when, year);
    }

    private static Expected range(String phrase, int min, int max, When when) {
        return new Expected(phrase, IndicatorKind.COUNT_IN_RANGE, BigDecimal.valueOf(min), BigDecimal.valueOf(max), when, null);
    }

    private static final IndicatorKind PEOPLE = IndicatorKind.SHARE_OF_PEOPLE;
    private static final IndicatorKind UNITS = IndicatorKind.SHARE_OF_UNITS;

    /** By seed file name, in the order the seeds state them. */
    static final Map<String, List<Expected>> BY_SEED = Map.of(
            "tho-xuan-district-action-program-2016.txt", List.of(
                    share("100% cán bộ Đoàn – Hội – Đội được tham gia các lớp tập huấn", PEOPLE, 100, When.EVERY_YEAR, null),
                    share("cơ sở đoàn hoạt động yếu kém được sinh hoạt ghép", UNITS, 100, When.BY_YEAR, 2018),
                    share("cơ sở đoàn hoạt động có hiệu quả", UNITS, 100, When.BY_YEAR, 2018),
                    share("thu hút 75% thanh niên", PEOPLE, 75, When.BY_YEAR, 2018),
                    share("85 % số đơn vị đoàn cơ sở loại khá", UNITS, 85, When.EVERY_YEAR, null),
                    share("Đoàn cơ sở có phòng làm việc riêng", UNITS, 100, When.BY_YEAR, 2019),
                    share("hộ nghèo do Đoàn viên - Hội viên làm chủ giảm còn 3%", IndicatorKind.RATE_AT_MOST, 3, When.BY_YEAR, 2019),
                    share("cán bộ đoàn cấp huyện có trình độ Đại học chính quy", PEOPLE, 100, When.BY_YEAR, 2020),
                    share("Bí thư Huyện Đoàn có trình độ lý luận cao cấp", IndicatorKind.YES_NO, 100, When.BY_YEAR, 2020),
                    share("50% Phó Bí thư có trình độ lý luận cao cấp", PEOPLE, 50, When.BY_YEAR, 2020),
                    share("Phó Bí thư Đoàn các xã, thị trấn có trình độ Đại học", PEOPLE, 100, When.BY_YEAR, 2020),
                    share("100% Bí thư Đoàn cấp xã có trình độ Trung cấp lý luận", PEOPLE, 100, When.BY_YEAR, 2020),
                    share("50% Phó Bí thư đoàn cấp xã có trình độ Trung cấp lý luận", PEOPLE, 50, When.BY_YEAR, 2020),
                    share("50% cơ sở Đoàn - Hội trên tổng số các doanh nghiệp", UNITS, 50, When.BY_YEAR, 2020),
                    range("từ 2-3 lớp tập huấn", 2, 3, When.EVERY_YEAR),
                    range("phản biện từ 2-3 đơn vị", 2, 3, When.EVERY_YEAR)),
            "thanh-hoa-province-plan-2018.txt", List.of(
                    share("100% cán bộ đoàn các cấp và bí thư chi đoàn tham gia học tập", PEOPLE, 100, null, null),
                    new Expected("ít nhất 01 số chuyên sâu", IndicatorKind.COUNT_AT_LEAST, BigDecimal.ONE, null, null, null),
                    share("Hội nghị quán triệt", IndicatorKind.MILESTONE, 100, null, null)),
            "kien-giang-province-plan-2014.txt", List.of(
                    share("Chỉ đạo 100% các huyện, thị, thành Đoàn", UNITS, 100, null, null),
                    range("từ 01 đến 02 mô hình điểm", 1, 2, null)),
            "dong-phu-district-plan-2020.txt", List.of(),
            "district-plan-residential-unions-2019-2022.txt", List.of(
                    new Expected("ít nhất 01 Lớp bồi dưỡng", IndicatorKind.COUNT_AT_LEAST, BigDecimal.ONE, null, When.EVERY_YEAR, null),
                    share("Bí thư Đoàn xã, phường, thị trấn đảm bảo tiêu chuẩn", PEOPLE, 100, null, null),
                    share("100% đoàn viên phải đăng ký rèn luyện đoàn viên", PEOPLE, 100, null, null),
                    share("100% Chi đoàn trên địa bàn dân cư duy trì", UNITS, 100, When.END_OF_PLAN, null),
                    new Expected("ít nhất một thanh niên", IndicatorKind.COUNT_AT_LEAST, BigDecimal.ONE, null, null, null)));
}
