package vn.doan.benchmarks.national;

import java.util.HashMap;
import java.util.Map;

/**
 * CPU and resident memory of each process of the stack when each part runs in its own JVM: CPU time since this was
 * made (what the kernel counted for the process) and the largest resident set seen at an {@link #update}.
 */
final class ProcessUsage implements Usage {

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
