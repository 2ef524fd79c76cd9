package vn.doan.benchmarks.national;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import java.util.Map;

/**
 * What a national run measured, one record per section, written as {@code results/national*.json} in this order and
 * with these names (earlier result files have the same keys, so runs stay comparable) and as the Markdown page.
 */
record NationalResults(String profile, String measuredAt, String command, String options, Machine machine, TreeShape tree,
        Setup setup, KafkaCeiling.Result kafkaCeiling, HttpCeiling.Result httpCeiling, Warmup warmup, CpuSplit cpuByPart,
        Map<String, GcPauses> gcPausesFromLoadStartUntilAllAtCentre, LoadResult load, SubmitToCentre submitToCentre,
        ConsumerLag consumerLag, ProcessLoad process, DashboardDuringLoad provinceQueryDuringLoad,
        @JsonInclude(JsonInclude.Include.NON_NULL) ConsoleDashboardPages consoleDashboardDuringLoad,
        @JsonInclude(JsonInclude.Include.NON_NULL) ConsoleDashboardPages consoleDashboardAtRest, Exactness exactness,
        Reconciliation reconciliation, Map<String, Bar> bars) {

    record Machine(int cores, long maxHeapMiB, String java, String mongoBackend, String processes, String note) {
    }

    /** Units of the generated tree, in all and by level. */
    record TreeShape(int units, @JsonProperty("CENTRAL") int central, @JsonProperty("PROVINCE") int province,
            @JsonProperty("DISTRICT") int district, @JsonProperty("GRASSROOTS") int grassroots, @JsonProperty("BRANCH") int branch) {
    }

    /** Importing the tree and issuing the plan, until every consumer had them: not the benchmark. */
    record Setup(int importCalls, long importMs, long publishedToKafkaMs, Map<String, Long> treeConsumedMsAfterPublished,
            long planIssueMs, long planConsumedMs) {
    }

    record Warmup(int reports, int accepted, long allAtCentreMs, boolean allAtCentre) {
    }

    /** CPU of each part of the stack over {@code windowSeconds}. */
    record CpuSplit(double windowSeconds, String method, Map<String, CpuPart> parts) {
    }

    /** @param maxResidentMiB the largest resident set, where parts are processes; else absent */
    record CpuPart(double cpuSeconds, double percentOfMachine, @JsonInclude(JsonInclude.Include.NON_NULL) Long maxResidentMiB) {
    }

    record GcPauses(long pauses, long pausedMs, double meanPauseMs) {
    }

    /**
     * The measured load.
     *
     * @param rateAsked reports per second asked, or the text {@code as fast as possible}
     */
    record LoadResult(Object rateAsked, int concurrency, double seconds, int sent, int accepted, Map<Integer, Integer> httpStatuses,
            double acceptedPerSecond, double ratioToKafkaCeiling, double ratioToHttpCeiling, Percentiles<Long> httpAnswerMs) {
    }

    /**
     * Each report's time from its HTTP answer until the centre counts it.
     *
     * @param allAtCentreSecondsAfterLoadStopped seconds, or the text {@code not within N s}
     */
    record SubmitToCentre(String method, int reflected, int notReflectedWithinDrain, @JsonUnwrapped Percentiles<Long> ms,
            Object allAtCentreSecondsAfterLoadStopped, int centreCountAtEnd) {
    }

    record ConsumerLag(Map<String, Long> at30sAfterLoad, Map<String, Long> max, List<LagPoint> series) {
    }

    /** One second of the sampler: lag by group, process CPU percent, heap used. */
    record LagPoint(double t, Map<String, Long> lag, double cpu, long heapMiB) {
    }

    /** The driver's JVM (all of the stack when it is one JVM). */
    record ProcessLoad(double processCpuAvgPercentDuringLoad, double systemCpuAvgPercentDuringLoad, long heapMaxMiB, String note) {
    }

    record DashboardDuringLoad(@JsonUnwrapped Percentiles<Double> ms, int queries) {
    }

    /**
     * The web console's dashboard page of one province, signed in as its cadre, while the load ran, and again at rest once the
     * centre had counted every report (one JVM only: the separate processes run no console); each page timed from the request
     * to its last byte.
     *
     * @param notCounted requests that did not give the dashboard: not 200, another page, or no answer
     */
    record ConsoleDashboardPages(String province, String page, int pagesPerSecondAsked, @JsonUnwrapped Percentiles<Double> ms,
            int pages, int notCounted) {
    }

    /** Behind: a unit counts fewer reports than were accepted (not yet rolled up); wrong: any other difference. */
    record Exactness(String scope, int unitsChecked, int fieldsCompared, int unitsMismatched, double exactPercent, int unitsBehind,
            int unitsWrong, String note, List<String> mismatchExamples, long checkMs, int reportsCounted) {
    }

    record Reconciliation(long ms, int nodes, int mismatches, int treeUnits) {
    }

    /** One target the system is held to, what was measured, and whether it was met. */
    record Bar(String measured, boolean met) {
    }
}
