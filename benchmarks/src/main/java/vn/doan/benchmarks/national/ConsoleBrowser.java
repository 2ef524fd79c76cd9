package vn.doan.benchmarks.national;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The web console as a browser without a screen uses it: one cookie jar for the console's session and the
 * auth-server's, HTML asked for, redirects followed one by one, forms posted with the CSRF token they carry. Signing in
 * is the console's authorization code flow: the console sends the browser to the auth-server's login form, then (a
 * temporary password) to the first sign-in's password change, then back to the console with the code.
 */
final class ConsoleBrowser {

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*action=\"([^\"]*)\"");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final int MAX_REDIRECTS = 20;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

    /**
     * Opens {@code url} signed out and signs in on the forms the console sends the browser to: the login form with
     * {@code temporaryPassword}, then the password change to {@code ownPassword}.
     *
     * @return the page at {@code url}, shown after the sign-in
     */
    HttpResponse<String> signIn(String url, String username, String temporaryPassword, String ownPassword) throws Exception {
        HttpResponse<String> page = follow(get(url));
        for (int form = 0; form < 2 && page.statusCode() == 200; form++) {
            if (page.body().contains("name=\"confirmation\"")) {
                page = submit(page, "current", temporaryPassword, "password", ownPassword, "confirmation", ownPassword);
            } else if (page.body().contains("name=\"username\"")) {
                page = submit(page, "username", username, "password", temporaryPassword);
            }
        }
        // Spring Security's saved request comes back with its marker parameter added: the same page
        if (page.statusCode() != 200 || !page.uri().getPath().equals(URI.create(url).getPath())) {
            throw new IllegalStateException("Sign-in of " + username + " at the web console ended at " + page.uri() + " with HTTP "
                    + page.statusCode());
        }
        return page;
    }

    /** One GET with the session's cookies, redirects not followed (an expired session answers 302, not the page). */
    HttpResponse<String> get(String url) throws Exception {
        return http.send(html(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts the page's form with these names and values, in this order, its CSRF token added; follows where it leads. */
    private HttpResponse<String> submit(HttpResponse<String> page, String... namesAndValues) throws Exception {
        Matcher action = FORM_ACTION.matcher(page.body());
        if (!action.find()) {
            throw new IllegalStateException("No form at " + page.uri());
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        Matcher csrf = CSRF.matcher(page.body());
        if (csrf.find()) {
            fields.put("_csrf", csrf.group(1));
        }
        String body = fields.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        URI to = page.uri().resolve(action.group(1).replace("&amp;", "&"));
        return follow(http.send(html(to).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()));
    }

    /** GETs each {@code Location} in turn until an answer is not a redirect. */
    private HttpResponse<String> follow(HttpResponse<String> answer) throws Exception {
        for (int hop = 0; hop < MAX_REDIRECTS; hop++) {
            if (answer.statusCode() / 100 != 3) {
                return answer;
            }
            URI from = answer.uri();
            int status = answer.statusCode();
            String location = answer.headers().firstValue("Location")
                    .orElseThrow(() -> new IllegalStateException("HTTP " + status + " without Location at " + from));
            answer = get(from.resolve(location).toString());
        }
        throw new IllegalStateException("More than " + MAX_REDIRECTS + " redirects from " + answer.uri());
    }

    private static HttpRequest.Builder html(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("Accept", "text/html,application/xhtml+xml")
                .header("Accept-Language", "vi-VN,vi");
    }
}
