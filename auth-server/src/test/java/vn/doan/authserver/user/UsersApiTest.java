package vn.doan.authserver.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.doan.support.test.HttpJson;

/** {@code /api/users} over HTTP with this server's own tokens: create, list, import, and who may do what. */
class UsersApiTest extends UsersTestBase {

    static List<String> usernames(JsonNode users) {
        return users.values().stream().map(u -> u.get("username").asString()).toList();
    }

    @Test
    void theAdministratorCreatesTheSecretaryOfANewUnitAndSeesTheUnitsUsers() throws Exception {
        HttpJson.Response created = admin().post("/api/users", Map.of("username", "bt.tholoc", "displayName", "Lê Thị Hoa",
                "email", "bt.tholoc@thoxuan.doan.vn", "roles", List.of("CADRE"), "unitId", THO_LOC));
        assertThat(created.status()).isEqualTo(201);
        JsonNode user = created.body();
        assertThat(user.get("username").asString()).isEqualTo("bt.tholoc");
        assertThat(user.get("displayName").asString()).isEqualTo("Lê Thị Hoa");
        assertThat(user.get("unitId").asString()).isEqualTo(THO_LOC);
        assertThat(user.get("unitName").asString()).isEqualTo("Đoàn xã Thọ Lộc");
        assertThat(user.get("roles").values().stream().map(JsonNode::asString).toList()).containsExactly("CADRE");
        assertThat(user.get("enabled").asBoolean()).isTrue();
        assertThat(user.get("mustChangePassword").asBoolean()).isFalse();
        assertThat(user.get("activationPending").asBoolean()).isTrue();
        assertThat(user.has("password")).isFalse();
        assertThat(awaitActivationToken("bt.tholoc@thoxuan.doan.vn", 1)).hasSizeGreaterThan(40);

        HttpJson.Response again = admin().post("/api/users", newUser("bt.tholoc", "Lê Thị Hoa", "CADRE", THO_LOC));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().get("detail_vi").asString()).contains("bt.tholoc");

        JsonNode district = admin().get("/api/users?unitId=" + THO_XUAN).body();
        assertThat(usernames(district)).contains("bt.thoxuan", "btg.thoxuan", "bt.tholap", "bt.xuanhoa", "bt.tholoc")
                .doesNotContain("bt.tinhdoan", "quantri", "phantich");
        JsonNode staff = district.values().stream().filter(u -> u.get("username").asString().equals("btg.thoxuan")).findFirst().orElseThrow();
        assertThat(staff.get("unitId").asString()).isEqualTo(THO_XUAN);
        assertThat(staff.get("unitName").asString()).isEqualTo("Huyện đoàn Thọ Xuân");
        assertThat(staff.get("department").asString()).isEqualTo("BTG");
        assertThat(usernames(admin().get("/api/users?unitId=" + THO_LOC).body())).contains("bt.tholoc")
                .doesNotContain("bt.thoxuan", "bt.tholap", "bt.xuanhoa");
    }

    @Test
    void badInputIsRefusedFieldByFieldInVietnamese() {
        HttpJson.Response bad = admin().post("/api/users", Map.of("username", "Bí Thư", "displayName", "Lê Văn Bình", "email", "khong-phai-email",
                "roles", List.of("DEPARTMENT_STAFF"), "unitId", "khong-co-don-vi"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(bad.body().get("field").asString()).isEqualTo("username");
        assertThat(bad.body().get("detail_vi").asString()).contains("Tên đăng nhập");
        assertThat(bad.body().get("errors").values().stream().map(e -> e.get("field").asString()).toList())
                .containsExactly("username", "email", "department", "unitId");
        assertThat(admin().post("/api/users", newUser("bt.sai-vai-tro", "Lê Văn Bình", "SECRETARY", THO_LAP)).body().get("field").asString())
                .isEqualTo("roles");
    }

    @Test
    void aDistrictCadreManagesTheUsersOfTheUnitsBelowItOnly() {
        HttpJson district = as("bt.thoxuan", DEMO_PASSWORD);
        assertThat(district.post("/api/users", newUser("pbt.tholap", "Trịnh Văn Cường", "CADRE", THO_LAP)).status()).isEqualTo(201);
        assertThat(district.post("/api/users/pbt.tholap/disable", "").status()).isEqualTo(204);
        assertThat(district.post("/api/users/pbt.tholap/enable", "").status()).isEqualTo(204);
        assertThat(usernames(district.get("/api/users?unitId=" + THO_XUAN).body())).contains("pbt.tholap", "bt.thoxuan");

        HttpJson.Response ownUnit = district.post("/api/users", newUser("vp.thoxuan", "Đỗ Thị Lan", "CADRE", THO_XUAN));
        assertThat(ownUnit.status()).isEqualTo(403);
        assertThat(ownUnit.body().get("detail_vi").asString()).isNotBlank();
        assertThat(district.post("/api/users", newUser("qt.tholap", "Đỗ Thị Lan", "ADMIN", THO_LAP)).status()).as("no ADMIN").isEqualTo(403);
        assertThat(district.post("/api/users/btg.thoxuan/disable", "").status()).as("a user of the cadre's own unit").isEqualTo(403);
        assertThat(district.get("/api/users?unitId=" + PROVINCE).status()).isEqualTo(403);

        HttpJson sibling = as("bt.xuanhoa", DEMO_PASSWORD);
        assertThat(sibling.post("/api/users/pbt.tholap/disable", "").status()).isEqualTo(403);
        assertThat(sibling.post("/api/users", newUser("pbt2.tholap", "Lê Văn Dũng", "CADRE", THO_LAP)).status()).isEqualTo(403);
        assertThat(sibling.get("/api/users?unitId=" + THO_LAP).status()).isEqualTo(403);
        HttpJson ofTheUnit = as("bt.tholap", DEMO_PASSWORD);
        assertThat(ofTheUnit.post("/api/users/pbt.tholap/reset", "").status()).isEqualTo(403);
        assertThat(as("phantich", DEMO_PASSWORD).get("/api/users?unitId=" + THO_XUAN).status()).isEqualTo(403);
        assertThat(as("btg.thoxuan", DEMO_PASSWORD).post("/api/users/pbt.tholap/disable", "").status()).isEqualTo(403);

        HttpJson.Response anonymous = new HttpJson(baseUrl(), null).get("/api/users?unitId=" + THO_XUAN);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.body().get("detail_vi").asString()).startsWith("Cần đăng nhập");
        assertThat(admin().post("/api/users/pbt.tholap/disable", "").status()).isEqualTo(204);
    }

    @Test
    void aCsvFileCreatesEveryUserOnceOrNothingWhenARowIsWrong() throws Exception {
        String csv = "\uFEFFunit_code,name,email,role,username,department\n"
                + "CS-THOXUAN-1,Nguyễn Thị Mai,mai.tholap@thoxuan.doan.vn,CADRE,,\n"
                + "CS-THOXUAN-2,\"Phạm Văn Tùng, Phó Bí thư\",tung.xuanhoa@thoxuan.doan.vn,cadre,pbt.xuanhoa,\n"
                + "HD-THOXUAN,Hoàng Thị Yến,yen.btg@thoxuan.doan.vn,DEPARTMENT_STAFF,btg2.thoxuan,BTG\n";
        HttpJson.Response imported = admin().post("/api/users/import", csv, "text/csv");
        assertThat(imported.status()).isEqualTo(200);
        assertThat(imported.body().get("created").values().stream().map(JsonNode::asString).toList())
                .containsExactly("mai.tholap", "pbt.xuanhoa", "btg2.thoxuan");
        for (String email : List.of("mai.tholap@thoxuan.doan.vn", "tung.xuanhoa@thoxuan.doan.vn", "yen.btg@thoxuan.doan.vn")) {
            awaitActivationToken(email, 1);
        }
        JsonNode district = admin().get("/api/users?unitId=" + THO_XUAN).body();
        JsonNode tung = district.values().stream().filter(u -> u.get("username").asString().equals("pbt.xuanhoa")).findFirst().orElseThrow();
        assertThat(tung.get("displayName").asString()).isEqualTo("Phạm Văn Tùng, Phó Bí thư");
        assertThat(tung.get("unitId").asString()).isEqualTo(XUAN_HOA);

        HttpJson.Response twice = admin().post("/api/users/import", csv, "text/csv");
        assertThat(twice.status()).isEqualTo(200);
        assertThat(twice.body().get("created").values()).isEmpty();
        assertThat(twice.body().get("unchanged").values().stream().map(JsonNode::asString).toList())
                .containsExactly("mai.tholap", "pbt.xuanhoa", "btg2.thoxuan");
        Thread.sleep(500);
        assertThat(activationTokens("mai.tholap@thoxuan.doan.vn")).as("no second mail").hasSize(1);

        String oneBadRow = "unit_code,name,email,role\n"
                + "CS-THOXUAN-3,Lò Văn Sơn,son.tholoc@thoxuan.doan.vn,CADRE\n"
                + "CS-THOXUAN-3,Lò Thị Hà,ha.tholoc-thoxuan.doan.vn,CADRE\n"
                + "CS-THOXUAN-9,Vi Văn Nam,nam@thoxuan.doan.vn,CADRE\n";
        HttpJson.Response refused = admin().post("/api/users/import", oneBadRow, "text/csv");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("detail_vi").asString()).startsWith("Dòng 2, cột email");
        assertThat(refused.body().get("errors").values().stream().map(e -> e.get("row").asInt() + ":" + e.get("field").asString()).toList())
                .containsExactly("2:email", "3:unit_code");
        assertThat(usernames(admin().get("/api/users?unitId=" + THO_LOC).body())).doesNotContain("son.tholoc");
        assertThat(activationTokens("son.tholoc@thoxuan.doan.vn")).isEmpty();

        HttpJson.Response cadreImport = as("bt.xuanhoa", DEMO_PASSWORD).post("/api/users/import",
                "unit_code,name,email,role\nCS-THOXUAN-1,Lò Văn Sơn,son2.tholap@thoxuan.doan.vn,CADRE\n", "text/csv");
        assertThat(cadreImport.status()).isEqualTo(403);
        assertThat(cadreImport.body().get("rows").values().stream().map(JsonNode::asInt).toList()).containsExactly(1);
    }

    @Test
    void theConsoleLearnsThatUsersAreManagedHere() {
        assertThat(as("bt.tholap", DEMO_PASSWORD).get("/api/users/provider").body().get("managed").asBoolean()).isTrue();
    }
}
