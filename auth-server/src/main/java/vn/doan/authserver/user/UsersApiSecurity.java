package vn.doan.authserver.user;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import vn.doan.authserver.AuthProperties;
import vn.doan.support.audit.AuditFilter;
import vn.doan.support.security.Caller;

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
        http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .oauth2ResourceServer(o -> o.jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(roles()))
                        .authenticationEntryPoint((request, response, e) -> problem(response, 401, "auth.token-missing-or-invalid",
                                "A valid bearer access token is required.", "Cần đăng nhập: thiếu hoặc sai mã truy cập (access token)."))
                        .accessDeniedHandler((request, response, e) -> forbidden(response)))
                .exceptionHandling(e -> e.accessDeniedHandler((request, response, denied) -> forbidden(response)))
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

    private static JwtAuthenticationConverter roles() {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName("roles");
        authorities.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return converter;
    }

    private static void forbidden(HttpServletResponse response) throws IOException {
        problem(response, 403, "access.denied", "Your role or unit does not allow this.",
                "Vai trò hoặc đơn vị của bạn không được phép thực hiện thao tác này.");
    }

    private static void problem(HttpServletResponse response, int status, String rule, String detail, String detailVi) throws IOException {
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"urn:doan:problem:" + rule + "\",\"status\":" + status + ",\"detail\":\"" + detail
                + "\",\"rule\":\"" + rule + "\",\"detail_vi\":\"" + detailVi + "\"}");
    }
}
