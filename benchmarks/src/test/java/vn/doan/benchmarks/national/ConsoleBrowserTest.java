package vn.doan.benchmarks.national;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's browser signing a province cadre in against an HTTP server that answers as the console and the
 * auth-server do: the page sends a signed-out browser to the login form (a session cookie, a CSRF token), the login
 * with a temporary password leads to the password change (another token), which leads back to the page, now with the
 * console's session cookie.
 */
class ConsoleBrowserTest {

    private static final String PAGE = "<h2 id=\"unit-name\">Thành đoàn Hà Nội</h2><strong class=\"figure\">87,5% (7/8)</strong>";

    private HttpServer server;
    private String url;
    private final List<String> posted = new CopyOnWriteArrayList<>();

    @BeforeEach
    void consoleAndAuthServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/bang-theo-doi", exchange -> {
            if (cookies(exchange).contains("DOAN_CONSOLE_SESSION=signed-in")) {
                answer(exchange, 200, PAGE);
            } else {
                redirect(exchange, "/oauth2/authorization/doan", "DOAN_CONSOLE_SESSION=signed-out");
            }
        });
        server.createContext("/oauth2/authorization/doan", exchange -> redirect(exchange, "/login", "JSESSIONID=a1"));
        server.createContext("/login", exchange -> {
            if (exchange.getRequestMethod().equals("GET")) {
                answer(exchange, 200, "<form method=\"post\" action=\"/login\"><input type=\"hidden\" name=\"_csrf\" value=\"csrf-login\"/>"
                        + "<input name=\"username\"><input name=\"password\"></form>");
                return;
            }
            String body = body(exchange);
            boolean right = body.contains("password=Gh7k-Tm4q-Xw9p") && cookies(exchange).contains("JSESSIONID=a1");
            redirect(exchange, right ? "/doi-mat-khau" : "/login?error", null);
        });
        server.createContext("/doi-mat-khau", exchange -> {
            if (exchange.getRequestMethod().equals("GET")) {
                answer(exchange, 200, "<form method=\"post\" action=\"/doi-mat-khau\"><input type=\"hidden\" name=\"_csrf\" value=\"csrf-change\"/>"
                        + "<input name=\"current\"><input name=\"password\"><input name=\"confirmation\"></form>");
                return;
            }
            body(exchange);
            redirect(exchange, "/login/oauth2/code/doan?code=c0de", null);
        });
        server.createContext("/login/oauth2/code/doan", exchange -> redirect(exchange, "/bang-theo-doi?unitId=U-HN&continue",
                "DOAN_CONSOLE_SESSION=signed-in"));
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort() + "/bang-theo-doi?unitId=U-HN";
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aCadreSignsInWithTheTemporaryPasswordSetsTheirOwnAndLandsOnThePageAsked() throws Exception {
        ConsoleBrowser browser = new ConsoleBrowser();

        HttpResponse<String> page = browser.signIn(url, "bt.t01", "Gh7k-Tm4q-Xw9p", "BangTheoDoi@2026");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).isEqualTo(PAGE);
        assertThat(posted).containsExactly("/login username=bt.t01&password=Gh7k-Tm4q-Xw9p&_csrf=csrf-login",
                "/doi-mat-khau current=Gh7k-Tm4q-Xw9p&password=BangTheoDoi@2026&confirmation=BangTheoDoi@2026&_csrf=csrf-change");
        // the session cookie is kept: the page again, in one request
        assertThat(browser.get(url).body()).isEqualTo(PAGE);
        // signed out, the page is a redirect, which a timed request does not follow
        assertThat(new ConsoleBrowser().get(url).statusCode()).isEqualTo(302);
    }

    @Test
    void aRefusedLoginEndsTheSignInWhereTheLoginFormSentIt() {
        assertThatThrownBy(() -> new ConsoleBrowser().signIn(url, "bt.t01", "Gh7k-Tm4q-Xw9P", "BangTheoDoi@2026"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("bt.t01").hasMessageContaining("/login?error");
    }

    private String body(HttpExchange exchange) throws IOException {
        String body = URLDecoder.decode(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        posted.add(exchange.getRequestURI().getPath() + " " + body);
        return body;
    }

    private static String cookies(HttpExchange exchange) {
        return String.join(";", exchange.getRequestHeaders().getOrDefault("Cookie", List.of()));
    }

    private static void redirect(HttpExchange exchange, String location, String cookie) throws IOException {
        exchange.getResponseHeaders().add("Location", location);
        if (cookie != null) {
            exchange.getResponseHeaders().add("Set-Cookie", cookie + "; Path=/; HttpOnly");
        }
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private static void answer(HttpExchange exchange, int status, String html) throws IOException {
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/html;charset=UTF-8");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
