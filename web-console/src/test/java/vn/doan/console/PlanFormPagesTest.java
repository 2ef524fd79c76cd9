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

    @Test
    void allSixteenIndicatorsOfThoXuansProgramAreSentAsTyped() throws Exception {
        gateway.json("POST", "/api/plans", "{\"id\":\"P54\",\"status\":\"DRAFT\",\"version\":0,\"indicators\":[],\"schedule\":[]}");
        gateway.json("POST", "/api/plans/P54/issue", "{\"id\":\"P54\",\"status\":\"ISSUED\",\"version\":1,\"indicators\":[],\"schedule\":[]}");

        mvc.perform(program54()).andExpect(status().is3xxRedirection()).andExpect(header().string("Location", "/ke-hoach"));

        StringBuilder indicators = new StringBuilder();
        for (String[] row : PROGRAM_54) {
            String target = row[8].isEmpty() ? "" : "\"targetMax\":" + row[8] + ",";
            String year = row[6].equals("EVERY_YEAR") ? "null" : row[7];
            indicators.append(indicators.length() == 0 ? "" : ",").append("{\"code\":\"").append(row[0]).append("\",\"text\":\"").append(row[1])
                    .append("\",\"kind\":\"").append(row[2]).append("\",\"target\":").append(row[3]).append(",").append(target)
                    .append("\"reportingLevels\":[\"").append(row[4]).append("\"],\"department\":\"").append(row[5])
                    .append("\",\"targets\":[{\"when\":\"").append(row[6]).append("\",\"year\":").append(year).append(",\"value\":")
                    .append(row[6].equals("EVERY_YEAR") ? row[3] : row[9]).append(",\"untilYear\":null}]}");
        }
        assertThat(gateway.last("POST", "/api/plans").body()).isEqualTo("{\"number\":\"54-CT/ĐTN\",\"title\":\"" + TITLE_54 + "\","
                + "\"issuingUnitId\":\"U-THOXUAN\",\"issuedOn\":\"2016-04-28\",\"periodFrom\":\"2016-04-28\",\"periodTo\":\"2020-12-31\","
                + "\"indicators\":[" + indicators + "],"
                + "\"schedule\":[{\"periodId\":\"2016\",\"label\":\"Báo cáo kết quả thực hiện Chương trình hành động năm 2016\",\"from\":\"2016-04-28\","
                + "\"to\":\"2016-12-31\",\"dueDate\":\"2016-12-15\",\"reportingLevels\":[\"DISTRICT\",\"GRASSROOTS\"],\"withRegularReport\":true}],"
                + "\"implementingPlanDue\":null,\"implementingLevels\":[\"GRASSROOTS\"]}");
        assertThat(indicators.toString()).as("the last indicator, a range of a department of its own, is sent whole")
                .endsWith("{\"code\":\"CT16\",\"text\":\"Hàng năm giám sát, phản biện từ 2-3 đơn vị (cơ quan, tổ chức và cá nhân) theo quyết định 217, 218 "
                        + "của Bộ Chính trị\",\"kind\":\"COUNT_IN_RANGE\",\"target\":2,\"targetMax\":3,\"reportingLevels\":[\"DISTRICT\"],"
                        + "\"department\":\"UBKT\",\"targets\":[{\"when\":\"EVERY_YEAR\",\"year\":null,\"value\":2,\"untilYear\":null}]}");
    }

    @Test
    void aRefusalOfTheTwelfthIndicatorIsShownOnRowTwelveWithEverythingTypedKept() throws Exception {
        gateway.problem("POST", "/api/plans", 422, "indicators[11].targets[0].year", "Năm 2021 của chỉ tiêu CT12 nằm ngoài thời gian của kế hoạch.");

        String html = page(program54("i11.y0.year", "2021"), 200);

        assertThat(html.substring(html.indexOf("id=\"i11.y0.year\""), html.indexOf("id=\"i11.y0.value\"")))
                .contains("value=\"2021\"", "Năm 2021 của chỉ tiêu CT12 nằm ngoài thời gian của kế hoạch.");
        assertThat(html).containsOnlyOnce("Năm 2021 của chỉ tiêu CT12").contains("<legend>Chỉ tiêu 16</legend>")
                .doesNotContain("<legend>Chỉ tiêu 17</legend>", "name=\"i16.code\"");
        for (String[] row : PROGRAM_54) {
            int r = Integer.parseInt(row[0].substring(2)) - 1;
            assertThat(html).as(row[0] + " kept in its row").contains("id=\"i" + r + ".code\" name=\"i" + r + ".code\" value=\"" + row[0] + "\"",
                    "name=\"i" + r + ".text\" rows=\"2\">" + row[1] + "</textarea>", "name=\"i" + r + ".level." + row[4] + "\" checked");
        }
        assertThat(html).contains("id=\"i14.targetMax\" name=\"i14.targetMax\" value=\"3\"", "value=\"Báo cáo kết quả thực hiện Chương trình hành động năm 2016\"");

        gateway.problem("POST", "/api/plans", 422, "indicators[11].reportingLevels", "Chỉ tiêu CT12 phải có ít nhất một cấp báo cáo.");
        html = page(program54(), 200);
        assertThat(html.substring(html.indexOf("id=\"indicator-11\""), html.indexOf("id=\"indicator-12\"")))
                .as("a field the form never sent, of row 12, still lands on row 12").contains("Chỉ tiêu CT12 phải có ít nhất một cấp báo cáo.");
    }

    @Test
    void aRowIsAddedByHtmxOrBySendingTheFormAndTakenAwayWithTheRowsBelowMovedUp() throws Exception {
        // as htmx sends it: the add button's own name and value come along
        String row = page(as(get("/ke-hoach/moi/dong").param("add", "i").param("kind", "i").param("row", "16"), "bt.thoxuan", "U-THOXUAN", "CADRE"), 200);
        assertThat(row).as("the seventeenth row alone, and the button that adds the eighteenth in place of the old one")
                .contains("<fieldset class=\"indicator\" id=\"indicator-16\">", "<legend>Chỉ tiêu 17</legend>", "name=\"i16.y2.untilYear\"",
                        "name=\"i16.level.GRASSROOTS\" checked", "hx-get=\"/ke-hoach/moi/dong?kind=i&amp;row=17\"", "hx-swap-oob=\"true\"",
                        ">Bỏ chỉ tiêu 17</button>")
                .doesNotContain("<html", "indicator-15", "name=\"number\"");
        assertThat(page(as(get("/ke-hoach/moi/dong").param("add", "p").param("kind", "p").param("row", "4"), "bt.thoxuan", "U-THOXUAN", "CADRE"), 200))
                .contains("<legend>Kỳ báo cáo 5</legend>", "name=\"p4.due\"", "hx-get=\"/ke-hoach/moi/dong?kind=p&amp;row=5\"");
        assertThat(page(as(get("/ke-hoach/moi/dong").param("add", "i").param("kind", "i").param("row", "39"), "bt.thoxuan", "U-THOXUAN", "CADRE"), 200))
                .as("the fortieth row is the last").contains("<legend>Chỉ tiêu 40</legend>", "disabled", "Đã đủ 40 dòng");
        mvc.perform(as(get("/ke-hoach/moi/dong").param("add", "i").param("kind", "i").param("row", "40"), "bt.thoxuan", "U-THOXUAN", "CADRE"))
                .andExpect(status().isBadRequest());

        String added = page(program54("add", "i"), 200);
        assertThat(added).contains("<legend>Chỉ tiêu 17</legend>", "name=\"i16.level.GRASSROOTS\" checked", "value=\"CT16\"")
                .doesNotContain("<legend>Chỉ tiêu 18</legend>");
        String removed = page(program54("remove", "i2"), 200);
        assertThat(removed).as("CT03 taken away, CT04 to CT16 one row up")
                .contains("id=\"i2.code\" name=\"i2.code\" value=\"CT04\"", "id=\"i14.code\" name=\"i14.code\" value=\"CT16\"",
                        "id=\"i14.targetMax\" name=\"i14.targetMax\" value=\"3\"", "name=\"i14.level.DISTRICT\" checked", "<legend>Chỉ tiêu 15</legend>")
                .doesNotContain("value=\"CT03\"", "<legend>Chỉ tiêu 16</legend>");
        assertThat(gateway.received).as("adding or taking away a row sends nothing").isEmpty();
    }

    /** Code, text, kind, target, reporting level, department, when, year, target max, value by the year: 54-CT/ĐTN's indicators. */
    private static final String[][] PROGRAM_54 = {
            {"CT01", "Hàng năm 100% cán bộ Đoàn – Hội – Đội được tham gia các lớp tập huấn của tỉnh và của huyện", "SHARE_OF_PEOPLE", "100", "GRASSROOTS", "BTC-KT", "EVERY_YEAR", "", "", ""},
            {"CT02", "100% cơ sở đoàn hoạt động yếu kém được sinh hoạt ghép, sinh hoạt liên chi đoàn hoặc kiện toàn, sáp nhập các chi đoàn", "SHARE_OF_UNITS", "100", "GRASSROOTS", "BTC-KT", "BY_YEAR", "2018", "", "100"},
            {"CT03", "100% cơ sở đoàn hoạt động có hiệu quả với nội dung, phương thức mới phù hợp", "SHARE_OF_UNITS", "100", "GRASSROOTS", "BTC-KT", "BY_YEAR", "2018", "", "100"},
            {"CT04", "Thu hút 75% thanh niên vào tổ chức Đoàn - Hội", "SHARE_OF_PEOPLE", "75", "GRASSROOTS", "BDKTH", "BY_YEAR", "2018", "", "75"},
            {"CT05", "Đánh giá xếp loại hàng năm 85% số đơn vị đoàn cơ sở loại khá trở lên", "SHARE_OF_UNITS", "85", "GRASSROOTS", "BTC-KT", "EVERY_YEAR", "", "", ""},
            {"CT06", "100% Đoàn cơ sở có phòng làm việc riêng và có trang thiết bị đảm bảo hoạt động", "SHARE_OF_UNITS", "100", "GRASSROOTS", "VP", "BY_YEAR", "2019", "", "100"},
            {"CT07", "Tỷ lệ hộ nghèo do Đoàn viên - Hội viên làm chủ giảm còn 3%", "RATE_AT_MOST", "3", "GRASSROOTS", "BDKTH", "BY_YEAR", "2019", "", "3"},
            {"CT08", "100% cán bộ đoàn cấp huyện có trình độ Đại học chính quy và trên Đại học", "SHARE_OF_PEOPLE", "100", "DISTRICT", "BTC-KT", "BY_YEAR", "2020", "", "100"},
            {"CT09", "Bí thư Huyện Đoàn có trình độ lý luận cao cấp", "YES_NO", "100", "DISTRICT", "BTC-KT", "BY_YEAR", "2020", "", "100"},
            {"CT10", "50% Phó Bí thư Huyện Đoàn có trình độ lý luận cao cấp", "SHARE_OF_PEOPLE", "50", "DISTRICT", "BTC-KT", "BY_YEAR", "2020", "", "50"},
            {"CT11", "100% Bí thư, Phó Bí thư Đoàn các xã, thị trấn có trình độ Đại học", "SHARE_OF_PEOPLE", "100", "GRASSROOTS", "BTC-KT", "BY_YEAR", "2020", "", "100"},
            {"CT12", "100% Bí thư Đoàn cấp xã có trình độ Trung cấp lý luận", "SHARE_OF_PEOPLE", "100", "GRASSROOTS", "BTC-KT", "BY_YEAR", "2020", "", "100"},
            {"CT13", "50% Phó Bí thư đoàn cấp xã có trình độ Trung cấp lý luận", "SHARE_OF_PEOPLE", "50", "GRASSROOTS", "BTC-KT", "BY_YEAR", "2020", "", "50"},
            {"CT14", "Thành lập 50% cơ sở Đoàn - Hội trên tổng số các doanh nghiệp đủ điều kiện thành lập trên địa bàn huyện", "SHARE_OF_UNITS", "50", "DISTRICT", "BTC-KT", "BY_YEAR", "2020", "", "50"},
            {"CT15", "Hàng năm mở từ 2-3 lớp tập huấn để bồi dưỡng, tập huấn nâng cao kỹ năng, nghiệp vụ cho đội ngũ cán bộ Đoàn – Hội – Đội chủ chốt", "COUNT_IN_RANGE", "2", "DISTRICT", "BTC-KT", "EVERY_YEAR", "", "3", ""},
            {"CT16", "Hàng năm giám sát, phản biện từ 2-3 đơn vị (cơ quan, tổ chức và cá nhân) theo quyết định 217, 218 của Bộ Chính trị", "COUNT_IN_RANGE", "2", "DISTRICT", "UBKT", "EVERY_YEAR", "", "3", ""}};

    private static final String TITLE_54 = "Chương trình hành động thực hiện Nghị quyết số 02-NQ/TU của Ban Thường vụ Tỉnh ủy “về tiếp tục đổi mới, "
            + "nâng cao chất lượng hoạt động của Mặt trận Tổ quốc, các đoàn thể chính trị - xã hội tỉnh Thanh Hóa giai đoạn 2015 - 2020”";

    /**
     * Chương trình hành động 54-CT/ĐTN of Huyện đoàn Thọ Xuân typed in the form, its 16 indicators on rows 1 to 16 (each row sends
     * its text boxes, empty ones too, as a browser does), one yearly report with the regular one, with {@code changed} fields.
     */
    private MockHttpServletRequestBuilder program54(String... changed) {
        java.util.Map<String, String> typed = new java.util.LinkedHashMap<>();
        String[] plan = {"number", "54-CT/ĐTN", "title", TITLE_54, "issuedOn", "28/04/2016", "periodFrom", "28/04/2016", "periodTo", "31/12/2020",
                "p0.label", "Báo cáo kết quả thực hiện Chương trình hành động năm 2016", "p0.from", "28/04/2016", "p0.to", "31/12/2016",
                "p0.due", "15/12/2016", "p0.level.DISTRICT", "on", "p0.level.GRASSROOTS", "on", "p0.regular", "on",
                "implementing.GRASSROOTS", "on", "implementingPlanDue", ""};
        for (int i = 0; i < plan.length; i += 2) {
            typed.put(plan[i], plan[i + 1]);
        }
        for (int r = 0; r < PROGRAM_54.length; r++) {
            String[] row = PROGRAM_54[r];
            String p = "i" + r + ".";
            typed.put(p + "code", row[0]);
            typed.put(p + "text", row[1]);
            typed.put(p + "kind", row[2]);
            typed.put(p + "target", row[3]);
            typed.put(p + "targetMax", row[8]);
            typed.put(p + "level." + row[4], "on");
            typed.put(p + "department", row[5]);
            typed.put(p + "y0.when", row[6]);
            typed.put(p + "y0.year", row[7]);
            typed.put(p + "y0.value", row[6].equals("EVERY_YEAR") ? row[3] : row[9]);
            typed.put(p + "y0.untilYear", "");
            for (int t = 1; t < 3; t++) {
                typed.put(p + "y" + t + ".when", "");
                typed.put(p + "y" + t + ".value", "");
            }
            for (String level : java.util.List.of("PROVINCE", "DISTRICT", "GRASSROOTS", "BRANCH")) {
                typed.put(p + "deadline." + level, "");
                typed.put(p + "from." + level, "");
            }
        }
        for (int i = 0; i < changed.length; i += 2) {
            typed.put(changed[i], changed[i + 1]);
        }
        MockHttpServletRequestBuilder request = as(post("/ke-hoach"), "bt.thoxuan", "U-THOXUAN", "CADRE").with(csrf());
        typed.forEach((name, value) -> request.param(name, value));
        return request;
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
