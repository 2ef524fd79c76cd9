package vn.doan.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** What the services themselves say they need, read from their source tree. */
record ServiceConfig(String name, int port, String database, Set<String> boundTopics) {

    static final Path ROOT = Path.of("../..");
    static final List<String> NAMES = List.of("plan-service", "report-service", "indicator-service", "notification-service");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z_]+)(?::([^}]*))?}");
    private static final Pattern PORT = Pattern.compile("server\\.port:\\s*\\$\\{PORT:(\\d+)}");
    private static final Pattern DESTINATION = Pattern.compile("destination:\\s*(doan\\.[a-z0-9.\\-]+)");
    private static final Pattern DATABASE = Pattern.compile("mongodb\\.database:\\s*(\\S+)");
    private static final Pattern TOPIC_CONSTANT = Pattern.compile("\"(doan\\.[a-z0-9\\-]+\\.[a-z0-9\\-]+\\.v\\d+)\"");

    static List<ServiceConfig> all() {
        return NAMES.stream().map(ServiceConfig::read).toList();
    }

    static ServiceConfig read(String name) {
        String yml = text(ROOT.resolve(name).resolve("src/main/resources").resolve(name + ".yml"));
        Matcher port = PORT.matcher(yml);
        if (!port.find()) {
            throw new IllegalStateException(name + ".yml has no server.port: ${PORT:…}");
        }
        Set<String> topics = new LinkedHashSet<>();
        Matcher destination = DESTINATION.matcher(yml);
        while (destination.find()) {
            topics.add(destination.group(1));
        }
        Matcher database = DATABASE.matcher(yml);
        if (!database.find()) {
            throw new IllegalStateException(name + ".yml names no spring.mongodb.database");
        }
        return new ServiceConfig(name, Integer.parseInt(port.group(1)), database.group(1), topics);
    }

    /**
     * Environment variables the services read, with their defaults; a default pointing at localhost
     * only works on a laptop, so a deployment must set it.
     */
    static Map<String, String> environment() {
        Map<String, String> variables = new LinkedHashMap<>();
        Stream.concat(NAMES.stream().map(n -> ROOT.resolve(n).resolve("src/main/resources").resolve(n + ".yml")),
                Stream.of(ROOT.resolve("service-support/src/main/resources/doan-service-defaults.yml"))).forEach(file -> {
            Matcher m = PLACEHOLDER.matcher(text(file));
            while (m.find()) {
                variables.put(m.group(1), m.group(2));
            }
        });
        return variables;
    }

    static Set<String> requiredInDeployment() {
        Set<String> required = new LinkedHashSet<>();
        environment().forEach((variable, fallback) -> {
            if (fallback == null || fallback.contains("localhost")) {
                required.add(variable);
            }
        });
        return required;
    }

    /** Every topic of the event contracts. */
    static Set<String> contractTopics() {
        Set<String> topics = new LinkedHashSet<>();
        Matcher m = TOPIC_CONSTANT.matcher(text(ROOT.resolve("event-contracts/src/main/java/vn/doan/events/Topics.java")));
        while (m.find()) {
            topics.add(m.group(1));
        }
        return topics;
    }

    static String text(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
