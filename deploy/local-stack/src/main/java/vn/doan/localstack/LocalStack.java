package vn.doan.localstack;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the whole system on one machine. With no configuration it starts an in-process Kafka broker
 * and MongoDB server storing under {@code DOAN_DATA_DIR}; with {@code KAFKA_BOOTSTRAP_SERVERS} and/or
 * {@code MONGODB_URI} set it uses those and starts nothing embedded. Likewise an in-process SMTP server (with IMAP
 * to read what it received) for the emails of notification-service and the authorisation server, unless {@code SPRING_MAIL_HOST} names a real one.
 * Then the authorisation server, the four services and the gateway ({@code DOAN_SERVICES}, a comma-separated list of
 * their names, starts only those), then the demo data (once per data directory, with every service running;
 * {@code DOAN_DEMO_DATA=false} skips it).
 */
public final class LocalStack {

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

    private LocalStack() {
    }

    public static void main(String[] args) {
        Path dataDir = Path.of(Services.env("DOAN_DATA_DIR", "data"));
        String kafka = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        String mongo = System.getenv("MONGODB_URI");

        EmbeddedKafka embeddedKafka = null;
        EmbeddedMongo embeddedMongo = null;
        if (kafka == null || kafka.isBlank()) {
            embeddedKafka = EmbeddedKafka.start(Integer.parseInt(Services.env("DOAN_KAFKA_PORT", "9092")),
                    Integer.parseInt(Services.env("DOAN_KAFKA_CONTROLLER_PORT", "9093")), dataDir.resolve("kafka"));
            kafka = embeddedKafka.bootstrap();
            log.info("In-process Kafka broker (KRaft) on {}, log in {}", kafka, dataDir.resolve("kafka").toAbsolutePath());
        }
        if (mongo == null || mongo.isBlank()) {
            embeddedMongo = EmbeddedMongo.start(Integer.parseInt(Services.env("DOAN_MONGO_PORT", "27017")), dataDir.resolve("mongo.mv.db"));
            mongo = embeddedMongo.uri();
            log.info("In-process MongoDB wire server on {}, stored in {}", mongo, dataDir.resolve("mongo.mv.db").toAbsolutePath());
        }

        Set<Services.Service> which = which(Services.env("DOAN_SERVICES", ""));
        EmbeddedMail embeddedMail = null;
        Map<Services.Service, List<String>> ownArgs = Map.of();
        String mailHost = System.getenv("SPRING_MAIL_HOST");
        if ((mailHost == null || mailHost.isBlank()) && which.contains(Services.Service.NOTIFICATION)) {
            embeddedMail = EmbeddedMail.start(Integer.parseInt(Services.env("DOAN_SMTP_PORT", "3025")), Integer.parseInt(Services.env("DOAN_IMAP_PORT", "3143")));
            ownArgs = Map.of(Services.Service.NOTIFICATION, embeddedMail.springArgs(), Services.Service.AUTH, embeddedMail.springArgs());
            log.info("In-process SMTP server on 127.0.0.1:{} (in memory); read the emails over IMAP on 127.0.0.1:{}, login and password = "
                    + "the address, e.g. curl -u bt.tholap@thoxuan.doan.vn:bt.tholap@thoxuan.doan.vn 'imap://127.0.0.1:{}/INBOX;UID=1'",
                    embeddedMail.smtpPort, embeddedMail.imapPort, embeddedMail.imapPort);
        }

        Services services = Services.start(kafka, mongo, Map.of(
                Services.Service.AUTH, Integer.parseInt(Services.env("AUTH_SERVER_PORT", "9000")),
                Services.Service.GATEWAY, Integer.parseInt(Services.env("GATEWAY_PORT", "8080")),
                Services.Service.PLAN, Integer.parseInt(Services.env("PLAN_SERVICE_PORT", "8081")),
                Services.Service.REPORT, Integer.parseInt(Services.env("REPORT_SERVICE_PORT", "8082")),
                Services.Service.INDICATOR, Integer.parseInt(Services.env("INDICATOR_SERVICE_PORT", "8083")),
                Services.Service.NOTIFICATION, Integer.parseInt(Services.env("NOTIFICATION_SERVICE_PORT", "8084")),
                Services.Service.CONSOLE, Integer.parseInt(Services.env("WEB_CONSOLE_PORT", "8090"))),
                List.of(args), which, ownArgs);

        EmbeddedKafka kafkaToStop = embeddedKafka;
        EmbeddedMongo mongoToStop = embeddedMongo;
        EmbeddedMail mailToStop = embeddedMail;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            services.close();
            if (mailToStop != null) {
                mailToStop.close();
            }
            if (kafkaToStop != null) {
                kafkaToStop.close();
            }
            if (mongoToStop != null) {
                mongoToStop.close();
            }
        }, "local-stack-shutdown"));

        boolean everyService = which.size() == Services.Service.values().length;
        if (Boolean.parseBoolean(Services.env("DOAN_DEMO_DATA", "true")) && everyService) {
            new DemoData(services, dataDir).loadOnce();
        }
        if (everyService) {
            log.info("Clients: gateway {} (Swagger UI {}/swagger-ui.html), authorisation server {} — demo users in auth-server/README.md",
                    services.url(Services.Service.GATEWAY), services.url(Services.Service.GATEWAY), services.url(Services.Service.AUTH));
        }
        for (Services.Service service : which) {
            log.info("{} ready at {} (health: {}/actuator/health, metrics: {}/actuator/prometheus)",
                    service.configName, services.url(service), services.url(service), services.url(service));
        }
        if (which.contains(Services.Service.CONSOLE)) {
            log.info("Web console: {} — sign in as bt.tholap or bt.xuanhoa (communes), bt.thoxuan, bt.trieuson, bt.hoanghoa or bt.ngoclac "
                    + "(districts), bt.tinhdoan (the province), "
                    + "btg.thoxuan (a department), phantich (analyst) or quantri (administrator); password {}",
                    services.url(Services.Service.CONSOLE), Services.env("DOAN_DEMO_PASSWORD", "doan@2025"));
        }
    }

    /** Every service, or those named in {@code list} (e.g. {@code auth-server,plan-service}) in the order they start. */
    private static Set<Services.Service> which(String list) {
        if (list.isBlank()) {
            return EnumSet.allOf(Services.Service.class);
        }
        Set<String> names = Set.of(list.split("\\s*,\\s*"));
        Set<Services.Service> which = EnumSet.noneOf(Services.Service.class);
        for (Services.Service service : Services.Service.values()) {
            if (names.contains(service.configName)) {
                which.add(service);
            }
        }
        if (which.size() != names.size()) {
            throw new IllegalArgumentException("DOAN_SERVICES names " + list + "; the services are "
                    + java.util.Arrays.stream(Services.Service.values()).map(s -> s.configName).toList());
        }
        return which;
    }
}
