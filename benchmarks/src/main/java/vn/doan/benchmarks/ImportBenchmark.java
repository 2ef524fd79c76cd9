package vn.doan.benchmarks;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import vn.doan.localstack.ApiClient;
import vn.doan.localstack.EmbeddedKafka;
import vn.doan.localstack.EmbeddedMongo;
import vn.doan.localstack.Services;

/**
 * Times the import of a whole province tree in one call to plan-service, on the in-process Kafka broker
 * and MongoDB wire server: a warm-up of 5,000 units, then 50,000 (1 province, 30 districts, 1,500
 * grassroots units, branches for the rest). Also times how long the outbox takes to put the 50,000
 * UnitCreated events on Kafka. Writes {@code benchmarks/results/import.md}.
 *
 * <p>Run: {@code benchmarks/import.sh [units]}.
 */
public final class ImportBenchmark {

    private ImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int units = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        Path dir = Files.createTempDirectory("doan-import-bench");
        try (EmbeddedKafka kafka = EmbeddedKafka.start(Services.freePort(), Services.freePort(), dir.resolve("kafka"));
                EmbeddedMongo mongo = EmbeddedMongo.start(Services.freePort(), dir.resolve("mongo.mv.db"));
                Services services = Services.start(kafka.bootstrap(), mongo.uri(), Map.of(), List.of("--logging.level.root=WARN"),
                        EnumSet.of(Services.Service.AUTH, Services.Service.PLAN))) {
            String url = services.url(Services.Service.PLAN) + "/api/units/import";
            MeterRegistry metrics = services.context(Services.Service.PLAN).getBean(MeterRegistry.class);
            Supplier<String> token = ApiClient.loaderToken(services.url(Services.Service.AUTH));
            Run warmup = importTree(url, "WARM", 5_000, metrics, token);
            Run measured = importTree(url, "BENCH", units, metrics, token);
            String report = """
                    # plan-service: importing a province tree in one call

                    Measured %s on this machine (%d cores, JVM heap max %d MiB), in-process Kafka (KRaft) and MongoDB wire
                    server (H2 file), command `benchmarks/import.sh %d`.

                    | run | units | HTTP import (validate + store), ms | units/s | events on Kafka after, ms | heap used after, MiB |
                    |---|---|---|---|---|---|
                    | warm-up | %d | %d | %d | %d | %d |
                    | measured | %d | %d | %d | %d | %d |
                    """.formatted(Instant.now(), Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, units,
                    warmup.units, warmup.importMillis, warmup.rate(), warmup.publishMillis, warmup.heapMib,
                    measured.units, measured.importMillis, measured.rate(), measured.publishMillis, measured.heapMib);
            Path out = Path.of("benchmarks", "results", "import.md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);
            System.out.println(report);
        }
        System.exit(0);
    }

    record Run(int units, long importMillis, long publishMillis, long heapMib) {
        long rate() {
            return units * 1000L / Math.max(1, importMillis);
        }
    }

    private static Run importTree(String url, String prefix, int units, MeterRegistry metrics, Supplier<String> token) throws Exception {
        String csv = csv(prefix, units);
        double publishedBefore = metrics.get("doan.outbox.published").counter().count();
        long start = System.nanoTime();
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "text/csv").header("Authorization", "Bearer " + token.get()).POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        long imported = System.nanoTime();
        if (response.statusCode() != 201) {
            throw new IllegalStateException("Import failed: " + response.statusCode() + " " + response.body());
        }
        while (metrics.get("doan.outbox.published").counter().count() - publishedBefore < units) {
            Thread.sleep(50);
        }
        long published = System.nanoTime();
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return new Run(units, (imported - start) / 1_000_000, (published - imported) / 1_000_000,
                (runtime.totalMemory() - runtime.freeMemory()) >> 20);
    }

    /** 1 province, 30 districts, 50 grassroots units each, then branches round-robin up to {@code units}. */
    static String csv(String prefix, int units) {
        StringBuilder csv = new StringBuilder("code,name,level,kind,parentCode,effectiveFrom\n");
        csv.append(prefix).append(",Tỉnh đoàn ").append(prefix).append(",PROVINCE,,,01/01/2025\n");
        int written = 1;
        List<String> grassroots = new java.util.ArrayList<>();
        for (int d = 1; d <= 30 && written < units; d++, written++) {
            csv.append(prefix).append("-D").append(d).append(",Huyện đoàn ").append(d).append(",DISTRICT,district,").append(prefix).append(",01/01/2025\n");
            for (int g = 1; g <= 50 && written < units - 1; g++, written++) {
                String code = prefix + "-D" + d + "-G" + g;
                grassroots.add(code);
                csv.append(code).append(",Đoàn xã ").append(g).append(",GRASSROOTS,commune,").append(prefix).append("-D").append(d).append(",01/01/2025\n");
            }
        }
        for (int b = 0; written < units; b++, written++) {
            String parent = grassroots.get(b % grassroots.size());
            csv.append(parent).append("-B").append(b).append(",Chi đoàn ").append(b).append(",BRANCH,,").append(parent).append(",01/01/2025\n");
        }
        return csv.toString();
    }
}
