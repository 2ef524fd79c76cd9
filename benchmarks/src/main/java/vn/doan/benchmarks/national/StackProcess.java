package vn.doan.benchmarks.national;

import java.nio.file.Path;
import java.util.Arrays;
import vn.doan.localstack.EmbeddedKafka;
import vn.doan.localstack.EmbeddedMongo;
import vn.doan.localstack.Services;

/**
 * One part of the stack in its own JVM, as {@link SeparateStack} starts it:
 * {@code infrastructure <kafkaPort> <controllerPort> <kafkaDir> <mongoPort> memory|<h2 file>} runs the Kafka broker
 * and the MongoDB wire server; {@code <service> --name=value …} (e.g. {@code report-service}) runs that service.
 */
public final class StackProcess {

    private StackProcess() {
    }

    public static void main(String[] args) {
        if (args[0].equals("infrastructure")) {
            EmbeddedKafka kafka = EmbeddedKafka.start(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Path.of(args[3]));
            EmbeddedMongo mongo = EmbeddedMongo.start(Integer.parseInt(args[4]), args[5].equals("memory") ? null : Path.of(args[5]));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                mongo.close();
                kafka.close();
            }, "infrastructure-shutdown"));
            System.out.println("Kafka on " + kafka.bootstrap() + ", MongoDB wire server on 127.0.0.1:" + args[4]);
            return;
        }
        Services.Service service = Arrays.stream(Services.Service.values()).filter(s -> s.configName.equals(args[0])).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No such service: " + args[0]));
        Services.run(service, Arrays.asList(args).subList(1, args.length));
    }
}
