package vn.doan.benchmarks.national;

import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.doan.benchmarks.national.NationalResults.CpuPart;
import vn.doan.benchmarks.national.NationalResults.CpuSplit;
import vn.doan.benchmarks.national.NationalResults.GcPauses;
import vn.doan.localstack.Services.Service;

/** What the stack spent from the start of the load until the centre counted every report: CPU by part, garbage-collection pauses. */
final class CpuAndPauses {

    /** Garbage-collection pauses of one JVM so far: how many, how long in all. */
    record PausesSoFar(double count, double seconds) {
    }

    private CpuAndPauses() {
    }

    /** Per thread, by part, when everything runs in this JVM; per process when the parts run apart. */
    static Usage usage(Api api, Map<String, ProcessHandle> processes) {
        if (!processes.isEmpty()) {
            return new ProcessUsage(processes);
        }
        Map<String, String> serviceByPort = new HashMap<>();
        for (Service service : Service.values()) {
            serviceByPort.put(String.valueOf(URI.create(api.url(service)).getPort()), service.configName);
        }
        return new CpuByPart(serviceByPort);
    }

    /** CPU of each part over {@code seconds}, the most first. */
    static CpuSplit split(Usage usage, double seconds) {
        int cores = Runtime.getRuntime().availableProcessors();
        Map<String, Long> maxRssMib = usage.maxRssMib();
        Map<String, CpuPart> parts = new LinkedHashMap<>();
        usage.used().entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).forEach(e -> {
            double cpuSeconds = e.getValue() / 1e9;
            parts.put(e.getKey(), new CpuPart(Rounding.tenth(cpuSeconds), Rounding.tenth(100 * cpuSeconds / (seconds * cores)),
                    maxRssMib.get(e.getKey())));
        });
        return new CpuSplit(Rounding.tenth(seconds), usage.method() + ", from the start of the load until the centre counted every report; percent of all "
                + cores + " cores over that window", parts);
    }

    /**
     * Garbage-collection pauses so far of each service's JVM ({@code jvm.gc.pause}), or of the one JVM (asked of
     * report-service) when everything shares it.
     */
    static Map<String, PausesSoFar> pauses(Api api, boolean oneJvm) throws Exception {
        Map<String, PausesSoFar> pauses = new LinkedHashMap<>();
        List<Service> asked = oneJvm ? List.of(Service.REPORT) : List.of(Service.PLAN, Service.REPORT, Service.INDICATOR, Service.NOTIFICATION);
        for (Service service : asked) {
            Map<String, Double> pause = api.metric(service, "jvm.gc.pause");
            pauses.put(oneJvm ? "the one JVM" : service.configName,
                    new PausesSoFar(pause.getOrDefault("COUNT", 0.0), pause.getOrDefault("TOTAL_TIME", 0.0)));
        }
        return pauses;
    }

    static Map<String, GcPauses> between(Map<String, PausesSoFar> before, Map<String, PausesSoFar> after) {
        Map<String, GcPauses> during = new LinkedHashMap<>();
        after.forEach((jvm, a) -> {
            double count = a.count() - before.get(jvm).count();
            double ms = (a.seconds() - before.get(jvm).seconds()) * 1000;
            during.put(jvm, new GcPauses((long) count, Math.round(ms), count == 0 ? 0 : Rounding.tenth(ms / count)));
        });
        return during;
    }
}
