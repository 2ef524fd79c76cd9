package vn.doan.localstack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.doan.indicatorservice.IndicatorServiceApplication;
import vn.doan.notificationservice.NotificationServiceApplication;
import vn.doan.planservice.PlanServiceApplication;
import vn.doan.reportservice.ReportServiceApplication;

/**
 * The authorisation server, the four services and the gateway, each its own Spring application context with
 * its own port and {@code <name>.yml} (and each service its own database), started in this JVM against the
 * given Kafka and MongoDB. The services and the gateway trust the authorisation server's tokens. In
 * production each runs as its own process; nothing here is shared between them but the JVM.
 */
public final class Services implements AutoCloseable {

    public enum Service {
        AUTH("auth-server", vn.doan.authserver.AuthServerApplication.class),
        PLAN("plan-service", PlanServiceApplication.class),
        REPORT("report-service", ReportServiceApplication.class),
        INDICATOR("indicator-service", IndicatorServiceApplication.class),
        NOTIFICATION("notification-service", NotificationServiceApplication.class),
        GATEWAY("gateway", vn.doan.gateway.GatewayApplication.class),
        /** The web console, started last: it signs users in at the authorisation server and calls the gateway. */
        CONSOLE("web-console", vn.doan.console.ConsoleApplication.class);

        public final String configName;
        final Class<?> application;

        Service(String configName, Class<?> application) {
            this.configName = configName;
            this.application = application;
        }
    }

    private final Map<Service, ConfigurableApplicationContext> running = new LinkedHashMap<>();
    private final Map<Service, List<String>> arguments = new LinkedHashMap<>();
    private final Map<Service, Integer> ports = new LinkedHashMap<>();

    /**
     * @param ports port per service, 0 for any free one
     * @param extraArgs further {@code --name=value} settings for every service
     */
    public static Services start(String kafkaBootstrap, String mongoUri, Map<Service, Integer> ports, List<String> extraArgs) {
        return start(kafkaBootstrap, mongoUri, ports, extraArgs, java.util.EnumSet.allOf(Service.class));
    }

    /** Only {@code which} (a benchmark of one service starts it and the authorisation server); the gateway needs all four. */
    public static Services start(String kafkaBootstrap, String mongoUri, Map<Service, Integer> ports, List<String> extraArgs,
            java.util.Set<Service> which) {
        return start(kafkaBootstrap, mongoUri, ports, extraArgs, which, Map.of());
    }

    /** @param ownArgs further settings of one service only, e.g. notification-service's SMTP server */
    static Services start(String kafkaBootstrap, String mongoUri, Map<Service, Integer> ports, List<String> extraArgs,
            java.util.Set<Service> which, Map<Service, List<String>> ownArgs) {
        return start(kafkaBootstrap, mongoUri, ports, extraArgs, which, ownArgs, null);
    }

    /**
     * @param clock the clock of plan-, report-, indicator- and notification-service instead of the system's (null: the
     *     system's), for a test that walks a plan's calendar; tokens are still checked against the real time
     */
    static Services start(String kafkaBootstrap, String mongoUri, Map<Service, Integer> ports, List<String> extraArgs,
            java.util.Set<Service> which, Map<Service, List<String>> ownArgs, java.time.Clock clock) {
        Services services = new Services();
        Map<Service, Integer> withAuth = new java.util.EnumMap<>(Service.class);
        withAuth.putAll(ports);
        withAuth.put(Service.AUTH, ports.getOrDefault(Service.AUTH, 0) == 0 ? freePort() : ports.get(Service.AUTH));
        // the authorisation server must know the console's address (its redirect URI) before the console runs
        withAuth.put(Service.CONSOLE, ports.getOrDefault(Service.CONSOLE, 0) == 0 ? freePort() : ports.get(Service.CONSOLE));
        services.ports.put(Service.CONSOLE, withAuth.get(Service.CONSOLE));
        for (Service service : which) {
            List<String> args = arguments(service, kafkaBootstrap, mongoUri, withAuth, services::url, extraArgs, ownArgs);
            services.arguments.put(service, args);
            boolean domain = java.util.EnumSet.of(Service.PLAN, Service.REPORT, Service.INDICATOR, Service.NOTIFICATION).contains(service);
            services.running.put(service, run(service, args, domain ? clock : null));
        }
        return services;
    }

    /**
     * The settings of one service when every port is known in advance, e.g. to start it in a JVM of its own
     * ({@link #run} there).
     */
    public static List<String> arguments(Service service, String kafkaBootstrap, String mongoUri, Map<Service, Integer> ports,
            List<String> extraArgs) {
        return arguments(service, kafkaBootstrap, mongoUri, ports, s -> "http://localhost:" + ports.get(s), extraArgs, Map.of());
    }

    /** Settings of one service: its port, Kafka, MongoDB, the authorisation server to trust; the gateway's routes. */
    private static List<String> arguments(Service service, String kafkaBootstrap, String mongoUri, Map<Service, Integer> ports,
            java.util.function.Function<Service, String> url, List<String> extraArgs, Map<Service, List<String>> ownArgs) {
        String issuer = "http://localhost:" + ports.get(Service.AUTH);
        // an OIDC provider of one's own (a Keycloak realm, a test issuer) replaces the local authorisation server
        String trusted = env("DOAN_OIDC_ISSUER_URI", issuer);
        List<String> trustIssuer = List.of("--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + trusted,
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + env("DOAN_OIDC_JWK_SET_URI", trusted + "/oauth2/jwks"));
        List<String> args = new ArrayList<>();
        switch (service) {
            case AUTH -> args.addAll(List.of("--server.port=" + ports.get(Service.AUTH), "--doan.auth.issuer=" + issuer,
                    "--spring.cloud.stream.kafka.binder.brokers=" + kafkaBootstrap, "--spring.mongodb.uri=" + mongoUri,
                    "--DOAN_CONSOLE_URL=http://localhost:" + ports.get(Service.CONSOLE)));
            case CONSOLE -> args.addAll(List.of("--server.port=" + ports.get(Service.CONSOLE), "--DOAN_AUTH_URL=" + issuer,
                    "--DOAN_GATEWAY_URL=" + url.apply(Service.GATEWAY)));
            case GATEWAY -> {
                args.add("--server.port=" + ports.getOrDefault(service, 0));
                // the actuator on the public port (no management port of its own), where health answers for the stacks' start-up
                // checks and /actuator/prometheus is refused as in production (gateway/README.md)
                args.add("--management.server.port=");
                args.addAll(trustIssuer);
                for (Service routed : List.of(Service.PLAN, Service.REPORT, Service.INDICATOR, Service.NOTIFICATION)) {
                    args.add("--" + routed.name() + "_SERVICE_URL=" + url.apply(routed));
                }
                args.add("--AUTH_SERVER_URL=" + issuer);
            }
            default -> {
                args.addAll(List.of("--server.port=" + ports.getOrDefault(service, 0),
                        "--spring.cloud.stream.kafka.binder.brokers=" + kafkaBootstrap,
                        "--spring.mongodb.uri=" + mongoUri,
                        // the gateway's library, on this class path, turns multipart off in every application that does not set it
                        // (its MultipartEnvironmentPostProcessor): report-service's evidence uploads need it
                        "--spring.servlet.multipart.enabled=true"));
                args.addAll(trustIssuer);
            }
        }
        args.addAll(extraArgs);
        args.addAll(ownArgs.getOrDefault(service, List.of()));
        return args;
    }

    /** Starts {@code service} in this JVM with these settings. */
    public static ConfigurableApplicationContext run(Service service, List<String> args) {
        return run(service, args, null);
    }

    /** ... with {@code clock} (when not null) as its clock, which the services' own takes the place of. */
    private static ConfigurableApplicationContext run(Service service, List<String> args, java.time.Clock clock) {
        SpringApplicationBuilder builder = new SpringApplicationBuilder(service.application).properties("spring.config.name=" + service.configName,
                "spring.autoconfigure.exclude=" + String.join(",", notFor(service)));
        if (clock != null) {
            builder.initializers(context -> context.getBeanFactory().registerSingleton("clock", clock));
        }
        return builder.run(args.toArray(String[]::new));
    }

    /**
     * One class path holds every application here, so each context leaves out the auto-configurations of the
     * others: the services get no authorisation server or gateway, the authorisation server (its users in MongoDB, the tree
     * from Kafka) no gateway, the gateway no Kafka, MongoDB or service plumbing, the web console (a client of the gateway)
     * none of them.
     */
    private static List<String> notFor(Service service) {
        List<String> foreign = switch (service) {
            case AUTH -> List.of("org.springframework.cloud.gateway.");
            case CONSOLE -> List.of("vn.doan.support.", "org.springframework.boot.mongodb.", "org.springframework.boot.data.mongodb.",
                    "org.springframework.boot.kafka.", "org.springframework.cloud.", "org.springframework.boot.integration.",
                    "org.springframework.boot.security.oauth2.server.", "org.springdoc.");
            case GATEWAY -> List.of("vn.doan.support.", "org.springframework.boot.mongodb.", "org.springframework.boot.data.mongodb.",
                    "org.springframework.boot.kafka.", "org.springframework.cloud.stream.", "org.springframework.cloud.function.",
                    "org.springframework.boot.integration.", "org.springframework.boot.security.oauth2.server.authorization.",
                    // with Spring Cloud Function on this class path the gateway would route any unmatched path to a "function"
                    "org.springframework.cloud.gateway.server.mvc.config.DefaultFunctionConfiguration");
            default -> List.of("org.springframework.cloud.gateway.", "org.springframework.boot.security.oauth2.server.authorization.");
        };
        List<String> excluded = new ArrayList<>();
        org.springframework.boot.context.annotation.ImportCandidates.load(org.springframework.boot.autoconfigure.AutoConfiguration.class,
                Services.class.getClassLoader()).forEach(candidate -> {
                    if (foreign.stream().anyMatch(candidate::startsWith)) {
                        excluded.add(candidate);
                    }
                });
        return excluded;
    }

    /** The environment variable {@code name}, or {@code fallback} when it is unset or blank. */
    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    public static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Stops one service, as a crash or a redeploy would. */
    void stop(Service service) {
        running.remove(service).close();
    }

    /** Starts a stopped service again with the settings it had. */
    void start(Service service) {
        running.put(service, run(service, arguments.get(service)));
    }

    public String url(Service service) {
        return "http://localhost:" + (ports.containsKey(service) ? ports.get(service)
                : context(service).getEnvironment().getProperty("local.server.port"));
    }

    public ConfigurableApplicationContext context(Service service) {
        if (!running.containsKey(service)) {
            throw new IllegalStateException(service.configName + " does not run in this JVM");
        }
        return running.get(service);
    }

    @Override
    public void close() {
        List<ConfigurableApplicationContext> contexts = new ArrayList<>(running.values());
        java.util.Collections.reverse(contexts);
        contexts.forEach(ConfigurableApplicationContext::close);
        running.clear();
    }
}
