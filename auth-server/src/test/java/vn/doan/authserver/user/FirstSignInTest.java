package vn.doan.authserver.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import vn.doan.support.test.HttpJson;

/**
 * A temporary password from the administrator opens nothing but the page that replaces it: no authorization code and no
 * token until the person has set their own, then the sign-in continues to the client that asked.
 */
class FirstSignInTest extends UsersTestBase {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    static final String OWN_PASSWORD = "Xuan-Hoa-thang-12";

    @Test
    void theSecretarySignsInWithTheTemporaryPasswordAndMustSetTheirOwnBeforeAnyToken() throws Exception {
        assertThat(admin().post("/api/users", newUser("bt4.xuanhoa", "Nguyễn Thị Lan", "CADRE", XUAN_HOA)).status()).isEqualTo(201);
        String link = awaitActivationToken("bt4.xuanhoa@thoxuan.doan.vn", 1);
        HttpJson.Response issued = admin().post("/api/users/bt4.xuanhoa/temporary-password", "");
        assertThat(issued.status()).isEqualTo(200);
        String temporary = issued.body().get("temporaryPassword").asString();
        assertThat(temporary).matches("[A-Za-z2-9]{4}-[A-Za-z2-9]{4}-[A-Za-z2-9]{4}");
        Document stored = mongo.getCollection("users").find(new Document("_id", "bt4.xuanhoa")).first();
        assertThat(stored.getString("password")).startsWith("{bcrypt}").doesNotContain(temporary);
        assertThat(stored.getBoolean("mustChangePassword")).isTrue();
        assertThat(admin().get("/api/users?unitId=" + XUAN_HOA).body().values().stream()
                .filter(u -> u.get("username").asString().equals("bt4.xuanhoa")).findFirst().orElseThrow()
                .get("mustChangePassword").asBoolean()).isTrue();
        assertThat(activate(link, OWN_PASSWORD, OWN_PASSWORD).body()).as("the mailed link gave way to the temporary password")
                .contains("không hợp lệ, đã được dùng hoặc đã hết hạn");

        assertThatThrownBy(() -> tokens().login(WEB, CALLBACK, "bt4.xuanhoa", temporary)).as("no code for a temporary password")
                .hasMessageContaining("No authorization code in").hasMessageContaining("/doi-mat-khau");

        Browser browser = new Browser();
        String authorize = baseUrl() + "/oauth2/authorize?response_type=code&client_id=" + WEB + "&redirect_uri="
                + URLEncoder.encode(CALLBACK, StandardCharsets.UTF_8) + "&scope=openid&code_challenge_method=S256"
                + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
        assertThat(browser.get(authorize).headers().firstValue("Location").orElseThrow()).endsWith("/login");
        HttpResponse<String> signedIn = browser.post("/login", Map.of("username", "bt4.xuanhoa", "password", temporary), browser.get("/login"));
        HttpResponse<String> held = browser.get(signedIn.headers().firstValue("Location").orElseThrow());
        assertThat(held.headers().firstValue("Location").orElseThrow()).as("the authorization request is held back").endsWith("/doi-mat-khau");

        assertThat(browser.get("/favicon.ico", "image/avif,image/webp,*/*").headers().firstValue("Location").orElseThrow())
                .as("what the browser fetches on its own is held back too, but not returned to").endsWith("/doi-mat-khau");
        HttpResponse<String> page = browser.get("/doi-mat-khau");
        assertThat(page.body()).contains("Đổi mật khẩu", "đang dùng mật khẩu tạm thời", "bt4.xuanhoa");
        assertThat(browser.post("/doi-mat-khau", change("sai-mat-khau", OWN_PASSWORD, OWN_PASSWORD), page).body())
                .contains("Mật khẩu hiện tại không đúng.");
        assertThat(browser.post("/doi-mat-khau", change(temporary, "ngan", "ngan"), page).body()).contains("ít nhất 10 ký tự");
        assertThat(browser.post("/doi-mat-khau", change(temporary, OWN_PASSWORD, OWN_PASSWORD + "x"), page).body()).contains("không khớp");
        assertThat(browser.post("/doi-mat-khau", change(temporary, temporary, temporary), page).body())
                .contains("phải khác mật khẩu tạm thời");
        assertThatThrownBy(() -> tokens().login(WEB, CALLBACK, "bt4.xuanhoa", temporary)).as("still nothing before the change")
                .hasMessageContaining("/doi-mat-khau");

        HttpResponse<String> changed = browser.post("/doi-mat-khau", change(temporary, OWN_PASSWORD, OWN_PASSWORD), page);
        assertThat(changed.statusCode()).isEqualTo(302);
        String resumed = changed.headers().firstValue("Location").orElseThrow();
        assertThat(resumed).as("the sign-in continues with the client's request").contains("/oauth2/authorize").contains("client_id=" + WEB);
        assertThat(browser.get(resumed).headers().firstValue("Location").orElseThrow()).startsWith(CALLBACK + "?code=");

        assertThat(claims(tokens().login(WEB, CALLBACK, "bt4.xuanhoa", OWN_PASSWORD)).get("unit_id").asString()).isEqualTo(XUAN_HOA);
        assertThatThrownBy(() -> tokens().login(WEB, CALLBACK, "bt4.xuanhoa", temporary)).hasMessageContaining("Login refused");
        Document after = mongo.getCollection("users").find(new Document("_id", "bt4.xuanhoa")).first();
        assertThat(after.getBoolean("mustChangePassword")).isFalse();
    }

    @Test
    void onlyTheUnitsAboveGiveATemporaryPassword() throws Exception {
        createAndActivate("bt5.tholap", "CADRE", THO_LAP, OWN_PASSWORD);
        createAndActivate("bt5.xuanhoa", "CADRE", XUAN_HOA, OWN_PASSWORD);
        HttpJson.Response sibling = as("bt5.tholap", OWN_PASSWORD).post("/api/users/bt5.xuanhoa/temporary-password", "");
        assertThat(sibling.status()).isEqualTo(403);
        assertThat(sibling.body().get("rule").asString()).isEqualTo("access.denied");
        assertThat(sibling.body().get("detail_vi").asString()).isEqualTo("Vai trò hoặc đơn vị của bạn không được phép thực hiện thao tác này.");
        assertThat(sibling.body().has("temporaryPassword")).isFalse();
        assertThat(mongo.getCollection("users").find(new Document("_id", "bt5.xuanhoa")).first().getBoolean("mustChangePassword"))
                .as("the refused request changed nothing").isFalse();
        HttpJson.Response district = as("bt.thoxuan", DEMO_PASSWORD).post("/api/users/bt5.xuanhoa/temporary-password", "");
        assertThat(district.status()).isEqualTo(200);
        assertThat(district.body().get("username").asString()).isEqualTo("bt5.xuanhoa");
        assertThat(district.body().get("temporaryPassword").asString()).matches("[A-Za-z2-9]{4}-[A-Za-z2-9]{4}-[A-Za-z2-9]{4}");
        assertThat(admin().anonymous().post("/api/users/bt5.xuanhoa/temporary-password", "").status()).isEqualTo(401);
        HttpJson.Response nobody = admin().post("/api/users/nobody.here/temporary-password", "");
        assertThat(nobody.status()).isEqualTo(404);
        assertThat(nobody.body().get("detail_vi").asString()).isEqualTo("Không có người dùng nobody.here.");
    }

    private static Map<String, String> change(String current, String password, String confirmation) {
        return Map.of("current", current, "password", password, "confirmation", confirmation);
    }

    /** A browser that keeps cookies and shows each redirect instead of following it. */
    private final class Browser {

        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .build();

        HttpResponse<String> get(String url) throws Exception {
            return get(url, "text/html");
        }

        HttpResponse<String> get(String url, String accept) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(url.startsWith("http") ? url : baseUrl() + url)).header("Accept", accept)
                    .GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        /** Posts the form with the CSRF token of the page it is on. */
        HttpResponse<String> post(String path, Map<String, String> fields, HttpResponse<String> page) throws Exception {
            Matcher csrf = CSRF.matcher(page.body());
            assertThat(csrf.find()).as("a CSRF token on " + page.uri()).isTrue();
            Map<String, String> form = new LinkedHashMap<>(fields);
            form.put("_csrf", csrf.group(1));
            String body = form.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
    }
}
