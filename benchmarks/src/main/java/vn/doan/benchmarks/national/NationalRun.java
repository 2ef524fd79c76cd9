package vn.doan.benchmarks.national;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import vn.doan.benchmarks.national.NationalResults.CpuSplit;
import vn.doan.benchmarks.national.NationalResults.GcPauses;
import vn.doan.benchmarks.national.NationalResults.Machine;
import vn.doan.benchmarks.national.NationalResults.Reconciliation;
import vn.doan.benchmarks.national.NationalResults.TreeShape;
import vn.doan.benchmarks.national.NationalResults.Warmup;
import vn.doan.events.plan.UnitLevel;
import vn.doan.localstack.Services.Service;

/**
 * The benchmark's steps on a running stack: a seeded national tree imported and a plan of 12 indicators issued
 * ({@link StackSetup}); the Kafka and HTTP ceilings; a warm-up; the measured load of one report per branch while the
 * centre's dashboard, a province's dashboard (indicator-service's JSON, and the web console's page for the province's
 * cadre), consumer lag, CPU and heap are watched; the console's page again at rest; exactness of the roll-up against
 * totals computed here; a full reconciliation; the results written.
 */
final class NationalRun {

    /** The pace of the web console's province dashboard page during the load. */
    private static final int CONSOLE_PAGES_PER_SECOND = 5;
    /** How long the same page is asked for again once the centre has counted every report. */
    private static final int CONSOLE_AT_REST_SECONDS = 30;

    private final Options options;
    private final String bootstrap;
    private final Api api;
    /** The JVM of each part of the stack when they run apart, else empty. */
    private final Map<String, ProcessHandle> processes;

    NationalRun(Options options, String bootstrap, Function<Service, String> urls, Map<String, ProcessHandle> processes) {
        this.options = options;
        this.bootstrap = bootstrap;
        this.api = new Api(urls);
        this.processes = processes;
    }

    /** What the measured load left behind, besides the driver's own record. */
    private record Measured(LoadMeasures measures, List<StackSampler.Sample> samples, CpuSplit cpu, Map<String, GcPauses> gc,
            boolean drained, long drainedAt, long[] provinceNanos) {
    }

    /** The web console's dashboard of the first province for its cadre; null where the separate processes run no console, or it did not sign in. */
    private ConsoleDashboardQueries consoleDashboard(NationalTree tree, StackSetup.Prepared prepared) throws Exception {
        if (!options.oneJvm()) {
            return null;
        }
        NationalTree.Unit province = tree.ofLevel(UnitLevel.PROVINCE).get(0);
        try {
            return ConsoleDashboardQueries.signIn(api, province, prepared.units().get(province.code()).id(), prepared.planId(),
                    CONSOLE_PAGES_PER_SECOND);
        } catch (IllegalStateException e) {
            System.out.println("No console figures: " + e.getMessage());
            return null;
        }
    }

    void run() throws Exception {
        String measuredAt = Instant.now().toString();
        NationalTree tree = NationalTree.generate(options.size(), options.seed());
        TreeShape shape = new TreeShape(tree.units().size(), tree.ofLevel(UnitLevel.CENTRAL).size(), tree.ofLevel(UnitLevel.PROVINCE).size(),
                tree.ofLevel(UnitLevel.DISTRICT).size(), tree.ofLevel(UnitLevel.GRASSROOTS).size(), tree.ofLevel(UnitLevel.BRANCH).size());
        System.out.println("Tree: " + shape);

        try (StackSampler admin = new StackSampler(bootstrap, System.nanoTime())) {
            StackSetup.Prepared prepared = new StackSetup(api, admin).prepare(tree);
            String planId = prepared.planId();
            List<LoadDriver.Submission> all = submissions(tree, prepared);
            int warmup = Math.min(options.warmup(), all.size() / 10);
            int planned = options.rate() > 0 ? Math.min(all.size() - warmup, options.rate() * options.seconds()) : all.size() - warmup;

            KafkaCeiling.Result kafka = KafkaCeiling.run(bootstrap, Math.max(planned, 10_000),
                    KafkaCeiling.reportRecord(planId, all.get(0).unit().id(), all.get(0).values()));
            System.out.println("Kafka ceiling: " + kafka);
            HttpCeiling.Result http = HttpCeiling.run(api, 10, options.concurrency());

            CentreWatch centre = new CentreWatch(api, api.progressUrl(planId, prepared.units().get(NationalTree.CENTRE).id()));
            centre.start();
            LoadDriver driver = new LoadDriver(api, options.batching(), new Random(options.seed() + 2));
            long warmStart = System.nanoTime();
            LoadDriver.Load warm = driver.drive(all.subList(0, warmup), 0, 30, options.concurrency());
            boolean warmDone = centre.awaitCount(warm.accepted(), Duration.ofSeconds(Math.min(120, options.drainSeconds())));
            Warmup warmResult = new Warmup(warmup, warm.accepted(), (System.nanoTime() - warmStart) / 1_000_000, warmDone);
            System.out.println("Warm-up: " + warmResult);

            List<String> provinces = tree.ofLevel(UnitLevel.PROVINCE).stream()
                    .map(u -> api.progressUrl(planId, prepared.units().get(u.code()).id())).toList();
            ConsoleDashboardQueries console = consoleDashboard(tree, prepared);
            Measured measured = load(driver, all.subList(warmup, warmup + planned), warm.accepted(), centre, provinces, console);
            LoadMeasures measures = measured.measures();
            List<LatencyChart.Point> points = measures.latencies();

            NationalResults.ConsoleDashboardPages consoleAtRest = console == null ? null : console.atRest(CONSOLE_AT_REST_SECONDS);
            List<LoadDriver.Submission> accepted = new ArrayList<>(warm.acceptedSubmissions());
            accepted.addAll(measures.load().acceptedSubmissions());
            NationalResults.Exactness exactness = new ExactnessCheck(api, options).check(planId, tree, prepared.units(), accepted);
            Reconciliation reconciliation = reconcile(planId, shape.units());

            NationalResults.LoadResult load = measures.result(options, kafka, http);
            NationalResults.SubmitToCentre latency = measures.submitToCentre(points, measured.drained(), measured.drainedAt(), options.drainSeconds());
            NationalResults.ConsumerLag lag = LoadMeasures.lag(measured.samples(), measures.loadSeconds());
            NationalResults.DashboardDuringLoad province = LoadMeasures.dashboard(measured.provinceNanos());
            NationalResults.ConsoleDashboardPages consolePage = console == null ? null : console.result();
            NationalResults results = new NationalResults(options.profile(), measuredAt, options.command(), options.toString(), machine(), shape,
                    prepared.setup(), kafka, http, warmResult, measured.cpu(), measured.gc(), load, latency, lag,
                    measures.process(measured.samples(), options.oneJvm()), province, consolePage, consoleAtRest, exactness, reconciliation,
                    Bars.of(unrounded(measures, points, measured.provinceNanos(), console == null ? new long[0] : console.sorted()), load, latency,
                            lag, province, consolePage, exactness, reconciliation));
            write(results, points.stream().filter(LatencyChart.Point::reflected).toList(), measured.samples(), measures.loadSeconds());
        }
    }

    private static Bars.Unrounded unrounded(LoadMeasures measures, List<LatencyChart.Point> points, long[] sortedProvinceNanos,
            long[] sortedConsoleNanos) {
        return new Bars.Unrounded(measures.acceptedPerSecond(), measures.loadSeconds(), LoadMeasures.submitToCentreP99Ms(points),
                Percentiles.p99(Arrays.stream(sortedProvinceNanos).mapToDouble(nanos -> nanos / 1e6).toArray()),
                Percentiles.p99(Arrays.stream(sortedConsoleNanos).mapToDouble(nanos -> nanos / 1e6).toArray()));
    }

    /** One report per branch, shuffled, each with 12 seeded values. */
    private List<LoadDriver.Submission> submissions(NationalTree tree, StackSetup.Prepared prepared) {
        List<String> branchCodes = new ArrayList<>(tree.ofLevel(UnitLevel.BRANCH).stream().map(NationalTree.Unit::code).toList());
        Collections.shuffle(branchCodes, new Random(options.seed()));
        Random values = new Random(options.seed() + 1);
        List<LoadDriver.Submission> all = new ArrayList<>();
        for (String code : branchCodes) {
            all.add(LoadDriver.Submission.of(prepared.planId(), code, prepared.units().get(code), NationalPlan.values(values)));
        }
        return all;
    }

    /**
     * The measured load, with the province dashboards queried and lag, CPU and heap sampled, then the wait until the
     * centre counts every report (lag is sampled until 32 s after the load at least, for its value 30 s after).
     */
    private Measured load(LoadDriver driver, List<LoadDriver.Submission> reports, int warmAccepted, CentreWatch centre, List<String> provinces,
            ConsoleDashboardQueries console) throws Exception {
        Usage usage = CpuAndPauses.usage(api, processes);
        Map<String, CpuAndPauses.PausesSoFar> gcBefore = CpuAndPauses.pauses(api, options.oneJvm());
        long loadStart = System.nanoTime();
        StackSampler sampler = new StackSampler(bootstrap, loadStart);
        sampler.track(usage::update);
        System.out.println("indicator-service consumers of the reports topic: " + sampler.consumers("indicator-service", vn.doan.events.Topics.REPORTS));
        sampler.start();
        ProvinceQueries queries = new ProvinceQueries(api, provinces);
        queries.start();
        if (console != null) {
            console.start();
        }
        LoadDriver.Load load = driver.drive(reports, options.rate(), options.seconds(), options.concurrency());
        queries.stop();
        long loadEnd = System.nanoTime();
        // after the load's end is taken: the page in flight may take the console's whole timeout on a busy machine
        if (console != null) {
            console.stop();
        }
        int expectedAtCentre = warmAccepted + load.accepted();
        long untilLagSample = loadEnd + TimeUnit.SECONDS.toNanos(32) - System.nanoTime();
        if (untilLagSample > 0) {
            Thread.sleep(untilLagSample / 1_000_000);
        }
        System.out.printf("Load done: %d accepted; waiting for the centre to count them all (at most %d s)%n", load.accepted(), options.drainSeconds());
        boolean drained = centre.awaitCount(expectedAtCentre, Duration.ofSeconds(options.drainSeconds()));
        usage.update();
        CpuSplit cpu = CpuAndPauses.split(usage, (System.nanoTime() - loadStart) / 1e9);
        Map<String, GcPauses> gc = CpuAndPauses.between(gcBefore, CpuAndPauses.pauses(api, options.oneJvm()));
        // when the centre first counted them all (not when this thread looked, after the 32 s wait for the lag sample)
        long drainedAt = drained ? centre.firstReaching(expectedAtCentre) : System.nanoTime();
        centre.stop();
        sampler.close();
        return new Measured(new LoadMeasures(load, warmAccepted, loadStart, loadEnd, centre), sampler.samples(), cpu, gc, drained, drainedAt,
                queries.sorted());
    }

    /** {@code POST /api/admin/reconcile/{planId}/{periodId}}, timed: it recomputes the roll-up nodes that exist. */
    private Reconciliation reconcile(String planId, int treeUnits) throws Exception {
        long start = System.nanoTime();
        JsonNode result = api.post(api.url(Service.INDICATOR) + "/api/admin/reconcile/" + planId + "/" + NationalPlan.PERIOD, "", 200);
        Reconciliation reconciliation = new Reconciliation((System.nanoTime() - start) / 1_000_000, result.get("nodes").asInt(),
                result.get("mismatches").asInt(), treeUnits);
        System.out.println("Reconciliation: " + reconciliation);
        return reconciliation;
    }

    private Machine machine() {
        return new Machine(Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"),
                options.mongo(), options.processes(), processes.isEmpty()
                        ? "broker, MongoDB server, four services and the load driver all run in this one JVM"
                        : "the broker and MongoDB server in one JVM (heap " + options.infraHeap() + "), each service in its own (heap "
                                + options.serviceHeap() + "; auth-server 256m), the load driver in this one");
    }

    /** {@code benchmarks/results/<name>.{json,md}} and {@code <name>-latency.png}: the {@code --results} name (see {@link Options}). */
    private void write(NationalResults results, List<LatencyChart.Point> reflected, List<StackSampler.Sample> samples, double loadSeconds)
            throws Exception {
        Path dir = Path.of("benchmarks", "results");
        Files.createDirectories(dir);
        String name = options.results();
        Files.writeString(dir.resolve(name + ".json"), Api.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(results) + "\n");
        Files.writeString(dir.resolve(name + ".md"), NationalReport.markdown(results, name + "-latency.png"));
        LatencyChart.write(dir.resolve(name + "-latency.png"), "Submit → centre latency per report, and consumer lag (" + options.profile()
                + " run, " + results.measuredAt() + ")", reflected, samples, loadSeconds);
        System.out.println(Files.readString(dir.resolve(name + ".md")));
    }
}
