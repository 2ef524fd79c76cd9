package vn.doan.benchmarks.national;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.doan.benchmarks.national.NationalResults.Bar;
import vn.doan.benchmarks.national.NationalResults.ConsoleDashboardPages;
import vn.doan.benchmarks.national.NationalResults.ConsumerLag;
import vn.doan.benchmarks.national.NationalResults.CpuPart;
import vn.doan.benchmarks.national.NationalResults.CpuSplit;
import vn.doan.benchmarks.national.NationalResults.DashboardDuringLoad;
import vn.doan.benchmarks.national.NationalResults.Exactness;
import vn.doan.benchmarks.national.NationalResults.GcPauses;
import vn.doan.benchmarks.national.NationalResults.LagPoint;
import vn.doan.benchmarks.national.NationalResults.LoadResult;
import vn.doan.benchmarks.national.NationalResults.Machine;
import vn.doan.benchmarks.national.NationalResults.ProcessLoad;
import vn.doan.benchmarks.national.NationalResults.Reconciliation;
import vn.doan.benchmarks.national.NationalResults.Setup;
import vn.doan.benchmarks.national.NationalResults.SubmitToCentre;
import vn.doan.benchmarks.national.NationalResults.TreeShape;
import vn.doan.benchmarks.national.NationalResults.Warmup;

/** The results are written with the keys of the result files already in {@code results/}, so runs stay comparable. */
class NationalResultsTest {

    /** Objects whose keys are data (parts, JVMs, bars, statuses, groups): only their first entry's keys are compared. */
    private static final Set<String> KEYED_BY_DATA = Set.of("cpuByPart.parts", "gcPausesFromLoadStartUntilAllAtCentre", "bars",
            "load.httpStatuses", "httpCeiling.httpStatuses");

    /** Sections measured since the committed results were written: their keys are absent there. */
    private static final Set<String> SINCE_COMMITTED = Set.of("consoleDashboardDuringLoad", "consoleDashboardAtRest");

    @Test
    void aRunInOneJvmHasTheKeysOfTheCommittedQuickRunInItsOrder() throws Exception {
        JsonNode written = json(results(false));
        JsonNode committed = committed("national-quick.json");

        assertThat(keysOf(written, committed)).containsExactlyElementsOf(committed.propertyNames());
        assertThat(written.has("consoleDashboardDuringLoad")).isTrue();
        assertSameKeys(written, committed, "");
    }

    @Test
    void aRunInSeparateJvmsAlsoHasEachProcesssLargestResidentSet() throws Exception {
        assertSameKeys(json(results(true)), committed("national-quick-separate.json"), "");
    }

    @Test
    void percentilesAreWholeMillisecondsOrTenthsAndAbsentWhenNothingWasMeasured() throws Exception {
        JsonNode load = json(results(false)).get("load").get("httpAnswerMs");
        JsonNode province = json(results(false)).get("provinceQueryDuringLoad");

        assertThat(load.get("p99Ms").isIntegralNumber()).isTrue();
        // four answers: the median is the third, p99 the slowest; to a tenth of a millisecond
        assertThat(province.get("p50Ms").asDouble()).isEqualTo(524.0);
        assertThat(province.get("p99Ms").asDouble()).isEqualTo(666.7);
        assertThat(Api.JSON.valueToTree(new DashboardDuringLoad(Percentiles.ofNanos(new long[0]), 0)).propertyNames()).containsExactly("queries");
    }

    @Test
    void theConsolesDashboardPagesAreWrittenBesideTheProvinceQueriesAndLeftOutWhereNoConsoleRan() throws Exception {
        JsonNode one = json(results(false));
        JsonNode console = one.get("consoleDashboardDuringLoad");

        List<String> keys = one.propertyNames().stream().toList();
        assertThat(keys.indexOf("consoleDashboardDuringLoad")).isEqualTo(keys.indexOf("provinceQueryDuringLoad") + 1);
        assertThat(console.propertyNames()).containsExactly("province", "page", "pagesPerSecondAsked", "p50Ms", "p95Ms", "p99Ms", "maxMs",
                "pages", "notCounted");
        // three pages: the median is the second, p95 and p99 the slowest
        assertThat(console.get("p50Ms").asDouble()).isEqualTo(131.7);
        assertThat(console.get("p99Ms").asDouble()).isEqualTo(287.5);
        assertThat(json(results(true)).has("consoleDashboardDuringLoad")).isFalse();
        assertThat(keys.indexOf("consoleDashboardAtRest")).isEqualTo(keys.indexOf("consoleDashboardDuringLoad") + 1);
        // four pages at rest: the median is the third, p99 the slowest, one just over 300 ms
        assertThat(one.get("consoleDashboardAtRest").get("p50Ms").asDouble()).isEqualTo(299.9);
        assertThat(one.get("consoleDashboardAtRest").get("p99Ms").asDouble()).isEqualTo(300.1);
        assertThat(json(results(true)).has("consoleDashboardAtRest")).isFalse();
        assertThat(NationalReport.markdown(results(false), "chart.png")).contains("| the same page at rest, once the centre had counted every report "
                + "(4 pages, 5/s asked; 1 not the dashboard), ms to the last byte | p50 299.9, p95 300.1, p99 300.1, max 300.1 |");
        assertThat(NationalReport.markdown(results(true), "chart.png")).contains("| web console's province dashboard page during the load | "
                + "not measured: no web console in separate processes, or it did not sign in (the run's output says why) |");
        assertThat(NationalReport.markdown(results(false), "chart.png")).contains("of Thành đoàn Hà Nội, signed in as its cadre, during the load "
                + "(3 pages, 5/s asked; 0 not the dashboard), ms to the last byte | p50 131.7, p95 287.5, p99 287.5, max 287.5 |");
    }

    private static NationalResults results(boolean separate) {
        Map<String, Long> lag = new LinkedHashMap<>(Map.of("report-service", 0L));
        lag.put("indicator-service", 63L);
        lag.put("notification-service", 47L);
        return new NationalResults("quick", "2026-11-24T03:45:44.761718857Z", "benchmarks/national.sh quick --drain-seconds=120",
                Options.parse(new String[] {"quick"}).toString(),
                new Machine(2, 3072, "17.0.15", "memory", separate ? "separate" : "one", "all in one JVM"),
                new TreeShape(9623, 1, 8, 34, 1360, 8220),
                new Setup(9, 6201, 2774, lag, 263, 11800),
                new KafkaCeiling.Result(10000, 1485, 17426.3, 17440.4, 282.0, 408.0, 426.0),
                new HttpCeiling.Result("GET /api/reports/{unknown id} with a token (404)", 810.4, 16, 10.0, Map.of(404, 8114),
                        Percentiles.ofMillis(new long[] {16, 35, 50, 106})),
                new Warmup(200, 200, 2763, true),
                new CpuSplit(63.9, "per-thread CPU time", Map.of("report-service (HTTP)", new CpuPart(24.7, 19.3, separate ? 1210L : null))),
                Map.of("the one JVM", new GcPauses(192, 5584, 29.1)),
                new LoadResult("as fast as possible", 16, 31.9, 8020, 8020, Map.of(201, 8020), 251.5, 0.0144, 0.3104,
                        Percentiles.ofMillis(new long[] {45, 134, 333, 1178})),
                new SubmitToCentre("k-th answered report counted when the centre first counts k reports", 8020, 0,
                        Percentiles.ofMillis(new long[] {23028, 24564, 24808, 24990}), 19.2, 8220),
                new ConsumerLag(lag, lag, new ArrayList<>(List.of(new LagPoint(0.6, lag, 0.0, 615)))),
                new ProcessLoad(96.1, 99.6, 2322, "one JVM holds everything"),
                LoadMeasures.dashboard(new long[] {39_900_000, 148_800_000, 524_000_000, 666_700_000}),
                separate ? null : new ConsoleDashboardPages("Thành đoàn Hà Nội", "/bang-theo-doi?planId&periodId&unitId", 5,
                        Percentiles.ofNanos(new long[] {96_300_000, 131_700_000, 287_500_000}), 3, 0),
                separate ? null : new ConsoleDashboardPages("Thành đoàn Hà Nội", "/bang-theo-doi?planId&periodId&unitId", 5,
                        Percentiles.ofNanos(new long[] {61_200_000, 74_900_000, 299_900_000, 300_100_000}), 4, 1),
                new Exactness("every unit with reports in its subtree", 9623, 1039284, 0, 100.0, 0, 0, "behind: …", List.of(), 20877, 8220),
                new Reconciliation(1692, 9623, 0, 9623),
                Map.of("exactness 100%", new Bar("100.0% of 9623 units", true)));
    }

    private static JsonNode json(NationalResults results) {
        return Api.JSON.readTree(Api.JSON.writeValueAsString(results));
    }

    private static JsonNode committed(String file) throws Exception {
        return Api.JSON.readTree(Files.readString(Path.of("results", file)));
    }

    /** The keys of {@code written}, but those of sections newer than the {@code committed} file it is compared with. */
    private static List<String> keysOf(JsonNode written, JsonNode committed) {
        return written.propertyNames().stream().filter(key -> committed.has(key) || !SINCE_COMMITTED.contains(key)).toList();
    }

    private static void assertSameKeys(JsonNode written, JsonNode committed, String path) {
        if (committed.isArray()) {
            if (!committed.isEmpty()) {
                assertSameKeys(written.get(0), committed.get(0), path + "[]");
            }
            return;
        }
        if (!committed.isObject()) {
            return;
        }
        if (KEYED_BY_DATA.contains(path)) {
            assertSameKeys(written.iterator().next(), committed.iterator().next(), path + ".*");
            return;
        }
        assertThat(keysOf(written, committed)).as(path).containsExactlyInAnyOrderElementsOf(committed.propertyNames());
        for (String name : committed.propertyNames()) {
            assertSameKeys(written.get(name), committed.get(name), path.isEmpty() ? name : path + "." + name);
        }
    }
}
