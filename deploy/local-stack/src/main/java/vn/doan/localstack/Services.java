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
 * The four services, each its own Spring application context with its own port, database and
 * {@code <name>.yml}, started in this JVM against the given Kafka and MongoDB. In production each runs
 * as its own process; nothing here is shared between them but the JVM.
 */
final class Services implements AutoCloseable {

    enum Service {
        PLAN("plan-service", PlanServiceApplication.class),
        REPORT("report-service", ReportServiceApplication.class),
        INDICATOR("indicator-service", IndicatorServiceApplication.class),
        NOTIFICATION("notification-service", NotificationServiceApplication.class);

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
        Services services = new Services();
        for (Service service : Service.values()) {
            List<String> args = new ArrayList<>(List.of(
                    "--server.port=" + ports.getOrDefault(service, 0),
                    "--spring.cloud.stream.kafka.binder.brokers=" + kafkaBootstrap,
                    "--spring.mongodb.uri=" + mongoUri));
            args.addAll(extraArgs);
            services.arguments.put(service, args);
            services.running.put(service, run(service, args));
        }
        return services;
    }

    private static ConfigurableApplicationContext run(Service service, List<String> args) {
        return new SpringApplicationBuilder(service.application).properties("spring.config.name=" + service.configName)
                .run(args.toArray(String[]::new));
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
