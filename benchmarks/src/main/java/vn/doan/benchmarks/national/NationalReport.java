package vn.doan.benchmarks.national;

import vn.doan.benchmarks.national.NationalResults.ConsoleDashboardPages;
import vn.doan.benchmarks.national.NationalResults.ConsumerLag;
import vn.doan.benchmarks.national.NationalResults.CpuSplit;
import vn.doan.benchmarks.national.NationalResults.Exactness;
import vn.doan.benchmarks.national.NationalResults.LoadResult;
import vn.doan.benchmarks.national.NationalResults.Machine;
import vn.doan.benchmarks.national.NationalResults.ProcessLoad;
import vn.doan.benchmarks.national.NationalResults.Setup;
import vn.doan.benchmarks.national.NationalResults.SubmitToCentre;
import vn.doan.benchmarks.national.NationalResults.TreeShape;

/** The Markdown page of a national benchmark run, from the same results as the JSON file. */
final class NationalReport {

    private final NationalResults r;
    private final boolean separate;
    private final StringBuilder md = new StringBuilder();

    private NationalReport(NationalResults results) {
        this.r = results;
        this.separate = "separate".equals(results.machine().processes());
    }

    /** @param chart the latency chart's file name, beside the page */
    static String markdown(NationalResults results, String chart) {
        NationalReport report = new NationalReport(results);
        report.heading();
        report.throughput();
        report.latency(chart);
        report.lagCpuMemory();
        report.queriesExactnessReconciliation();
        report.setup();
        return report.md.toString();
    }

    private void heading() {
        Machine machine = r.machine();
        TreeShape tree = r.tree();
        md.append("# National benchmark: how fast and how exact, at the size of the whole country\n\n");
        md.append("Measured ").append(r.measuredAt()).append(", profile **").append(r.profile()).append("**, command `")
                .append(r.command()).append("`, on this machine (").append(machine.cores()).append(" cores, heap max ")
                .append(machine.maxHeapMiB()).append(" MiB, MongoDB wire server backend: ").append(machine.mongoBackend())
                .append("). ").append(!separate
                        ? "The in-process Kafka broker (KRaft), the MongoDB wire server, the four services and the load driver all run in one JVM."
                        : "Each part runs in its own JVM, as in production: " + machine.note() + ".").append("\n\n");
        md.append("Tree: ").append(fmt(tree.units())).append(" units (").append(tree.central()).append(" centre, ")
                .append(tree.province()).append(" provinces, ").append(fmt(tree.district())).append(" Đoàn trực thuộc, ")
                .append(fmt(tree.grassroots())).append(" grassroots units, ").append(fmt(tree.branch()))
                .append(" branches); plan of 12 indicators (every kind), reported by branches, 12 values per report. Options: `")
                .append(r.options()).append("`.\n\n");
        md.append("## The bars\n\n| bar | measured | met |\n|---|---|---|\n");
        r.bars().forEach((bar, v) -> md.append("| ").append(bar).append(" | ").append(v.measured()).append(" | ").append(v.met() ? "yes" : "**no**")
                .append(" |\n"));
    }

    private void throughput() {
        LoadResult load = r.load();
        KafkaCeiling.Result ceiling = r.kafkaCeiling();
        HttpCeiling.Result http = r.httpCeiling();
        md.append("\n## Throughput, and the ceiling of this machine\n\n| what | value |\n|---|---|\n");
        row("reports sent / accepted (HTTP 201)", load.sent() + " / " + load.accepted() + " " + load.httpStatuses());
        row("load asked / concurrency / duration", load.rateAsked() + " / " + load.concurrency() + " in flight / " + load.seconds() + " s");
        row("accepted reports per second", load.acceptedPerSecond());
        row("HTTP answer of POST /api/reports, ms", Percentiles.text(load.httpAnswerMs()));
        row("Kafka ceiling: plain producer + consumer, records/s (" + ceiling.records() + " records of " + ceiling.recordBytes() + " bytes)",
                ceiling.producedAndConsumedPerSecond() + " (produce alone " + ceiling.producedPerSecond() + ")");
        row("Kafka ceiling latency produce → consume, ms", "p50 " + ceiling.latencyP50Ms() + ", p99 " + ceiling.latencyP99Ms()
                + ", max " + ceiling.latencyMaxMs());
        row("accepted reports/s ÷ Kafka ceiling", load.ratioToKafkaCeiling());
        row("HTTP ceiling: " + http.request() + ", answers/s (" + http.concurrency() + " in flight, " + http.seconds() + " s)",
                http.answeredPerSecond() + " " + http.httpStatuses() + "; p50 " + part(http.answerMs(), Percentiles::p50Ms) + " ms, p99 "
                        + part(http.answerMs(), Percentiles::p99Ms) + " ms");
        row("accepted reports/s ÷ HTTP ceiling", load.ratioToHttpCeiling());
    }

    private void latency(String chart) {
        SubmitToCentre latency = r.submitToCentre();
        Percentiles<Long> ms = latency.ms();
        md.append("\n## Submit → top of the tree\n\n").append(latency.method()).append(".\n\n");
        md.append("| reflected | not reflected | p50 ms | p95 ms | p99 ms | max ms | all at centre, s after load stopped |\n|---|---|---|---|---|---|---|\n");
        md.append("| ").append(latency.reflected()).append(" | ").append(latency.notReflectedWithinDrain()).append(" | ")
                .append(part(ms, Percentiles::p50Ms)).append(" | ").append(part(ms, Percentiles::p95Ms)).append(" | ")
                .append(part(ms, Percentiles::p99Ms)).append(" | ").append(part(ms, Percentiles::maxMs)).append(" | ")
                .append(latency.allAtCentreSecondsAfterLoadStopped()).append(" |\n\n");
        md.append("![latency over time](").append(chart).append(")\n\n");
    }

    private void lagCpuMemory() {
        ConsumerLag lag = r.consumerLag();
        ProcessLoad process = r.process();
        md.append("## Consumer lag, CPU, memory\n\n| consumer group | max lag | lag 30 s after the load stopped |\n|---|---|---|\n");
        lag.max().forEach((group, m) -> md.append("| ").append(group).append(" | ").append(m).append(" | ").append(lag.at30sAfterLoad().get(group))
                .append(" |\n"));
        md.append("\n").append(separate ? "Load driver's JVM" : "JVM (everything)").append(": process CPU ").append(process.processCpuAvgPercentDuringLoad())
                .append("% of the machine on average during the load, system ").append(process.systemCpuAvgPercentDuringLoad())
                .append("%; heap used at most ").append(process.heapMaxMiB()).append(" MiB.\n\n");
        CpuSplit cpu = r.cpuByPart();
        md.append("CPU by part of the stack: ").append(cpu.method()).append(" (").append(cpu.windowSeconds()).append(" s).\n\n")
                .append(separate ? "| process | CPU s | % of the machine | largest resident set, MiB |\n|---|---|---|---|\n"
                        : "| part | CPU s | % of the machine |\n|---|---|---|\n");
        cpu.parts().forEach((part, v) -> md.append("| ").append(part).append(" | ").append(v.cpuSeconds()).append(" | ").append(v.percentOfMachine())
                .append(separate ? " | " + v.maxResidentMiB() : "").append(" |\n"));
        md.append("\n");
        md.append("Garbage-collection pauses over the same window (`jvm.gc.pause` of ").append(separate ? "each service's JVM" : "the one JVM")
                .append("):\n\n").append("| JVM | pauses | paused, ms | mean pause, ms |\n|---|---|---|---|\n");
        r.gcPausesFromLoadStartUntilAllAtCentre().forEach((jvm, v) -> md.append("| ").append(jvm).append(" | ").append(v.pauses()).append(" | ")
                .append(v.pausedMs()).append(" | ").append(v.meanPauseMs()).append(" |\n"));
        md.append("\n");
    }

    private void queriesExactnessReconciliation() {
        Exactness exact = r.exactness();
        md.append("## Queries, exactness, reconciliation\n\n| what | value |\n|---|---|\n");
        row("province dashboard during the load (" + r.provinceQueryDuringLoad().queries() + " GETs, 10/s), ms",
                Percentiles.text(r.provinceQueryDuringLoad().ms()));
        ConsoleDashboardPages console = r.consoleDashboardDuringLoad();
        if (console == null) {
            row("web console's province dashboard page during the load", "not measured: no web console in separate processes, or it did not sign in (the run's output says why)");
        } else {
            row("web console's province dashboard page `" + console.page() + "` of " + console.province() + ", signed in as its cadre, during the load "
                    + pagesCounted(console), Percentiles.text(console.ms()));
        }
        ConsoleDashboardPages atRest = r.consoleDashboardAtRest();
        if (atRest != null) {
            row("the same page at rest, once the centre had counted every report " + pagesCounted(atRest), Percentiles.text(atRest.ms()));
        }
        row("exactness: " + exact.scope(), exact.exactPercent() + "% — " + exact.unitsMismatched() + " of " + exact.unitsChecked()
                + " units differ: " + exact.unitsBehind() + " behind (reports not yet rolled up), " + exact.unitsWrong() + " wrong ("
                + exact.fieldsCompared() + " numbers compared, " + exact.reportsCounted() + " reports)");
        row("full reconciliation `POST /api/admin/reconcile/{plan}/{period}`", r.reconciliation().ms() + " ms, " + r.reconciliation().nodes()
                + " roll-up nodes, " + r.reconciliation().mismatches() + " mismatches");
    }

    /** {@code (3 pages, 5/s asked; 0 not the dashboard), ms to the last byte} */
    private static String pagesCounted(ConsoleDashboardPages pages) {
        return "(" + pages.pages() + " pages, " + pages.pagesPerSecondAsked() + "/s asked; " + pages.notCounted() + " not the dashboard), ms to the last byte";
    }

    private void setup() {
        Setup setup = r.setup();
        md.append("\n## Setup (not the benchmark)\n\n| phase | ms |\n|---|---|\n");
        row("plan-service import, " + setup.importCalls() + " CSV calls (one per province)", fmt(setup.importMs()));
        row("until every UnitCreated was on Kafka (outbox relay)", fmt(setup.publishedToKafkaMs()));
        setup.treeConsumedMsAfterPublished().forEach((group, ms) -> row("… until " + group + " had consumed the tree", fmt(ms)));
        row("plan issued (create + issue)", fmt(setup.planIssueMs()));
        row("… until every service had consumed the plan", fmt(setup.planConsumedMs()));
        row("warm-up: " + r.warmup().reports() + " reports, until all counted at the centre", fmt(r.warmup().allAtCentreMs()));
    }

    private void row(String what, Object value) {
        md.append("| ").append(what).append(" | ").append(value).append(" |\n");
    }

    /** One figure of {@code p}, or null (as the page printed it) when nothing was measured. */
    private static <N extends Number> N part(Percentiles<N> p, java.util.function.Function<Percentiles<N>, N> figure) {
        return p == null ? null : figure.apply(p);
    }

    private static String fmt(long number) {
        return String.format("%,d", number);
    }
}
