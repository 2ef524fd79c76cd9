package vn.doan.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.concurrent.BlockingQueue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MvcResult;

/** The inbox of the signed-in secretary: their own notices only, newest first, a list reloaded when a notice is pushed, marking read. */
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
        assertThat(html).contains("Hộp thư thông báo", "hx-get=\"/hop-thu/danh-sach\"", "sse-connect=\"/hop-thu/truc-tiep\"",
                "hx-trigger=\"sse:notification, every 60s\"",
                "Báo cáo bị trả lại: Báo cáo năm 2026", "09:30 01/12/2026 · Chưa đọc", "08:00 20/11/2026", "/hop-thu/d2/da-doc")
                .doesNotContain("/hop-thu/d1/da-doc");
        String sse = html.replaceAll("(?s).*<script src=\"(/webjars/htmx-ext-sse/[^\"]+)\".*", "$1");
        assertThat(page(as(get(sse), "bt.tholap", "U-THOLAP", "CADRE"), 200)).as("htmx's SSE extension is served")
                .contains("htmx.defineExtension('sse'");
        assertThat(html.indexOf("Báo cáo bị trả lại")).as("newest first").isLessThan(html.indexOf("Kế hoạch mới"));
        assertThat(gateway.received).as("the deputy's inbox is not the secretary's")
                .noneMatch(r -> r.path().equals("/api/inbox?recipientId=pbt-tholap"));
        assertThat(gateway.last("GET", "/api/inbox?recipientId=bt-tholap").header("Authorization")).isEqualTo("Bearer token-of-bt.tholap");

        String list = page(as(get("/hop-thu/danh-sach"), "bt.tholap", "U-THOLAP", "CADRE"), 200);
        assertThat(list).startsWith("<div").contains("id=\"inbox-items\"", "Báo cáo bị trả lại").doesNotContain("<html", "<nav");
    }

    @Test
    void aNoticeArrivingAtNotificationServiceIsPushedToTheOpenPage() throws Exception {
        BlockingQueue<String> service = gateway.stream("GET", "/api/inbox/stream?recipientId=bt-tholap");
        MvcResult live = mvc.perform(as(get("/hop-thu/truc-tiep"), "bt.tholap", "U-THOLAP", "CADRE"))
                .andExpect(request().asyncStarted()).andReturn();
        await(() -> gateway.received.stream().anyMatch(r -> r.path().equals("/api/inbox/stream?recipientId=bt-tholap")));
        assertThat(gateway.last("GET", "/api/inbox/stream?recipientId=bt-tholap").header("Authorization"))
                .isEqualTo("Bearer token-of-bt.tholap");
        assertThat(gateway.received).as("the deputy's inbox is not the secretary's")
                .noneMatch(r -> r.path().startsWith("/api/inbox/stream?recipientId=pbt-tholap"));

        service.add("event:connected\ndata:bt-tholap\n\n");
        service.add("id:d3\nevent:notification\ndata:{\"id\":\"d3\",\"subject\":\"Nhắc hạn báo cáo\"}\n\n");
        await(() -> live.getResponse().getContentAsString().contains("event:notification"));
        assertThat(live.getResponse().getContentAsString()).as("one push for the one notice, none for connecting")
                .isEqualTo("event:notification\ndata:new\n\n");

        service.add("");
        assertThat(live.getAsyncResult(5_000)).as("the service's stream ended, so the page's ends and the browser reconnects")
                .isNull();
    }

    /**
     * A console stopped for a rolling restart ends the pages' open streams rather than holding its shutdown on them. The
     * event that starts the close is published alone: closing the context the test classes share would fail the next ones.
     */
    @Test
    @DirtiesContext
    void aConsoleThatStopsEndsThePagesOpenStreams(@Autowired ConfigurableApplicationContext context) throws Exception {
        gateway.stream("GET", "/api/inbox/stream?recipientId=bt-tholap");
        MvcResult live = mvc.perform(as(get("/hop-thu/truc-tiep"), "bt.tholap", "U-THOLAP", "CADRE"))
                .andExpect(request().asyncStarted()).andReturn();
        await(() -> gateway.received.stream().anyMatch(r -> r.path().equals("/api/inbox/stream?recipientId=bt-tholap")));

        context.publishEvent(new ContextClosedEvent(context));
        assertThat(live.getAsyncResult(5_000)).as("the page's stream ended, so the browser reconnects").isNull();
    }

    @Test
    void aStreamTheServiceRefusesOrCannotGiveIsShownAsAnyOtherAnswerIs() throws Exception {
        gateway.problem("GET", "/api/inbox/stream?recipientId=bt-tholap", 403, "recipientId", "Không có quyền xem hộp thư của người này.");
        assertThat(page(as(get("/hop-thu/truc-tiep"), "bt.tholap", "U-THOLAP", "CADRE"), 403)).contains("<h1>Không có quyền</h1>");
        gateway.unavailable("GET", "/api/inbox/stream?recipientId=bt-tholap");
        assertThat(page(as(get("/hop-thu/truc-tiep"), "bt.tholap", "U-THOLAP", "CADRE"), 503)).contains("Hệ thống tạm thời không phản hồi");
    }

    interface Condition {
        boolean holds() throws Exception;
    }

    private static void await(Condition condition) throws Exception {
        long until = System.nanoTime() + 5_000_000_000L;
        while (!condition.holds()) {
            assertThat(System.nanoTime()).as("waited 5 s").isLessThan(until);
            Thread.sleep(20);
        }
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
