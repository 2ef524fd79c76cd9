package vn.doan.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import vn.doan.support.test.TestTokens;

/** The memory of verified tokens, in front of a real decoder that fetches the test issuer's keys over HTTP. */
class VerifiedTokensTest {

    private final Instant start = Instant.now();
    private Instant now = start;
    private final AtomicInteger decoded = new AtomicInteger();
    private final VerifiedTokens tokens = new VerifiedTokens(counting(), new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

    private JwtDecoder counting() {
        NimbusJwtDecoder nimbus = NimbusJwtDecoder.withJwkSetUri(TestTokens.jwkSetUri()).build();
        nimbus.setJwtValidator(new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(), new JwtIssuerValidator(TestTokens.ISSUER)));
        return token -> {
            decoded.incrementAndGet();
            return nimbus.decode(token);
        };
    }

    @Test
    void aVerifiedTokenIsCheckedOnceThenRememberedForFiveMinutes() {
        String token = TestTokens.cadre("bt.thoxuan", "thoxuan");

        assertThat(tokens.decode(token).getSubject()).isEqualTo("bt.thoxuan");
        assertThat(tokens.decode(token).getClaimAsString("unit_id")).isEqualTo("thoxuan");
        assertThat(decoded).hasValue(1);

        now = start.plusSeconds(299);
        tokens.decode(token);
        assertThat(decoded).hasValue(1);

        now = start.plusSeconds(300);
        assertThat(tokens.decode(token).getSubject()).isEqualTo("bt.thoxuan");
        assertThat(decoded).hasValue(2);
    }

    @Test
    void aTokenIsNotRememberedPastItsExpiry() {
        String token = TestTokens.expiringAt("bt.tholap", "tholap", start.plusSeconds(120));

        tokens.decode(token);
        now = start.plusSeconds(119);
        tokens.decode(token);
        assertThat(decoded).hasValue(1);

        now = start.plusSeconds(120);
        tokens.decode(token);
        assertThat(decoded).hasValue(2);
    }

    @Test
    void refusedTokensAreNeverRemembered() {
        String good = TestTokens.cadre("bt.xuanhoa", "xuanhoa");
        String forged = good.substring(0, good.length() - 4) + (good.endsWith("AAAA") ? "BBBB" : "AAAA");
        String expired = TestTokens.expired("bt.xuanhoa", "xuanhoa", "CADRE");

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> tokens.decode(forged)).isInstanceOf(JwtException.class);
            assertThatThrownBy(() -> tokens.decode(expired)).isInstanceOf(JwtException.class).hasMessageContaining("expired");
        }
        assertThat(decoded).hasValue(4);
    }
}
