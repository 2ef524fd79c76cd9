package vn.doan.localstack;

import java.util.Map;

/** The Markdown page of a national benchmark run, from the same map as the JSON file. */
final class NationalReport {

    private NationalReport() {
    }

    @SuppressWarnings("unchecked")
    static String markdown(Map<String, Object> r, String chart) {
        Map<String, Object> tree = (Map<String, Object>) r.get("tree");
        Map<String, Object> setup = (Map<String, Object>) r.get("setup");
        Map<String, Object> ceiling = (Map<String, Object>) r.get("kafkaCeiling");
        Map<String, Object> load = (Map<String, Object>) r.get("load");
        Map<String, Object> latency = (Map<String, Object>) r.get("submitToCentre");
        Map<String, Object> lag = (Map<String, Object>) r.get("consumerLag");
        Map<String, Object> province = (Map<String, Object>) r.get("provinceQueryDuringLoad");
        Map<String, Object> exact = (Map<String, Object>) r.get("exactness");
        Map<String, Object> reconciliation = (Map<String, Object>) r.get("reconciliation");
        Map<String, Object> process = (Map<String, Object>) r.get("process");
        Map<String, Object> machine = (Map<String, Object>) r.get("machine");
        boolean separate = "separate".equals(machine.get("processes"));
        StringBuilder md = new StringBuilder();
        md.append("# National benchmark: how fast and how exact, at the size of the whole country\n\n");
        md.append("Measured ").append(r.get("measuredAt")).append(", profile **").append(r.get("profile")).append("**, command `")
                .append(r.get("command")).append("`, on this machine (").append(machine.get("cores")).append(" cores, heap max ")
                .append(machine.get("maxHeapMiB")).append(" MiB, MongoDB wire server backend: ").append(machine.get("mongoBackend"))
                .append("). ").append(!separate
                        ? "The in-process Kafka broker (KRaft), the MongoDB wire server, the four services and the load driver all run in one JVM."
                        : "Each part runs in its own JVM, as in production: " + machine.get("note") + ".").append("\n\n");
        md.append("Tree: ").append(fmt(tree.get("units"))).append(" units (").append(tree.get("CENTRAL")).append(" centre, ")
                .append(tree.get("PROVINCE")).append(" provinces, ").append(fmt(tree.get("DISTRICT"))).append(" Đoàn trực thuộc, ")
                .append(fmt(tree.get("GRASSROOTS"))).append(" grassroots units, ").append(fmt(tree.get("BRANCH")))
                .append(" branches); plan of 12 indicators (every kind), reported by branches, 12 values per report. Options: `")
                .append(r.get("options")).append("`.\n\n");

        md.append("## The bars\n\n| bar | measured | met |\n|---|---|---|\n");
        ((Map<String, Map<String, Object>>) r.get("bars")).forEach((bar, v) ->
                md.append("| ").append(bar).append(" | ").append(v.get("measured")).append(" | ").append(Boolean.TRUE.equals(v.get("met")) ? "yes" : "**no**")
                        .append(" |\n"));

        md.append("\n## Throughput, and the ceiling of this machine\n\n| what | value |\n|---|---|\n");
        row(md, "reports sent / accepted (HTTP 201)", load.get("sent") + " / " + load.get("accepted") + " " + load.get("httpStatuses"));
        row(md, "load asked / concurrency / duration", load.get("rateAsked") + " / " + load.get("concurrency") + " in flight / " + load.get("seconds") + " s");
        row(md, "accepted reports per second", load.get("acceptedPerSecond"));
        row(md, "HTTP answer of POST /api/reports, ms", pct(load.get("httpAnswerMs")));
        row(md, "Kafka ceiling: plain producer + consumer, records/s (" + ceiling.get("records") + " records of " + ceiling.get("recordBytes") + " bytes)",
                ceiling.get("producedAndConsumedPerSecond") + " (produce alone " + ceiling.get("producedPerSecond") + ")");
        row(md, "Kafka ceiling latency produce → consume, ms", "p50 " + ceiling.get("latencyP50Ms") + ", p99 " + ceiling.get("latencyP99Ms")
                + ", max " + ceiling.get("latencyMaxMs"));
        row(md, "accepted reports/s ÷ Kafka ceiling", load.get("ratioToKafkaCeiling"));
        Map<String, Object> http = (Map<String, Object>) r.get("httpCeiling");
        if (http != null) {
            row(md, "HTTP ceiling: " + http.get("request") + ", answers/s (" + http.get("concurrency") + " in flight, " + http.get("seconds") + " s)",
                    http.get("answeredPerSecond") + " " + http.get("httpStatuses") + "; p50 " + http.get("p50Ms") + " ms, p99 " + http.get("p99Ms") + " ms");
            row(md, "accepted reports/s ÷ HTTP ceiling", load.get("ratioToHttpCeiling"));
        }

        md.append("\n## Submit → top of the tree\n\n").append(latency.get("method")).append(".\n\n");
        md.append("| reflected | not reflected | p50 ms | p95 ms | p99 ms | max ms | all at centre, s after load stopped |\n|---|---|---|---|---|---|---|\n");
        md.append("| ").append(latency.get("reflected")).append(" | ").append(latency.get("notReflectedWithinDrain")).append(" | ")
                .append(latency.get("p50Ms")).append(" | ").append(latency.get("p95Ms")).append(" | ").append(latency.get("p99Ms")).append(" | ")
                .append(latency.get("maxMs")).append(" | ").append(latency.get("allAtCentreSecondsAfterLoadStopped")).append(" |\n\n");
        md.append("![latency over time](").append(chart).append(")\n\n");

        md.append("## Consumer lag, CPU, memory\n\n| consumer group | max lag | lag 30 s after the load stopped |\n|---|---|---|\n");
        Map<String, Object> max = (Map<String, Object>) lag.get("max");
        Map<String, Object> after = (Map<String, Object>) lag.get("at30sAfterLoad");
        max.forEach((group, m) -> md.append("| ").append(group).append(" | ").append(m).append(" | ").append(after.get(group)).append(" |\n"));
        md.append("\n").append(separate ? "Load driver's JVM" : "JVM (everything)").append(": process CPU ").append(process.get("processCpuAvgPercentDuringLoad")).append("% of the machine on average during the load, system ")
                .append(process.get("systemCpuAvgPercentDuringLoad")).append("%; heap used at most ").append(process.get("heapMaxMiB")).append(" MiB.\n\n");
        Map<String, Object> cpu = (Map<String, Object>) r.get("cpuByPart");
        if (cpu != null) {
            md.append("CPU by part of the stack: ").append(cpu.get("method")).append(" (").append(cpu.get("windowSeconds")).append(" s).\n\n")
                    .append(separate ? "| process | CPU s | % of the machine | largest resident set, MiB |\n|---|---|---|---|\n"
                            : "| part | CPU s | % of the machine |\n|---|---|---|\n");
            ((Map<String, Map<String, Object>>) cpu.get("parts")).forEach((part, v) -> md.append("| ").append(part).append(" | ")
                    .append(v.get("cpuSeconds")).append(" | ").append(v.get("percentOfMachine"))
                    .append(separate ? " | " + v.get("maxResidentMiB") : "").append(" |\n"));
            md.append("\n");
        }
        Map<String, Map<String, Object>> gc = (Map<String, Map<String, Object>>) r.get("gcPausesFromLoadStartUntilAllAtCentre");
        if (gc != null) {
            md.append("Garbage-collection pauses over the same window (`jvm.gc.pause` of ").append(separate ? "each service's JVM" : "the one JVM")
                    .append("):\n\n")
                    .append("| JVM | pauses | paused, ms | mean pause, ms |\n|---|---|---|---|\n");
            gc.forEach((jvm, v) -> md.append("| ").append(jvm).append(" | ").append(v.get("pauses")).append(" | ").append(v.get("pausedMs"))
                    .append(" | ").append(v.get("meanPauseMs")).append(" |\n"));
            md.append("\n");
        }

        md.append("## Queries, exactness, reconciliation\n\n| what | value |\n|---|---|\n");
        row(md, "province dashboard during the load (" + province.get("queries") + " GETs, 10/s), ms", pct(province));
        row(md, "exactness: " + exact.get("scope"), exact.get("exactPercent") + "% — " + exact.get("unitsMismatched") + " of " + exact.get("unitsChecked")
                + " units differ: " + exact.get("unitsBehind") + " behind (reports not yet rolled up), " + exact.get("unitsWrong") + " wrong ("
                + exact.get("fieldsCompared") + " numbers compared, " + exact.get("reportsCounted") + " reports)");
        row(md, "full reconciliation `POST /api/admin/reconcile/{plan}/{period}`", reconciliation.get("ms") + " ms, " + reconciliation.get("nodes")
                + " roll-up nodes, " + reconciliation.get("mismatches") + " mismatches");

        md.append("\n## Setup (not the benchmark)\n\n| phase | ms |\n|---|---|\n");
        row(md, "plan-service import, " + setup.get("importCalls") + " CSV calls (one per province)", fmt(setup.get("importMs")));
        row(md, "until every UnitCreated was on Kafka (outbox relay)", fmt(setup.get("publishedToKafkaMs")));
        ((Map<String, Object>) setup.get("treeConsumedMsAfterPublished")).forEach((group, ms) ->
                row(md, "… until " + group + " had consumed the tree", fmt(ms)));
        row(md, "plan issued (create + issue)", fmt(setup.get("planIssueMs")));
        row(md, "… until every service had consumed the plan", fmt(setup.get("planConsumedMs")));
        Map<String, Object> warm = (Map<String, Object>) r.get("warmup");
        row(md, "warm-up: " + warm.get("reports") + " reports, until all counted at the centre", fmt(warm.get("allAtCentreMs")));
        return md.toString();
    }

    private static void row(StringBuilder md, String what, Object value) {
        md.append("| ").append(what).append(" | ").append(value).append(" |\n");
    }

    @SuppressWarnings("unchecked")
    private static String pct(Object percentiles) {
        Map<String, Object> p = (Map<String, Object>) percentiles;
        return "p50 " + p.get("p50Ms") + ", p95 " + p.get("p95Ms") + ", p99 " + p.get("p99Ms") + ", max " + p.get("maxMs");
    }

    private static String fmt(Object number) {
        return number instanceof Number n ? String.format("%,d", n.longValue()) : String.valueOf(number);
    }
}
