package vn.doan.authserver;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Gets access tokens from an OAuth2 authorisation server over plain HTTP, as a client would: client
 * credentials for a machine (the demo data loader), or a user's login through the authorization-code flow with
 * PKCE (as the web and mobile apps do, minus the browser). Used by the local stack and the tests.
 */
public final class TokenClient {

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern REFRESH_TOKEN = Pattern.compile("\"refresh_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private final String baseUrl;

    public TokenClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** A machine's token. */
    public String clientCredentials(String clientId, String secret) {
        HttpResponse<String> response = send(HttpClient.newHttpClient(), HttpRequest.newBuilder(URI.create(baseUrl + "/oauth2/token"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build());
        return accessToken(response);
    }

    /** A user's token: login form, consent-free authorization code, code exchange with the PKCE verifier. */
    public String login(String clientId, String redirectUri, String username, String password) {
        return accessToken(loginResponse(clientId, null, redirectUri, username, password));
    }

    /** The access and the refresh token of a user's login with a confidential client (the web console). */
    public Map<String, String> loginWithRefresh(String clientId, String secret, String redirectUri, String username, String password) {
        HttpResponse<String> response = loginResponse(clientId, secret, redirectUri, username, password);
        Matcher refresh = REFRESH_TOKEN.matcher(response.body());
        return Map.of("access_token", accessToken(response), "refresh_token", refresh.find() ? refresh.group(1) : "");
    }

    /** A new access token for a refresh token of a confidential client. */
    public String refresh(String clientId, String secret, String refreshToken) {
        return accessToken(send(HttpClient.newHttpClient(), HttpRequest.newBuilder(URI.create(baseUrl + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken,
                        "client_id", clientId, "client_secret", secret)))).build()));
    }

    private HttpResponse<String> loginResponse(String clientId, String secret, String redirectUri, String username, String password) {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        String verifier = randomVerifier();
        String authorize = baseUrl + "/oauth2/authorize?" + form(Map.of("response_type", "code", "client_id", clientId,
                "redirect_uri", redirectUri, "scope", "openid", "code_challenge", challenge(verifier), "code_challenge_method", "S256"));
        send(browser, HttpRequest.newBuilder(URI.create(authorize)).header("Accept", "text/html").GET().build());
        String loginPage = send(browser, HttpRequest.newBuilder(URI.create(baseUrl + "/login")).GET().build()).body();
        Matcher csrf = CSRF.matcher(loginPage);
        Map<String, String> fields = new java.util.LinkedHashMap<>(Map.of("username", username, "password", password));
        if (csrf.find()) {
            fields.put("_csrf", csrf.group(1));
        }
        HttpResponse<String> loggedIn = send(browser, HttpRequest.newBuilder(URI.create(baseUrl + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form(fields))).build());
        String next = loggedIn.headers().firstValue("Location").orElseThrow(() -> new IllegalStateException("Login refused for " + username));
        if (next.contains("error")) {
            throw new IllegalStateException("Login refused for " + username);
        }
        HttpResponse<String> granted = send(browser, HttpRequest.newBuilder(URI.create(next.startsWith("http") ? next : baseUrl + next)).GET().build());
        String location = granted.headers().firstValue("Location").orElseThrow(() -> new IllegalStateException("No authorization code: "
                + granted.statusCode()));
        Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(location);
        if (!code.find()) {
            throw new IllegalStateException("No authorization code in " + location);
        }
        Map<String, String> exchange = new java.util.LinkedHashMap<>(Map.of("grant_type", "authorization_code", "client_id", clientId,
                "redirect_uri", redirectUri, "code", URLDecoder(code.group(1)), "code_verifier", verifier));
        if (secret != null) {
            exchange.put("client_secret", secret);
        }
        return send(browser, HttpRequest.newBuilder(URI.create(baseUrl + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(exchange))).build());
    }

    private static String URLDecoder(String value) {
        return java.net.URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    private static String accessToken(HttpResponse<String> response) {
        Matcher token = ACCESS_TOKEN.matcher(response.body());
        if (response.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException("No access token: HTTP " + response.statusCode() + " " + response.body());
        }
        return token.group(1);
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String randomVerifier() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("Call to the authorisation server failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
