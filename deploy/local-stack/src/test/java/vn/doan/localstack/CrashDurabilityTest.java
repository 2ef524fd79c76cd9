package vn.doan.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import vn.doan.events.EventCodec;
import vn.doan.events.EventEnvelope;
import vn.doan.events.Topics;
import vn.doan.events.report.ReportAccepted;
import vn.doan.events.report.ReportReturned;
import vn.doan.events.report.ReportSubmitted;
import vn.doan.support.test.TestTokens;

/**
 * The local stack as a user runs it ({@link LocalStack}: in-process Kafka and MongoDB stored in a data directory), in
 * its own process, killed with SIGKILL while reports, revisions and returns/accepts arrive from eight threads, at a
 * different random moment in each round, then started again on the same data directory. Whatever the API
 * acknowledged must be there after the restart, its events on Kafka, and the roll-up must equal a sum computed here
 * from the reports that survived.
 */
class CrashDurabilityTest {

    private static final int THREADS = 8;
    private static final String CODE = "CT1";
    /** The services on a report's path; they trust the test's token issuer instead of an authorisation server of their own. */
    private static final List<String> SERVICES = List.of("plan-service", "report-service", "indicator-service");

    @TempDir
    Path dir;

    private final Random random = new Random();
    private final Map<String, Integer> ports = new HashMap<>();
    private Process stack;
    private ApiClient api;

    /** What the API acknowledged for each report, the last answer winning: one worker owns each report's transitions. */
    private final Map<String, Acknowledged> acknowledged = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong acknowledgements = new java.util.concurrent.atomic.AtomicLong();
    /** What a report would be if the transition sent and not yet answered took effect. */
    private final Map<String, Acknowledged> inFlight = new ConcurrentHashMap<>();

    record Acknowledged(String unitId, String periodId, int version, String status, long numerator, long denominator) {
    }

    @AfterEach
    void kill() {
        if (stack != null) {
            stack.destroyForcibly();
        }
    }

    @Test
    void everyAcknowledgedWriteSurvivesSigkillAndIsRolledUpOnce() throws Exception {
        long seed = random.nextLong();
        random.setSeed(seed);
        System.out.println("CrashDurabilityTest seed " + seed);
        for (String name : List.of("DOAN_KAFKA_PORT", "DOAN_KAFKA_CONTROLLER_PORT", "DOAN_MONGO_PORT", "PLAN_SERVICE_PORT",
                "REPORT_SERVICE_PORT", "INDICATOR_SERVICE_PORT")) {
            ports.put(name, Services.freePort());
        }
        start();
        String province = api.createUnit("CM-TINH", "Tỉnh đoàn Cà Mau", "PROVINCE", null, null);
        List<String> communes = new ArrayList<>();
        for (String[] district : new String[][] {{"CM-NAMCAN", "Huyện đoàn Năm Căn"}, {"CM-UMINH", "Huyện đoàn U Minh"}}) {
            String districtId = api.createUnit(district[0], district[1], "DISTRICT", "district", province);
            for (int i = 1; i <= 6; i++) {
                communes.add(api.createUnit(district[0] + "-X" + i, "Đoàn xã " + district[1].substring(10) + " " + i, "GRASSROOTS", "commune",
                        districtId));
            }
        }
        List<String> periods = List.of("T01", "T02", "T03", "T04", "T05", "T06", "T07", "T08", "T09", "T10", "T11", "T12");
        String planId = api.issuePlan(monthlyPlan(province, periods));
        ConcurrentLinkedQueue<String[]> slots = new ConcurrentLinkedQueue<>();
        for (String period : periods) {
            for (String unit : communes) {
                slots.add(new String[] {unit, period});
            }
        }
        // report-service learns the plan from Kafka: the first report waits for it
        String[] first = slots.poll();
        JsonNode firstReport = api.submitReport(planId, first[0], first[1], List.of(value(7, 9)), Duration.ofSeconds(60));
        acknowledged.put(firstReport.get("id").asString(), new Acknowledged(first[0], first[1], 1, "SUBMITTED", 7, 9));

        // round 1: new reports; round 2: revisions, returns and accepts of those, and new reports, at once
        crashWhile(worker -> submitNew(planId, slots, worker));
        verify(planId, province, periods, "after round 1");
        crashWhile(worker -> {
            submitNew(planId, slots, worker);
            transitions(worker);
        });
        verify(planId, province, periods, "after round 2");
    }

    /**
     * Runs {@code work} on eight threads and kills the stack at a random moment: after 10 to 60 acknowledged writes of
     * this round, and 0 to 250 ms more, so that the moment falls anywhere in a write's path whatever the machine's speed.
     */
    private void crashWhile(Consumer<Integer> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        AtomicBoolean killed = new AtomicBoolean();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        long acknowledgedBefore = acknowledgements.get();
        for (int worker = 0; worker < THREADS; worker++) {
            int w = worker;
            pool.submit(() -> {
                try {
                    while (!killed.get()) {
                        work.accept(w);
                    }
                } catch (IllegalStateException stackGone) {
                    // the call in flight when the process died was never answered
                    if (!killed.get()) {
                        failures.add(stackGone);
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
        }
        int killAfter = 10 + random.nextInt(51);
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (acknowledgements.get() - acknowledgedBefore < killAfter && failures.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        Thread.sleep(random.nextInt(250));
        killed.set(true);
        stack.destroyForcibly().waitFor();
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        assertThat(failures).as("what the workers met before the kill").isEmpty();
        System.out.printf("Killed the stack after %d writes acknowledged in the round%n", acknowledgements.get() - acknowledgedBefore);
        start();
    }

    private void submitNew(String planId, ConcurrentLinkedQueue<String[]> slots, int worker) {
        String[] slot = slots.poll();
        if (slot == null) {
            return;
        }
        long denominator = 1 + random.nextInt(1_000);
        long numerator = random.nextBoolean() ? denominator : random.nextInt((int) denominator);
        ApiClient.Answer answer = api.post(url("REPORT_SERVICE_PORT") + "/api/reports", Map.of("planId", planId, "unitId", slot[0],
                "periodId", slot[1], "values", List.of(value(numerator, denominator))), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(answer.status()).as("%s", answer.body()).isEqualTo(201);
        acknowledged.put(answer.body().get("id").asString(), new Acknowledged(slot[0], slot[1], 1, "SUBMITTED", numerator, denominator));
        acknowledgements.incrementAndGet();
    }

    /** One step for one report this worker owns: revise, return or accept one under review; revise a returned one. */
    private void transitions(int worker) {
        List<Map.Entry<String, Acknowledged>> mine = acknowledged.entrySet().stream()
                .filter(e -> Math.floorMod(e.getKey().hashCode(), THREADS) == worker && !e.getValue().status().equals("ACCEPTED")).toList();
        if (mine.isEmpty()) {
            return;
        }
        Map.Entry<String, Acknowledged> entry = mine.get(random.nextInt(mine.size()));
        String id = entry.getKey();
        Acknowledged was = entry.getValue();
        String reports = url("REPORT_SERVICE_PORT") + "/api/reports/" + id;
        int step = was.status().equals("RETURNED") ? 0 : random.nextInt(3);
        Acknowledged after;
        ApiClient.Answer answer;
        if (step == 0) {
            long numerator = was.numerator() == was.denominator() ? was.numerator() - 1 : was.numerator() + 1;
            after = new Acknowledged(was.unitId(), was.periodId(), was.version() + 1, "RESUBMITTED", numerator, was.denominator());
            inFlight.put(id, after);
            answer = api.post(reports + "/revisions", Map.of("values", List.of(value(numerator, was.denominator()))),
                    Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        } else {
            String status = step == 1 ? "RETURNED" : "ACCEPTED";
            after = new Acknowledged(was.unitId(), was.periodId(), was.version(), status, was.numerator(), was.denominator());
            inFlight.put(id, after);
            answer = step == 1 ? api.post(reports + "/return", Map.of("reason", "Số liệu đoàn viên chưa khớp sổ sinh hoạt chi đoàn."), Map.of())
                    : api.post(reports + "/accept", Map.of(), Map.of());
        }
        assertThat(answer.status()).as("%s", answer.body()).isBetween(200, 201);
        acknowledged.put(id, after);
        inFlight.remove(id);
        acknowledgements.incrementAndGet();
    }

    /**
     * Every acknowledged write is stored (a write in flight at the kill may or may not be), each stored report version's
     * events are on Kafka once, and the province's roll-up of each month is the sum of the reports stored, returned ones left out.
     */
    private void verify(String planId, String province, List<String> periods, String when) {
        Map<String, Acknowledged> stored = new HashMap<>();
        for (String period : periods) {
            for (JsonNode report : api.get(url("REPORT_SERVICE_PORT") + "/api/reports?planId=" + planId + "&periodId=" + period).body()) {
                JsonNode value = report.get("values").get(0);
                stored.put(report.get("id").asString(), new Acknowledged(report.get("unitId").asString(), period, report.get("version").asInt(),
                        report.get("status").asString(), value.get("numerator").asLong(), value.get("denominator").asLong()));
            }
        }
        for (Map.Entry<String, Acknowledged> entry : acknowledged.entrySet()) {
            List<Acknowledged> allowed = inFlight.containsKey(entry.getKey()) ? List.of(entry.getValue(), inFlight.get(entry.getKey()))
                    : List.of(entry.getValue());
            assertThat(stored.get(entry.getKey())).as("%s: report %s, acknowledged as %s", when, entry.getKey(), entry.getValue())
                    .isNotNull().isIn(allowed);
        }
        System.out.printf("%s: %d acknowledged reports all stored as acknowledged; %d stored in all (the rest were in flight)%n", when,
                acknowledged.size(), stored.size());
        acknowledged.clear();
        acknowledged.putAll(stored);
        inFlight.clear();
        assertEventsOnKafkaOnce(when);

        Map<String, long[]> byPeriod = new HashMap<>();
        for (Acknowledged report : stored.values()) {
            if (report.status().equals("RETURNED")) {
                // a returned report's figures leave the roll-up until it is resubmitted (indicator-service's README)
                byPeriod.computeIfAbsent(report.periodId(), p -> new long[3]);
                continue;
            }
            long[] sum = byPeriod.computeIfAbsent(report.periodId(), p -> new long[3]);
            sum[0] += report.numerator();
            sum[1] += report.denominator();
            sum[2]++;
        }
        for (Map.Entry<String, long[]> period : byPeriod.entrySet()) {
            long[] sum = period.getValue();
            // after a kill the restarted consumer gets its partitions only once the group has dropped the killed member,
            // whose session lasts 6 s (set in start()): the reports after the last commit wait for that
            EndToEndTests.await(when + ": the province's roll-up of " + period.getKey() + " = " + List.of(sum[0], sum[1], sum[2]),
                    () -> subtree(planId, period.getKey(), province),
                    s -> s != null && s.get("numerator").asLong() == sum[0] && s.get("denominator").asLong() == sum[1]
                            && s.get("reportingUnits").asLong() == sum[2], Duration.ofSeconds(120));
        }
    }

    private JsonNode subtree(String planId, String periodId, String unitId) {
        ApiClient.Answer progress = api.progress(planId, periodId, unitId);
        return progress.status() == 200 ? progress.body().get("indicators").get(0).get("subtree") : null;
    }

    /**
     * Each stored report version's {@code ReportSubmitted} is on the topic, and the {@code ReportReturned} or
     * {@code ReportAccepted} of its present status. A record may stand there twice only as the same event (same id), sent
     * again by a relay killed between Kafka's acknowledgement and the outbox's removal: consumers drop the second by its
     * id. No version has two different events of one kind.
     */
    private void assertEventsOnKafkaOnce(String when) {
        Map<String, java.util.Set<String>> eventIds = new HashMap<>();
        Map<String, Integer> copies = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                "127.0.0.1:" + ports.get("DOAN_KAFKA_PORT"), ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (true) {
                eventIds.clear();
                copies.clear();
                List<TopicPartition> partitions = consumer.partitionsFor(Topics.REPORTS, Duration.ofSeconds(30)).stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
                while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                        EventEnvelope envelope = EventCodec.fromJson(record.value());
                        Object event = EventCodec.data(envelope).orElse(null);
                        String key = event instanceof ReportSubmitted e ? e.reportId() + " v" + e.version() + " SUBMITTED"
                                : event instanceof ReportReturned e ? e.reportId() + " v" + e.version() + " RETURNED"
                                : event instanceof ReportAccepted e ? e.reportId() + " v" + e.version() + " ACCEPTED" : null;
                        if (key != null) {
                            eventIds.computeIfAbsent(key, k -> new java.util.HashSet<>()).add(envelope.id());
                            copies.merge(envelope.id(), 1, Integer::sum);
                        }
                    }
                }
                if (expectedEvents().allMatch(eventIds::containsKey) || System.nanoTime() > deadline) {
                    break;
                }
                sleep(500);
            }
        }
        expectedEvents().forEach(key -> assertThat(eventIds.get(key)).as("%s: events %s", when, key).hasSize(1));
        long resent = copies.values().stream().filter(n -> n > 1).count();
        System.out.printf("%s: %d report events on Kafka, %d of them sent twice (same id)%n", when, copies.size(), resent);
    }

    /** The events the stored reports must have produced, as "id vN KIND". */
    private java.util.stream.Stream<String> expectedEvents() {
        return acknowledged.entrySet().stream().flatMap(e -> {
            Acknowledged report = e.getValue();
            java.util.stream.Stream<String> submitted = java.util.stream.IntStream.rangeClosed(1, report.version())
                    .mapToObj(v -> e.getKey() + " v" + v + " SUBMITTED");
            return report.status().endsWith("SUBMITTED") ? submitted
                    : java.util.stream.Stream.concat(submitted, java.util.stream.Stream.of(e.getKey() + " v" + report.version() + " " + report.status()));
        });
    }

    private void start() throws Exception {
        Map<String, String> env = new LinkedHashMap<>();
        ports.forEach((name, port) -> env.put(name, String.valueOf(port)));
        env.put("DOAN_DATA_DIR", dir.resolve("data").toString());
        env.put("DOAN_DEMO_DATA", "false");
        env.put("DOAN_SERVICES", String.join(",", SERVICES));
        env.put("DOAN_OIDC_ISSUER_URI", TestTokens.ISSUER);
        env.put("DOAN_OIDC_JWK_SET_URI", TestTokens.jwkSetUri());
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx1g",
                "-XX:TieredStopAtLevel=1", "-Duser.timezone=Asia/Ho_Chi_Minh", "-Dfile.encoding=UTF-8", "-cp",
                System.getProperty("java.class.path"), LocalStack.class.getName(), "--doan.outbox.interval=50ms",
                // the killed consumers' sessions end after 6 s (the broker's least) instead of Kafka's default 45 s
                "--spring.cloud.stream.kafka.binder.consumer-properties.session.timeout.ms=6000",
                "--spring.cloud.stream.kafka.binder.consumer-properties.heartbeat.interval.ms=2000"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("stack.log").toFile()));
        builder.environment().putAll(env);
        Path logFile = dir.resolve("stack.log");
        int earlierRuns = Files.exists(logFile) ? Files.readAllBytes(logFile).length : 0;
        long started = System.nanoTime();
        stack = builder.start();
        String log = "";
        while (!log.contains("indicator-service ready at")) {
            assertThat(stack.isAlive()).as("the stack stopped while starting; its log:%n%s", log).isTrue();
            String sinceStart = log;
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("the stack starts; the end of its log:%n%s",
                    sinceStart.substring(Math.max(0, sinceStart.length() - 4000))).isLessThan(Duration.ofMinutes(4));
            sleep(250);
            byte[] bytes = Files.readAllBytes(logFile);
            // a log cut by the kill may end inside a character: decode leniently
            log = new String(bytes, earlierRuns, bytes.length - earlierRuns, java.nio.charset.StandardCharsets.UTF_8);
        }
        System.out.printf("Stack up in %d ms%n", Duration.ofNanos(System.nanoTime() - started).toMillis());
        api = ApiClient.direct(url("PLAN_SERVICE_PORT"), url("REPORT_SERVICE_PORT"), url("INDICATOR_SERVICE_PORT"), TestTokens::admin);
    }

    private String url(String port) {
        return "http://localhost:" + ports.get(port);
    }

    private static Map<String, Object> value(long numerator, long denominator) {
        return Map.of("indicatorCode", CODE, "numerator", numerator, "denominator", denominator);
    }

    /** "Hằng tháng, 85% đoàn viên tham gia sinh hoạt chi đoàn": a share of people reported every month by the communes. */
    private static Map<String, Object> monthlyPlan(String province, List<String> periods) {
        int year = LocalDate.now(EventCodec.ZONE).getYear();
        List<Map<String, Object>> schedule = new ArrayList<>();
        for (int month = 1; month <= periods.size(); month++) {
            LocalDate from = LocalDate.of(year, month, 1);
            LocalDate to = from.plusMonths(1).minusDays(1);
            schedule.add(Map.of("periodId", periods.get(month - 1), "label", "Báo cáo tháng " + month + "/" + year, "from", from.toString(),
                    "to", to.toString(), "dueDate", to.toString(), "reportingLevels", List.of("GRASSROOTS")));
        }
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("number", "12-KH/TĐTN-TC");
        plan.put("title", "Kế hoạch nâng cao chất lượng sinh hoạt chi đoàn năm " + year);
        plan.put("issuingUnitId", province);
        plan.put("issuedOn", LocalDate.of(year, 1, 1).toString());
        plan.put("periodFrom", LocalDate.of(year, 1, 1).toString());
        plan.put("periodTo", LocalDate.of(year, 12, 31).toString());
        plan.put("indicators", List.of(Map.of("code", CODE, "text", "Hằng tháng, 85% đoàn viên tham gia sinh hoạt chi đoàn",
                "kind", "SHARE_OF_PEOPLE", "target", 85, "reportingLevels", List.of("GRASSROOTS"))));
        plan.put("schedule", schedule);
        return plan;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
