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
        GATEWAY("gateway", vn.doan.gateway.GatewayApplication.class),
        /** The web console, started last: it signs users in at the authorisation server and calls the gateway. */
        CONSOLE("web-console", vn.doan.console.ConsoleApplication.class);

        final String configName;
        final Class<?> application;

        Service(String configName, Class<?> application) {
            this.configName = configName;
            this.application = application;
        }
    }

    private final Map<Service, ConfigurableApplicationContext> running = new LinkedHashMap<>();
    private final Map<Service, List<String>> arguments = new LinkedHashMap<>();
    private final Map<Service, Process> processes = new LinkedHashMap<>();
    private final Map<Service, Integer> ports = new LinkedHashMap<>();

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
        Map<Service, Integer> withAuth = new java.util.EnumMap<>(Service.class);
        withAuth.putAll(ports);
        withAuth.put(Service.AUTH, ports.getOrDefault(Service.AUTH, 0) == 0 ? freePort() : ports.get(Service.AUTH));
        // the authorisation server must know the console's address (its redirect URI) before the console runs
        withAuth.put(Service.CONSOLE, ports.getOrDefault(Service.CONSOLE, 0) == 0 ? freePort() : ports.get(Service.CONSOLE));
        services.ports.put(Service.CONSOLE, withAuth.get(Service.CONSOLE));
        for (Service service : which) {
            List<String> args = services.arguments(service, kafkaBootstrap, mongoUri, withAuth, extraArgs, ownArgs);
            services.arguments.put(service, args);
            services.running.put(service, run(service, args));
        }
        return services;
    }

    /**
     * The same, but each service in its own JVM, as in production: {@code java -Xmx<heap> <jvmOptions>} on this class
     * path, output in {@code logs/<service>.log}. Returns when every one answers its health check.
     */
    static Services startProcesses(String kafkaBootstrap, String mongoUri, java.util.Set<Service> which, List<String> extraArgs,
            Map<Service, String> heaps, List<String> jvmOptions, java.nio.file.Path logs) {
        Services services = new Services();
        Map<Service, Integer> ports = new java.util.EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            ports.put(service, freePort());
        }
        services.ports.putAll(ports);
        for (Service service : which) {
            List<String> args = new ArrayList<>(List.of(service.configName));
            args.addAll(services.arguments(service, kafkaBootstrap, mongoUri, ports, extraArgs, Map.of()));
            services.processes.put(service, launch(service.configName, heaps.getOrDefault(service, "1g"), jvmOptions, args, logs));
            if (service == Service.AUTH) {
                services.awaitHealthy(service);
            }
        }
        which.forEach(services::awaitHealthy);
        return services;
    }

    /** Settings of one service: its port, Kafka, MongoDB, the authorisation server to trust; the gateway's routes. */
    private List<String> arguments(Service service, String kafkaBootstrap, String mongoUri, Map<Service, Integer> ports,
            List<String> extraArgs, Map<Service, List<String>> ownArgs) {
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
                    "--DOAN_GATEWAY_URL=" + url(Service.GATEWAY)));
            case GATEWAY -> {
                args.add("--server.port=" + ports.getOrDefault(service, 0));
                args.addAll(trustIssuer);
                for (Service routed : List.of(Service.PLAN, Service.REPORT, Service.INDICATOR, Service.NOTIFICATION)) {
                    args.add("--" + routed.name() + "_SERVICE_URL=" + url(routed));
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

    /**
     * {@code java} on this JVM's class path running {@link StackProcess} with {@code args}, output appended to
     * {@code logs/<name>.log}; killed when this JVM exits.
     */
    static Process launch(String name, String heap, List<String> jvmOptions, List<String> args, java.nio.file.Path logs) {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx" + heap));
        command.addAll(jvmOptions);
        command.addAll(List.of("-Duser.timezone=Asia/Ho_Chi_Minh", "-Dfile.encoding=UTF-8", "-cp", System.getProperty("java.class.path")));
        if (System.getProperty("java.class.path").endsWith("-exec.jar")) {
            // the Spring Boot executable jar of this module (benchmarks/national.sh): its launcher unpacks the nested jars
            command.addAll(List.of("-Dloader.main=" + StackProcess.class.getName(), "org.springframework.boot.loader.launch.PropertiesLauncher"));
        } else {
            command.add(StackProcess.class.getName());
        }
        command.addAll(args);
        try {
            java.nio.file.Files.createDirectories(logs);
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve(name + ".log").toFile())).start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "stop-" + name));
            return process;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Returns when {@code process} accepts connections on every one of {@code ports}; fails if it stops first. */
    static void awaitListening(Process process, int... ports) throws InterruptedException {
        for (int port : ports) {
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Process " + process.pid() + " stopped before listening on " + port + "; see its log");
                }
                try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
                    break;
                } catch (java.io.IOException notYet) {
                    Thread.sleep(250);
                }
            }
        }
    }

    private void awaitHealthy(Service service) {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.URI health = java.net.URI.create(url(service) + "/actuator/health");
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(5);
        while (true) {
            if (!processes.get(service).isAlive()) {
                throw new IllegalStateException(service.configName + " stopped while starting; see its log");
            }
            try {
                if (http.send(java.net.http.HttpRequest.newBuilder(health).build(), java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(service.configName + " not healthy after 5 minutes");
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    static ConfigurableApplicationContext run(Service service, List<String> args) {
        return new SpringApplicationBuilder(service.application).properties("spring.config.name=" + service.configName,
                        "spring.autoconfigure.exclude=" + String.join(",", notFor(service)))
                .run(args.toArray(String[]::new));
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

    static int freePort() {
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
        return "http://localhost:" + (ports.containsKey(service) ? ports.get(service)
                : context(service).getEnvironment().getProperty("local.server.port"));
    }

    /** The JVM of each service started by {@link #startProcesses}. */
    Map<Service, Process> processes() {
        return java.util.Collections.unmodifiableMap(processes);
    }

    ConfigurableApplicationContext context(Service service) {
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
        stop(processes.values());
        processes.clear();
    }

    /** Asks each process to stop (SIGTERM: Spring closes its context), then kills what is left after 30 s. */
    static void stop(java.util.Collection<Process> stopping) {
        List<Process> reversed = new ArrayList<>(stopping);
        java.util.Collections.reverse(reversed);
        reversed.forEach(Process::destroy);
        for (Process process : reversed) {
            try {
                if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
