package vn.doan.notificationservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.doan.events.plan.UnitCreated;
import vn.doan.events.plan.UnitLevel;
import vn.doan.support.test.Backends;
import vn.doan.support.test.HttpJson;
import vn.doan.support.test.KafkaTestClient;
import vn.doan.support.test.TestTokens;

/**
 * A unit's reminder inbox: read by the unit and the units above it, not by a neighbour or a sibling district;
 * a reminder is marked read by a cadre of its own unit. No token → 401, wrong unit → 403. People are linked only to the
 * caller's own login and an inbox is its owner's; webhooks pointing inside the network are refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=notification-service", "doan.reminders.interval=1h"})
class NotificationServiceAccessTest {

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        Backends.embedded().register(registry, "notification_access_test");
    }

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;
    static KafkaTestClient kafka;
    String thoXuan;
    String dongSon;
    String thoLap;
    String xuanHoa;
    HttpJson admin;

    @BeforeEach
    void tree() {
        kafka = kafka == null ? new KafkaTestClient(Backends.embedded().kafkaBootstrap(), "/plan-service") : kafka;
        String run = UUID.randomUUID().toString().substring(0, 8);
        String province = "thanhhoa-" + run;
        thoXuan = "thoxuan-" + run;
        dongSon = "dongson-" + run;
        thoLap = "tholap-" + run;
        xuanHoa = "xuanhoa-" + run;
        unit(province, "Tỉnh đoàn Thanh Hóa", UnitLevel.PROVINCE, null, List.of());
        unit(thoXuan, "Huyện đoàn Thọ Xuân", UnitLevel.DISTRICT, province, List.of(province));
        unit(dongSon, "Huyện đoàn Đông Sơn", UnitLevel.DISTRICT, province, List.of(province));
        unit(thoLap, "Đoàn xã Thọ Lập", UnitLevel.GRASSROOTS, thoXuan, List.of(province, thoXuan));
        unit(xuanHoa, "Đoàn xã Xuân Hòa", UnitLevel.GRASSROOTS, thoXuan, List.of(province, thoXuan));
        admin = new HttpJson("http://localhost:" + port);
        HttpJson district = admin.as(TestTokens.cadre("bt-thoxuan", thoXuan));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (district.get("/api/reminders?unitId=" + xuanHoa).status() != 200 && System.nanoTime() < deadline) {
            sleep();
        }
    }

    @AfterAll
    static void close() {
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
    }

    void unit(String id, String name, UnitLevel level, String parent, List<String> ancestors) {
        kafka.publish(new UnitCreated(id, id.toUpperCase(), name, level, "commune", parent, ancestors, LocalDate.of(2016, 1, 1)), id);
    }

    @Test
    void aUnitsInboxIsReadByItsOwnSubtreeOnlyAndMarkedReadByItsOwnCadre() {
        String id = "plan54|2016|" + thoLap + "|before-7";
        mongo.getCollection("reminders").insertOne(new Document("_id", id).append("unitId", thoLap).append("unitName", "Đoàn xã Thọ Lập")
                .append("planId", "plan54").append("planNumber", "54-CT/ĐTN").append("periodId", "2016")
                .append("dueDate", java.util.Date.from(Instant.parse("2016-11-15T00:00:00Z"))).append("rule", "before-7")
                .append("message", "Còn 7 ngày đến hạn báo cáo năm 2016.").append("createdAt", java.util.Date.from(Instant.now()))
                .append("read", false));
        String inbox = "/api/reminders?unitId=" + thoLap;

        assertThat(admin.anonymous().get(inbox).status()).isEqualTo(401);
        assertForbidden(admin.as(TestTokens.cadre("bt-xuanhoa", xuanHoa)).get(inbox));
        assertForbidden(admin.as(TestTokens.cadre("bt-dongson", dongSon)).get(inbox));
        assertForbidden(admin.as(TestTokens.analyst("phan-tich")).get(inbox));
        assertThat(admin.as(TestTokens.cadre("bt-tholap", thoLap)).get(inbox).body().size()).isEqualTo(1);
        assertThat(admin.as(TestTokens.cadre("bt-thoxuan", thoXuan)).get(inbox).body().size()).isEqualTo(1);
        assertThat(admin.as(TestTokens.departmentStaff("btg-thoxuan", thoXuan, "BTG")).get(inbox).status()).isEqualTo(200);

        String read = "/api/reminders/" + id.replace("|", "%7C") + "/read";
        assertThat(admin.anonymous().post(read, "").status()).isEqualTo(401);
        assertForbidden(admin.as(TestTokens.cadre("bt-xuanhoa", xuanHoa)).post(read, ""));
        assertForbidden(admin.as(TestTokens.cadre("bt-thoxuan", thoXuan)).post(read, ""));
        HttpJson.Response marked = admin.as(TestTokens.cadre("bt-tholap", thoLap)).post(read, "");
        assertThat(marked.status()).as(marked.body().toString()).isEqualTo(200);
        assertThat(marked.body().get("read").asBoolean()).isTrue();
    }

    /**
     * Thọ Lập's secretary is registered by Thọ Lập's or Thọ Xuân's cadre, not by Xuân Hòa's or Đông Sơn's; linked to her own
     * login by herself only, and then changed by her (or an administrator) only; her inbox is hers to read, not her
     * district's; templates are edited and dead letters seen by administrators only.
     */
    @Test
    void peopleTheirInboxesTemplatesAndDeadLettersAreForTheRightUnitsAndRoles() {
        String secretary = "/api/recipients/bt-tholap-" + thoLap;
        Map<String, Object> person = Map.of("unitId", thoLap, "role", "SECRETARY", "name", "Lê Văn Thành", "channels", List.of("INBOX"));
        Map<String, Object> linked = Map.of("unitId", thoLap, "role", "SECRETARY", "name", "Lê Văn Thành", "channels", List.of("INBOX"),
                "subject", "bt-tholap");

        assertThat(admin.anonymous().send("PUT", secretary, person).status()).isEqualTo(401);
        assertForbidden(admin.as(TestTokens.cadre("bt-xuanhoa", xuanHoa)).send("PUT", secretary, person));
        assertForbidden(admin.as(TestTokens.cadre("bt-dongson", dongSon)).send("PUT", secretary, person));
        assertForbidden(admin.as(TestTokens.departmentStaff("btg-thoxuan", thoXuan, "BTG")).send("PUT", secretary, person));
        assertForbidden(admin.as(TestTokens.cadre("bt-thoxuan", thoXuan)).send("PUT", secretary, linked));
        HttpJson.Response registered = admin.as(TestTokens.cadre("bt-thoxuan", thoXuan)).send("PUT", secretary, person);
        assertThat(registered.status()).as(registered.body().toString()).isEqualTo(200);
        assertForbidden(admin.as(TestTokens.cadre("bt-xuanhoa", xuanHoa)).send("PUT", secretary,
                Map.of("unitId", xuanHoa, "role", "SECRETARY", "name", "Lê Văn Thành")));
        assertThat(admin.as(TestTokens.cadre("bt-tholap", thoLap)).send("PUT", secretary, linked).status()).isEqualTo(200);
        assertForbidden(admin.as(TestTokens.cadre("bt-thoxuan", thoXuan)).send("PUT", secretary, person));

        assertForbidden(admin.as(TestTokens.cadre("bt-dongson", dongSon)).get(secretary));
        assertThat(admin.as(TestTokens.cadre("bt-thoxuan", thoXuan)).get(secretary).body().get("name").asString()).isEqualTo("Lê Văn Thành");
        assertForbidden(admin.as(TestTokens.cadre("bt-dongson", dongSon)).get("/api/recipients?unitId=" + thoLap));
        assertThat(admin.as(TestTokens.cadre("bt-tholap", thoLap)).get("/api/recipients?unitId=" + thoLap).body().size()).isEqualTo(1);

        String inbox = "/api/inbox?recipientId=bt-tholap-" + thoLap;
        assertThat(admin.anonymous().get(inbox).status()).isEqualTo(401);
        assertForbidden(admin.as(TestTokens.cadre("bt-xuanhoa", xuanHoa)).get(inbox));
        assertForbidden(admin.as(TestTokens.cadre("bt-thoxuan", thoXuan)).get(inbox));
        assertThat(admin.as(TestTokens.cadre("bt-tholap", thoLap)).get(inbox).status()).isEqualTo(200);

        String template = "/api/templates/vi/report.returned";
        Map<String, Object> text = Map.of("subject", "Báo cáo bị trả lại", "body", "Báo cáo {period} của {unit} bị trả lại: {reason}");
        assertThat(admin.as(TestTokens.cadre("bt-thoxuan", thoXuan)).get("/api/templates/vi").status()).isEqualTo(200);
        assertForbidden(admin.as(TestTokens.cadre("bt-thoxuan", thoXuan)).send("PUT", template, text));
        assertForbidden(admin.as(TestTokens.cadre("bt-thoxuan", thoXuan)).get("/api/deliveries?state=DEAD"));
        assertThat(admin.get("/api/deliveries?state=DEAD").status()).isEqualTo(200);

        assertForbidden(admin.as(TestTokens.cadre("bt-dongson", dongSon)).send("DELETE", secretary, ""));
        assertThat(admin.as(TestTokens.cadre("bt-tholap", thoLap)).send("DELETE", secretary, "").status()).isEqualTo(204);
        assertThat(admin.get(secretary).status()).isEqualTo(404);
    }

    /**
     * Xuân Hòa's cadre registers a person of Xuân Hòa linked to Thọ Lập's secretary's login, to read what is meant for her:
     * refused, and so is her district's secretary. Her inbox — list, live stream, read and unread marks — is hers (and the
     * administrator's) alone; a person without a login has an inbox only the administrator reads.
     */
    @Test
    void aPersonIsLinkedOnlyToTheCallersOwnLoginAndAnInboxIsItsOwnersAlone() {
        String login = "bt-tholap-" + thoLap;
        HttpJson owner = admin.as(TestTokens.cadre(login, thoLap));
        HttpJson neighbour = admin.as(TestTokens.cadre("bt-xuanhoa", xuanHoa));
        HttpJson district = admin.as(TestTokens.cadre("bt-thoxuan", thoXuan));

        HttpJson.Response claimed = neighbour.send("PUT", "/api/recipients/gia-mao-" + xuanHoa, Map.of("unitId", xuanHoa, "role", "DEPUTY",
                "name", "Nguyễn Văn Nam", "channels", List.of("INBOX"), "subject", login));
        assertForbidden(claimed);
        assertThat(claimed.body().get("field").asString()).isEqualTo("subject");
        assertThat(claimed.body().get("detail_vi").asString()).isEqualTo(
                "Chỉ được gắn người nhận với tài khoản đăng nhập của chính mình; quản trị viên mới được gắn tài khoản của người khác.");
        assertThat(admin.get("/api/recipients/gia-mao-" + xuanHoa).status()).as("nothing stored").isEqualTo(404);
        assertForbidden(district.send("PUT", "/api/recipients/gia-mao-" + thoXuan, Map.of("unitId", thoXuan, "role", "DEPUTY",
                "name", "Nguyễn Hữu Tuất", "subject", login)));

        String mine = "bt-" + thoLap;
        assertThat(owner.send("PUT", "/api/recipients/" + mine, Map.of("unitId", thoLap, "role", "SECRETARY", "name", "Lê Văn Thành",
                "subject", login)).status()).isEqualTo(200);
        String unlinked = "pbt-" + thoLap;
        assertThat(district.send("PUT", "/api/recipients/" + unlinked, Map.of("unitId", thoLap, "role", "DEPUTY", "name", "Trịnh Thị Mai"))
                .status()).isEqualTo(200);
        String item = "returned|r-" + thoLap + "|1|" + mine + "|INBOX";
        mongo.getCollection("inbox").insertOne(new Document("_id", item).append("recipientId", mine).append("unitId", thoLap)
                .append("kind", "report.returned").append("subject", "Báo cáo bị trả lại: Báo cáo năm 2016 – 54-CT/ĐTN")
                .append("body", "Lý do: Số liệu tập huấn chưa khớp với danh sách").append("createdAt", java.util.Date.from(Instant.now()))
                .append("storedAt", java.util.Date.from(Instant.now())).append("read", false));
        String read = "/api/inbox/" + item.replace("|", "%7C") + "/read";
        String unread = "/api/inbox/" + item.replace("|", "%7C") + "/unread";

        for (HttpJson other : List.of(neighbour, district, admin.as(TestTokens.departmentStaff("btg-tholap", thoLap, "BTG")))) {
            assertForbidden(other.get("/api/inbox?recipientId=" + mine));
            assertForbidden(other.get("/api/inbox/stream?recipientId=" + mine));
            assertForbidden(other.post(read, ""));
            assertForbidden(other.post(unread, ""));
        }
        assertForbidden(owner.get("/api/inbox?recipientId=" + unlinked));
        assertForbidden(owner.get("/api/inbox?recipientId=no-such-person"));
        assertThat(admin.get("/api/inbox?recipientId=" + unlinked).status()).isEqualTo(200);

        assertThat(owner.get("/api/inbox?recipientId=" + mine).body().get(0).get("body").asString())
                .isEqualTo("Lý do: Số liệu tập huấn chưa khớp với danh sách");
        assertThat(owner.post(read, "").body().get("read").asBoolean()).isTrue();
        assertThat(owner.post(unread, "").body().get("read").asBoolean()).isFalse();
        assertThat(admin.post(read, "").body().get("read").asBoolean()).isTrue();

        assertForbidden(district.send("PUT", "/api/recipients/" + mine, Map.of("unitId", thoLap, "role", "SECRETARY", "name", "Lê Văn Thành",
                "subject", "bt-thoxuan")));
        assertThat(district.send("DELETE", "/api/recipients/" + mine, "").status()).as("the district may remove a person").isEqualTo(204);
        assertThat(district.send("PUT", "/api/recipients/" + mine, Map.of("unitId", thoLap, "role", "SECRETARY", "name", "Lê Văn Thành",
                "subject", "bt-thoxuan")).status()).isEqualTo(200);
        assertThat(district.get("/api/inbox?recipientId=" + mine).body().size()).as("registered again: the old inbox went with the person")
                .isZero();
    }

    /**
     * A webhook would make this service call the address given: the cloud's metadata, the authorisation server, this host.
     * Only https to public addresses is registered (the allow-list is empty by default); nothing refused is stored.
     */
    @Test
    void aWebhookIsRegisteredOnlyOverHttpsToAPublicAddress() {
        HttpJson district = admin.as(TestTokens.cadre("bt-thoxuan", thoXuan));
        List<String> inside = List.of("https://169.254.169.254/latest/meta-data", "http://example.org", "https://127.0.0.1:9000/oauth2/token",
                "https://localhost", "https://[::1]/", "https://10.0.0.7/hooks", "https://[fd00::7]/hooks", "https://0.0.0.0/",
                "https://[::ffff:192.168.1.1]/", "ftp://example.org/hooks", "http://127.0.0.1:" + port + "/api/recipients");
        for (String url : inside) {
            String id = "/api/recipients/zalo-" + Math.abs(url.hashCode()) + "-" + thoLap;
            HttpJson.Response refused = district.send("PUT", id, Map.of("unitId", thoLap, "role", "DEPUTY", "name", "Phạm Văn Đức",
                    "webhookUrl", url, "channels", List.of("WEBHOOK")));
            assertThat(refused.status()).as(url + ": " + refused.body()).isEqualTo(422);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.body().get("field").asString()).isEqualTo("webhookUrl");
            assertThat(refused.body().get("detail_vi").asString()).isEqualTo("Webhook phải là địa chỉ https tới một máy chủ công khai trên "
                    + "Internet, không phải localhost, mạng nội bộ hay địa chỉ đặc biệt.");
            assertThat(admin.get(id).status()).as(url + " not stored").isEqualTo(404);
        }
        HttpJson.Response publicHook = district.send("PUT", "/api/recipients/zalo-" + thoLap, Map.of("unitId", thoLap, "role", "DEPUTY",
                "name", "Phạm Văn Đức", "webhookUrl", "https://203.162.4.191/hooks/doan", "channels", List.of("WEBHOOK")));
        assertThat(publicHook.status()).as(publicHook.body().toString()).isEqualTo(200);
    }

    static void assertForbidden(HttpJson.Response response) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("rule").asString()).isEqualTo("access.denied");
    }

    static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
