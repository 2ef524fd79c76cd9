package vn.doan.planservice.planimport;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import vn.doan.events.plan.IndicatorKind;
import vn.doan.events.plan.UnitLevel;
import vn.doan.planservice.orgunit.UnitLevels;
import vn.doan.planservice.plan.PlanContent;

/**
 * The Word/text parser measured on the five seed plans, as .txt and as .docx: per seed, the indicators found right, missed,
 * found with the wrong kind or target, found with the wrong time, and found where the seed states none. The expected
 * indicators are {@link SeedIndicators}. The table printed is the one in plan-service/README.md; the figures asserted
 * are its rows, so a change to the parser that moves them fails here until the README says so.
 */
class PlanTextSeedTest {

    record Score(String seed, int expected, int right, int missed, int wrongKindOrTarget, int wrongTime, int extra) {

        String row() {
            return "| " + seed + " | " + expected + " | " + right + " | " + missed + " | " + wrongKindOrTarget + " | " + wrongTime + " | "
                    + extra + " |";
        }
    }

    private static final List<String> SEEDS = List.of("tho-xuan-district-action-program-2016.txt", "thanh-hoa-province-plan-2018.txt",
            "kien-giang-province-plan-2014.txt", "dong-phu-district-plan-2020.txt", "district-plan-residential-unions-2019-2022.txt");

    @Test
    void theSeedsAsTextAndAsWordGiveTheMeasuredTable() {
        List<Score> scores = new ArrayList<>();
        for (String seed : SEEDS) {
            String text = SeedDocuments.text(seed);
            UnitLevel issuer = seed.contains("province") ? UnitLevel.PROVINCE : UnitLevel.DISTRICT;
            PlanText.Parsed fromText = PlanText.parse(text, issuer, UnitLevels.DEFAULT);
            PlanText.Parsed fromWord = PlanText.parse(WordText.ofDocx(SeedDocuments.docx(text)), issuer, UnitLevels.DEFAULT);
            assertThat(fromWord).as(seed + " as .docx").isEqualTo(fromText);
            scores.add(score(seed, SeedIndicators.BY_SEED.get(seed), fromText.indicators()));
        }
        System.out.println("| seed | stated | found right | missed | wrong kind or target | wrong time | found but not stated |\n|---|---|---|---|---|---|---|");
        scores.forEach(s -> System.out.println(s.row()));

        assertThat(scores).containsExactly(
                new Score("tho-xuan-district-action-program-2016.txt", 16, 16, 0, 0, 0, 0),
                new Score("thanh-hoa-province-plan-2018.txt", 3, 3, 0, 0, 0, 0),
                new Score("kien-giang-province-plan-2014.txt", 2, 2, 0, 0, 0, 0),
                new Score("dong-phu-district-plan-2020.txt", 0, 0, 0, 0, 0, 0),
                new Score("district-plan-residential-unions-2019-2022.txt", 5, 5, 0, 0, 0, 0));
    }

    @Test
    void theThoXuanHeaderAndTheThanhHoaMilestonePerLevel() {
        PlanText.Parsed thoXuan = PlanText.parse(SeedDocuments.text("tho-xuan-district-action-program-2016.txt"), UnitLevel.DISTRICT, UnitLevels.DEFAULT);
        assertThat(List.of(thoXuan.number(), thoXuan.type(), thoXuan.issuerName(), thoXuan.place()))
                .containsExactly("54-CT/ĐTN", "ACTION_PROGRAM", "BCH ĐOÀN HUYỆN THỌ XUÂN", "Thọ Xuân");
        assertThat(thoXuan.issuedOn()).isEqualTo(LocalDate.of(2016, 4, 28));
        assertThat(thoXuan.title()).isEqualTo("Thực hiện Nghị quyết số 02-NQ/TU của Ban Thường vụ Tỉnh ủy “về tiếp tục đổi mới, nâng cao "
                + "chất lượng hoạt động của Mặt trận Tổ quốc, các đoàn thể chính trị - xã hội tỉnh Thanh Hóa giai đoạn 2015 - 2020”");
        assertThat(List.of(thoXuan.periodFrom(), thoXuan.periodTo())).containsExactly(LocalDate.of(2016, 1, 1), LocalDate.of(2020, 12, 31));

        PlanText.Parsed thanhHoa = PlanText.parse(SeedDocuments.text("thanh-hoa-province-plan-2018.txt"), UnitLevel.PROVINCE, UnitLevels.DEFAULT);
        assertThat(thanhHoa.number()).isEqualTo("66-KH/TĐTN-BTG");
        assertThat(thanhHoa.issuedOn()).isEqualTo(LocalDate.of(2018, 9, 25));
        IndicatorFinder.Found conferences = thanhHoa.indicators().stream().filter(i -> i.kind() == IndicatorKind.MILESTONE).findFirst().orElseThrow();
        assertThat(conferences.deadlines()).containsExactly(
                new PlanContent.LevelDeadline(UnitLevel.DISTRICT, LocalDate.of(2018, 11, 15)),
                new PlanContent.LevelDeadline(UnitLevel.GRASSROOTS, LocalDate.of(2018, 12, 30)));
        assertThat(thanhHoa.reports().finalDue()).isEqualTo(LocalDate.of(2019, 1, 5));

        PlanText.Parsed kienGiang = PlanText.parse(SeedDocuments.text("kien-giang-province-plan-2014.txt"), UnitLevel.PROVINCE, UnitLevels.DEFAULT);
        assertThat(List.of(kienGiang.number(), kienGiang.reports().sixMonthDue(), kienGiang.reports().yearDue()))
                .containsExactly("76-KH/TĐTN-VP", "15/05", "15/11");
        PlanText.Parsed dongPhu = PlanText.parse(SeedDocuments.text("dong-phu-district-plan-2020.txt"), UnitLevel.DISTRICT, UnitLevels.DEFAULT);
        assertThat(dongPhu.number()).isNull();
        assertThat(dongPhu.issuedOn()).isNull();
    }

    private static Score score(String seed, List<SeedIndicators.Expected> expected, List<IndicatorFinder.Found> found) {
        List<IndicatorFinder.Found> unmatched = new ArrayList<>(found);
        int right = 0;
        int missed = 0;
        int wrong = 0;
        int wrongTime = 0;
        for (SeedIndicators.Expected e : expected) {
            IndicatorFinder.Found match = unmatched.stream().filter(f -> normal(f.text()).contains(normal(e.phrase()))).findFirst().orElse(null);
            if (match == null) {
                missed++;
                System.out.println(seed + " missed: " + e);
                continue;
            }
            unmatched.remove(match);
            if (match.kind() != e.kind() || !same(match.target(), e.target()) || !same(match.targetMax(), e.targetMax())) {
                wrong++;
                System.out.println(seed + " wrong: " + e + " ← " + match);
            } else if (match.when() != e.when() || (e.when() == PlanContent.Target.When.BY_YEAR && !Objects.equals(match.year(), e.year()))) {
                wrongTime++;
                System.out.println(seed + " wrong time: " + e + " ← " + match);
            } else {
                right++;
            }
        }
        unmatched.forEach(f -> System.out.println(seed + " not stated: " + f));
        return new Score(seed, expected.size(), right, missed, wrong, wrongTime, unmatched.size());
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static String normal(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC).replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
