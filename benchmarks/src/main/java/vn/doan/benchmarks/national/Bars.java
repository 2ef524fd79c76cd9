package vn.doan.benchmarks.national;

import java.util.LinkedHashMap;
import java.util.Map;
import vn.doan.benchmarks.national.NationalResults.Bar;
import vn.doan.benchmarks.national.NationalResults.ConsoleDashboardPages;
import vn.doan.benchmarks.national.NationalResults.ConsumerLag;
import vn.doan.benchmarks.national.NationalResults.DashboardDuringLoad;
import vn.doan.benchmarks.national.NationalResults.Exactness;
import vn.doan.benchmarks.national.NationalResults.LoadResult;
import vn.doan.benchmarks.national.NationalResults.Reconciliation;
import vn.doan.benchmarks.national.NationalResults.SubmitToCentre;

/**
 * The targets the system is held to at the size of the country, each with what was measured and whether it was met. Each bar
 * is judged on the measurement as taken ({@link Unrounded}); the sections, and the text of each bar, show it rounded.
 */
final class Bars {

    /**
     * @param submitToCentreP99Ms null if no report was reflected
     * @param provinceP99Ms null if no province dashboard was queried
     * @param consoleP99Ms null if no console dashboard page was counted
     */
    record Unrounded(double acceptedPerSecond, double loadSeconds, Double submitToCentreP99Ms, Double provinceP99Ms, Double consoleP99Ms) {
    }

    private Bars() {
    }

    /** @param console null where no console ran */
    static Map<String, Bar> of(Unrounded measured, LoadResult load, SubmitToCentre latency, ConsumerLag lag, DashboardDuringLoad province,
            ConsoleDashboardPages console, Exactness exact, Reconciliation reconciliation) {
        Map<String, Bar> bars = new LinkedHashMap<>();
        bars.put("≥ 1,000 reports/s sustained for 60 s", new Bar(load.acceptedPerSecond() + " reports/s over " + load.seconds() + " s",
                measured.acceptedPerSecond() >= 1000 && measured.loadSeconds() >= 59));
        Number p99 = latency.ms() == null ? null : latency.ms().p99Ms();
        bars.put("p99 submit → centre ≤ 2 s", new Bar(p99 + " ms (" + latency.notReflectedWithinDrain() + " not reflected)",
                measured.submitToCentreP99Ms() != null && measured.submitToCentreP99Ms() <= 2000 && latency.notReflectedWithinDrain() == 0));
        Map<String, Long> lagAfter = lag.at30sAfterLoad();
        bars.put("zero lag 30 s after the load stops", new Bar(lagAfter.toString(),
                !lagAfter.isEmpty() && lagAfter.values().stream().allMatch(l -> l == 0)));
        Number provinceP99 = province.ms() == null ? null : province.ms().p99Ms();
        bars.put("province dashboard p99 ≤ 50 ms during the load", new Bar(provinceP99 + " ms over " + province.queries() + " queries",
                measured.provinceP99Ms() != null && measured.provinceP99Ms() <= 50));
        bars.put("console province dashboard p99 ≤ 300 ms during the load", console == null
                ? new Bar("not measured: no web console in separate processes, or it did not sign in (the run's output says why)", false)
                : new Bar((console.ms() == null ? null : console.ms().p99Ms()) + " ms over " + console.pages() + " pages ("
                        + console.notCounted() + " not the dashboard)",
                        measured.consoleP99Ms() != null && measured.consoleP99Ms() <= 300 && console.notCounted() == 0));
        bars.put("exactness 100%", new Bar(exact.exactPercent() + "% of " + exact.unitsChecked() + " units (" + exact.scope() + "); of the others "
                + exact.unitsBehind() + " behind (reports not yet rolled up), " + exact.unitsWrong() + " wrong",
                exact.unitsMismatched() == 0 && exact.unitsChecked() > 0));
        int nodes = reconciliation.nodes();
        int treeUnits = reconciliation.treeUnits();
        boolean fullSize = treeUnits >= 300_000 && nodes >= treeUnits * 9 / 10;
        bars.put("full reconciliation ≤ 60 s (at 300,000 units)", new Bar(reconciliation.ms() + " ms for " + nodes + " roll-up nodes of a "
                + treeUnits + "-unit tree" + (fullSize ? "" : " (nodes exist only for units with reports: not a measurement at 300,000)"),
                fullSize && reconciliation.ms() <= 60_000));
        return bars;
    }
}
