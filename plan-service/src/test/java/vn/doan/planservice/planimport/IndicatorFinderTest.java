package vn.doan.planservice.planimport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.doan.events.plan.IndicatorKind;
import vn.doan.events.plan.UnitLevel;
import vn.doan.planservice.orgunit.UnitLevels;
import vn.doan.planservice.plan.PlanContent.Target.When;

/** Wordings the seeds do not use, so the parser is not only judged on the texts it was written against. */
class IndicatorFinderTest {

    @Test
    void ratesRangesCountsAndYearsWordedOtherwise() {
        List<IndicatorFinder.Found> found = new IndicatorFinder(UnitLevel.PROVINCE, UnitLevels.DEFAULT).find(List.of(
                "II. CHỈ TIÊU",
                "- Tỷ lệ thanh niên vi phạm pháp luật dưới 3,5 % đến năm 2018.",
                "- Mỗi huyện, thị, thành Đoàn xây dựng từ 1–2 công trình thanh niên hằng năm.",
                "- Mỗi cơ sở Đoàn có ít nhất 1 đội thanh niên tình nguyện.",
                "- 99,5% đoàn viên được học tập 6 bài học lý luận chính trị.",
                "III. NHIỆM VỤ",
                "Tổ chức 2 đợt sinh hoạt chính trị trong năm 2019 cho 67 cơ sở Đoàn."));

        assertThat(found).extracting(IndicatorFinder.Found::kind).containsExactly(IndicatorKind.RATE_AT_MOST, IndicatorKind.COUNT_IN_RANGE,
                IndicatorKind.COUNT_AT_LEAST, IndicatorKind.SHARE_OF_PEOPLE);
        assertThat(found.get(0).target()).isEqualByComparingTo("3.5");
        assertThat(List.of(found.get(0).when(), found.get(0).year())).containsExactly(When.BY_YEAR, 2018);
        assertThat(List.of(found.get(1).target(), found.get(1).targetMax())).usingElementComparator(java.math.BigDecimal::compareTo)
                .containsExactly(java.math.BigDecimal.ONE, java.math.BigDecimal.valueOf(2));
        assertThat(found.get(1).when()).isEqualTo(When.EVERY_YEAR);
        assertThat(found.get(1).levels()).containsExactly(UnitLevel.DISTRICT);
        assertThat(found.get(2).target()).isEqualByComparingTo("1");
        assertThat(found.get(2).levels()).containsExactly(UnitLevel.GRASSROOTS);
        assertThat(found.get(3).target()).isEqualByComparingTo("99.5");
        assertThat(found.get(3).when()).isNull();
    }
}
