package vn.doan.benchmarks.national;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU of each part of the stack since it was made, summed thread by thread at each {@link #update} (every second, with
 * the sampler): threads are told apart by name — each service's Tomcat by its port, each service's consumers by their
 * group, which names their threads — and a thread that ends loses only what it used since the last update. What the
 * process used beyond its Java threads is the JVM's own work; on Linux the threads of the garbage collector and of
 * the JIT compiler, which Java does not list, are read from {@code /proc/self/task} and counted apart.
 */
final class CpuByPart implements Usage {

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

    /** The parts that are the JVM's own work. */
    static final String JVM = "the JVM itself, the rest (VM thread, safepoints; all of it where /proc cannot be read)";
    static final String GC = "the JVM's garbage collector (G1's threads)";
    static final String JIT = "the JVM's JIT compiler";

    /** The part of the stack a thread of this name works for. */
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
}
