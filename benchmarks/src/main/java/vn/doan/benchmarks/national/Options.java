package vn.doan.benchmarks.national;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The national benchmark's options: {@code quick|full} first, then {@code --name=value}.
 *
 * @param profile {@code quick} (≈10,000 units, as fast as possible) or {@code full} (≈303,000 units, 1,000 reports/s)
 * @param rate reports per second, 0 for as fast as the stack answers
 * @param seconds how long the load lasts (it also stops when every branch has reported)
 * @param concurrency requests in flight at most
 * @param drainSeconds how long to wait after the load for the centre to count every report; exactness is checked after
 * @param exactLimit check every unit with reports in its subtree up to this many, else centre, provinces,
 *                   Đoàn trực thuộc and a random sample of this many
 * @param mongo {@code memory} (mongo-java-server's in-memory backend) or {@code h2} (file-backed)
 * @param warmup reports sent before the measured load (at most a tenth of the branches)
 * @param processes {@code separate}: Kafka and MongoDB in one JVM, each service in its own, the driver in this one (as
 *                  in production, where each runs on its own); {@code one}: everything in this JVM
 * @param infraHeap heap of the Kafka + MongoDB JVM (the in-memory MongoDB holds every document) when separate
 * @param serviceHeap heap of each service's JVM when separate
 * @param batching one report a request ({@code none}), or batches of 5–20 ({@code phone}) or 100–500 ({@code sheet})
 * @param rollupConsumers consumers of the reports topic in indicator-service ({@code doan.rollup.consumers})
 * @param results the name of the results files ({@code national} for full, {@code national-<profile>} otherwise, unless given)
 * @param command the command line, for the results
 */
record Options(String profile, NationalTree.Size size, long seed, int rate, int seconds, int concurrency, int drainSeconds,
        int exactLimit, String mongo, int warmup, String processes, String infraHeap, String serviceHeap, Batching batching,
        int rollupConsumers, String results, String command) {

    static Options parse(String[] args) {
        String profile = args.length > 0 && !args[0].startsWith("--") ? args[0] : "quick";
        boolean full = profile.equals("full");
        Map<String, String> o = new HashMap<>();
        for (String arg : args) {
            if (arg.startsWith("--") && arg.contains("=")) {
                o.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
        }
        if (!List.of("one", "separate").contains(o.getOrDefault("processes", "one"))) {
            throw new IllegalArgumentException("--processes is one or separate, not " + o.get("processes"));
        }
        if (o.containsKey("results") && !o.get("results").matches("[a-z0-9][a-z0-9-]{0,60}")) {
            throw new IllegalArgumentException("--results is a file name of lower-case letters, digits and -, not " + o.get("results"));
        }
        return new Options(profile, full ? NationalTree.Size.FULL : NationalTree.Size.QUICK,
                Long.parseLong(o.getOrDefault("seed", "2026")),
                Integer.parseInt(o.getOrDefault("rate", full ? "1000" : "0")),
                Integer.parseInt(o.getOrDefault("seconds", "60")),
                Integer.parseInt(o.getOrDefault("concurrency", full ? "64" : "16")),
                Integer.parseInt(o.getOrDefault("drain-seconds", full ? "3600" : "900")),
                Integer.parseInt(o.getOrDefault("exact-limit", "20000")),
                o.getOrDefault("mongo", "memory"),
                Integer.parseInt(o.getOrDefault("warmup", full ? "6000" : "200")),
                o.getOrDefault("processes", "one"),
                o.getOrDefault("infra-heap", full ? "10g" : "3g"),
                o.getOrDefault("service-heap", full ? "2g" : "768m"),
                Batching.of(o.getOrDefault("batch", "none")),
                Integer.parseInt(o.getOrDefault("rollup-consumers", "1")),
                o.getOrDefault("results", full ? "national" : "national-" + profile),
                "benchmarks/national.sh " + String.join(" ", args));
    }

    /** The services' arguments that carry these options. */
    List<String> serviceArgs() {
        return List.of("--doan.rollup.consumers=" + rollupConsumers);
    }

    boolean oneJvm() {
        return processes.equals("one");
    }
}
