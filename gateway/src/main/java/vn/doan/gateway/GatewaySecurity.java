package vn.doan.gateway;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.context.support.WebApplicationContextUtils;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import vn.doan.web.AuthProblems;
import vn.doan.web.BodySizeLimitFilter;
import vn.doan.web.CorrelationIdFilter;

/**
 * The gateway's wall: {@code /api/**} needs a valid access token (the services check it again, with the
 * user's role and unit); CORS for the browser app; the correlation id first, then the body size limit, and
 * the rate limit once the caller is known. Swagger UI, the services' OpenAPI documents and the event schemas are open.
 * The actuator is on the management port ({@code management.server.port}), which only the cluster reaches.
 */
@Configuration
class GatewaySecurity {

    /**
     * The management server, which Spring Boot puts behind this same filter chain proxy: health (the probes) and the
     * Prometheus scrape answer there without a token, nothing else does. Matched by the server a request came in on, not by
     * its path, so the same paths on the public port still meet {@link #gatewayChain}, which refuses the metrics.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain managementChain(HttpSecurity http) throws Exception {
        AuthProblems problems = new AuthProblems("This address is not open on the management port.", "Địa chỉ này không được mở trên cổng quản trị.");
        http.securityMatcher(GatewaySecurity::onManagementServer)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/actuator/prometheus").permitAll()
                        .anyRequest().denyAll());
        return http.build();
    }

    /** Whether {@code request} came in on the management server (a port of its own), not on the public one. */
    static boolean onManagementServer(HttpServletRequest request) {
        return WebServerApplicationContext.hasServerNamespace(WebApplicationContextUtils.getWebApplicationContext(request.getServletContext()),
                WebServerNamespace.MANAGEMENT.getValue());
    }

    @Bean
    SecurityFilterChain gatewayChain(HttpSecurity http, GatewayProperties properties) throws Exception {
        AuthProblems problems = new AuthProblems("This address is not open through the gateway.", "Địa chỉ này không được mở qua cổng API.");
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .cors(Customizer.withDefaults())
                .oauth2ResourceServer(o -> o.jwt(Customizer.withDefaults()).authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .addFilterAfter(new RateLimitFilter(properties.rateLimit()), BearerTokenAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.OPTIONS, "/**").permitAll()
                        // health stays open here for a deployment that puts the actuator back on the public port
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/swagger-ui.html", "/swagger-ui/**",
                                "/gateway/api-docs/**", "/gateway/api-docs", "/openapi/*", EventSchemas.SCHEMAS).permitAll()
                        .requestMatchers("/api/**").authenticated()
                        .anyRequest().denyAll());
        return http.build();
    }

    @Bean
    CorsConfigurationSource corsConfigurationSource(GatewayProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(properties.allowedOrigins());
        cors.addAllowedMethod("GET");
        cors.addAllowedMethod("POST");
        cors.addAllowedMethod("PUT");
        cors.addAllowedMethod("DELETE");
        cors.addAllowedHeader("Authorization");
        cors.addAllowedHeader("Content-Type");
        cors.addAllowedHeader("Idempotency-Key");
        cors.addAllowedHeader(CorrelationIdFilter.HEADER);
        cors.addExposedHeader(CorrelationIdFilter.HEADER);
        cors.addExposedHeader("Retry-After");
        cors.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", cors);
        return source;
    }

    @Bean
    org.springframework.boot.web.server.WebServerFactoryCustomizer<org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory>
            problemErrorPages() {
        return factory -> factory.addContextCustomizers(context ->
                ((org.apache.catalina.core.StandardHost) context.getParent()).setErrorReportValveClass(ProblemErrorReportValve.class.getName()));
    }

    @Bean
    FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
        FilterRegistrationBean<CorrelationIdFilter> registration = new FilterRegistrationBean<>(new CorrelationIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(GatewayProperties properties) {
        FilterRegistrationBean<BodySizeLimitFilter> registration = new FilterRegistrationBean<>(
                BodySizeLimitFilter.everyBody(properties.maxBodyBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }
}
