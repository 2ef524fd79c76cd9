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
final class Services implements AutoCloseable {

    enum Service {
        AUTH("auth-server", vn.doan.authserver.AuthServerApplication.class),
        PLAN("plan-service", PlanServiceApplication.class),
        REPORT("report-service", ReportServiceApplication.class),
        INDICATOR("indicator-service", IndicatorServiceApplication.class),
        NOTIFICATION("notification-service", NotificationServiceApplication.class),
        GATEWAY("gateway", vn.doan.gateway.GatewayApplication.class);

        final String configName;
        final Class<?> application;

        Service(String configName, Class<?> application) {
            this.configName = configName;
            this.application = application;
        }
    }

    private final Map<Service, ConfigurableApplicationContext> running = new LinkedHashMap<>();
    private final Map<Service, List<String>> arguments = new LinkedHashMap<>();

    /**
     * @param ports port per service, 0 for any free one
     * @param extraArgs further {@code --name=value} settings for every service
     */
    static Services start(String kafkaBootstrap, String mongoUri, Map<Service, Integer> ports, List<String> extraArgs) {
        return start(kafkaBootstrap, mongoUri, ports, extraArgs, java.util.EnumSet.allOf(Service.class));
    }

    /** Only {@code which} (a benchmark of one service starts it and the authorisation server); the gateway needs all four. */
    static Services start(String kafkaBootstrap, String mongoUri, Map<Service, Integer> ports, List<String> extraArgs,
            java.util.Set<Service> which) {
        return start(kafkaBootstrap, mongoUri, ports, extraArgs, which, Map.of());
    }

    /** @param ownArgs further settings of one service only, e.g. notification-service's SMTP server */
    static Services start(String kafkaBootstrap, String mongoUri, Map<Service, Integer> ports, List<String> extraArgs,
            java.util.Set<Service> which, Map<Service, List<String>> ownArgs) {
        Services services = new Services();
        int authPort = ports.getOrDefault(Service.AUTH, 0) == 0 ? freePort() : ports.get(Service.AUTH);
        String issuer = "http://localhost:" + authPort;
        List<String> trustIssuer = List.of("--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer,
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + issuer + "/oauth2/jwks");
        for (Service service : which) {
            List<String> args = new ArrayList<>();
            switch (service) {
                case AUTH -> args.addAll(List.of("--server.port=" + authPort, "--doan.auth.issuer=" + issuer));
                case GATEWAY -> {
                    args.add("--server.port=" + ports.getOrDefault(service, 0));
                    args.addAll(trustIssuer);
                    for (Service routed : List.of(Service.PLAN, Service.REPORT, Service.INDICATOR, Service.NOTIFICATION)) {
                        args.add("--" + routed.name() + "_SERVICE_URL=" + services.url(routed));
                    }
                }
                default -> {
                    args.addAll(List.of("--server.port=" + ports.getOrDefault(service, 0),
                            "--spring.cloud.stream.kafka.binder.brokers=" + kafkaBootstrap,
                            "--spring.mongodb.uri=" + mongoUri));
                    args.addAll(trustIssuer);
                }
            }
            args.addAll(extraArgs);
            args.addAll(ownArgs.getOrDefault(service, List.of()));
            services.arguments.put(service, args);
            services.running.put(service, run(service, args));
        }
        return services;
    }

    private static ConfigurableApplicationContext run(Service service, List<String> args) {
        return new SpringApplicationBuilder(service.application).properties("spring.config.name=" + service.configName,
                        "spring.autoconfigure.exclude=" + String.join(",", notFor(service)))
                .run(args.toArray(String[]::new));
    }

    /**
     * One class path holds every application here, so each context leaves out the auto-configurations of the
     * others: the services get no authorisation server or gateway, those two no Kafka, MongoDB or service plumbing.
     */
    private static List<String> notFor(Service service) {
        List<String> foreign = switch (service) {
            case AUTH, GATEWAY -> List.of("vn.doan.support.", "org.springframework.boot.mongodb.", "org.springframework.boot.data.mongodb.",
                    "org.springframework.boot.kafka.", "org.springframework.cloud.stream.", "org.springframework.cloud.function.",
                    "org.springframework.boot.integration.", service == Service.AUTH ? "org.springframework.cloud.gateway."
                            : "org.springframework.boot.security.oauth2.server.authorization.",
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

    private static int freePort() {
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

    String url(Service service) {
        return "http://localhost:" + context(service).getEnvironment().getProperty("local.server.port");
    }

    ConfigurableApplicationContext context(Service service) {
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
