package vn.doan.support.test;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * An issuer of signed access tokens for tests: one RSA key per test JVM, its public half served as a JWK
 * set over real HTTP, and tokens for any user, role and unit. Services under test validate them exactly as
 * they validate the authorisation server's.
 */
public final class TestTokens {

    public static final String ISSUER = "http://doan-test-issuer";
    public static final String CLIENT = "doan-tests";
    private static RSAKey key;
    private static String jwkSetUri;

    private TestTokens() {
    }

    /** Points a service at this issuer. */
    public static void register(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> ISSUER);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestTokens::jwkSetUri);
    }

    public static synchronized String jwkSetUri() {
        if (jwkSetUri == null) {
            try {
                key = new RSAKeyGenerator(2048).keyID("doan-test-key").generate();
                byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
                HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                server.createContext("/jwks", exchange -> {
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, jwks.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(jwks);
                    }
                });
                server.setExecutor(null);
                server.start();
                jwkSetUri = "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
            } catch (JOSEException | IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return jwkSetUri;
    }

    /** The platform administrator, as the demo data loader: may do everything. */
    public static String admin() {
        return token("quan-tri-he-thong", null, null, "ADMIN");
    }

    /** A Union cadre (Bí thư, Phó Bí thư, BTV) of the given unit. */
    public static String cadre(String subject, String unitId) {
        return token(subject, unitId, null, "CADRE");
    }

    public static String departmentStaff(String subject, String unitId, String department) {
        return token(subject, unitId, department, "DEPARTMENT_STAFF");
    }

    public static String analyst(String subject) {
        return token(subject, null, null, "ANALYST");
    }

    public static String token(String subject, String unitId, String department, String... roles) {
        return sign(subject, unitId, department, ISSUER, Instant.now().plusSeconds(3600), roles);
    }

    /** Signed by the right key but expired an hour ago. */
    public static String expired(String subject, String unitId, String... roles) {
        return sign(subject, unitId, null, ISSUER, Instant.now().minusSeconds(3600), roles);
    }

    /** A cadre's token that expires at {@code expiry}. */
    public static String expiringAt(String subject, String unitId, Instant expiry) {
        return sign(subject, unitId, null, ISSUER, expiry, "CADRE");
    }

    /** Signed by the right key for another issuer. */
    public static String otherIssuer(String subject, String unitId, String... roles) {
        return sign(subject, unitId, null, "http://somebody-else", Instant.now().plusSeconds(3600), roles);
    }

    private static String sign(String subject, String unitId, String department, String issuer, Instant expiry, String... roles) {
        jwkSetUri();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer).subject(subject).jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(expiry.minusSeconds(3600))).expirationTime(Date.from(expiry))
                .claim("roles", List.of(roles)).claim("azp", CLIENT);
        if (unitId != null) {
            claims.claim("unit_id", unitId);
        }
        if (department != null) {
            claims.claim("department", department);
        }
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
