package vn.doan.support.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers tokens whose signature and claims were verified, so that the many requests a client makes with one
 * access token pay for the signature check once, not on every request. A remembered
 * token is accepted only while it has not expired (no clock-skew allowance: stricter than the decoder) and for at
 * most {@link #REMEMBER} after it was verified, so a signing key withdrawn from the key set stops being trusted
 * within that time. Everything else goes to the decoder, which decides. At most {@link #MAX} tokens are kept;
 * when full, the memory starts afresh.
 */
final class VerifiedTokens implements JwtDecoder {

    static final Duration REMEMBER = Duration.ofMinutes(5);
    static final int MAX = 10_000;

    private record Verified(Jwt jwt, Instant until) {
    }

    private final JwtDecoder decoder;
    private final Clock clock;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    VerifiedTokens(JwtDecoder decoder, Clock clock) {
        this.decoder = decoder;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Instant now = clock.instant();
        Verified known = verified.get(token);
        if (known != null && now.isBefore(known.until())) {
            return known.jwt();
        }
        Jwt jwt = decoder.decode(token);
        Instant until = now.plus(REMEMBER);
        if (jwt.getExpiresAt() != null && jwt.getExpiresAt().isBefore(until)) {
            until = jwt.getExpiresAt();
        }
        if (verified.size() >= MAX) {
            verified.clear();
        }
        verified.put(token, new Verified(jwt, until));
        return jwt;
    }
}
