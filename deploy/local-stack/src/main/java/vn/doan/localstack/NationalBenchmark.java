package vn.doan.localstack;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.doan.events.EventCodec;
import vn.doan.events.Topics;
import vn.doan.events.plan.UnitCreated;
import vn.doan.events.plan.UnitLevel;
import vn.doan.events.report.ReportSubmitted;

/**
 * Issue 9: how fast and how exact the system is at the size of the whole country, on this machine.
 * Starts the whole stack in this JVM (in-process Kafka broker, MongoDB wire server, the four services),
 * imports a seeded national tree through plan-service's import, issues a plan of 12 indicators reported
 * by every branch, and then, timed: the Kafka ceiling (plain producer + consumer); the HTTP ceiling (the
 * cheapest request report-service answers behind its token check, as fast as it answers); reports through
 * {@code POST /api/reports} at a set rate or as fast as possible; each report's time from its HTTP answer
 * until the centre's dashboard counts it; consumer lag, CPU and heap every second; a province dashboard
 * queried during the load; exactness of every ancestor against totals computed here; a full
 * reconciliation. Writes {@code benchmarks/results/national.{json,md}} and {@code national-latency.png}.
 *
 * <p>Run: {@code benchmarks/national.sh quick|full [--name=value …]}; options in {@link Options}.
 */
public final class NationalBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> GROUPS = List.of("report-service", "indicator-service", "notification-service");

    private final Options options;
    /** An administrator's token (the demo loader's client credentials): reports for every unit of the country. */
    private java.util.function.Supplier<String> token;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, Object> results = new LinkedHashMap<>();
    private final Map<String, Object> bars = new LinkedHashMap<>();
    private String planUrl;
    private String reportUrl;
    private String indicatorUrl;

    private NationalBenchmark(Options options) {
        this.options = options;
    }

    /**
     * @param profile {@code quick} (≈5,000 units, as fast as possible) or {@code full} (≈303,000 units, 1,000 reports/s)
     * @param rate reports per second, 0 for as fast as the stack answers
     * @param seconds how long the load lasts (it also stops when every branch has reported)
     * @param concurrency requests in flight at most
     * @param drainSeconds how long to wait after the load for the centre to count every report; exactness is checked after
     * @param exactLimit check every unit with reports in its subtree up to this many, else centre, provinces,
     *                   Đoàn trực thuộc and a random sample of this many
     * @param mongo {@code memory} (mongo-java-server's in-memory backend) or {@code h2} (file-backed)
     * @param processes {@code separate}: Kafka and MongoDB in one JVM, each service in its own, the driver in this one (as
     *                  in production, where each runs on its own); {@code one}: everything in this JVM
     * @param infraHeap heap of the Kafka + MongoDB JVM (the in-memory MongoDB holds every document) when separate
     * @param serviceHeap heap of each service's JVM when separate
     */
    record Options(String profile, NationalTree.Size size, long seed, int rate, int seconds, int concurrency, int drainSeconds,
            int exactLimit, String mongo, int warmup, String processes, String infraHeap, String serviceHeap, String command) {

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
                    "benchmarks/national.sh " + String.join(" ", args));
        }
    }

    /** One unit as plan-service announced it. */
    record Known(String id, UnitLevel level, List<String> ancestorIds) {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Path dir = Files.createTempDirectory("doan-national-bench");
        List<String> quiet = List.of("--logging.level.root=WARN", "--logging.level.vn.doan=WARN");
        if (options.processes().equals("one")) {
            try (EmbeddedMongo mongo = EmbeddedMongo.start(freePort(), options.mongo().equals("h2") ? dir.resolve("mongo.mv.db") : null);
                    EmbeddedKafka kafka = EmbeddedKafka.start(freePort(), freePort(), dir.resolve("kafka"));
                    // fixed ports, so that each service's Tomcat threads carry its port (StackSampler.part)
                    Services services = Services.start(kafka.bootstrap(), mongo.uri(), Map.of(Services.Service.PLAN, freePort(),
                                    Services.Service.REPORT, freePort(), Services.Service.INDICATOR, freePort(), Services.Service.NOTIFICATION, freePort(),
                                    Services.Service.GATEWAY, freePort()), quiet)) {
                new NationalBenchmark(options).run(kafka.bootstrap(), services, Map.of());
            }
        } else {
            Path logs = dir.resolve("logs");
            System.out.println("Each part in its own JVM; their output is in " + logs);
            List<String> jvmOptions = new ArrayList<>(List.of("-XX:+ExitOnOutOfMemoryError"));
            String extra = System.getenv("STACK_JAVA_OPTS");
            if (extra != null && !extra.isBlank()) {
                jvmOptions.addAll(List.of(extra.trim().split("\\s+")));
            }
            int kafkaPort = freePort();
            int mongoPort = freePort();
            Process infrastructure = Services.launch("infrastructure", options.infraHeap(), jvmOptions, List.of("infrastructure",
                    String.valueOf(kafkaPort), String.valueOf(freePort()), dir.resolve("kafka").toString(), String.valueOf(mongoPort),
                    options.mongo().equals("h2") ? dir.resolve("mongo.mv.db").toString() : "memory"), logs);
            try {
                Services.awaitListening(infrastructure, kafkaPort, mongoPort);
                String bootstrap = "127.0.0.1:" + kafkaPort;
                Map<Services.Service, String> heaps = new java.util.EnumMap<>(Services.Service.class);
                for (Services.Service service : Services.Service.values()) {
                    heaps.put(service, service == Services.Service.AUTH ? "256m" : options.serviceHeap());
                }
                try (Services services = Services.startProcesses(bootstrap, "mongodb://127.0.0.1:" + mongoPort, java.util.EnumSet.of(
                        Services.Service.AUTH, Services.Service.PLAN, Services.Service.REPORT, Services.Service.INDICATOR, Services.Service.NOTIFICATION),
                        quiet, heaps, jvmOptions, logs)) {
                    Map<String, ProcessHandle> processes = new LinkedHashMap<>();
                    processes.put("Kafka broker + MongoDB wire server", infrastructure.toHandle());
                    services.processes().forEach((service, process) -> processes.put(service.configName, process.toHandle()));
                    processes.put("load driver (this JVM)", ProcessHandle.current());
                    new NationalBenchmark(options).run(bootstrap, services, processes);
                }
            } finally {
                Services.stop(List.of(infrastructure));
            }
        }
        System.exit(0);
    }

    /** @param processes the JVM of each part of the stack when they run apart, else empty */
    private void run(String bootstrap, Services services, Map<String, ProcessHandle> processes) throws Exception {
        token = ApiClient.loaderToken(services);
        planUrl = services.url(Services.Service.PLAN);
        reportUrl = services.url(Services.Service.REPORT);
        indicatorUrl = services.url(Services.Service.INDICATOR);
        results.put("profile", options.profile());
        results.put("measuredAt", Instant.now().toString());
        results.put("command", options.command());
        results.put("options", options.toString());
        results.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(), "maxHeapMiB", Runtime.getRuntime().maxMemory() >> 20,
                "java", System.getProperty("java.version"), "mongoBackend", options.mongo(),
                "processes", options.processes(),
                "note", processes.isEmpty() ? "broker, MongoDB server, four services and the load driver all run in this one JVM"
                        : "the broker and MongoDB server in one JVM (heap " + options.infraHeap() + "), each service in its own (heap "
                        + options.serviceHeap() + "; auth-server 256m), the load driver in this one"));

        NationalTree tree = NationalTree.generate(options.size(), options.seed());
        Map<String, Object> treeInfo = new LinkedHashMap<>();
        treeInfo.put("units", tree.units().size());
        for (UnitLevel level : UnitLevel.values()) {
            treeInfo.put(level.name(), tree.ofLevel(level).size());
        }
        results.put("tree", treeInfo);
        System.out.println("Tree: " + treeInfo);

        try (StackSampler admin = new StackSampler(bootstrap, GROUPS, System.nanoTime())) {
            Map<String, Known> units = setUp(tree, admin);
            String centreId = units.get(NationalTree.CENTRE).id();
            String planId = issuePlan(centreId, admin);

            List<String> branchCodes = new ArrayList<>(tree.ofLevel(UnitLevel.BRANCH).stream().map(NationalTree.Unit::code).toList());
            Collections.shuffle(branchCodes, new Random(options.seed()));
            Random values = new Random(options.seed() + 1);
            List<Submission> all = new ArrayList<>();
            for (String code : branchCodes) {
                List<NationalPlan.Value> v = NationalPlan.values(values);
                all.add(new Submission(code, units.get(code), body(planId, units.get(code).id(), v), v));
            }
            int warmup = Math.min(options.warmup(), all.size() / 10);
            int planned = options.rate() > 0 ? Math.min(all.size() - warmup, options.rate() * options.seconds()) : all.size() - warmup;

            results.put("kafkaCeiling", ceiling(bootstrap, planned, planId, all.get(0)));
            results.put("httpCeiling", httpCeiling(10, options.concurrency()));

            CentreWatch centre = new CentreWatch(indicatorUrl + "/api/progress/" + planId + "/" + NationalPlan.PERIOD + "/units/" + centreId);
            centre.start();
            long warmStart = System.nanoTime();
            Load warm = drive(all.subList(0, warmup), 0, 30, options.concurrency());
            boolean warmDone = centre.awaitCount(warm.accepted(), Duration.ofSeconds(Math.min(120, options.drainSeconds())));
            results.put("warmup", Map.of("reports", warmup, "accepted", warm.accepted(), "allAtCentreMs", (System.nanoTime() - warmStart) / 1_000_000,
                    "allAtCentre", warmDone));
            System.out.println("Warm-up: " + results.get("warmup"));

            List<String> provinces = tree.ofLevel(UnitLevel.PROVINCE).stream().map(u -> units.get(u.code()).id()).toList();
            StackSampler.Usage usage;
            if (processes.isEmpty()) {
                Map<String, String> serviceByPort = new HashMap<>();
                for (Services.Service service : Services.Service.values()) {
                    serviceByPort.put(String.valueOf(URI.create(services.url(service)).getPort()), service.configName);
                }
                usage = new StackSampler.CpuByPart(serviceByPort);
            } else {
                usage = new StackSampler.ProcessUsage(processes);
            }
            Map<String, double[]> gcBefore = gcPauses(services, processes.isEmpty());
            long loadStart = System.nanoTime();
            StackSampler sampler = new StackSampler(bootstrap, GROUPS, loadStart);
            sampler.track(usage::update);
            sampler.start();
            ProvinceQueries queries = new ProvinceQueries(indicatorUrl + "/api/progress/" + planId + "/" + NationalPlan.PERIOD + "/units/", provinces);
            queries.start();
            Load load = drive(all.subList(warmup, warmup + planned), options.rate(), options.seconds(), options.concurrency());
            queries.stop();
            long loadEnd = System.nanoTime();
            int expectedAtCentre = warm.accepted() + load.accepted();
            long untilLagSample = loadEnd + TimeUnit.SECONDS.toNanos(32) - System.nanoTime();
            if (untilLagSample > 0) {
                Thread.sleep(untilLagSample / 1_000_000);
            }
            System.out.printf("Load done: %d accepted; waiting for the centre to count them all (at most %d s)%n", load.accepted(), options.drainSeconds());
            boolean drained = centre.awaitCount(expectedAtCentre, Duration.ofSeconds(options.drainSeconds()));
            usage.update();
            cpuByPart(usage, (System.nanoTime() - loadStart) / 1e9);
            gcDuring(gcBefore, gcPauses(services, processes.isEmpty()));
            // when the centre first counted them all (not when this thread looked, after the 32 s wait for the lag sample)
            long drainedAt = drained ? centre.firstReaching(expectedAtCentre) : System.nanoTime();
            centre.stop();
            sampler.close();

            double loadSeconds = (loadEnd - loadStart) / 1e9;
            recordLoad(load, loadSeconds, warm.accepted(), loadStart, loadEnd, centre, drained, drainedAt, sampler.samples(), queries);

            List<Submission> accepted = new ArrayList<>();
            accepted.addAll(warm.acceptedSubmissions());
            accepted.addAll(load.acceptedSubmissions());
            exactness(planId, centreId, tree, units, accepted);
            reconciliation(planId);
            results.put("bars", bars);

            List<double[]> points = new ArrayList<>();
            for (double[] p : latencies(load, warm.accepted(), centre, loadStart)) {
                points.add(p);
            }
            write(points, sampler.samples(), loadSeconds);
        }
    }

    // ---------------------------------------------------------------- set-up

    private Map<String, Known> setUp(NationalTree tree, StackSampler admin) throws Exception {
        long start = System.nanoTime();
        importUnits(List.of(tree.units().get(0)));
        for (NationalTree.Unit province : tree.ofLevel(UnitLevel.PROVINCE)) {
            importUnits(tree.province(province.code()));
        }
        long imported = System.nanoTime();
        System.out.printf("Imported %,d units in %,d ms%n", tree.units().size(), (imported - start) / 1_000_000);
        while (topicSize(admin, Topics.ORG_UNITS) < tree.units().size()) {
            Thread.sleep(500);
        }
        long published = System.nanoTime();
        System.out.printf("All UnitCreated on Kafka after %,d ms%n", (published - imported) / 1_000_000);
        Map<String, Object> consumed = new LinkedHashMap<>();
        for (String group : GROUPS) {
            while (admin.lag(group, Topics.ORG_UNITS) > 0) {
                Thread.sleep(1000);
            }
            consumed.put(group, (System.nanoTime() - published) / 1_000_000);
            System.out.printf("%s consumed the tree %,d ms after it was on Kafka%n", group, consumed.get(group));
        }
        Map<String, Object> setup = new LinkedHashMap<>();
        setup.put("importCalls", 1 + tree.ofLevel(UnitLevel.PROVINCE).size());
        setup.put("importMs", (imported - start) / 1_000_000);
        setup.put("publishedToKafkaMs", (published - imported) / 1_000_000);
        setup.put("treeConsumedMsAfterPublished", consumed);
        results.put("setup", setup);
        return readUnits(admin);
    }

    private void importUnits(List<NationalTree.Unit> rows) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(planUrl + "/api/units/import")).header("Authorization", "Bearer " + token.get())
                .header("Content-Type", "text/csv").timeout(Duration.ofMinutes(10))
                .POST(HttpRequest.BodyPublishers.ofString(NationalTree.csv(rows), StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 201) {
            throw new IllegalStateException("Import failed: " + answer.statusCode() + " " + answer.body());
        }
    }

    private static long topicSize(StackSampler admin, String topic) {
        try {
            return admin.size(topic);
        } catch (Exception notYet) {
            return 0;
        }
    }

    /** Unit ids and ancestors as plan-service published them, read from the start of its topic with a plain consumer. */
    private Map<String, Known> readUnits(StackSampler admin) throws Exception {
        Map<String, Known> byCode = new HashMap<>();
        long total = admin.size(Topics.ORG_UNITS);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, (Object) admin.bootstrap(),
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ORG_UNITS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long read = 0;
            while (read < total) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    read++;
                    EventCodec.data(EventCodec.fromJson(r.value())).filter(UnitCreated.class::isInstance).map(UnitCreated.class::cast)
                            .ifPresent(u -> byCode.put(u.code(), new Known(u.unitId(), u.level(), u.ancestorIds())));
                }
            }
        }
        return byCode;
    }

    private String issuePlan(String centreId, StackSampler admin) throws Exception {
        long start = System.nanoTime();
        JsonNode draft = post(planUrl + "/api/plans", JSON.writeValueAsString(NationalPlan.content(centreId)), Map.of(), 201);
        String planId = draft.get("id").asString();
        post(planUrl + "/api/plans/" + planId + "/issue", "{}", Map.of(), 200);
        long issued = System.nanoTime();
        while (topicSize(admin, Topics.PLANS) < 1) {
            Thread.sleep(200);
        }
        for (String group : GROUPS) {
            while (admin.lag(group, Topics.PLANS) > 0) {
                Thread.sleep(200);
            }
        }
        ((Map<String, Object>) results.get("setup")).put("planIssueMs", (issued - start) / 1_000_000);
        ((Map<String, Object>) results.get("setup")).put("planConsumedMs", (System.nanoTime() - issued) / 1_000_000);
        System.out.printf("Plan %s issued in %,d ms, consumed by all after %,d ms%n", planId, (issued - start) / 1_000_000,
                (System.nanoTime() - issued) / 1_000_000);
        return planId;
    }

    // ---------------------------------------------------------------- the Kafka ceiling

    private Map<String, Object> ceiling(String bootstrap, int count, String planId, Submission sample) throws Exception {
        List<ReportSubmitted.Value> values = sample.values().stream()
                .map(v -> new ReportSubmitted.Value(v.code(), v.numerator(), v.denominator(), v.doneOn())).toList();
        String record = EventCodec.toJson(new EventCodec("/report-service", Clock.systemUTC()).wrap(new ReportSubmitted(UUID.randomUUID().toString(), 1,
                planId, sample.unit().id(), NationalPlan.PERIOD, Instant.now(), LocalDate.of(2026, 12, 15), 0, values), sample.unit().id()));
        KafkaCeiling.Result result = KafkaCeiling.run(bootstrap, Math.max(count, 10_000), record);
        System.out.println("Kafka ceiling: " + result);
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("records", result.records());
        map.put("recordBytes", result.recordBytes());
        map.put("producedPerSecond", round(result.producedPerSecond()));
        map.put("producedAndConsumedPerSecond", round(result.consumedPerSecond()));
        map.put("latencyP50Ms", result.p50Ms());
        map.put("latencyP99Ms", result.p99Ms());
        map.put("latencyMaxMs", result.maxMs());
        return map;
    }

    /**
     * The cheapest request report-service answers behind its token check — {@code GET /api/reports/{id}} of an id
     * that does not exist: token, access rules, one read by id, a 404 problem+json — as fast as answers come for
     * {@code seconds}, {@code concurrency} in flight: what the HTTP stack alone allows before any report is stored.
     */
    private Map<String, Object> httpCeiling(int seconds, int concurrency) throws InterruptedException {
        Semaphore inFlight = new Semaphore(concurrency);
        List<Long> answerNanos = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, Integer> statuses = new java.util.concurrent.ConcurrentSkipListMap<>();
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        int sent = 0;
        while (System.nanoTime() < end) {
            inFlight.acquire();
            long sentAt = System.nanoTime();
            sent++;
            http.sendAsync(HttpRequest.newBuilder(URI.create(reportUrl + "/api/reports/ceiling-" + sent)).header("Authorization", "Bearer " + token.get())
                    .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString()).whenComplete((answer, error) -> {
                        answerNanos.add(System.nanoTime() - sentAt);
                        statuses.merge(answer == null ? 0 : answer.statusCode(), 1, Integer::sum);
                        inFlight.release();
                    });
        }
        inFlight.acquire(concurrency);
        double elapsed = (System.nanoTime() - start) / 1e9;
        inFlight.release(concurrency);
        long[] ms = answerNanos.stream().mapToLong(n -> n / 1_000_000).sorted().toArray();
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("request", "GET /api/reports/{unknown id} with a token (404)");
        map.put("answeredPerSecond", round(sent / elapsed));
        map.put("concurrency", concurrency);
        map.put("seconds", round(elapsed));
        map.put("httpStatuses", new java.util.TreeMap<>(statuses));
        map.putAll(percentiles(ms));
        System.out.println("HTTP ceiling: " + map);
        return map;
    }

    // ---------------------------------------------------------------- the load

    record Submission(String code, Known unit, String body, List<NationalPlan.Value> values) {
    }

    /** Per submission: when it was sent and answered (nanoTime) and the HTTP status (0: no answer). */
    record Load(List<Submission> submissions, long[] sentAt, long[] answeredAt, int[] status, int sent) {

        int accepted() {
            int n = 0;
            for (int i = 0; i < sent; i++) {
                n += status[i] == 201 ? 1 : 0;
            }
            return n;
        }

        List<Submission> acceptedSubmissions() {
            List<Submission> list = new ArrayList<>();
            for (int i = 0; i < sent; i++) {
                if (status[i] == 201) {
                    list.add(submissions.get(i));
                }
            }
            return list;
        }
    }

    private static String body(String planId, String unitId, List<NationalPlan.Value> values) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("planId", planId);
        report.put("unitId", unitId);
        report.put("periodId", NationalPlan.PERIOD);
        report.put("values", values.stream().map(NationalPlan.Value::json).toList());
        return JSON.writeValueAsString(report);
    }

    /** Sends the reports at {@code rate} a second (0: as fast as answers come), at most {@code concurrency} in flight, for {@code seconds}. */
    private Load drive(List<Submission> submissions, int rate, int seconds, int concurrency) throws InterruptedException {
        int n = submissions.size();
        long[] sentAt = new long[n];
        long[] answeredAt = new long[n];
        int[] status = new int[n];
        Semaphore inFlight = new Semaphore(concurrency);
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        int sent = 0;
        for (int i = 0; i < n; i++) {
            if (rate > 0) {
                long due = start + (long) (i * 1e9 / rate);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
            }
            inFlight.acquire();
            if (System.nanoTime() > end) {
                inFlight.release();
                break;
            }
            Submission s = submissions.get(i);
            int index = i;
            sentAt[i] = System.nanoTime();
            sent++;
            http.sendAsync(HttpRequest.newBuilder(URI.create(reportUrl + "/api/reports")).header("Authorization", "Bearer " + token.get()).timeout(Duration.ofSeconds(60))
                            .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                            .POST(HttpRequest.BodyPublishers.ofString(s.body(), StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString()).whenComplete((answer, error) -> {
                        answeredAt[index] = System.nanoTime();
                        status[index] = answer == null ? 0 : answer.statusCode();
                        if (answer != null && answer.statusCode() != 201 && index < 3) {
                            System.err.println("Report refused: " + answer.statusCode() + " " + answer.body());
                        }
                        inFlight.release();
                    });
        }
        inFlight.acquire(concurrency);
        inFlight.release(concurrency);
        return new Load(submissions, sentAt, answeredAt, status, sent);
    }

    /** Polls the centre's dashboard every 50 ms and records when the number of reports it counts changes. */
    private final class CentreWatch {
        private final String url;
        private final List<long[]> changes = Collections.synchronizedList(new ArrayList<>());
        private final AtomicBoolean running = new AtomicBoolean(true);
        private volatile int count;
        private Thread thread;

        CentreWatch(String url) {
            this.url = url;
        }

        void start() {
            thread = new Thread(() -> {
                while (running.get()) {
                    try {
                        JsonNode body = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token.get()).build(), HttpResponse.BodyHandlers.ofString()).body());
                        int now = body.get("indicators").get(0).get("subtree").get("reportingUnits").asInt();
                        if (now != count) {
                            count = now;
                            changes.add(new long[] {System.nanoTime(), now});
                        }
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    } catch (Exception e) {
                        System.err.println("centre watch: " + e);
                    }
                }
            }, "bench-centre-watch");
            thread.start();
        }

        boolean awaitCount(int expected, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (count < expected && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            return count >= expected;
        }

        /** When the centre first counted at least {@code k} reports, or -1. */
        long firstReaching(int k) {
            synchronized (changes) {
                int lo = 0;
                int hi = changes.size() - 1;
                long found = -1;
                while (lo <= hi) {
                    int mid = (lo + hi) >>> 1;
                    if (changes.get(mid)[1] >= k) {
                        found = changes.get(mid)[0];
                        hi = mid - 1;
                    } else {
                        lo = mid + 1;
                    }
                }
                return found;
            }
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join();
        }
    }

    /** A province dashboard, round robin over the provinces, ten times a second while the load runs. */
    private final class ProvinceQueries {
        private final String base;
        private final List<String> provinces;
        private final List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
        private final AtomicBoolean running = new AtomicBoolean(true);
        private Thread thread;

        ProvinceQueries(String base, List<String> provinces) {
            this.base = base;
            this.provinces = provinces;
        }

        void start() {
            thread = new Thread(() -> {
                for (int i = 0; running.get(); i++) {
                    try {
                        long t = System.nanoTime();
                        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + provinces.get(i % provinces.size()))).header("Authorization", "Bearer " + token.get()).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (answer.statusCode() == 200) {
                            nanos.add(System.nanoTime() - t);
                        }
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    } catch (Exception e) {
                        System.err.println("province query: " + e);
                    }
                }
            }, "bench-province-queries");
            thread.start();
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join();
        }

        long[] sorted() {
            long[] all = nanos.stream().mapToLong(Long::longValue).toArray();
            Arrays.sort(all);
            return all;
        }
    }

    // ---------------------------------------------------------------- measurements

    /**
     * Each accepted report's latency: the k-th report to be answered counts as reflected when the centre first
     * counts k reports (after the warm-up). Exact when reports are applied in the order they were answered;
     * otherwise a report overtaken by a later one is credited the later one's time, so per-report numbers may
     * shift a little while the distribution stays right. Points: {seconds since load start, ms}.
     */
    private List<double[]> latencies(Load load, int warmAccepted, CentreWatch centre, long loadStart) {
        List<long[]> answered = new ArrayList<>();
        for (int i = 0; i < load.sent(); i++) {
            if (load.status()[i] == 201) {
                answered.add(new long[] {load.answeredAt()[i], i});
            }
        }
        answered.sort((a, b) -> Long.compare(a[0], b[0]));
        List<double[]> points = new ArrayList<>();
        for (int k = 0; k < answered.size(); k++) {
            long reflected = centre.firstReaching(warmAccepted + k + 1);
            long answeredAt = answered.get(k)[0];
            points.add(new double[] {(answeredAt - loadStart) / 1e9, reflected < 0 ? -1 : Math.max(0, reflected - answeredAt) / 1e6});
        }
        return points;
    }

    private void recordLoad(Load load, double loadSeconds, int warmAccepted, long loadStart, long loadEnd, CentreWatch centre, boolean drained,
            long drainedAt, List<StackSampler.Sample> samples, ProvinceQueries queries) {
        int accepted = load.accepted();
        long firstSent = load.sentAt()[0];
        long lastAnswer = 0;
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        for (int i = 0; i < load.sent(); i++) {
            lastAnswer = Math.max(lastAnswer, load.answeredAt()[i]);
            statuses.merge(load.status()[i], 1, Integer::sum);
        }
        double acceptedPerSecond = accepted / ((lastAnswer - firstSent) / 1e9);
        Map<String, Object> ceiling = (Map<String, Object>) results.get("kafkaCeiling");
        double ceilingRate = ((Number) ceiling.get("producedAndConsumedPerSecond")).doubleValue();
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("rateAsked", options.rate() == 0 ? "as fast as possible" : options.rate());
        map.put("concurrency", options.concurrency());
        map.put("seconds", round(loadSeconds));
        map.put("sent", load.sent());
        map.put("accepted", accepted);
        map.put("httpStatuses", statuses);
        map.put("acceptedPerSecond", round(acceptedPerSecond));
        map.put("ratioToKafkaCeiling", round4(acceptedPerSecond / ceilingRate));
        map.put("ratioToHttpCeiling", round4(acceptedPerSecond / ((Number) ((Map<String, Object>) results.get("httpCeiling")).get("answeredPerSecond")).doubleValue()));
        long[] answerMs = new long[load.sent()];
        for (int i = 0; i < load.sent(); i++) {
            answerMs[i] = (load.answeredAt()[i] - load.sentAt()[i]) / 1_000_000;
        }
        Arrays.sort(answerMs);
        map.put("httpAnswerMs", percentiles(answerMs));
        results.put("load", map);

        List<double[]> points = latencies(load, warmAccepted, centre, loadStart);
        long[] reflectedMs = points.stream().filter(p -> p[1] >= 0).mapToLong(p -> (long) p[1]).sorted().toArray();
        Map<String, Object> latency = new LinkedHashMap<>();
        latency.put("method", "centre dashboard polled every 50 ms; k-th answered report counted when the centre first counts k reports");
        latency.put("reflected", reflectedMs.length);
        latency.put("notReflectedWithinDrain", points.size() - reflectedMs.length);
        latency.putAll(percentiles(reflectedMs));
        latency.put("allAtCentreSecondsAfterLoadStopped", drained ? round(Math.max(0, drainedAt - loadEnd) / 1e9) : "not within " + options.drainSeconds() + " s");
        latency.put("centreCountAtEnd", centre.count);
        results.put("submitToCentre", latency);

        Map<String, Object> lag = new LinkedHashMap<>();
        double at = (loadEnd - loadStart) / 1e9 + 30;
        StackSampler.Sample after = samples.stream().filter(s -> s.atSeconds() >= at).findFirst()
                .orElse(samples.isEmpty() ? null : samples.get(samples.size() - 1));
        lag.put("at30sAfterLoad", after == null ? Map.of() : after.lagByGroup());
        lag.put("max", GROUPS.stream().collect(java.util.stream.Collectors.toMap(g -> g,
                g -> samples.stream().mapToLong(s -> s.lagByGroup().getOrDefault(g, 0L)).max().orElse(0))));
        lag.put("series", samples.stream().map(s -> Map.of("t", round(s.atSeconds()), "lag", s.lagByGroup(),
                "cpu", round(s.processCpu() * 100), "heapMiB", s.heapUsedMib())).toList());
        results.put("consumerLag", lag);

        Map<String, Object> cpu = new LinkedHashMap<>();
        List<StackSampler.Sample> during = samples.stream().filter(s -> s.atSeconds() <= (loadEnd - loadStart) / 1e9).toList();
        cpu.put("processCpuAvgPercentDuringLoad", round(during.stream().mapToDouble(StackSampler.Sample::processCpu).average().orElse(0) * 100));
        cpu.put("systemCpuAvgPercentDuringLoad", round(during.stream().mapToDouble(StackSampler.Sample::systemCpu).average().orElse(0) * 100));
        cpu.put("heapMaxMiB", samples.stream().mapToLong(StackSampler.Sample::heapUsedMib).max().orElse(0));
        cpu.put("note", options.processes().equals("one") ? "one JVM holds everything; system CPU includes other work on the machine"
                : "the load driver's JVM only (each process's CPU is under cpuByPart); system CPU is the whole machine");
        results.put("process", cpu);

        long[] province = queries.sorted();
        Map<String, Object> provinceMap = new LinkedHashMap<>(percentilesNanos(province));
        provinceMap.put("queries", province.length);
        results.put("provinceQueryDuringLoad", provinceMap);

        boolean sustained = acceptedPerSecond >= 1000 && loadSeconds >= 59;
        bar("≥ 1,000 reports/s sustained for 60 s", round(acceptedPerSecond) + " reports/s over " + round(loadSeconds) + " s", sustained);
        Object p99 = latency.get("p99Ms");
        bar("p99 submit → centre ≤ 2 s", p99 + " ms (" + latency.get("notReflectedWithinDrain") + " not reflected)",
                p99 instanceof Number n && n.doubleValue() <= 2000 && reflectedMs.length == points.size());
        Map<String, Long> lagAfter = after == null ? Map.of() : after.lagByGroup();
        bar("zero lag 30 s after the load stops", lagAfter.toString(), !lagAfter.isEmpty() && lagAfter.values().stream().allMatch(l -> l == 0));
        Object provinceP99 = provinceMap.get("p99Ms");
        bar("province dashboard p99 ≤ 50 ms during the load", provinceP99 + " ms over " + province.length + " queries",
                provinceP99 instanceof Number n && n.doubleValue() <= 50);
    }

    /** CPU of each part of the stack from the start of the load until the centre counted every report. */
    private void cpuByPart(StackSampler.Usage usage, double seconds) {
        int cores = Runtime.getRuntime().availableProcessors();
        Map<String, Long> maxRssMib = usage.maxRssMib();
        Map<String, Object> parts = new LinkedHashMap<>();
        usage.used().entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).forEach(e -> {
            double cpuSeconds = e.getValue() / 1e9;
            Map<String, Object> part = new LinkedHashMap<>();
            part.put("cpuSeconds", round(cpuSeconds));
            part.put("percentOfMachine", round(100 * cpuSeconds / (seconds * cores)));
            if (maxRssMib.containsKey(e.getKey())) {
                part.put("maxResidentMiB", maxRssMib.get(e.getKey()));
            }
            parts.put(e.getKey(), part);
        });
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("windowSeconds", round(seconds));
        map.put("method", usage.method() + ", from the start of the load until the centre counted every report; percent of all " + cores
                + " cores over that window");
        map.put("parts", parts);
        results.put("cpuByPart", map);
    }

    /**
     * Garbage-collection pauses so far of each service's JVM ({@code jvm.gc.pause}: count, seconds), or of the one JVM
     * (asked of report-service) when everything shares it.
     */
    private Map<String, double[]> gcPauses(Services services, boolean oneJvm) throws Exception {
        Map<String, double[]> pauses = new LinkedHashMap<>();
        List<Services.Service> asked = oneJvm ? List.of(Services.Service.REPORT)
                : List.of(Services.Service.PLAN, Services.Service.REPORT, Services.Service.INDICATOR, Services.Service.NOTIFICATION);
        for (Services.Service service : asked) {
            double count = 0;
            double total = 0;
            for (JsonNode m : get(services.url(service) + "/actuator/metrics/jvm.gc.pause").get("measurements")) {
                switch (m.get("statistic").asString()) {
                    case "COUNT" -> count = m.get("value").asDouble();
                    case "TOTAL_TIME" -> total = m.get("value").asDouble();
                    default -> { }
                }
            }
            pauses.put(oneJvm ? "the one JVM" : service.configName, new double[] {count, total});
        }
        return pauses;
    }

    private void gcDuring(Map<String, double[]> before, Map<String, double[]> after) {
        Map<String, Object> map = new LinkedHashMap<>();
        after.forEach((jvm, a) -> {
            double count = a[0] - before.get(jvm)[0];
            double ms = (a[1] - before.get(jvm)[1]) * 1000;
            map.put(jvm, Map.of("pauses", (long) count, "pausedMs", Math.round(ms), "meanPauseMs", count == 0 ? 0 : round(ms / count)));
        });
        results.put("gcPausesFromLoadStartUntilAllAtCentre", map);
    }

    private void exactness(String planId, String centreId, NationalTree tree, Map<String, Known> units, List<Submission> accepted) throws Exception {
        ExpectedTotals expected = new ExpectedTotals();
        for (Submission s : accepted) {
            expected.add(s.unit().id(), s.unit().ancestorIds(), s.values());
        }
        List<String> check = new ArrayList<>(expected.units());
        String scope = "every unit with reports in its subtree";
        if (check.size() > options.exactLimit()) {
            List<String> sample = new ArrayList<>();
            sample.add(centreId);
            for (NationalTree.Unit u : tree.units()) {
                if (u.level() == UnitLevel.PROVINCE || u.level() == UnitLevel.DISTRICT) {
                    sample.add(units.get(u.code()).id());
                }
            }
            Collections.shuffle(check, new Random(options.seed()));
            sample.addAll(check.subList(0, options.exactLimit()));
            check = sample.stream().distinct().toList();
            scope = "centre, every province and Đoàn trực thuộc, and " + options.exactLimit() + " random units with reports";
        }
        long start = System.nanoTime();
        int mismatched = 0;
        int behind = 0;
        int fieldsCompared = 0;
        List<String> examples = new ArrayList<>();
        for (String unitId : check) {
            JsonNode body = get(indicatorUrl + "/api/progress/" + planId + "/" + NationalPlan.PERIOD + "/units/" + unitId);
            Map<String, ExpectedTotals.Measure> want = expected.of(unitId);
            boolean same = true;
            boolean missingReports = false;
            for (JsonNode indicator : body.get("indicators")) {
                JsonNode s = indicator.get("subtree");
                ExpectedTotals.Measure m = want.getOrDefault(indicator.get("code").asString(), ExpectedTotals.Measure.ZERO);
                ExpectedTotals.Measure got = new ExpectedTotals.Measure(s.get("numerator").asLong(), s.get("denominator").asLong(),
                        s.get("reportingUnits").asInt(), s.get("unitsMet").asInt(), s.get("below").asInt(), s.get("within").asInt(),
                        s.get("above").asInt(), s.get("doneOnTime").asInt(), s.get("doneLate").asInt());
                fieldsCompared += 9;
                if (!got.equals(m)) {
                    same = false;
                    missingReports |= got.reportingUnits() < m.reportingUnits();
                    if (examples.size() < 10) {
                        examples.add(unitId + " " + indicator.get("code").asString() + ": expected " + m + ", got " + got);
                    }
                }
            }
            if (!same) {
                mismatched++;
                behind += missingReports ? 1 : 0;
            }
        }
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("scope", scope);
        map.put("unitsChecked", check.size());
        map.put("fieldsCompared", fieldsCompared);
        map.put("unitsMismatched", mismatched);
        map.put("exactPercent", round(100.0 * (check.size() - mismatched) / Math.max(1, check.size())));
        map.put("unitsBehind", behind);
        map.put("unitsWrong", mismatched - behind);
        map.put("note", "behind: the unit counts fewer reports than were accepted (not yet rolled up); wrong: any other difference");
        map.put("mismatchExamples", examples);
        map.put("checkMs", (System.nanoTime() - start) / 1_000_000);
        map.put("reportsCounted", accepted.size());
        results.put("exactness", map);
        System.out.println("Exactness: " + map);
        bar("exactness 100%", map.get("exactPercent") + "% of " + check.size() + " units (" + scope + "); of the others " + behind
                + " behind (reports not yet rolled up), " + (mismatched - behind) + " wrong", mismatched == 0 && !check.isEmpty());
    }

    private void reconciliation(String planId) throws Exception {
        long start = System.nanoTime();
        JsonNode result = post(indicatorUrl + "/api/admin/reconcile/" + planId + "/" + NationalPlan.PERIOD, "", Map.of(), 200);
        long ms = (System.nanoTime() - start) / 1_000_000;
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("ms", ms);
        map.put("nodes", result.get("nodes").asInt());
        map.put("mismatches", result.get("mismatches").asInt());
        map.put("treeUnits", ((Map<?, ?>) results.get("tree")).get("units"));
        results.put("reconciliation", map);
        System.out.println("Reconciliation: " + map);
        int nodes = (Integer) map.get("nodes");
        int treeUnits = (Integer) map.get("treeUnits");
        boolean fullSize = treeUnits >= 300_000 && nodes >= treeUnits * 9 / 10;
        bar("full reconciliation ≤ 60 s (at 300,000 units)", ms + " ms for " + nodes + " roll-up nodes of a " + treeUnits + "-unit tree"
                + (fullSize ? "" : " (nodes exist only for units with reports: not a measurement at 300,000)"), fullSize && ms <= 60_000);
    }

    private void bar(String name, String measured, boolean met) {
        bars.put(name, Map.of("measured", measured, "met", met));
    }

    // ---------------------------------------------------------------- output

    private void write(List<double[]> points, List<StackSampler.Sample> samples, double loadSeconds) throws IOException {
        Path dir = Path.of("benchmarks", "results");
        Files.createDirectories(dir);
        String name = options.profile().equals("full") ? "national" : "national-" + options.profile();
        Files.writeString(dir.resolve(name + ".json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(results) + "\n");
        Files.writeString(dir.resolve(name + ".md"), NationalReport.markdown(results, name + "-latency.png"));
        List<double[]> reflected = points.stream().filter(p -> p[1] >= 0).toList();
        LatencyChart.write(dir.resolve(name + "-latency.png"), "Submit → centre latency per report, and consumer lag (" + options.profile() + " run, "
                + results.get("measuredAt") + ")", reflected, samples, loadSeconds);
        System.out.println(Files.readString(dir.resolve(name + ".md")));
    }

    private static Map<String, Object> percentiles(long[] sortedMs) {
        Map<String, Object> map = new LinkedHashMap<>();
        if (sortedMs.length == 0) {
            return map;
        }
        map.put("p50Ms", sortedMs[(int) (sortedMs.length * 0.50)]);
        map.put("p95Ms", sortedMs[Math.min(sortedMs.length - 1, (int) (sortedMs.length * 0.95))]);
        map.put("p99Ms", sortedMs[Math.min(sortedMs.length - 1, (int) (sortedMs.length * 0.99))]);
        map.put("maxMs", sortedMs[sortedMs.length - 1]);
        return map;
    }

    private static Map<String, Object> percentilesNanos(long[] sortedNanos) {
        Map<String, Object> map = new LinkedHashMap<>();
        if (sortedNanos.length == 0) {
            return map;
        }
        map.put("p50Ms", round(sortedNanos[(int) (sortedNanos.length * 0.50)] / 1e6));
        map.put("p95Ms", round(sortedNanos[Math.min(sortedNanos.length - 1, (int) (sortedNanos.length * 0.95))] / 1e6));
        map.put("p99Ms", round(sortedNanos[Math.min(sortedNanos.length - 1, (int) (sortedNanos.length * 0.99))] / 1e6));
        map.put("maxMs", round(sortedNanos[sortedNanos.length - 1] / 1e6));
        return map;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static double round4(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }

    // ---------------------------------------------------------------- HTTP

    private JsonNode get(String url) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token.get()).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + ": " + answer.statusCode() + " " + answer.body());
        }
        return JSON.readTree(answer.body());
    }

    private JsonNode post(String url, String body, Map<String, String> headers, int status) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token.get()).timeout(Duration.ofMinutes(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != status) {
            throw new IllegalStateException("POST " + url + ": " + answer.statusCode() + " " + answer.body());
        }
        return answer.body().isBlank() ? JSON.nullNode() : JSON.readTree(answer.body());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
