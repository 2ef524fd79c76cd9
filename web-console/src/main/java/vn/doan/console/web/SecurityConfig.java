package vn.doan.console.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfFilter;

/**
 * Sign-in through the auth-server (authorization code; the tokens stay in the server-side session, the browser
 * holds only the HttpOnly SameSite session cookie), CSRF tokens on every form (Spring Security's default; an upload too large
 * to read goes to the page that says so before the check, see {@link UploadLimit}), and
 * after a new sign-in the user lands on the page they asked for (the saved request).
 */
@Configuration
class SecurityConfig {

    @Bean
    SecurityFilterChain console(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/webjars/**", "/static/**", "/actuator/health/**", "/error").permitAll()
                        .anyRequest().authenticated())
                .oauth2Login(login -> login.loginPage("/oauth2/authorization/" + vn.doan.console.gateway.Gateway.REGISTRATION))
                .oauth2Client(Customizer.withDefaults())
                .addFilterBefore(new UploadLimit.Filter(), CsrfFilter.class)
                .logout(logout -> logout.logoutSuccessUrl("/"));
        return http.build();
    }

    /** Gives the access token of the signed-in user, refreshing it with the refresh token when it has expired. */
    @Bean
    OAuth2AuthorizedClientManager authorizedClientManager(ClientRegistrationRepository registrations,
            OAuth2AuthorizedClientRepository authorizedClients) {
        DefaultOAuth2AuthorizedClientManager manager = new DefaultOAuth2AuthorizedClientManager(registrations, authorizedClients);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder().authorizationCode().refreshToken().build());
        return manager;
    }
}
