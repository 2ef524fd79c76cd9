package vn.doan.benchmarks.national;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import vn.doan.localstack.Services;
import vn.doan.localstack.Services.Service;

/**
 * The services each in its own JVM, as in production ({@code --processes=separate}): {@code java -Xmx<heap> <jvmOptions>}
 * on this class path running {@link StackProcess}, output in {@code logs/<service>.log}.
 */
final class SeparateStack implements AutoCloseable {

    private final Map<Service, Integer> ports = new EnumMap<>(Service.class);
    private final Map<Service, Process> processes = new LinkedHashMap<>();

    private SeparateStack() {
    }

    /** Starts {@code which} (the authorisation server first) and returns when every one answers its health check. */
    static SeparateStack start(String kafkaBootstrap, String mongoUri, Set<Service> which, List<String> extraArgs,
            Map<Service, String> heaps, List<String> jvmOptions, Path logs) {
        SeparateStack stack = new SeparateStack();
        for (Service service : Service.values()) {
            stack.ports.put(service, Services.freePort());
        }
        for (Service service : which) {
            List<String> args = new ArrayList<>(List.of(service.configName));
            args.addAll(Services.arguments(service, kafkaBootstrap, mongoUri, stack.ports, extraArgs));
            stack.processes.put(service, launch(service.configName, heaps.getOrDefault(service, "1g"), jvmOptions, args, logs));
            if (service == Service.AUTH) {
                stack.awaitHealthy(service);
            }
        }
        which.forEach(stack::awaitHealthy);
        return stack;
    }

    String url(Service service) {
        return "http://localhost:" + ports.get(service);
    }

    /** The JVM of each service. */
    Map<Service, Process> processes() {
        return Collections.unmodifiableMap(processes);
    }

    /**
     * {@code java} on this JVM's class path running {@link StackProcess} with {@code args}, output appended to
     * {@code logs/<name>.log}; killed when this JVM exits.
     */
    static Process launch(String name, String heap, List<String> jvmOptions, List<String> args, Path logs) {
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
            Files.createDirectories(logs);
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve(name + ".log").toFile())).start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "stop-" + name));
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns when {@code process} accepts connections on every one of {@code ports}; fails if it stops first. */
    static void awaitListening(Process process, int... ports) throws InterruptedException {
        for (int port : ports) {
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Process " + process.pid() + " stopped before listening on " + port + "; see its log");
                }
                try (Socket socket = new Socket("127.0.0.1", port)) {
                    break;
                } catch (IOException notYet) {
                    Thread.sleep(250);
                }
            }
        }
    }

    private void awaitHealthy(Service service) {
        HttpClient http = HttpClient.newHttpClient();
        URI health = URI.create(url(service) + "/actuator/health");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        try {
            while (true) {
                if (!processes.get(service).isAlive()) {
                    throw new IllegalStateException(service.configName + " stopped while starting; see its log");
                }
                try {
                    if (http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(service.configName + " not healthy after 5 minutes");
                }
                Thread.sleep(500);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        stop(processes.values());
        processes.clear();
    }

    /** Asks each process to stop (SIGTERM: Spring closes its context), then kills what is left after 30 s. */
    static void stop(Collection<Process> stopping) {
        List<Process> reversed = new ArrayList<>(stopping);
        Collections.reverse(reversed);
        reversed.forEach(Process::destroy);
        for (Process process : reversed) {
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
