package vn.doan.authserver.user;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import vn.doan.authserver.AuthProperties;
import vn.doan.support.audit.AuditFilter;
import vn.doan.support.security.Caller;
import vn.doan.support.security.ResourceServerConfig;
import vn.doan.web.AuthProblems;

/**
 * {@code /api/users} is a resource server with the services' rules (service-support's {@code ResourceServerConfig}, which
 * steps aside in an application with security chains of its own): a bearer token signed by this server, roles from the
 * {@code roles} claim, 401 and 403 as problem+json with {@code detail_vi}, writes in the {@code audit} collection.
 */
@Configuration
class UsersApiSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain usersApi(HttpSecurity http, JwtDecoder decoder, MongoTemplate mongo, Clock clock) throws Exception {
        AuthProblems problems = new AuthProblems();
        http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .oauth2ResourceServer(o -> o.jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(ResourceServerConfig.roles()))
                        .authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .exceptionHandling(e -> e.accessDeniedHandler(problems))
                .addFilterBefore(new AuditFilter(mongo, clock), ExceptionTranslationFilter.class)
                .authorizeHttpRequests(a -> a.requestMatchers("/api/users/provider").authenticated()
                        .requestMatchers("/api/users/**", "/api/users").hasAnyRole(Caller.ADMIN, Caller.CADRE)
                        .anyRequest().denyAll());
        return http.build();
    }

    /** This server's own tokens, checked against its own keys and issuer (no call over HTTP to itself). */
    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> keys, AuthProperties properties) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys).build();
        if (properties.issuer() != null && !properties.issuer().isBlank()) {
            decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(properties.issuer()));
        }
        return decoder;
    }
}
