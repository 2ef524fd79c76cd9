package vn.doan.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The plans, organisation tree and users pages: what they show from the services and what they send. */
class AdminPagesTest extends ConsoleTestBase {

    @BeforeEach
    void fresh() {
        gateway.clear();
        gateway.json("GET", "/api/units/U-THOXUAN", """
                {"id":"U-THOXUAN","code":"HD-THOXUAN","name":"Huyện đoàn Thọ Xuân","level":"DISTRICT","parentId":"U-THANHHOA",
                 "ancestorIds":["U-THANHHOA"],"status":"ACTIVE"}""");
        gateway.json("GET", "/api/units?parentId=U-THOXUAN", """
                [{"id":"U-THOLAP","code":"CS-THOXUAN-1","name":"Đoàn xã Thọ Lập","level":"GRASSROOTS","parentId":"U-THOXUAN"},
                 {"id":"U-XUANHOA","code":"CS-THOXUAN-2","name":"Đoàn xã Xuân Hòa","level":"GRASSROOTS","parentId":"U-THOXUAN"}]""");
    }

    @Test
    void theDistrictSeesItsPlansAndTheCommunesOverdueWithTheirImplementingPlan() throws Exception {
        gateway.json("GET", "/api/plans?issuingUnitId=U-THOXUAN", """
                [{"id":"P12","status":"ISSUED","version":2,"number":"12-KH/ĐTN","title":"Kế hoạch thực hiện Chương trình 54-CT/ĐTN",
                  "issuingUnitId":"U-THOXUAN","periodFrom":"2026-01-01","periodTo":"2026-12-31","indicators":[],"schedule":[]}]""");
        gateway.json("GET", "/api/plans?issuingUnitId=U-THANHHOA", "[]");
        gateway.json("GET", "/api/plans/P12/implementation", """
                {"planId":"P12","issuedOnTime":1,"issuedLate":0,"notYetDue":0,"overdue":1,"units":[
                 {"unitId":"U-THOLAP","unitName":"Đoàn xã Thọ Lập","level":"GRASSROOTS","due":"2026-03-15","state":"ISSUED_ON_TIME"},
                 {"unitId":"U-XUANHOA","unitName":"Đoàn xã Xuân Hòa","level":"GRASSROOTS","due":"2026-03-15","state":"OVERDUE"}]}""");
        String html = page(as(get("/ke-hoach"), "bt.thoxuan", "U-THOXUAN", "CADRE"), 200);
        assertThat(html).contains("12-KH/ĐTN – Kế hoạch thực hiện Chương trình 54-CT/ĐTN", "Đã ban hành", "phiên bản 2",
                "01/01/2026 – 31/12/2026", "1 đúng hạn, 0 trễ, 0 chưa đến hạn, 1 quá hạn chưa ban hành", "Đoàn xã Xuân Hòa (15/03/2026)");
        assertThat(html).doesNotContain("Đoàn xã Thọ Lập (15/03/2026)");
    }

    @Test
    void revisingAPlanChangesItsDueDatesWithAReasonAndSendsBackEverythingElseAsIssued() throws Exception {
        gateway.json("GET", "/api/plans/P12", """
                {"id":"P12","status":"ISSUED","version":1,"revisions":[{"version":1,"reason":"Ban hành","revisedOn":"2026-01-05"}],
                 "closedOn":null,"closeReason":null,"number":"12-KH/ĐTN","goals":"Nâng cao chất lượng đội ngũ cán bộ Đoàn cơ sở",
                 "signer":{"onBehalfOf":"TM. Ban Thường vụ","position":"Bí thư","name":"Lê Văn Thành"},
                 "recurringReports":[{"frequency":"YEAR","dueDay":"15/11","label":"Báo cáo năm","reportingLevels":["GRASSROOTS"]}],
                 "title":"Kế hoạch thực hiện Chương trình 54-CT/ĐTN","issuingUnitId":"U-THOXUAN","issuedOn":"2026-01-05",
                 "periodFrom":"2026-01-01","periodTo":"2026-12-31","recipients":[{"name":"67 cơ sở Đoàn","purpose":"CARRY_OUT"}],
                 "indicators":[{"code":"CT1","text":"Cán bộ Đoàn cơ sở được tập huấn","kind":"SHARE_OF_PEOPLE","target":100,
                                "reportingLevels":["GRASSROOTS"],"targets":[{"when":"EVERY_YEAR","year":null,"value":100}]}],
                 "schedule":[{"periodId":"2026","label":"Báo cáo năm 2026","from":"2026-01-01","to":"2026-12-31","dueDate":"2026-11-15",
                              "reportingLevels":["GRASSROOTS"]}]}""");
        assertThat(page(as(get("/ke-hoach/P12/dieu-chinh"), "bt.thoxuan", "U-THOXUAN", "CADRE"), 200))
                .contains("12-KH/ĐTN – Kế hoạch thực hiện Chương trình 54-CT/ĐTN", "Hạn nộp Báo cáo năm 2026 (dd/mm/yyyy)", "value=\"15/11/2026\"");
        assertThat(page(as(post("/ke-hoach/P12/dieu-chinh"), "bt.thoxuan", "U-THOXUAN", "CADRE").with(csrf()).param("due-2026", "31/11/2026")
                .param("text-CT1", "Cán bộ Đoàn cơ sở được tập huấn").param("target-CT1", "100").param("reason", "Lùi hạn"), 200)).as("31/11 is no date: kept as typed, nothing sent").contains("ví dụ 15/12/2026: 31/11/2026", "Lùi hạn");
        assertThat(gateway.received).noneMatch(r -> r.path().equals("/api/plans/P12/revisions"));

        gateway.json("POST", "/api/plans/P12/revisions", "{\"id\":\"P12\",\"status\":\"ISSUED\",\"version\":2,\"indicators\":[],\"schedule\":[]}");
        long readsBefore = plansRead("P12");
        mvc.perform(as(post("/ke-hoach/P12/dieu-chinh"), "bt.thoxuan", "U-THOXUAN", "CADRE").with(csrf()).param("due-2026", "15/12/2026")
                        .param("text-CT1", "Cán bộ Đoàn cơ sở được tập huấn").param("target-CT1", "100").param("reason", "Lùi hạn báo cáo năm để các cơ sở tổng kết sau Đại hội Đoàn"))
                .andExpect(status().is3xxRedirection()).andExpect(header().string("Location", "/ke-hoach"))
                .andExpect(flash().attribute("notice", "plan.revised"));
        assertThat(gateway.last("POST", "/api/plans/P12/revisions").body())
                .startsWith("{\"reason\":\"Lùi hạn báo cáo năm để các cơ sở tổng kết sau Đại hội Đoàn\",\"plan\":{")
                .contains("\"recipients\":[{\"name\":\"67 cơ sở Đoàn\",\"purpose\":\"CARRY_OUT\"}]",
                        "\"targets\":[{\"when\":\"EVERY_YEAR\",\"year\":null,\"value\":100}]", "\"dueDate\":\"2026-12-15\"")
                .contains("\"goals\":\"Nâng cao chất lượng đội ngũ cán bộ Đoàn cơ sở\"", "\"signer\":{\"onBehalfOf\":\"TM. Ban Thường vụ\"")
                .as("what plan-service manages is not sent back, nor the recurring reports already in the schedule")
                .doesNotContain("\"id\"", "\"status\"", "\"version\"", "\"revisions\"", "\"closedOn\"", "\"closeReason\"",
                        "\"recurringReports\"", "2026-11-15");
        assertThat(plansRead("P12") - readsBefore).as("the plan is read once to be sent back").isEqualTo(1);
    }

    @Test
    void revisingAPlanChangesTheWordingAndTargetsOfItsIndicators() throws Exception {
        gateway.json("GET", "/api/plans/P14", """
                {"id":"P14","status":"ISSUED","version":2,"number":"66-KH/TĐTN-BTG","title":"Kế hoạch tuyên truyền năm 2026",
                 "issuingUnitId":"U-THANHHOA","issuedOn":"2026-02-10","periodFrom":"2026-01-01","periodTo":"2026-12-31",
                 "indicators":[{"code":"CT1","text":"Đoàn viên được học tập Nghị quyết","kind":"SHARE_OF_PEOPLE","target":85,
                                "reportingLevels":["GRASSROOTS"],"department":"BTG"},
                               {"code":"CT2","text":"Buổi sinh hoạt chuyên đề mỗi cơ sở","kind":"COUNT_IN_RANGE","target":1,"targetMax":2,
                                "reportingLevels":["GRASSROOTS"]}],
                 "schedule":[{"periodId":"2026","label":"Báo cáo năm 2026","from":"2026-01-01","to":"2026-12-31","dueDate":"2026-11-15",
                              "reportingLevels":["GRASSROOTS"]}]}""");
        String form = page(as(get("/ke-hoach/P14/dieu-chinh"), "bt.tinhdoan", "U-THANHHOA", "CADRE"), 200);
        assertThat(form).contains("Đoàn viên được học tập Nghị quyết", "id=\"target-CT1\"", "value=\"85\"", "id=\"targetMax-CT2\"",
                "value=\"2\"", "Mức chỉ tiêu: từ");
        assertThat(form.substring(form.indexOf("id=\"revise-CT1\""), form.indexOf("id=\"revise-CT2\"")))
                .as("only a range has an upper bound").doesNotContain("targetMax");

        assertThat(page(as(post("/ke-hoach/P14/dieu-chinh"), "bt.tinhdoan", "U-THANHHOA", "CADRE").with(csrf()).param("due-2026", "15/11/2026")
                .param("text-CT1", "Đoàn viên được học tập Nghị quyết").param("target-CT1", "tám mươi lăm").param("text-CT2", "Buổi sinh hoạt")
                .param("target-CT2", "1").param("targetMax-CT2", "2").param("reason", "Điều chỉnh chỉ tiêu"), 200))
                .as("kept as typed, nothing sent").contains("Chỉ tiêu CT1: mức chỉ tiêu là một số, ví dụ 90 hoặc 1.234,5: tám mươi lăm",
                        "value=\"tám mươi lăm\"");
        assertThat(gateway.received).noneMatch(r -> r.path().equals("/api/plans/P14/revisions"));

        gateway.json("POST", "/api/plans/P14/revisions", "{\"id\":\"P14\",\"status\":\"ISSUED\",\"version\":3,\"indicators\":[],\"schedule\":[]}");
        mvc.perform(as(post("/ke-hoach/P14/dieu-chinh"), "bt.tinhdoan", "U-THANHHOA", "CADRE").with(csrf()).param("due-2026", "15/11/2026")
                        .param("text-CT1", "Đoàn viên, thanh niên được học tập Nghị quyết").param("target-CT1", "84,5")
                        .param("text-CT2", "Buổi sinh hoạt chuyên đề mỗi cơ sở").param("target-CT2", "2").param("targetMax-CT2", "3")
                        .param("reason", "Mở rộng đối tượng học tập Nghị quyết"))
                .andExpect(status().is3xxRedirection()).andExpect(header().string("Location", "/ke-hoach"));
        assertThat(gateway.last("POST", "/api/plans/P14/revisions").body())
                .contains("{\"code\":\"CT1\",\"text\":\"Đoàn viên, thanh niên được học tập Nghị quyết\",\"kind\":\"SHARE_OF_PEOPLE\",\"target\":84.5,"
                        + "\"reportingLevels\":[\"GRASSROOTS\"],\"department\":\"BTG\"}", "\"target\":2,", "\"targetMax\":3,",
                        "\"dueDate\":\"2026-11-15\"");
    }

    private long plansRead(String planId) {
        return gateway.received.stream().filter(r -> r.method().equals("GET") && r.path().equals("/api/plans/" + planId)).count();
    }

    @Test
    void issuingAPlanSendsItsIndicatorsAndPeriodsAndShowsARefusalNextToItsField() throws Exception {
        gateway.json("POST", "/api/plans", "{\"id\":\"P13\",\"status\":\"DRAFT\",\"version\":0,\"indicators\":[],\"schedule\":[]}");
        gateway.problem("POST", "/api/plans/P13/issue", 422, "indicators[0].target",
                "Chỉ tiêu CT1 có mức 120 không hợp lệ (tỷ lệ phải từ 0 đến 100%).");
        String html = page(as(post("/ke-hoach"), "bt.thoxuan", "U-THOXUAN", "CADRE").with(csrf()).param("number", "13-KH/ĐTN")
                .param("title", "Kế hoạch tập huấn cán bộ Đoàn năm 2026").param("issuedOn", "05/01/2026").param("periodFrom", "01/01/2026")
                .param("periodTo", "31/12/2026").param("i0.code", "CT1").param("i0.text", "Cán bộ Đoàn cơ sở được tập huấn")
                .param("i0.kind", "SHARE_OF_PEOPLE").param("i0.target", "120").param("i0.level.GRASSROOTS", "on")
                .param("p0.label", "Báo cáo năm 2026").param("p0.from", "01/01/2026").param("p0.to", "31/12/2026")
                .param("p0.due", "15/11/2026").param("p0.level.GRASSROOTS", "on"), 200);
        String ct1 = html.substring(html.indexOf("id=\"i0.target\""), html.indexOf("id=\"i0.targetMax\""));
        assertThat(ct1).contains("value=\"120\"", "Chỉ tiêu CT1 có mức 120 không hợp lệ (tỷ lệ phải từ 0 đến 100%).");
        assertThat(html).contains("name=\"planId\" value=\"P13\"");
        assertThat(gateway.last("POST", "/api/plans").body()).contains("\"number\":\"13-KH/ĐTN\"", "\"issuingUnitId\":\"U-THOXUAN\"",
                "\"issuedOn\":\"2026-01-05\"", "\"code\":\"CT1\"", "\"kind\":\"SHARE_OF_PEOPLE\"", "\"target\":120",
                "\"reportingLevels\":[\"GRASSROOTS\"]", "\"periodId\":\"2026\"", "\"dueDate\":\"2026-11-15\"");
    }

    @Test
    void theAdministratorSeesAUnitsChildrenAndAddsAUnitUnderIt() throws Exception {
        String html = page(as(get("/to-chuc?unitId=U-THOXUAN"), "quantri", null, "ADMIN"), 200);
        assertThat(html).contains("Huyện đoàn Thọ Xuân (HD-THOXUAN)", "Đoàn xã Thọ Lập (CS-THOXUAN-1)", "Đoàn xã Xuân Hòa (CS-THOXUAN-2)",
                "Hợp nhất các đơn vị đã chọn", "Đổi tên", "Giải thể", "<label for=\"code\"");
        gateway.json("POST", "/api/units", "{\"id\":\"U-NEW\",\"code\":\"CS-THOXUAN-3\",\"name\":\"Đoàn xã Xuân Lập\"}");
        mvc.perform(as(post("/to-chuc/don-vi"), "quantri", null, "ADMIN").with(csrf()).param("parentId", "U-THOXUAN")
                        .param("code", "CS-THOXUAN-3").param("name", "Đoàn xã Xuân Lập").param("level", "GRASSROOTS").param("kind", "commune")
                        .param("effectiveFrom", "01/12/2026"))
                .andExpect(status().is3xxRedirection()).andExpect(header().string("Location", "/to-chuc?unitId=U-THOXUAN"))
                .andExpect(flash().attribute("notice", "tree.changed"));
        assertThat(gateway.last("POST", "/api/units").body()).isEqualTo("{\"code\":\"CS-THOXUAN-3\",\"name\":\"Đoàn xã Xuân Lập\","
                + "\"level\":\"GRASSROOTS\",\"kind\":\"commune\",\"parentId\":\"U-THOXUAN\",\"effectiveFrom\":\"2026-12-01\"}");
    }

    @Test
    void theAdministratorSplitsADistrictAndSaysWhereEachChildGoes() throws Exception {
        String html = page(as(get("/to-chuc?unitId=U-THOXUAN"), "quantri", null, "ADMIN"), 200);
        assertThat(html).contains("Tách đơn vị", "<label for=\"split-child-U-THOLAP\">Đoàn xã Thọ Lập chuyển về</label>",
                "name=\"child-U-XUANHOA\"", "<label for=\"split-code-2\">Mã đơn vị mới 2</label>", "id=\"unit-users\"",
                "/nguoi-dung?unitId=U-THOXUAN");
        gateway.json("POST", "/api/units/U-THOXUAN/split", "[]");
        mvc.perform(as(post("/to-chuc/U-THOXUAN/split"), "quantri", null, "ADMIN").with(csrf()).param("back", "U-THANHHOA")
                        .param("code-1", "HD-THOXUAN-B").param("name-1", "Huyện đoàn Thọ Xuân (phía Bắc)")
                        .param("code-2", "HD-THOXUAN-N").param("name-2", "Huyện đoàn Thọ Xuân (phía Nam)").param("kind", "district")
                        .param("child-U-THOLAP", "1").param("child-U-XUANHOA", "2").param("effectiveFrom", "01/01/2027"))
                .andExpect(status().is3xxRedirection()).andExpect(header().string("Location", "/to-chuc?unitId=U-THANHHOA"))
                .andExpect(flash().attribute("notice", "tree.changed"));
        assertThat(gateway.last("POST", "/api/units/U-THOXUAN/split").body()).isEqualTo("{\"effectiveFrom\":\"2027-01-01\",\"parts\":["
                + "{\"code\":\"HD-THOXUAN-B\",\"name\":\"Huyện đoàn Thọ Xuân (phía Bắc)\",\"kind\":\"district\"},"
                + "{\"code\":\"HD-THOXUAN-N\",\"name\":\"Huyện đoàn Thọ Xuân (phía Nam)\",\"kind\":\"district\"}],"
                + "\"childAssignments\":{\"U-THOLAP\":\"HD-THOXUAN-B\",\"U-XUANHOA\":\"HD-THOXUAN-N\"}}");
    }

    @Test
    void theCsvImportShowsItsRowsFirstAndItsErrorsByRowWhenRefused() throws Exception {
        String csv = "code,name,level,kind,parentCode,effectiveFrom\nCS-THOXUAN-4,Đoàn xã Xuân Tín,GRASSROOTS,commune,HD-THOXUAN,01/12/2026\n"
                + "CS-THOXUAN-5,,GRASSROOTS,commune,HD-KHONGCO,01/12/2026";
        String preview = page(as(post("/to-chuc/nhap"), "quantri", null, "ADMIN").with(csrf()).param("csv", csv), 200);
        assertThat(preview).contains("<td>Đoàn xã Xuân Tín</td>", "<td>HD-KHONGCO</td>");
        assertThat(gateway.received).as("a preview sends nothing").isEmpty();
        gateway.answer("POST", "/api/units/import", 422, "application/problem+json", """
                {"status":422,"field":"rows[1].name","detail":"2 of 2 rows","detail_vi":"1 trên 2 dòng không hợp lệ; chưa nhập dòng nào.",
                 "errors":[{"row":2,"code":"CS-THOXUAN-5","field":"name","detailVi":"Thiếu tên đơn vị."},
                           {"row":2,"code":"CS-THOXUAN-5","field":"parentCode","detailVi":"Không có đơn vị HD-KHONGCO."}]}""");
        String refused = page(as(post("/to-chuc/nhap"), "quantri", null, "ADMIN").with(csrf()).param("csv", csv).param("send", "1"), 200);
        assertThat(refused).contains("1 trên 2 dòng không hợp lệ; chưa nhập dòng nào.", "Dòng 2 (name): Thiếu tên đơn vị.",
                "Dòng 2 (parentCode): Không có đơn vị HD-KHONGCO.");
        assertThat(gateway.last("POST", "/api/units/import").header("Content-Type")).startsWith("text/csv");
    }

    @Test
    void usersOfAUnitAreListedAndCreatedThroughTheAuthServersApi() throws Exception {
        gateway.json("GET", "/api/users/provider", "{\"managed\":true}");
        gateway.json("GET", "/api/users?unitId=U-THOXUAN", """
                [{"username":"bt.thoxuan","displayName":"Lê Thị Hoa","email":"bt.thoxuan@thoxuan.doan.vn","roles":["CADRE"],
                  "unitId":"U-THOXUAN","unitName":"Huyện đoàn Thọ Xuân","department":null,"enabled":true,"mustChangePassword":false,
                  "activationPending":false},
                 {"username":"btg.thoxuan","displayName":"Trần Văn Nam","email":"btg@thoxuan.doan.vn","roles":["DEPARTMENT_STAFF"],
                  "unitId":"U-THOXUAN","unitName":"Huyện đoàn Thọ Xuân","department":"BTG","enabled":false,"mustChangePassword":false,
                  "activationPending":false}]""");
        String html = page(as(get("/nguoi-dung?unitId=U-THOXUAN"), "quantri", null, "ADMIN"), 200);
        assertThat(html).contains("Lê Thị Hoa (bt.thoxuan)", "Cán bộ", "Đang hoạt động", "Trần Văn Nam (btg.thoxuan)", "Đã khóa", "Mở khóa",
                "/nguoi-dung/btg.thoxuan/enable");
        gateway.json("POST", "/api/users", "{\"username\":\"bt.xuantin\"}");
        mvc.perform(as(post("/nguoi-dung"), "quantri", null, "ADMIN").with(csrf()).param("unitId", "U-THOXUAN").param("username", "bt.xuantin")
                        .param("displayName", "Nguyễn Văn Tín").param("email", "bt.xuantin@thoxuan.doan.vn").param("role", "CADRE"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("notice", "users.created"));
        assertThat(gateway.last("POST", "/api/users").body()).isEqualTo("{\"username\":\"bt.xuantin\",\"displayName\":\"Nguyễn Văn Tín\","
                + "\"email\":\"bt.xuantin@thoxuan.doan.vn\",\"roles\":[\"CADRE\"],\"unitId\":\"U-THOXUAN\",\"department\":null}");
    }

    @Test
    void aTemporaryPasswordIsShownOnceAndTheUserMarkedToChangeIt() throws Exception {
        gateway.json("POST", "/api/users/bt.xuantin/temporary-password", "{\"username\":\"bt.xuantin\",\"temporaryPassword\":\"Hk7m-Qx3p-Rt9w\"}");
        mvc.perform(as(post("/nguoi-dung/bt.xuantin/temporary"), "bt.thoxuan", "U-THOXUAN", "CADRE").with(csrf()).param("unitId", "U-XUANTIN"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/nguoi-dung?unitId=U-XUANTIN"))
                .andExpect(flash().attribute("temporaryPassword", "Hk7m-Qx3p-Rt9w")).andExpect(flash().attribute("temporaryUser", "bt.xuantin"));
        assertThat(gateway.last("POST", "/api/users/bt.xuantin/temporary-password").header("Authorization")).isEqualTo("Bearer token-of-bt.thoxuan");

        gateway.json("GET", "/api/users/provider", "{\"managed\":true}");
        gateway.json("GET", "/api/users?unitId=U-XUANTIN", """
                [{"username":"bt.xuantin","displayName":"Nguyễn Văn Tín","email":"bt.xuantin@thoxuan.doan.vn","roles":["CADRE"],
                  "unitId":"U-XUANTIN","unitName":"Đoàn xã Xuân Tín","department":null,"enabled":true,"mustChangePassword":true,
                  "activationPending":false}]""");
        String html = page(as(get("/nguoi-dung?unitId=U-XUANTIN"), "bt.thoxuan", "U-THOXUAN", "CADRE")
                .flashAttr("temporaryUser", "bt.xuantin").flashAttr("temporaryPassword", "Hk7m-Qx3p-Rt9w"), 200);
        assertThat(html).contains("Mật khẩu tạm thời của bt.xuantin:", "Hk7m-Qx3p-Rt9w", "Phải đổi mật khẩu ở lần đăng nhập đầu");
        assertThat(page(as(get("/nguoi-dung?unitId=U-XUANTIN"), "bt.thoxuan", "U-THOXUAN", "CADRE"), 200)).as("shown once")
                .doesNotContain("Hk7m-Qx3p-Rt9w");

        gateway.problem("POST", "/api/users/bt.thoxuan/temporary-password", 403, "username", "Không có quyền");
        mvc.perform(as(post("/nguoi-dung/bt.thoxuan/temporary"), "bt.tholap", "U-THOLAP", "CADRE").with(csrf()).param("unitId", "U-THOXUAN"))
                .andExpect(status().isForbidden());
    }

    @Test
    void withAnExternalIdentityProviderThePageSaysUsersAreManagedThere() throws Exception {
        String html = page(as(get("/nguoi-dung"), "quantri", null, "ADMIN"), 200);
        assertThat(html).contains("Người dùng được quản lý tại hệ thống định danh bên ngoài").doesNotContain("Tạo tài khoản hàng loạt");
    }
}
