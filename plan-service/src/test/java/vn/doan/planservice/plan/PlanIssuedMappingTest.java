package vn.doan.planservice.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.doan.events.plan.PlanIssued;

/**
 * A plan's own indicator and period records map to PlanIssued exactly as if the body had been read into the contract's
 * records directly: every field, a missing list kept missing, an empty one kept empty.
 */
class PlanIssuedMappingTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String INDICATORS = """
            [{"code": "CT01", "text": "Hàng năm 100% cán bộ Đoàn – Hội – Đội được tham gia các lớp tập huấn", "kind": "SHARE_OF_PEOPLE",
              "target": 100, "reportingLevels": ["GRASSROOTS"], "department": "BTC-KT",
              "targets": [{"when": "EVERY_YEAR", "value": 100, "untilYear": 2018}, {"when": "BY_YEAR", "year": 2020, "value": 80.5}]},
             {"code": "CT15", "text": "Hàng năm mở từ 2-3 lớp tập huấn", "kind": "COUNT_IN_RANGE", "target": 2, "targetMax": 3,
              "reportingLevels": ["DISTRICT"], "targets": [], "deadlines": []},
             {"code": "MC1", "text": "Tổ chức hội nghị quán triệt", "kind": "MILESTONE", "target": 100, "reportingLevels": ["GRASSROOTS", "DISTRICT"],
              "deadlines": [{"level": "GRASSROOTS", "deadline": "2016-06-30"}, {"level": "DISTRICT"}]}]""";

    private static final String SCHEDULE = """
            [{"periodId": "2016", "label": "Báo cáo năm 2016", "from": "2016-01-01", "to": "2016-12-31", "dueDate": "2016-11-15",
              "reportingLevels": ["GRASSROOTS", "DISTRICT"]},
             {"periodId": "final", "label": "Báo cáo tổng kết", "from": "2016-01-01", "to": "2020-12-31", "dueDate": "2021-01-05"}]""";

    @Test
    void theEventCarriesTheIndicatorsAndScheduleExactlyAsTheBodyGaveThem() {
        PlanContent content = new PlanContent("54-CT/ĐTN", "ACTION_PROGRAM", "Chương trình hành động thực hiện Nghị quyết số 02-NQ/TU",
                "thoxuan", java.time.LocalDate.of(2016, 4, 28), "Thọ Xuân", null, null, java.time.LocalDate.of(2016, 1, 1),
                java.time.LocalDate.of(2020, 12, 31), null, null, null, null, null,
                JSON.readValue(INDICATORS, new TypeReference<List<PlanContent.Indicator>>() { }),
                JSON.readValue(SCHEDULE, new TypeReference<List<PlanContent.ReportingPeriod>>() { }), null, null, null, null);
        Plan plan = Plan.draft("plan-54", content);

        PlanIssued issued = plan.issued(2, "Điều chỉnh mục tiêu sau Đại hội");

        assertThat(issued.indicators()).isEqualTo(JSON.readValue(INDICATORS, new TypeReference<List<PlanIssued.Indicator>>() { }));
        assertThat(issued.schedule()).isEqualTo(JSON.readValue(SCHEDULE, new TypeReference<List<PlanIssued.ReportingPeriod>>() { }));
        assertThat(issued.indicators().get(0).targets().get(0).untilYear()).as("the last year of a yearly target").isEqualTo(2018);
        assertThat(issued.indicators().get(0).deadlines()).as("a missing list stays missing").isNull();
        assertThat(issued.indicators().get(1).targets()).as("an empty list stays empty").isEmpty();
        assertThat(issued.version()).isEqualTo(2);
        assertThat(issued.revisionReason()).isEqualTo("Điều chỉnh mục tiêu sau Đại hội");
    }

    @Test
    void aTaskIsPublishedAt100AndAWindowARegularReportAndTheRankingAsWritten() {
        String indicators = """
                [{"code": "NV1", "text": "Viết thu hoạch cá nhân, gửi về Ban Thường vụ Tỉnh đoàn", "kind": "TASK", "reportingLevels": ["DISTRICT"],
                  "department": "BTG"},
                 {"code": "MC1", "text": "Tổ chức Hội nghị học tập, quán triệt Nghị quyết 01", "kind": "MILESTONE", "target": 100,
                  "reportingLevels": ["PROVINCE"], "deadlines": [{"level": "PROVINCE", "deadline": "2018-10-31", "from": "2018-10-01"}]}]""";
        String schedule = """
                [{"periodId": "2019", "label": "Báo cáo năm 2019", "from": "2019-01-01", "to": "2019-12-31", "dueDate": "2019-11-15",
                  "reportingLevels": ["DISTRICT"], "withRegularReport": true}]""";
        String ranking = """
                {"weights": [{"indicatorCode": "MC1", "weight": 2}], "latePenalty": 10,
                 "classes": [{"name": "Xuất sắc", "minScore": 90}, {"name": "Khá", "minScore": 70}, {"name": "Yếu", "minScore": 0}]}""";
        PlanContent content = new PlanContent("66-KH/TĐTN-BTG", "PLAN", "Tổ chức học tập, tuyên truyền, triển khai Nghị quyết số 01", "thanhhoa",
                java.time.LocalDate.of(2018, 9, 25), "Thanh Hóa", null, null, java.time.LocalDate.of(2018, 9, 25), java.time.LocalDate.of(2022, 12, 31),
                null, null, null, null, null, JSON.readValue(indicators, new TypeReference<List<PlanContent.Indicator>>() { }),
                JSON.readValue(schedule, new TypeReference<List<PlanContent.ReportingPeriod>>() { }), null, null, null,
                JSON.readValue(ranking, PlanContent.Ranking.class));

        PlanIssued issued = Plan.draft("plan-66", content).issued(1, null);

        assertThat(issued.indicators().get(0).target()).as("a task has no target of its own").isEqualByComparingTo("100");
        assertThat(content.indicators().get(0).target()).as("and the stored plan keeps none").isNull();
        assertThat(issued.indicators().get(1).deadlines()).isEqualTo(JSON.readValue(
                "[{\"level\": \"PROVINCE\", \"deadline\": \"2018-10-31\", \"from\": \"2018-10-01\"}]",
                new TypeReference<List<PlanIssued.LevelDeadline>>() { }));
        assertThat(issued.schedule()).isEqualTo(JSON.readValue(schedule, new TypeReference<List<PlanIssued.ReportingPeriod>>() { }));
        assertThat(issued.ranking()).isEqualTo(JSON.readValue(ranking, PlanIssued.Ranking.class));
    }
}
