package vn.doan.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The plan issue form writes what plan-service's plan takes: every kind of indicator (a task included), targets over the
 * years, the reporting levels, a deadline (or window) per level, periods with several levels or going with the regular report,
 * and the levels that must make an implementing plan; a refusal lands next to the field it names and keeps all that was typed.
 */
class PlanFormPagesTest extends ConsoleTestBase {

    @BeforeEach
    void fresh() {
        gateway.clear();
    }

    @Test
    void theFormOffersEveryKindTheYearlyTargetsAndADeadlinePerLevel() throws Exception {
        String html = page(as(get("/ke-hoach/moi"), "bt.thoxuan", "U-THOXUAN", "CADRE"), 200);
        assertThat(html).contains("<option value=\"TASK\">Nhiệm vụ (hoàn thành / chưa)</option>", "<option value=\"MILESTONE\">Mốc hoàn thành</option>",
                "<option value=\"EVERY_YEAR\">Hằng năm</option>", "<option value=\"BY_YEAR\">Đến năm</option>",
                "<option value=\"END_OF_PLAN\">Đến hết giai đoạn</option>", "name=\"i3.y2.untilYear\"", "name=\"i0.deadline.DISTRICT\"",
                "name=\"i0.from.BRANCH\"", "Cấp Huyện: hạn hoàn thành (dd/mm/yyyy)", "name=\"i0.department\"", "name=\"p1.regular\"",
                "name=\"implementing.GRASSROOTS\"", "name=\"implementingPlanDue\"");
        assertThat(html).as("each indicator and period is reported by the grassroots level until the user says otherwise")
                .contains("name=\"i0.level.GRASSROOTS\" checked", "name=\"p3.level.GRASSROOTS\" checked")
                .doesNotContain("name=\"i0.level.DISTRICT\" checked");
    }

    @Test
    void aPlanWithATaskTargetsOverTheYearsAndDeadlinesPerLevelIsSentAsPlanServiceTakesIt() throws Exception {
        gateway.json("POST", "/api/plans", "{\"id\":\"P12\",\"status\":\"DRAFT\",\"version\":0,\"indicators\":[],\"schedule\":[]}");
        gateway.json("POST", "/api/plans/P12/issue", "{\"id\":\"P12\",\"status\":\"ISSUED\",\"version\":1,\"indicators\":[],\"schedule\":[]}");

        mvc.perform(thoXuansPlan()).andExpect(status().is3xxRedirection()).andExpect(header().string("Location", "/ke-hoach"));

        String sent = gateway.last("POST", "/api/plans").body();
        assertThat(sent).contains("\"periodFrom\":\"2026-01-01\",\"periodTo\":\"2030-12-31\"",
                "{\"code\":\"CT01\",\"text\":\"Cán bộ Đoàn cơ sở được tập huấn nghiệp vụ\",\"kind\":\"SHARE_OF_PEOPLE\",\"target\":100,"
                        + "\"reportingLevels\":[\"GRASSROOTS\",\"BRANCH\"],\"targets\":[{\"when\":\"EVERY_YEAR\",\"year\":2026,\"value\":50,\"untilYear\":2027},"
                        + "{\"when\":\"BY_YEAR\",\"year\":2028,\"value\":100,\"untilYear\":null}]}",
                "{\"code\":\"CT02\",\"text\":\"Tổ chức Đại hội Đoàn các cấp nhiệm kỳ 2027 – 2032\",\"kind\":\"MILESTONE\",\"target\":100,"
                        + "\"reportingLevels\":[\"DISTRICT\",\"GRASSROOTS\"],\"deadlines\":[{\"level\":\"DISTRICT\",\"deadline\":\"2027-10-31\",\"from\":\"2027-10-01\"},"
                        + "{\"level\":\"GRASSROOTS\",\"deadline\":\"2027-06-30\",\"from\":null}]}",
                "{\"code\":\"CT03\",\"text\":\"Xây dựng công trình thanh niên “Thắp sáng đường quê”\",\"kind\":\"TASK\",\"target\":null,"
                        + "\"reportingLevels\":[\"GRASSROOTS\"],\"department\":\"Ban Phong trào\",\"deadlines\":[{\"level\":\"GRASSROOTS\",\"deadline\":\"2026-09-30\",\"from\":null}]}",
                "{\"periodId\":\"2026\",\"label\":\"Báo cáo năm 2026\",\"from\":\"2026-01-01\",\"to\":\"2026-12-31\",\"dueDate\":\"2026-11-15\","
                        + "\"reportingLevels\":[\"DISTRICT\",\"GRASSROOTS\"]}",
                "{\"periodId\":\"2027-1\",\"label\":\"Báo cáo 6 tháng đầu năm 2027\",\"from\":\"2027-01-01\",\"to\":\"2027-06-30\",\"dueDate\":\"2027-05-15\","
                        + "\"reportingLevels\":[\"GRASSROOTS\"],\"withRegularReport\":true}",
                "\"implementingPlanDue\":\"2026-03-15\",\"implementingLevels\":[\"GRASSROOTS\"]");
        assertThat(sent).as("the empty second row is not sent").doesNotContain("\"code\":\"\"");
    }

    @Test
    void aRefusalOfADeadlineOrAYearlyTargetIsShownNextToItAndEverythingTypedIsKept() throws Exception {
        gateway.problem("POST", "/api/plans", 422, "indicators[1].deadlines[0].from",
                "Khoảng thời gian của mốc CT02 không hợp lệ: ngày bắt đầu sau hạn hoàn thành.");

        String html = page(thoXuansPlan(), 200);

        assertThat(html.substring(html.indexOf("id=\"i2.from.DISTRICT\""), html.indexOf("id=\"i2.deadline.GRASSROOTS\"")))
                .as("the second indicator sent is the form's third row; its first deadline is the district's")
                .contains("value=\"01/10/2027\"", "Khoảng thời gian của mốc CT02 không hợp lệ: ngày bắt đầu sau hạn hoàn thành.");
        assertThat(html).contains("value=\"Ban Phong trào\"", "name=\"i0.level.BRANCH\" checked", "name=\"p1.regular\" checked",
                "name=\"implementing.GRASSROOTS\" checked", "<option value=\"TASK\" selected=\"selected\">", "value=\"15/03/2026\"",
                "<option value=\"BY_YEAR\" selected=\"selected\">");

        gateway.problem("POST", "/api/plans", 422, "indicators[0].targets[1].year", "Năm 2031 của chỉ tiêu CT01 nằm ngoài thời gian của kế hoạch.");
        html = page(thoXuansPlan("i0.y1.year", "2031"), 200);
        assertThat(html.substring(html.indexOf("id=\"i0.y1.year\""), html.indexOf("id=\"i0.y1.value\"")))
                .contains("value=\"2031\"", "Năm 2031 của chỉ tiêu CT01 nằm ngoài thời gian của kế hoạch.");

        gateway.problem("POST", "/api/plans", 422, "schedule[1].dueDate", "Hạn nộp 15/05/2027 nằm ngoài thời gian của kế hoạch.");
        html = page(thoXuansPlan(), 200);
        assertThat(html.substring(html.indexOf("id=\"p1.due\""), html.indexOf("name=\"p1.level.PROVINCE\"")))
                .contains("Hạn nộp 15/05/2027 nằm ngoài thời gian của kế hoạch.");

        html = page(thoXuansPlan("i0.y0.untilYear", "hai bảy"), 200);
        assertThat(html).contains("Năm gồm 4 chữ số, ví dụ 2027.");
        assertThat(gateway.received.stream().filter(r -> r.path().equals("/api/plans")).count()).as("a year that is no year is not sent").isEqualTo(3);
    }

    /**
     * Thọ Xuân's plan for 2026–2030 as typed (a share with yearly targets, the second row left empty, a milestone with a district
     * window, a task of a department), with {@code changed} fields typed otherwise (name, value, name, value…).
     */
    private MockHttpServletRequestBuilder thoXuansPlan(String... changed) {
        java.util.Map<String, String> typed = new java.util.LinkedHashMap<>();
        String[] plan = {
                "number", "12-KH/ĐTN",
                "title", "Kế hoạch thực hiện Chương trình 54-CT/ĐTN giai đoạn 2026 – 2030",
                "issuedOn", "05/01/2026",
                "periodFrom", "01/01/2026",
                "periodTo", "31/12/2030",
                "i0.code", "CT01",
                "i0.text", "Cán bộ Đoàn cơ sở được tập huấn nghiệp vụ",
                "i0.kind", "SHARE_OF_PEOPLE",
                "i0.target", "100",
                "i0.level.GRASSROOTS", "on",
                "i0.level.BRANCH", "on",
                "i0.y0.when", "EVERY_YEAR",
                "i0.y0.year", "2026",
                "i0.y0.value", "50",
                "i0.y0.untilYear", "2027",
                "i0.y1.when", "BY_YEAR",
                "i0.y1.year", "2028",
                "i0.y1.value", "100",
                "i1.kind", "SHARE_OF_PEOPLE",
                "i1.level.GRASSROOTS", "on",
                "i2.code", "CT02",
                "i2.text", "Tổ chức Đại hội Đoàn các cấp nhiệm kỳ 2027 – 2032",
                "i2.kind", "MILESTONE",
                "i2.target", "100",
                "i2.level.DISTRICT", "on",
                "i2.level.GRASSROOTS", "on",
                "i2.deadline.DISTRICT", "31/10/2027",
                "i2.from.DISTRICT", "01/10/2027",
                "i2.deadline.GRASSROOTS", "30/06/2027",
                "i3.code", "CT03",
                "i3.text", "Xây dựng công trình thanh niên “Thắp sáng đường quê”",
                "i3.kind", "TASK",
                "i3.target", "",
                "i3.level.GRASSROOTS", "on",
                "i3.department", "Ban Phong trào",
                "i3.deadline.GRASSROOTS", "30/09/2026",
                "p0.label", "Báo cáo năm 2026",
                "p0.from", "01/01/2026",
                "p0.to", "31/12/2026",
                "p0.due", "15/11/2026",
                "p0.level.DISTRICT", "on",
                "p0.level.GRASSROOTS", "on",
                "p1.label", "Báo cáo 6 tháng đầu năm 2027",
                "p1.from", "01/01/2027",
                "p1.to", "30/06/2027",
                "p1.due", "15/05/2027",
                "p1.level.GRASSROOTS", "on",
                "p1.regular", "on",
                "implementing.GRASSROOTS", "on",
                "implementingPlanDue", "15/03/2026"};
        for (int i = 0; i < plan.length; i += 2) {
            typed.put(plan[i], plan[i + 1]);
        }
        for (int i = 0; i < changed.length; i += 2) {
            typed.put(changed[i], changed[i + 1]);
        }
        MockHttpServletRequestBuilder request = as(post("/ke-hoach"), "bt.thoxuan", "U-THOXUAN", "CADRE").with(csrf());
        typed.forEach((name, value) -> request.param(name, value));
        return request;
    }
}
