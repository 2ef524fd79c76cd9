package vn.doan.localstack;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Once a second: every consumer group's lag (committed offset vs end offset, summed over its partitions)
 * and this JVM's CPU load and heap. Everything — broker, MongoDB server, the four services and the load
 * driver — runs in this one JVM, so CPU and heap are those of the whole stack.
 */
final class StackSampler implements AutoCloseable {

    record Sample(double atSeconds, Map<String, Long> lagByGroup, double processCpu, double systemCpu, long heapUsedMib) {
    }

    private final Admin admin;
    private final String bootstrap;
    private final List<String> groups;
    private final long origin;
    private final List<Sample> samples = java.util.Collections.synchronizedList(new ArrayList<>());
    private volatile Runnable everySample = () -> { };
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "bench-sampler"));

    StackSampler(String bootstrap, List<String> groups, long originNanos) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
        this.bootstrap = bootstrap;
        this.groups = groups;
        this.origin = originNanos;
    }

    /** Also runs {@code update} at every sample, e.g. to sum the CPU of each part of the stack. */
    void track(Runnable update) {
        this.everySample = update;
    }

    void start() {
        timer.scheduleAtFixedRate(() -> {
            try {
                samples.add(sample());
            } catch (Exception e) {
                System.err.println("sampler: " + e);
            }
        }, 0, 1, TimeUnit.SECONDS);
    }

    Sample sample() throws Exception {
        everySample.run();
        Map<String, Long> lags = new LinkedHashMap<>();
        for (String group : groups) {
            lags.put(group, lag(group));
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
        return new Sample((System.nanoTime() - origin) / 1e9, lags, os.getProcessCpuLoad(), os.getCpuLoad(), heap);
    }

    /** Records not yet consumed by {@code group}, over every partition it has committed. */
    long lag(String group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        if (committed.isEmpty()) {
            return 0;
        }
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
        long lag = 0;
        for (var e : committed.entrySet()) {
            long end = ends.get(e.getKey()).offset();
            lag += Math.max(0, end - (e.getValue() == null ? 0 : e.getValue().offset()));
        }
        return lag;
    }

    /** Lag of {@code group} on one topic, counting partitions it has not committed yet from offset 0. */
    long lag(String group, String topic) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        long lag = 0;
        for (var e : admin.listOffsets(latest).all().get().entrySet()) {
            OffsetAndMetadata done = committed.get(e.getKey());
            lag += Math.max(0, e.getValue().offset() - (done == null ? 0 : done.offset()));
        }
        return lag;
    }

    /** Records in a topic (sum of its partitions' end offsets). */
    long size(String topic) throws Exception {
        int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        return admin.listOffsets(latest).all().get().values().stream().mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset).sum();
    }

    /** What each part of the stack used since it was made, brought up to date at every sample. */
    interface Usage {
        void update();

        /** CPU nanoseconds by part. */
        Map<String, Long> used();

        /** Largest resident set by part, where parts are processes; else empty. */
        Map<String, Long> maxRssMib();

        /** How it is counted, for the results. */
        String method();
    }

    /**
     * CPU of each part of the stack since it was made, summed thread by thread at each {@link #update} (every second, with
     * the sampler): threads are told apart by name — each service's Tomcat by its port, each service's consumers by their
     * group, which names their threads — and a thread that ends loses only what it used since the last update. What the
     * process used beyond its Java threads is the JVM's own work; on Linux the threads of the garbage collector and of
     * the JIT compiler, which Java does not list, are read from {@code /proc/self/task} and counted apart.
     */
    static final class CpuByPart implements Usage {
        private final Map<String, String> serviceByPort;
        private final Map<Long, Long> lastByThread = new HashMap<>();
        private final Map<String, Long> lastByTask = new HashMap<>();
        /** Threads of this process already seen not to be the collector's or the compiler's: not read again. */
        private final java.util.Set<String> otherTasks = new java.util.HashSet<>();
        private final Map<String, Long> used = new java.util.TreeMap<>();
        private long lastProcess;

        CpuByPart(Map<String, String> serviceByPort) {
            this.serviceByPort = serviceByPort;
            update();
            used.clear();
        }

        @Override
        public synchronized void update() {
            java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long byThreads = 0;
            for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
                long nanos = info == null ? -1 : threads.getThreadCpuTime(info.getThreadId());
                if (nanos < 0) {
                    continue;
                }
                Long last = lastByThread.put(info.getThreadId(), nanos);
                long delta = nanos - (last == null ? 0 : last);
                used.merge(part(info.getThreadName(), serviceByPort), delta, Long::sum);
                byThreads += delta;
            }
            long process = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
            long byVm = 0;
            for (Map.Entry<String, long[]> task : vmTasks(otherTasks).entrySet()) {
                Long last = lastByTask.put(task.getKey(), task.getValue()[1]);
                long delta = task.getValue()[1] - (last == null ? 0 : last);
                used.merge(task.getValue()[0] == 0 ? GC : JIT, delta, Long::sum);
                byVm += delta;
            }
            used.merge(JVM, process - lastProcess - byThreads - byVm, Long::sum);
            lastProcess = process;
        }

        /**
         * The garbage collector's and JIT compiler's threads of this process (Linux: {@code /proc/self/task/<tid>/stat},
         * CPU in ticks of 10 ms), by tid: {kind (0 collector, 1 compiler), CPU nanoseconds}. Empty elsewhere. Threads found
         * to be neither are added to {@code others} and skipped from then on.
         */
        private static Map<String, long[]> vmTasks(java.util.Set<String> others) {
            Map<String, long[]> tasks = new HashMap<>();
            try (java.nio.file.DirectoryStream<java.nio.file.Path> dir = java.nio.file.Files.newDirectoryStream(java.nio.file.Path.of("/proc/self/task"))) {
                for (java.nio.file.Path task : dir) {
                    if (others.contains(task.getFileName().toString())) {
                        continue;
                    }
                    String stat;
                    try {
                        stat = java.nio.file.Files.readString(task.resolve("stat"));
                    } catch (java.io.IOException ended) {
                        continue;
                    }
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    int kind = name.startsWith("GC Thread") || name.startsWith("G1 ") ? 0 : name.matches("C[12] CompilerThre.*") ? 1 : -1;
                    if (kind >= 0) {
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        // utime and stime, fields 14 and 15 of stat, are the 12th and 13th after the name
                        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                        tasks.put(task.getFileName().toString(), new long[] {kind, ticks * 10_000_000L});
                    } else {
                        others.add(task.getFileName().toString());
                    }
                }
            } catch (java.io.IOException | RuntimeException notLinux) {
                return Map.of();
            }
            return tasks;
        }

        @Override
        public synchronized Map<String, Long> used() {
            return Map.copyOf(used);
        }

        @Override
        public Map<String, Long> maxRssMib() {
            return Map.of();
        }

        @Override
        public String method() {
            return "per-thread CPU time (ThreadMXBean; the collector's and compiler's threads from /proc) summed every second, threads grouped by name";
        }
    }

    /**
     * CPU and resident memory of each process of the stack when each part runs in its own JVM: CPU time since this was
     * made (what the kernel counted for the process) and the largest resident set seen at an {@link #update}.
     */
    static final class ProcessUsage implements Usage {
        private final Map<String, ProcessHandle> processes;
        private final Map<String, Long> startNanos = new HashMap<>();
        private final Map<String, Long> used = new java.util.TreeMap<>();
        private final Map<String, Long> maxRssMib = new java.util.TreeMap<>();

        ProcessUsage(Map<String, ProcessHandle> processes) {
            this.processes = processes;
            processes.forEach((name, process) -> startNanos.put(name, cpuNanos(process)));
        }

        @Override
        public synchronized void update() {
            processes.forEach((name, process) -> {
                used.put(name, cpuNanos(process) - startNanos.get(name));
                maxRssMib.merge(name, rssMib(process), Math::max);
            });
        }

        @Override
        public synchronized Map<String, Long> used() {
            return Map.copyOf(used);
        }

        @Override
        public synchronized Map<String, Long> maxRssMib() {
            return Map.copyOf(maxRssMib);
        }

        @Override
        public String method() {
            return "CPU time of each process (as the kernel counts it) and its largest resident set, sampled every second";
        }

        private static long cpuNanos(ProcessHandle process) {
            return process.info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
        }

        /** VmRSS of /proc/<pid>/status (Linux); 0 elsewhere. */
        private static long rssMib(ProcessHandle process) {
            try {
                for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                    if (line.startsWith("VmRSS:")) {
                        return Long.parseLong(line.replaceAll("[^0-9]", "")) >> 10;
                    }
                }
            } catch (java.io.IOException | RuntimeException gone) {
                // not Linux, or the process has ended
            }
            return 0;
        }
    }

    static final String JVM = "the JVM itself, the rest (VM thread, safepoints; all of it where /proc cannot be read)";
    static final String GC = "the JVM's garbage collector (G1's threads)";
    static final String JIT = "the JVM's JIT compiler";

    static String part(String thread, Map<String, String> serviceByPort) {
        if (thread.startsWith("http-nio-")) {
            return serviceByPort.getOrDefault(thread.split("-")[2], "other") + " (HTTP)";
        }
        for (String group : List.of("plan-service", "report-service", "indicator-service", "notification-service")) {
            if (thread.startsWith(group + " ") || thread.endsWith("| " + group)) {
                return group + " (consumers)";
            }
        }
        if (thread.startsWith("mongo-server")) {
            return "MongoDB wire server";
        }
        if (thread.startsWith("kafka-producer-network-thread")) {
            return "Kafka producers (outbox relays, driver)";
        }
        if (thread.startsWith("scheduling-")) {
            return "scheduled jobs (outbox relays, sweeps; all services)";
        }
        if (thread.startsWith("HttpClient-") || thread.startsWith("bench-") || thread.equals("main")) {
            return "load driver";
        }
        if (thread.contains("kafka") || thread.contains("raft") || thread.contains("controller") || thread.contains("coordinator")
                || thread.startsWith("ExpirationReaper") || thread.startsWith("executor-") || thread.startsWith("LogCleaner")) {
            return "Kafka broker";
        }
        return "other";
    }

    String bootstrap() {
        return bootstrap;
    }

    List<Sample> samples() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        admin.close();
    }
}
