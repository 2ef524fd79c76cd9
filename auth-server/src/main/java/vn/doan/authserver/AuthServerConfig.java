package vn.doan.authserver;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * Spring Authorization Server: the OAuth2 and OpenID Connect endpoints ({@code /oauth2/token},
 * {@code /oauth2/authorize}, {@code /oauth2/jwks}, {@code /.well-known/openid-configuration}), a login form for
 * users, and access tokens (JWT, RS256) that carry what the services need: {@code roles}, {@code unit_id},
 * {@code department}.
 */
@Configuration
class AuthServerConfig {

    static final String ROLES_SETTING = "doan.roles";

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
        OAuth2AuthorizationServerConfigurer server = new OAuth2AuthorizationServerConfigurer();
        http.securityMatcher(server.getEndpointsMatcher())
                .with(server, as -> as.oidc(Customizer.withDefaults()))
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                        new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain login(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a.requestMatchers("/actuator/health/**", "/actuator/health", "/error").permitAll()
                        .anyRequest().authenticated())
                .formLogin(Customizer.withDefaults());
        return http.build();
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(AuthProperties properties) {
        AuthorizationServerSettings.Builder settings = AuthorizationServerSettings.builder();
        if (properties.issuer() != null && !properties.issuer().isBlank()) {
            settings.issuer(properties.issuer());
        }
        return settings.build();
    }

    @Bean
    RegisteredClientRepository clients(AuthProperties properties) {
        return new InMemoryRegisteredClientRepository(properties.clients().stream().map(AuthServerConfig::client).toList());
    }

    static RegisteredClient client(AuthProperties.Client client) {
        boolean isPublic = client.secret() == null || client.secret().isBlank();
        RegisteredClient.Builder builder = RegisteredClient.withId(UUID.nameUUIDFromBytes(client.id().getBytes()).toString())
                .clientId(client.id())
                .clientSettings(ClientSettings.builder().requireProofKey(isPublic).requireAuthorizationConsent(false)
                        .setting(ROLES_SETTING, client.roles() == null ? List.of() : List.copyOf(client.roles())).build())
                .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE);
        if (isPublic) {
            builder.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
        } else {
            builder.clientSecret("{noop}" + client.secret())
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST);
        }
        client.grantTypes().forEach(type -> builder.authorizationGrantType(new AuthorizationGrantType(type)));
        if (client.redirectUris() != null) {
            client.redirectUris().forEach(builder::redirectUri);
        }
        return builder.build();
    }

    @Bean
    UserDetailsService users(AuthProperties properties) {
        return new InMemoryUserDetailsManager(properties.users().stream()
                .map(u -> User.withUsername(u.username()).password("{noop}" + u.password()).roles(u.roles().toArray(String[]::new)).build())
                .toList());
    }

    /**
     * roles, unit_id and department: from the user for a user's token, from the client's settings for a machine's;
     * azp: the client application, for the audit trail and the gateway's rate limit.
     */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> doanClaims(AuthProperties properties, UnitDirectory units) {
        Map<String, AuthProperties.User> byName = properties.users().stream()
                .collect(Collectors.toMap(AuthProperties.User::username, Function.identity()));
        return context -> {
            if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType()) && !"id_token".equals(context.getTokenType().getValue())) {
                return;
            }
            context.getClaims().claim("azp", context.getRegisteredClient().getClientId());
            if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
                List<String> roles = context.getRegisteredClient().getClientSettings().getSetting(ROLES_SETTING);
                context.getClaims().claim("roles", roles == null ? List.of() : roles);
                return;
            }
            AuthProperties.User user = byName.get(context.getPrincipal().getName());
            if (user == null) {
                return;
            }
            context.getClaims().claim("roles", user.roles());
            units.idOf(user.unitCode()).ifPresent(id -> context.getClaims().claim("unit_id", id));
            if (user.department() != null) {
                context.getClaims().claim("department", user.department());
            }
        };
    }
}
