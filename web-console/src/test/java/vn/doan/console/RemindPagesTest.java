package vn.doan.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The one-click reminder on the dashboard's completeness list: who sees the button, what it sends, what the page then says. */
class RemindPagesTest extends ConsoleTestBase {

    static final String REMIND = "/api/reminders/now?planId=P54&periodId=2026&unitId=U-XUANHOA";

    @BeforeEach
    void theDistrictsDashboard() {
        gateway.clear();
        gateway.json("GET", "/api/units/U-THOXUAN", """
                {"id":"U-THOXUAN","code":"HD-THOXUAN","name":"Huyện đoàn Thọ Xuân","level":"DISTRICT","parentId":"U-THANHHOA",
                 "ancestorIds":["U-THANHHOA"],"status":"ACTIVE"}""");
        gateway.json("GET", "/api/plans?issuingUnitId=U-THOXUAN", "[]");
        gateway.json("GET", "/api/plans?issuingUnitId=U-THANHHOA", "[" + ConsolePagesTest.PLAN + "]");
        gateway.json("GET", "/api/plans/P54", ConsolePagesTest.PLAN);
        gateway.json("GET", "/api/reports/completeness?planId=P54&periodId=2026&unitId=U-THOXUAN", """
                {"planId":"P54","periodId":"2026","dueDate":"2026-12-01","expected":3,"submitted":1,"onTime":0,"late":1,"missing":2,
                 "units":[{"unitId":"U-THOLAP","name":"Đoàn xã Thọ Lập","level":"GRASSROOTS","state":"LATE","daysLate":3,"reportId":"R1"},
                          {"unitId":"U-XUANHOA","name":"Đoàn xã Xuân Hòa","level":"GRASSROOTS","state":"MISSING","daysLate":0},
                          {"unitId":"U-XUANLAI","name":"Đoàn xã Xuân Lai","level":"GRASSROOTS","state":"MISSING","daysLate":0}]}""");
    }

    @Test
    void theDistrictSeesAReminderButtonNextToEachUnitThatHasNotReported() throws Exception {
        String html = page(as(get("/bang-theo-doi?planId=P54&periodId=2026"), "bt.thoxuan", "U-THOXUAN", "CADRE"), 200);
        assertThat(html).contains("id=\"remind-U-XUANHOA\"", "id=\"remind-U-XUANLAI\"", "aria-label=\"Nhắc nộp Đoàn xã Xuân Hòa\"",
                "hx-post=\"/bang-theo-doi/nhac\"", "name=\"_csrf\"").doesNotContain("remind-U-THOLAP");
        assertThat(page(as(get("/bang-theo-doi?planId=P54&periodId=2026"), "btg.thoxuan", "U-THOXUAN", "DEPARTMENT_STAFF"), 200))
                .as("department staff follow, the cadres urge").doesNotContain("remind-U-");
    }

    @Test
    void oneClickSendsTheReminderThroughTheGatewayAndTheButtonSaysItWasSent() throws Exception {
        gateway.answer("POST", REMIND, 201, "application/json", "{\"id\":\"x\",\"unitId\":\"U-XUANHOA\",\"rule\":\"manual\"}");
        String fragment = page(as(post("/bang-theo-doi/nhac"), "bt.thoxuan", "U-THOXUAN", "CADRE").with(csrf()).header("HX-Request", "true")
                .param("planId", "P54").param("periodId", "2026").param("unitId", "U-XUANHOA").param("returnUnitId", "U-THOXUAN"), 200);
        assertThat(fragment).contains("id=\"remind-U-XUANHOA\"", "Đã gửi nhắc nhở hôm nay.").doesNotContain("<html");
        assertThat(gateway.last("POST", REMIND).header("Authorization")).isEqualTo("Bearer token-of-bt.thoxuan");

        mvc.perform(as(post("/bang-theo-doi/nhac"), "bt.thoxuan", "U-THOXUAN", "CADRE").with(csrf()).param("planId", "P54")
                        .param("periodId", "2026").param("unitId", "U-XUANHOA").param("returnUnitId", "U-THOXUAN"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/bang-theo-doi?planId=P54&periodId=2026&unitId=U-THOXUAN"))
                .andExpect(flash().attribute("notice", "dash.reminded"));
    }

    @Test
    void aRefusalIsShownInVietnameseInPlaceOfTheButtonAndAForbiddenOneIsTheNoPermissionPage() throws Exception {
        gateway.problem("POST", REMIND, 409, "unitId", "Đoàn xã Xuân Hòa đã nộp Báo cáo năm 2026, không cần nhắc.");
        String fragment = page(as(post("/bang-theo-doi/nhac"), "bt.thoxuan", "U-THOXUAN", "CADRE").with(csrf()).header("HX-Request", "true")
                .param("planId", "P54").param("periodId", "2026").param("unitId", "U-XUANHOA"), 200);
        assertThat(fragment).contains("Đoàn xã Xuân Hòa đã nộp Báo cáo năm 2026, không cần nhắc.", "class=\"error\"");

        gateway.problem("POST", REMIND, 403, "unitId", "Vai trò hoặc đơn vị của bạn không được phép thực hiện thao tác này.");
        assertThat(page(as(post("/bang-theo-doi/nhac"), "bt.xuanhoa", "U-XUANHOA", "CADRE").with(csrf()).param("planId", "P54")
                .param("periodId", "2026").param("unitId", "U-XUANHOA"), 403)).contains("Không có quyền");
        mvc.perform(as(post("/bang-theo-doi/nhac"), "bt.thoxuan", "U-THOXUAN", "CADRE").param("planId", "P54").param("periodId", "2026")
                .param("unitId", "U-XUANHOA")).andExpect(status().isForbidden());
    }
}
