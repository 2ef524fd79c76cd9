package vn.doan.benchmarks.national;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.doan.localstack.EmbeddedKafka;
import vn.doan.localstack.EmbeddedMongo;
import vn.doan.localstack.Services;
import vn.doan.localstack.Services.Service;

/**
 * How fast and how exact the system is at the size of the whole country, on this machine. Starts the whole stack
 * (in-process Kafka broker, MongoDB wire server, the four services, the authorisation server, the gateway and the web
 * console) in this JVM, or each part but the gateway and the console in its own with {@code --processes=separate}, then
 * runs the steps of {@link NationalRun}. Writes
 * {@code benchmarks/results/national.{json,md}} and {@code national-latency.png} ({@code national-quick.*} for quick).
 *
 * <p>Run: {@code benchmarks/national.sh quick|full [--name=value …]}; options in {@link Options}.
 */
public final class NationalBenchmark {

    private static final List<String> QUIET = List.of("--logging.level.root=WARN", "--logging.level.vn.doan=WARN");

    private NationalBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Path dir = Files.createTempDirectory("doan-national-bench");
        if (options.oneJvm()) {
            inOneJvm(options, dir);
        } else {
            inSeparateJvms(options, dir);
        }
        System.exit(0);
    }

    private static List<String> stackArgs(Options options) {
        List<String> args = new ArrayList<>(QUIET);
        args.addAll(options.serviceArgs());
        return args;
    }

    private static void inOneJvm(Options options, Path dir) throws Exception {
        try (EmbeddedMongo mongo = EmbeddedMongo.start(Services.freePort(), options.mongo().equals("h2") ? dir.resolve("mongo.mv.db") : null);
                EmbeddedKafka kafka = EmbeddedKafka.start(Services.freePort(), Services.freePort(), dir.resolve("kafka"));
                // fixed ports, so that each service's Tomcat threads carry its port (StackSampler's parts)
                Services services = Services.start(kafka.bootstrap(), mongo.uri(), Map.of(Service.PLAN, Services.freePort(),
                        Service.REPORT, Services.freePort(), Service.INDICATOR, Services.freePort(), Service.NOTIFICATION, Services.freePort(),
                        Service.GATEWAY, Services.freePort()), stackArgs(options))) {
            new NationalRun(options, kafka.bootstrap(), services::url, Map.of()).run();
        }
    }

    private static void inSeparateJvms(Options options, Path dir) throws Exception {
        Path logs = dir.resolve("logs");
        System.out.println("Each part in its own JVM; their output is in " + logs);
        List<String> jvmOptions = new ArrayList<>(List.of("-XX:+ExitOnOutOfMemoryError"));
        String extra = System.getenv("STACK_JAVA_OPTS");
        if (extra != null && !extra.isBlank()) {
            jvmOptions.addAll(List.of(extra.trim().split("\\s+")));
        }
        int kafkaPort = Services.freePort();
        int mongoPort = Services.freePort();
        Process infrastructure = SeparateStack.launch("infrastructure", options.infraHeap(), jvmOptions, List.of("infrastructure",
                String.valueOf(kafkaPort), String.valueOf(Services.freePort()), dir.resolve("kafka").toString(), String.valueOf(mongoPort),
                options.mongo().equals("h2") ? dir.resolve("mongo.mv.db").toString() : "memory"), logs);
        try {
            SeparateStack.awaitListening(infrastructure, kafkaPort, mongoPort);
            String bootstrap = "127.0.0.1:" + kafkaPort;
            Map<Service, String> heaps = new EnumMap<>(Service.class);
            for (Service service : Service.values()) {
                heaps.put(service, service == Service.AUTH ? "256m" : options.serviceHeap());
            }
            try (SeparateStack stack = SeparateStack.start(bootstrap, "mongodb://127.0.0.1:" + mongoPort,
                    EnumSet.of(Service.AUTH, Service.PLAN, Service.REPORT, Service.INDICATOR, Service.NOTIFICATION), stackArgs(options), heaps, jvmOptions, logs)) {
                Map<String, ProcessHandle> processes = new LinkedHashMap<>();
                processes.put("Kafka broker + MongoDB wire server", infrastructure.toHandle());
                stack.processes().forEach((service, process) -> processes.put(service.configName, process.toHandle()));
                processes.put("load driver (this JVM)", ProcessHandle.current());
                new NationalRun(options, bootstrap, stack::url, processes).run();
            }
        } finally {
            SeparateStack.stop(List.of(infrastructure));
        }
    }
}
