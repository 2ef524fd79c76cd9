package vn.doan.authserver;

import java.util.List;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import vn.doan.authserver.activation.FirstSignInGuard;
import vn.doan.authserver.user.StoredUser;
import vn.doan.authserver.user.UserAdmin;
import vn.doan.authserver.user.UserStore;

/**
 * Spring Authorization Server: the OAuth2 and OpenID Connect endpoints ({@code /oauth2/token},
 * {@code /oauth2/authorize}, {@code /oauth2/jwks}, {@code /.well-known/openid-configuration}), a login form for
 * users (the stored users, {@code user/}), and access tokens (JWT, RS256) that carry what the services need:
 * {@code roles}, {@code unit_id}, {@code department}.
 */
@Configuration
class AuthServerConfig {

    static final String ROLES_SETTING = "doan.roles";

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(HttpSecurity http, UserStore users) throws Exception {
        OAuth2AuthorizationServerConfigurer server = new OAuth2AuthorizationServerConfigurer();
        http.securityMatcher(server.getEndpointsMatcher())
                .addFilterAfter(new FirstSignInGuard(users), SecurityContextHolderFilter.class)
                .with(server, as -> as.oidc(Customizer.withDefaults()))
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                        new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain login(HttpSecurity http, UserStore users) throws Exception {
        http.addFilterAfter(new FirstSignInGuard(users), SecurityContextHolderFilter.class)
                .authorizeHttpRequests(a -> a.requestMatchers("/actuator/health/**", "/actuator/health", "/error", "/activate", "/css/**")
                        .permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").permitAll());
        return http.build();
    }

    /** bcrypt for new passwords; the {@code {id}} prefix lets a stronger encoder take over without breaking stored ones. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
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
    RegisteredClientRepository clients(AuthProperties properties, PasswordEncoder encoder) {
        return new InMemoryRegisteredClientRepository(properties.clients().stream().map(c -> client(c, encoder)).toList());
    }

    static RegisteredClient client(AuthProperties.Client client, PasswordEncoder encoder) {
        boolean isPublic = client.secret() == null || client.secret().isBlank();
        RegisteredClient.Builder builder = RegisteredClient.withId(UUID.nameUUIDFromBytes(client.id().getBytes()).toString())
                .clientId(client.id())
                .clientSettings(ClientSettings.builder().requireProofKey(isPublic).requireAuthorizationConsent(false)
                        .setting(ROLES_SETTING, client.roles() == null ? List.of() : List.copyOf(client.roles())).build())
                .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE);
        if (isPublic) {
            builder.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
        } else {
            builder.clientSecret(encoder.encode(client.secret()))
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST);
        }
        client.grantTypes().forEach(type -> builder.authorizationGrantType(new AuthorizationGrantType(type)));
        if (client.redirectUris() != null) {
            client.redirectUris().forEach(builder::redirectUri);
        }
        return builder.build();
    }

    /**
     * roles, unit_id and department: from the user for a user's token, from the client's settings for a machine's;
     * azp: the client application, for the audit trail and the gateway's rate limit.
     */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> doanClaims(UserStore users, UserAdmin admin) {
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
            StoredUser user = users.find(context.getPrincipal().getName()).orElse(null);
            if (user == null) {
                return;
            }
            if (!user.enabled()) {
                // a refresh token outlives the sign-in: a user disabled since then gets no new access token
                throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT, "The user is disabled.", null));
            }
            if (user.mustChangePassword()) {
                // a temporary password opens only the page that replaces it (FirstSignInGuard); no client gets a token with it
                throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT,
                        "The user must replace the temporary password first.", null));
            }
            context.getClaims().claim("roles", user.roles());
            admin.unitIdOf(user).ifPresent(id -> context.getClaims().claim("unit_id", id));
            if (user.department() != null) {
                context.getClaims().claim("department", user.department());
            }
        };
    }
}
