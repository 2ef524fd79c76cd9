package vn.doan.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oauth2Client;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import vn.doan.console.web.Format;

/** A console signed in through a test login, calling a stub gateway over real HTTP. */
@SpringBootTest(properties = {"spring.config.name=web-console", "doan.console.timeout=2s"})
@AutoConfigureMockMvc
abstract class ConsoleTestBase {

    /** One stub for every test class: they share one application context, which names its address (it stops with the JVM). */
    static final StubGateway gateway = new StubGateway();

    @Autowired
    MockMvc mvc;
    @Autowired
    ClientRegistrationRepository registrations;

    @DynamicPropertySource
    static void gatewayUrl(DynamicPropertyRegistry registry) {
        registry.add("doan.console.gateway-url", gateway::url);
    }

    /** Signed in as {@code login} of {@code unitId}, with the access token the console relays. */
    <B extends org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder<B>> B as(B request, String login,
            String unitId, String role) {
        var registration = registrations.findByRegistrationId("doan");
        OAuth2AccessToken token = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "token-of-" + login, Instant.now(),
                Instant.now().plusSeconds(600));
        return request.with(oidcLogin().clientRegistration(registration)
                .idToken(id -> {
                    id.subject(login).claim("roles", List.of(role));
                    if (unitId != null) {
                        id.claim("unit_id", unitId);
                    }
                })).with(oauth2Client("doan").principalName(login).accessToken(token));
    }

    String page(org.springframework.test.web.servlet.RequestBuilder request, int status) throws Exception {
        var result = mvc.perform(request).andExpect(status().is(status)).andReturn();
        result.getResponse().setCharacterEncoding("UTF-8");
        return result.getResponse().getContentAsString();
    }
}
