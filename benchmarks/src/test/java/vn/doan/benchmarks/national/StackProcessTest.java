package vn.doan.benchmarks.national;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.doan.localstack.Services;

/** The national benchmark's separate JVMs: starting one, and counting what each uses. */
class StackProcessTest {

    @Test
    void theInfrastructureRunsInItsOwnJvmUntilStopped(@TempDir Path dir) throws Exception {
        int kafkaPort = Services.freePort();
        int mongoPort = Services.freePort();
        Process infrastructure = SeparateStack.launch("infrastructure", "512m", List.of(), List.of("infrastructure", String.valueOf(kafkaPort),
                String.valueOf(Services.freePort()), dir.resolve("kafka").toString(), String.valueOf(mongoPort), "memory"), dir.resolve("logs"));
        try {
            SeparateStack.awaitListening(infrastructure, kafkaPort, mongoPort);
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + kafkaPort))) {
                assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS)).hasSize(1);
            }
            try (MongoClient mongo = MongoClients.create("mongodb://127.0.0.1:" + mongoPort)) {
                mongo.getDatabase("t").getCollection("c").insertOne(new Document("_id", "Hà Nội"));
                assertThat(mongo.getDatabase("t").getCollection("c").find().first()).isEqualTo(new Document("_id", "Hà Nội"));
            }
            assertThat(infrastructure.pid()).isNotEqualTo(ProcessHandle.current().pid());
        } finally {
            SeparateStack.stop(List.of(infrastructure));
        }
        assertThat(infrastructure.isAlive()).isFalse();
        assertThat(Files.readString(dir.resolve("logs/infrastructure.log"))).contains("MongoDB wire server on 127.0.0.1:" + mongoPort);
    }

    @Test
    void processUsageCountsTheCpuAProcessSpentAndItsResidentSet() {
        ProcessUsage usage = new ProcessUsage(Map.of("this JVM", ProcessHandle.current()));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        long spin = 0;
        while (threads.getCurrentThreadCpuTime() - start < 300_000_000L) {
            spin += Long.numberOfTrailingZeros(spin + System.nanoTime());
        }
        long burned = threads.getCurrentThreadCpuTime() - start;

        usage.update();

        // the kernel counts in ticks of 10 ms; the process spent at least what this thread did
        assertThat(usage.used().get("this JVM")).as("spin %d", spin).isGreaterThanOrEqualTo(burned - 20_000_000L);
        assertThat(usage.maxRssMib().get("this JVM")).isBetween(16L, Runtime.getRuntime().maxMemory() >> 20 << 1);
    }

    @Test
    void cpuByPartCountsTheGarbageCollectorsThreadsApart() {
        // G1's workers are threads of their own; a serial collector (one core) works in the VM thread instead
        org.junit.jupiter.api.Assumptions.assumeTrue(ManagementFactory.getGarbageCollectorMXBeans().stream().anyMatch(gc -> gc.getName().startsWith("G1")));
        CpuByPart cpu = new CpuByPart(Map.of());
        List<long[]> live = new java.util.ArrayList<>();
        for (int i = 0; i < 2_000_000; i++) {
            live.add(new long[8]);
        }
        for (int i = 0; i < 3; i++) {
            System.gc();
        }

        cpu.update();

        // three full collections of two million live arrays take G1's worker threads well over one tick of 10 ms
        assertThat(cpu.used().get(CpuByPart.GC)).as("%d arrays kept", live.size()).isGreaterThanOrEqualTo(10_000_000L);
        assertThat(cpu.used()).containsKey(CpuByPart.JVM);
    }
}
