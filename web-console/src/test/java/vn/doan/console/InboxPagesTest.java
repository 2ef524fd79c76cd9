package vn.doan.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The inbox of the signed-in secretary: their own notices only, newest first, a list that reloads itself, marking read. */
class InboxPagesTest extends ConsoleTestBase {

    @BeforeEach
    void thoLapsPeople() {
        gateway.clear();
        gateway.json("GET", "/api/recipients?unitId=U-THOLAP", """
                [{"id":"bt-tholap","unitId":"U-THOLAP","role":"SECRETARY","name":"Lê Văn Hùng","subject":"bt.tholap"},
                 {"id":"pbt-tholap","unitId":"U-THOLAP","role":"DEPUTY","name":"Trịnh Thị Mai","subject":"pbt.tholap"}]""");
        gateway.json("GET", "/api/inbox?recipientId=bt-tholap", """
                [{"id":"d1","recipientId":"bt-tholap","unitId":"U-THOLAP","kind":"plan.issued","subject":"Kế hoạch mới: 54-CT/ĐTN",
                  "body":"Huyện đoàn Thọ Xuân ban hành Kế hoạch 54-CT/ĐTN.","createdAt":"2026-11-20T01:00:00Z","read":true},
                 {"id":"d2","recipientId":"bt-tholap","unitId":"U-THOLAP","kind":"report.returned","subject":"Báo cáo bị trả lại: Báo cáo năm 2026",
                  "body":"Lý do: Số liệu chưa khớp danh sách.","createdAt":"2026-12-01T02:30:00Z","read":false}]""");
    }

    @Test
    void theSecretarySeesTheirNoticesNewestFirstInAListThatReloadsItself() throws Exception {
        String html = page(as(get("/hop-thu"), "bt.tholap", "U-THOLAP", "CADRE"), 200);
        assertThat(html).contains("Hộp thư thông báo", "hx-get=\"/hop-thu/danh-sach\"", "hx-trigger=\"every 15s\"",
                "Báo cáo bị trả lại: Báo cáo năm 2026", "09:30 01/12/2026 · Chưa đọc", "08:00 20/11/2026", "/hop-thu/d2/da-doc")
                .doesNotContain("/hop-thu/d1/da-doc");
        assertThat(html.indexOf("Báo cáo bị trả lại")).as("newest first").isLessThan(html.indexOf("Kế hoạch mới"));
        assertThat(gateway.received).as("the deputy's inbox is not the secretary's")
                .noneMatch(r -> r.path().equals("/api/inbox?recipientId=pbt-tholap"));
        assertThat(gateway.last("GET", "/api/inbox?recipientId=bt-tholap").header("Authorization")).isEqualTo("Bearer token-of-bt.tholap");

        String list = page(as(get("/hop-thu/danh-sach"), "bt.tholap", "U-THOLAP", "CADRE"), 200);
        assertThat(list).startsWith("<div").contains("id=\"inbox-items\"", "Báo cáo bị trả lại").doesNotContain("<html", "<nav");
    }

    @Test
    void aNoticeIsMarkedReadThroughTheGateway() throws Exception {
        gateway.json("POST", "/api/inbox/d2/read", "{\"id\":\"d2\",\"read\":true}");
        mvc.perform(as(post("/hop-thu/d2/da-doc"), "bt.tholap", "U-THOLAP", "CADRE").with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/hop-thu"));
        assertThat(gateway.last("POST", "/api/inbox/d2/read").header("Authorization")).isEqualTo("Bearer token-of-bt.tholap");
    }

    @Test
    void someoneWithoutALinkedPersonHasAnEmptyInbox() throws Exception {
        assertThat(page(as(get("/hop-thu"), "bt2.tholap", "U-THOLAP", "CADRE"), 200)).contains("Chưa có thông báo nào.");
        assertThat(page(as(get("/hop-thu"), "quantri", null, "ADMIN"), 200)).contains("Chưa có thông báo nào.");
    }
}
