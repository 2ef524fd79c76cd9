package vn.doan.console.gateway;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.MDC;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.ClientAuthorizationRequiredException;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.stereotype.Component;
import org.springframework.web.client.DefaultResponseErrorHandler;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.ResponseErrorHandler;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.doan.web.CorrelationIdFilter;

/**
 * The services, reached only through the gateway, with the signed-in user's access token (token relay: the
 * authorized client manager gives the current token and refreshes it when it expires). A problem+json answer
 * becomes {@link Refused}; no answer or a 5xx becomes {@link ServiceDown}.
 */
@Component
public class Gateway {

    public static final String REGISTRATION = "doan";
    /** Which answer is a refusal or an outage, as {@link RestClient#retrieve()} tells them, for the streams it does not read. */
    private static final ResponseErrorHandler STATUS = new DefaultResponseErrorHandler();

    private final RestClient http;
    /** For Server-Sent Events: no read timeout, the body left open for the caller. */
    private final RestClient streams;
    private final OAuth2AuthorizedClientManager clients;
    private final ObjectMapper json;
    /** Runs the independent GETs of a page side by side; when all its threads are busy, the page's own thread makes the call. */
    private final ExecutorService sideBySide = new ThreadPoolExecutor(0, 32, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
            daemon("console-gateway-"), new ThreadPoolExecutor.CallerRunsPolicy());

    Gateway(ConsoleProperties properties, OAuth2AuthorizedClientManager clients) {
        SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
        factory.setConnectTimeout(properties.timeout());
        factory.setReadTimeout(properties.timeout());
        this.http = RestClient.builder().baseUrl(properties.gatewayUrl()).requestFactory(factory).build();
        this.streams = RestClient.builder().baseUrl(properties.gatewayUrl())
                .requestFactory(new JdkClientHttpRequestFactory(HttpClient.newBuilder().connectTimeout(properties.timeout()).build())).build();
        this.clients = clients;
        this.json = tools.jackson.databind.json.JsonMapper.shared();
    }

    public <T> T get(ParameterizedTypeReference<T> type, String path, Object... vars) {
        return call(HttpMethod.GET, null, null, Map.of(), type, path, vars);
    }

    public <T> T get(Class<T> type, String path, Object... vars) {
        return call(HttpMethod.GET, null, null, Map.of(), ParameterizedTypeReference.forType(type), path, vars);
    }

    /**
     * Starts a GET now, with the signed-in user's token taken on this thread, and gives a supplier that waits for its answer
     * (or throws what {@link #get} would): a page asks for its independent parts together instead of one after another.
     */
    public <T> Supplier<T> later(ParameterizedTypeReference<T> type, String path, Object... vars) {
        Consumer<HttpHeaders> caller = asCaller();
        Future<T> answer = sideBySide.submit(() -> answered(HttpMethod.GET, path,
                () -> http.get().uri(path, vars).headers(caller).retrieve().body(type)));
        return () -> {
            try {
                return answer.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException thrown) {
                    throw thrown;
                }
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                answer.cancel(true);
                throw new ServiceDown("GET " + path + " interrupted", e);
            }
        };
    }

    public <T> Supplier<T> later(Class<T> type, String path, Object... vars) {
        return later(ParameterizedTypeReference.forType(type), path, vars);
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** GET of a text answer, e.g. a CSV the gateway passes through. */
    public String text(String path, Object... vars) {
        return get(String.class, path, vars);
    }

    public <T> T send(HttpMethod method, Object body, Map<String, String> headers, Class<T> type, String path, Object... vars) {
        return call(method, body, body == null ? null : MediaType.APPLICATION_JSON, headers, ParameterizedTypeReference.forType(type), path, vars);
    }

    /** A body of another media type, e.g. a CSV file or a multipart upload. */
    public <T> T send(HttpMethod method, Object body, MediaType contentType, Class<T> type, String path, Object... vars) {
        return call(method, body, contentType, Map.of(), ParameterizedTypeReference.forType(type), path, vars);
    }

    /**
     * Opens a Server-Sent Events stream with the user's token and returns its body, which stays open as long as the
     * service sends (no read timeout); the caller reads it on a thread of its own and closes it.
     */
    public InputStream events(String path, Object... vars) {
        Consumer<HttpHeaders> caller = asCaller();
        return answered(HttpMethod.GET, path, () -> streams.get().uri(path, vars).headers(caller)
                .accept(MediaType.TEXT_EVENT_STREAM).exchange((request, response) -> {
                    if (response.getStatusCode().isError()) {
                        try (response) {
                            STATUS.handleError(request.getURI(), request.getMethod(), response);
                        }
                    }
                    return response.getBody();
                }, false));
    }

    /** A file a service made (a report as .docx, .pdf or .xlsx), with its content type and file name, to pass on as it is. */
    public ResponseEntity<byte[]> file(String path, Object... vars) {
        Consumer<HttpHeaders> caller = asCaller();
        return answered(HttpMethod.GET, path, () -> http.get().uri(path, vars).headers(caller).retrieve()
                .toEntity(byte[].class));
    }

    private <T> T call(HttpMethod method, Object body, MediaType contentType, Map<String, String> headers,
            ParameterizedTypeReference<T> type, String path, Object... vars) {
        Consumer<HttpHeaders> caller = asCaller();
        return answered(method, path, () -> {
            RestClient.RequestBodySpec request = http.method(method).uri(path, vars)
                    .headers(h -> {
                        caller.accept(h);
                        headers.forEach(h::set);
                    });
            if (body != null) {
                request.contentType(contentType).body(body);
            }
            return request.retrieve().body(type);
        });
    }

    /** The answer of {@code request}, or a refusal ({@link Refused}) or an outage ({@link ServiceDown}) the pages can show. */
    private <T> T answered(HttpMethod method, String path, Supplier<T> request) {
        try {
            return request.get();
        } catch (RestClientResponseException e) {
            if (e.getStatusCode().is5xxServerError()) {
                throw new ServiceDown(method + " " + path + " answered " + e.getStatusCode().value(), e);
            }
            throw refused(e);
        } catch (ResourceAccessException e) {
            throw new ServiceDown(method + " " + path + " did not answer", e);
        }
    }

    private Refused refused(RestClientResponseException e) {
        int status = e.getStatusCode().value();
        try {
            JsonNode problem = json.readTree(e.getResponseBodyAsString());
            JsonNode errors = problem.get("errors");
            @SuppressWarnings("unchecked")
            java.util.List<java.util.Map<String, Object>> list = errors == null || !errors.isArray() ? null : json.convertValue(errors, java.util.List.class);
            return new Refused(status, text(problem, "field"), text(problem, "detail"), text(problem, "detail_vi"), list);
        } catch (RuntimeException notJson) {
            return new Refused(status, null, e.getMessage(), null, null);
        }
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value.asString();
    }

    /**
     * The signed-in user's access token and the page request's correlation id, taken on the request's thread, as the headers of
     * a call: every call a page makes carries the page's id into the gateway's and the services' logs and audit trails.
     */
    private Consumer<HttpHeaders> asCaller() {
        String token = accessToken();
        String correlationId = MDC.get(CorrelationIdFilter.MDC_KEY);
        return h -> {
            h.setBearerAuth(token);
            if (correlationId != null) {
                h.set(CorrelationIdFilter.HEADER, correlationId);
            }
        };
    }

    /** The signed-in user's access token, refreshed if it expired; none (sign in again) if even that fails. */
    private String accessToken() {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        ServletRequestAttributes current = (ServletRequestAttributes) RequestContextHolder.currentRequestAttributes();
        OAuth2AuthorizedClient client = clients.authorize(OAuth2AuthorizeRequest.withClientRegistrationId(REGISTRATION).principal(user)
                .attribute(HttpServletRequest.class.getName(), current.getRequest())
                .attribute(HttpServletResponse.class.getName(), current.getResponse()).build());
        if (client == null) {
            throw new ClientAuthorizationRequiredException(REGISTRATION);
        }
        return client.getAccessToken().getTokenValue();
    }
}
