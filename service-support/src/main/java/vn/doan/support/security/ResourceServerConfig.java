package vn.doan.support.security;

import java.time.Clock;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import org.springframework.data.mongodb.core.MongoTemplate;
import vn.doan.support.audit.AuditFilter;
import vn.doan.web.AuthProblems;

/**
 * Every service is an OAuth2 resource server: it validates each request's JWT itself (signature from
 * {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri}, issuer from {@code issuer-uri}), whatever
 * the gateway did. Health, metrics and the OpenAPI document are open; every other request needs a valid
 * token and passes the service's {@link AccessRules}. Refusals are problem+json. A verified token is remembered for
 * a few minutes ({@link VerifiedTokens}).
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSecurity
public class ResourceServerConfig {

    @Bean
    @ConditionalOnMissingBean
    Access access(ObjectProvider<UnitTree> tree) {
        return new Access(tree.getIfAvailable(() -> unitId -> Optional.empty()));
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain resourceServer(HttpSecurity http, ObjectProvider<AccessRules> rules, JwtDecoder decoder, MongoTemplate mongo,
            Clock clock) throws Exception {
        AuthProblems problems = new AuthProblems();
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .oauth2ResourceServer(o -> o.jwt(jwt -> jwt.decoder(new VerifiedTokens(decoder, Clock.systemUTC()))
                                .jwtAuthenticationConverter(roles()))
                        .authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                // inside the token check, outside the 403 answer: refusals are audited with who was refused
                .addFilterBefore(new AuditFilter(mongo, clock), ExceptionTranslationFilter.class)
                .authorizeHttpRequests(a -> {
                    a.requestMatchers(HttpMethod.GET, "/actuator/**", "/v3/api-docs/**", "/v3/api-docs", "/swagger-ui/**",
                            "/swagger-ui.html").permitAll();
                    a.requestMatchers("/error").permitAll();
                    a.requestMatchers("/actuator/**").hasRole(Caller.ADMIN);
                    rules.orderedStream().forEach(r -> r.apply(a));
                    a.anyRequest().authenticated();
                });
        return http.build();
    }

    /**
     * The {@code roles} claim becomes {@code ROLE_*} authorities: for every service, and for the auth-server's own
     * {@code /api/users}, which has security chains of its own.
     */
    public static JwtAuthenticationConverter roles() {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName("roles");
        authorities.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return converter;
    }
}
