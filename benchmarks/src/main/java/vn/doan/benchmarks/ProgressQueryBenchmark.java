package vn.doan.benchmarks;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.data.mongodb.core.MongoTemplate;
import vn.doan.events.EventCodec;
import vn.doan.events.EventType;
import vn.doan.events.plan.IndicatorKind;
import vn.doan.events.plan.PlanIssued;
import vn.doan.events.plan.UnitCreated;
import vn.doan.events.plan.UnitLevel;
import vn.doan.events.report.ReportSubmitted;
import vn.doan.localstack.ApiClient;
import vn.doan.localstack.EmbeddedKafka;
import vn.doan.localstack.EmbeddedMongo;
import vn.doan.localstack.Services;

/**
 * Times indicator-service's dashboard queries on a national tree: 1 centre, 34 provinces, 1,274 grassroots
 * units per province (≈43,300) and 6 branches under each (≈260,000), ≈303,000 units in all, announced as
 * UnitCreated events; a plan of the centre with 12 indicators; reports from every grassroots unit of one
 * province. Then 1,000 GETs each of that province's dashboard and of the centre's. Writes
 * {@code benchmarks/results/progress-query.md}. Run: {@code benchmarks/progress-query.sh}.
 */
public final class ProgressQueryBenchmark {

    private static final int PROVINCES = 34;
    private static final int GRASSROOTS_PER_PROVINCE = 1274;
    private static final int BRANCHES_PER_GRASSROOTS = 6;
    private static final int QUERIES = 1000;
    private static final String BRANCH_PLAN = "national-branches";

    private ProgressQueryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("doan-query-bench");
        try (EmbeddedKafka kafka = EmbeddedKafka.start(Services.freePort(), Services.freePort(), dir.resolve("kafka"));
                EmbeddedMongo mongo = EmbeddedMongo.start(Services.freePort(), null);
                Services services = Services.start(kafka.bootstrap(), mongo.uri(), Map.of(),
                        List.of("--logging.level.root=WARN", "--doan.outbox.interval=2s"), EnumSet.of(Services.Service.AUTH, Services.Service.INDICATOR));
                KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrap(),
                        ProducerConfig.LINGER_MS_CONFIG, 20), new StringSerializer(), new StringSerializer())) {
            EventCodec codec = new EventCodec("/benchmark", Clock.systemUTC());
            MongoTemplate db = services.context(Services.Service.INDICATOR).getBean(MongoTemplate.class);
            String base = services.url(Services.Service.INDICATOR);
            Supplier<String> token = ApiClient.loaderToken(services.url(Services.Service.AUTH));

            long start = System.nanoTime();
            int units = 0;
            units += send(producer, codec, new UnitCreated("centre", "TW", "Trung ương Đoàn", UnitLevel.CENTRAL, null, null, List.of(), LocalDate.of(2025, 7, 1)));
            List<String> firstProvinceGrassroots = new ArrayList<>();
            for (int p = 1; p <= PROVINCES; p++) {
                String province = "p" + p;
                units += send(producer, codec, new UnitCreated(province, "T" + p, "Tỉnh đoàn số " + p, UnitLevel.PROVINCE, null, "centre",
                        List.of("centre"), LocalDate.of(2025, 7, 1)));
                for (int g = 1; g <= GRASSROOTS_PER_PROVINCE; g++) {
                    String grassroots = province + "g" + g;
                    if (p == 1) {
                        firstProvinceGrassroots.add(grassroots);
                    }
                    units += send(producer, codec, new UnitCreated(grassroots, grassroots, "Đoàn xã " + g, UnitLevel.GRASSROOTS, "commune", province,
                            List.of("centre", province), LocalDate.of(2025, 7, 1)));
                    for (int b = 1; b <= BRANCHES_PER_GRASSROOTS; b++) {
                        units += send(producer, codec, new UnitCreated(grassroots + "b" + b, grassroots + "b" + b, "Chi đoàn " + b, UnitLevel.BRANCH,
                                null, grassroots, List.of("centre", province, grassroots), LocalDate.of(2025, 7, 1)));
                    }
                }
            }
            send(producer, codec, plan("national", UnitLevel.GRASSROOTS));
            producer.flush();
            while (db.getCollection("units").estimatedDocumentCount() < units || db.getCollection("plans").estimatedDocumentCount() < 1) {
                Thread.sleep(500);
            }
            long treeMillis = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("%d units consumed in %d ms%n", units, treeMillis);

            start = System.nanoTime();
            Random random = new Random(300_000);
            for (String grassroots : firstProvinceGrassroots) {
                send(producer, codec, new ReportSubmitted("r-" + grassroots, 1, "national", grassroots, "2026", Instant.now(),
                        LocalDate.of(2026, 11, 15), 0, values(random)));
            }
            producer.flush();
            HttpClient http = HttpClient.newHttpClient();
            String provinceUrl = base + "/api/progress/national/2026/units/p1";
            while (!get(http, provinceUrl, token).contains("\"reportingUnits\":" + GRASSROOTS_PER_PROVINCE)) {
                Thread.sleep(500);
            }
            long reportMillis = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("%d reports rolled up in %d ms%n", firstProvinceGrassroots.size(), reportMillis);

            long[] province = time(http, provinceUrl, token);
            long[] centre = time(http, base + "/api/progress/national/2026/units/centre", token);

            // Full reconciliation at the size of the country: a second plan that every branch reports to, so that
            // every unit of the tree has a roll-up node.
            send(producer, codec, plan(BRANCH_PLAN, UnitLevel.BRANCH));
            producer.flush();
            while (db.getCollection("plans").estimatedDocumentCount() < 2) {
                Thread.sleep(500);
            }
            start = System.nanoTime();
            int branches = 0;
            for (int p = 1; p <= PROVINCES; p++) {
                for (int g = 1; g <= GRASSROOTS_PER_PROVINCE; g++) {
                    for (int b = 1; b <= BRANCHES_PER_GRASSROOTS; b++) {
                        String branch = "p" + p + "g" + g + "b" + b;
                        branches += send(producer, codec, new ReportSubmitted("r-" + branch, 1, BRANCH_PLAN, branch, "2026", Instant.now(),
                                LocalDate.of(2026, 11, 15), 0, values(random)));
                    }
                }
            }
            producer.flush();
            String centreOfBranches = base + "/api/progress/" + BRANCH_PLAN + "/2026/units/centre";
            while (!get(http, centreOfBranches, token).contains("\"reportingUnits\":" + branches)) {
                Thread.sleep(2000);
            }
            long branchReportMillis = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("%d branch reports rolled up in %d ms%n", branches, branchReportMillis);
            start = System.nanoTime();
            String reconciled = http.send(HttpRequest.newBuilder(URI.create(base + "/api/admin/reconcile/" + BRANCH_PLAN + "/2026"))
                    .header("Authorization", "Bearer " + token.get()).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            long reconcileMillis = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("Reconciliation in %d ms: %s%n", reconcileMillis, reconciled);
            String report = """
                    # indicator-service: dashboard queries on a national tree

                    Measured %s on this machine (%d cores, load average %.1f when the queries ended), command `benchmarks/progress-query.sh`:
                    in-process Kafka (KRaft) and MongoDB wire server (in memory; it ignores secondary indexes; its H2 file store failed with "Chunk not found" under this load), indicator-service and the authorisation server (for its token) in the JVM.
                    Tree: %,d units (1 centre, %d provinces, %,d grassroots units, %,d branches), announced as UnitCreated: consumed in %,d ms.
                    Plan with 12 indicators; %,d reports (every grassroots unit of one province, all direct children of it) rolled up in %,d ms.

                    | query (%,d GETs each, after 100 warm-up) | p50 ms | p95 ms | p99 ms | max ms |
                    |---|---|---|---|---|
                    | province dashboard (`/api/progress/…/units/{province}`) | %.1f | %.1f | %.1f | %.1f |
                    | centre dashboard (`/api/progress/…/units/{centre}`) | %.1f | %.1f | %.1f | %.1f |

                    ## Full reconciliation at the size of the country

                    A second plan reported by every branch: %,d reports (ReportSubmitted on Kafka) rolled up to the centre in %,d ms
                    (%.0f reports/s, indicator-service alone). Then `POST /api/admin/reconcile/%s/2026` (recompute every roll-up node from
                    the stored own values and the tree, compare with the incremental totals) answered in **%,d ms**: `%s`.
                    """.formatted(Instant.now(), Runtime.getRuntime().availableProcessors(),
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), units, PROVINCES,
                    PROVINCES * GRASSROOTS_PER_PROVINCE, PROVINCES * GRASSROOTS_PER_PROVINCE * BRANCHES_PER_GRASSROOTS, treeMillis,
                    firstProvinceGrassroots.size(), reportMillis, QUERIES,
                    province[0] / 1e6, province[1] / 1e6, province[2] / 1e6, province[3] / 1e6,
                    centre[0] / 1e6, centre[1] / 1e6, centre[2] / 1e6, centre[3] / 1e6,
                    branches, branchReportMillis, branches * 1000.0 / branchReportMillis, BRANCH_PLAN, reconcileMillis, reconciled);
            Path out = Path.of("benchmarks", "results", "progress-query.md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);
            System.out.println(report);
        }
        System.exit(0);
    }

    /** Twelve values: six shares (numerator of a denominator of 10 to 49) and six counts (0 to 4). */
    private static List<ReportSubmitted.Value> values(Random random) {
        List<ReportSubmitted.Value> values = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            long denominator = 10 + random.nextInt(40);
            values.add(i <= 6 ? new ReportSubmitted.Value("CT" + i, random.nextInt((int) denominator + 1), denominator)
                    : new ReportSubmitted.Value("CT" + i, random.nextInt(5), null));
        }
        return values;
    }

    private static PlanIssued plan(String id, UnitLevel reporting) {
        List<PlanIssued.Indicator> indicators = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            indicators.add(i <= 6
                    ? new PlanIssued.Indicator("CT" + i, "Chỉ tiêu tỷ lệ số " + i, IndicatorKind.SHARE_OF_PEOPLE, new BigDecimal("80"), List.of(reporting))
                    : new PlanIssued.Indicator("CT" + i, "Chỉ tiêu số lượng số " + i, IndicatorKind.COUNT_AT_LEAST, new BigDecimal("2"), List.of(reporting)));
        }
        return new PlanIssued(id, "01-KH/TWĐTN", "Kế hoạch năm 2026", "centre", LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31), indicators, List.of(new PlanIssued.ReportingPeriod("2026", "Báo cáo năm 2026", LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31), LocalDate.of(2026, 11, 15), List.of(reporting))));
    }

    private static int send(KafkaProducer<String, String> producer, EventCodec codec, Object event) {
        String unit = event instanceof UnitCreated u ? u.unitId() : event instanceof ReportSubmitted r ? r.unitId() : ((PlanIssued) event).issuingUnitId();
        producer.send(new ProducerRecord<>(EventType.of(event.getClass()).topic(), unit, EventCodec.toJson(codec.wrap(event, unit))));
        return 1;
    }

    /** p50, p95, p99 and max in nanoseconds. */
    private static long[] time(HttpClient http, String url, Supplier<String> token) throws Exception {
        for (int i = 0; i < 100; i++) {
            get(http, url, token);
        }
        long[] samples = new long[QUERIES];
        for (int i = 0; i < QUERIES; i++) {
            long t = System.nanoTime();
            get(http, url, token);
            samples[i] = System.nanoTime() - t;
        }
        Arrays.sort(samples);
        return new long[] {samples[QUERIES / 2], samples[QUERIES * 95 / 100], samples[QUERIES * 99 / 100], samples[QUERIES - 1]};
    }

    private static String get(HttpClient http, String url, Supplier<String> token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token.get()).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
