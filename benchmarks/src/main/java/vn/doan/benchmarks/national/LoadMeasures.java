package vn.doan.benchmarks.national;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vn.doan.benchmarks.national.NationalResults.ConsumerLag;
import vn.doan.benchmarks.national.NationalResults.DashboardDuringLoad;
import vn.doan.benchmarks.national.NationalResults.LagPoint;
import vn.doan.benchmarks.national.NationalResults.LoadResult;
import vn.doan.benchmarks.national.NationalResults.ProcessLoad;
import vn.doan.benchmarks.national.NationalResults.SubmitToCentre;

/**
 * The figures of the measured load, from what the driver, the centre's watch and the sampler recorded between
 * {@code loadStart} and {@code loadEnd} (nanoTime) and after.
 *
 * @param warmAccepted reports the centre counted before the load (the warm-up's)
 */
record LoadMeasures(LoadDriver.Load load, int warmAccepted, long loadStart, long loadEnd, CentreWatch centre) {

    double loadSeconds() {
        return (loadEnd - loadStart) / 1e9;
    }

    /**
     * Each accepted report's latency: the k-th report to be answered counts as reflected when the centre first
     * counts k reports (after the warm-up). Exact when reports are applied in the order they were answered;
     * otherwise a report overtaken by a later one is credited the later one's time, so per-report numbers may
     * shift a little while the distribution stays right.
     */
    List<LatencyChart.Point> latencies() {
        List<long[]> answered = new ArrayList<>();
        for (int i = 0; i < load.sent(); i++) {
            if (load.status()[i] == 201) {
                answered.add(new long[] {load.answeredAt()[i], i});
            }
        }
        answered.sort((a, b) -> Long.compare(a[0], b[0]));
        List<LatencyChart.Point> points = new ArrayList<>();
        for (int k = 0; k < answered.size(); k++) {
            long reflected = centre.firstReaching(warmAccepted + k + 1);
            long answeredAt = answered.get(k)[0];
            points.add(new LatencyChart.Point((answeredAt - loadStart) / 1e9, reflected < 0 ? -1 : Math.max(0, reflected - answeredAt) / 1e6));
        }
        return points;
    }

    /** Reports accepted per second, from the first sent to the last answered; unrounded. */
    double acceptedPerSecond() {
        long lastAnswer = Arrays.stream(load.answeredAt(), 0, load.sent()).max().orElse(0);
        return load.accepted() / ((lastAnswer - load.sentAt()[0]) / 1e9);
    }

    /** The p99 of the reflected reports' submit → centre latency in milliseconds, unrounded; null if none was reflected. */
    static Double submitToCentreP99Ms(List<LatencyChart.Point> points) {
        return Percentiles.p99(points.stream().filter(LatencyChart.Point::reflected).mapToDouble(LatencyChart.Point::ms).sorted().toArray());
    }

    LoadResult result(Options options, KafkaCeiling.Result kafka, HttpCeiling.Result http) {
        Map<Integer, Integer> statuses = new TreeMap<>();
        long[] answerMs = new long[load.sent()];
        for (int i = 0; i < load.sent(); i++) {
            statuses.merge(load.status()[i], 1, Integer::sum);
            answerMs[i] = (load.answeredAt()[i] - load.sentAt()[i]) / 1_000_000;
        }
        Arrays.sort(answerMs);
        double acceptedPerSecond = acceptedPerSecond();
        return new LoadResult(options.rate() == 0 ? "as fast as possible" : options.rate(), options.concurrency(), Rounding.tenth(loadSeconds()),
                load.sent(), load.accepted(), statuses, Rounding.tenth(acceptedPerSecond),
                Rounding.tenThousandth(acceptedPerSecond / kafka.producedAndConsumedPerSecond()),
                Rounding.tenThousandth(acceptedPerSecond / http.answeredPerSecond()), Percentiles.ofMillis(answerMs));
    }

    /**
     * @param drainedAt when the centre first counted every report, if {@code drained}
     * @param drainSeconds how long the driver waited for that
     */
    SubmitToCentre submitToCentre(List<LatencyChart.Point> points, boolean drained, long drainedAt, int drainSeconds) {
        long[] reflectedMs = points.stream().filter(LatencyChart.Point::reflected).mapToLong(p -> (long) p.ms()).sorted().toArray();
        return new SubmitToCentre("centre dashboard polled every 50 ms; k-th answered report counted when the centre first counts k reports",
                reflectedMs.length, points.size() - reflectedMs.length, Percentiles.ofMillis(reflectedMs),
                drained ? Rounding.tenth(Math.max(0, drainedAt - loadEnd) / 1e9) : "not within " + drainSeconds + " s", centre.count());
    }

    /** Lag 30 s after the load stopped (the last sample if none came that late), the largest, and every sample. */
    static ConsumerLag lag(List<StackSampler.Sample> samples, double loadSeconds) {
        double at = loadSeconds + 30;
        StackSampler.Sample after = samples.stream().filter(s -> s.atSeconds() >= at).findFirst()
                .orElse(samples.isEmpty() ? null : samples.get(samples.size() - 1));
        Map<String, Long> max = new LinkedHashMap<>();
        for (String group : StackSampler.GROUPS) {
            max.put(group, samples.stream().mapToLong(s -> s.lagByGroup().getOrDefault(group, 0L)).max().orElse(0));
        }
        List<LagPoint> series = samples.stream().map(s -> new LagPoint(Rounding.tenth(s.atSeconds()), s.lagByGroup(),
                Rounding.tenth(s.processCpu() * 100), s.heapUsedMib())).toList();
        return new ConsumerLag(after == null ? Map.of() : after.lagByGroup(), max, series);
    }

    ProcessLoad process(List<StackSampler.Sample> samples, boolean oneJvm) {
        List<StackSampler.Sample> during = samples.stream().filter(s -> s.atSeconds() <= loadSeconds()).toList();
        return new ProcessLoad(Rounding.tenth(during.stream().mapToDouble(StackSampler.Sample::processCpu).average().orElse(0) * 100),
                Rounding.tenth(during.stream().mapToDouble(StackSampler.Sample::systemCpu).average().orElse(0) * 100),
                samples.stream().mapToLong(StackSampler.Sample::heapUsedMib).max().orElse(0),
                oneJvm ? "one JVM holds everything; system CPU includes other work on the machine"
                        : "the load driver's JVM only (each process's CPU is under cpuByPart); system CPU is the whole machine");
    }

    static DashboardDuringLoad dashboard(long[] sortedNanos) {
        return new DashboardDuringLoad(Percentiles.ofNanos(sortedNanos), sortedNanos.length);
    }
}
