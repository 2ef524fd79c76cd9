package vn.doan.planservice.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.doan.events.plan.UnitLevel;
import vn.doan.planservice.orgunit.UnitLevels;
import vn.doan.support.web.ApiProblem;

/**
 * Targets over time of 54-CT/ĐTN (01/01/2016 – 31/12/2020) as the drafter writes them: a yearly target with its first and
 * last year, one target per year, a target by a year; what cannot be read one way only is refused naming the field.
 */
class PlanRulesTargetsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static PlanContent plan(String targets) {
        List<PlanContent.Indicator> indicators = JSON.readValue("""
                [{"code": "CT01", "text": "Hàng năm 100% cán bộ Đoàn – Hội – Đội được tham gia các lớp tập huấn", "kind": "SHARE_OF_PEOPLE",
                  "target": 100, "reportingLevels": ["GRASSROOTS"], "targets": TARGETS}]""".replace("TARGETS", targets),
                new TypeReference<List<PlanContent.Indicator>>() { });
        List<PlanContent.ReportingPeriod> schedule = List.of(new PlanContent.ReportingPeriod("2016", "Báo cáo năm 2016", LocalDate.of(2016, 1, 1),
                LocalDate.of(2016, 12, 31), LocalDate.of(2016, 11, 15), List.of(UnitLevel.GRASSROOTS)));
        return new PlanContent("54-CT/ĐTN", "ACTION_PROGRAM", "Chương trình hành động thực hiện Nghị quyết số 02-NQ/TU", "thoxuan",
                LocalDate.of(2016, 4, 28), "Thọ Xuân", null, null, LocalDate.of(2016, 1, 1), LocalDate.of(2020, 12, 31), null, null, null, null,
                null, indicators, schedule, null, null, null, null);
    }

    private static ApiProblem refused(String targets) {
        return catchThrowableOfType(ApiProblem.class, () -> PlanRules.check(plan(targets), UnitLevel.DISTRICT, UnitLevels.DEFAULT));
    }

    @Test
    void aYearlyTargetUntilAYearAndOneTargetPerYearAreAccepted() {
        assertThatCode(() -> PlanRules.check(plan("""
                [{"when": "EVERY_YEAR", "value": 100, "untilYear": 2018}, {"when": "BY_YEAR", "year": 2020, "value": 100}]"""), UnitLevel.DISTRICT, UnitLevels.DEFAULT))
                .doesNotThrowAnyException();
        assertThatCode(() -> PlanRules.check(plan("""
                [{"when": "EVERY_YEAR", "year": 2017, "value": 50}, {"when": "EVERY_YEAR", "year": 2018, "value": 70, "untilYear": 2020}]"""),
                UnitLevel.DISTRICT, UnitLevels.DEFAULT)).doesNotThrowAnyException();
    }

    @Test
    void anEndYearOutsideThePlanBeforeItsFirstYearOrOnATargetThatIsNotYearlyIsRefused() {
        ApiProblem late = refused("""
                [{"when": "EVERY_YEAR", "value": 100, "untilYear": 2021}]""");
        assertThat(List.of(late.rule(), late.field())).containsExactly("indicator.target-year-outside-plan", "indicators[0].targets[0].untilYear");
        ApiProblem reversed = refused("""
                [{"when": "EVERY_YEAR", "year": 2018, "value": 100, "untilYear": 2017}]""");
        assertThat(List.of(reversed.rule(), reversed.field())).containsExactly("indicator.target-until-before-year", "indicators[0].targets[0].untilYear");
        assertThat(reversed.messageVi()).isEqualTo("Chỉ tiêu CT01: năm kết thúc 2017 trước năm bắt đầu 2018.");
        ApiProblem byYear = refused("""
                [{"when": "BY_YEAR", "year": 2018, "value": 100, "untilYear": 2019}]""");
        assertThat(List.of(byYear.rule(), byYear.field())).containsExactly("indicator.target-until-not-yearly", "indicators[0].targets[0].untilYear");
        ApiProblem early = refused("""
                [{"when": "EVERY_YEAR", "year": 2015, "value": 100}]""");
        assertThat(List.of(early.rule(), early.field())).containsExactly("indicator.target-year-outside-plan", "indicators[0].targets[0].year");
    }

    @Test
    void twoTargetsForTheSameYearAreRefused() {
        ApiProblem twice = refused("""
                [{"when": "BY_YEAR", "year": 2018, "value": 85}, {"when": "BY_YEAR", "year": 2018, "value": 100}]""");
        assertThat(List.of(twice.rule(), twice.field())).containsExactly("indicator.target-year-duplicate", "indicators[0].targets[1].year");
        ApiProblem yearly = refused("""
                [{"when": "EVERY_YEAR", "value": 85}, {"when": "EVERY_YEAR", "year": 2016, "value": 100}]""");
        assertThat(List.of(yearly.rule(), yearly.field())).as("no year is the plan's first")
                .containsExactly("indicator.target-year-duplicate", "indicators[0].targets[1].year");
    }
}
