package vn.doan.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import vn.doan.events.EventCodec;

/**
 * Demo data that looks like a province, entered through the public APIs: Tỉnh đoàn Thanh Hóa, four district unions
 * (Thọ Xuân, Triệu Sơn, Hoằng Hóa, Ngọc Lặc) and 32 grassroots units imported in one call ({@code demo/thanh-hoa-units.csv});
 * two seed plans ({@link DemoPlans}); and reports of every kind a screen shows: on time, awaiting review, returned with a
 * reason, accepted, late, and missing units past their due date.
 */
final class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final String RETURN_REASON = "Số cán bộ được tập huấn chưa khớp danh sách lớp tập huấn của huyện, đề nghị rà soát lại.";

    private final Services services;
    private final Path marker;

    DemoData(Services services, Path dataDir) {
        this.services = services;
        this.marker = dataDir.resolve("demo-data-loaded");
    }

    void loadOnce() {
        if (Files.exists(marker)) {
            log.info("Demo data already loaded ({} exists)", marker.toAbsolutePath());
            assignSavedDemoUnits();
            return;
        }
        long started = System.nanoTime();
        ApiClient api = new ApiClient(services);
        Map<String, String> unitIds = importTree(api);
        saveDemoUnits(unitIds);
        assignDemoUnits(services, unitIds);
        String province = unitIds.get("TD-THANHHOA");
        String district = unitIds.get("HD-THOXUAN");
        registerSecretaries(api, district, IntStream.rangeClosed(1, 5).mapToObj(i -> unitIds.get("CS-THOXUAN-" + i)).toList());
        LocalDate today = LocalDate.now(EventCodec.ZONE);
        String actionProgram = api.issuePlan(DemoPlans.thoXuanActionProgram(district, today));
        String resolutionPlan = api.issuePlan(DemoPlans.thanhHoaResolutionPlan(province));
        int reports;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<String>> submitted = new java.util.ArrayList<>();
            reportActionProgram(api, pool, submitted, actionProgram, today.getYear(), unitIds);
            reportResolutionPlan(api, pool, submitted, resolutionPlan, unitIds);
            CompletableFuture.allOf(submitted.toArray(CompletableFuture[]::new)).join();
            reports = submitted.size();
        } finally {
            pool.shutdown();
        }
        try {
            Files.writeString(marker, actionProgram + "\n" + resolutionPlan + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        log.info("Demo data loaded in {} ms: {} units of Tỉnh đoàn Thanh Hóa ({}), plan 54-CT/ĐTN = {} of Huyện đoàn Thọ Xuân ({}), "
                + "plan 66-KH/TĐTN-BTG = {}, {} reports submitted, returned or accepted", Duration.ofNanos(System.nanoTime() - started).toMillis(), unitIds.size(), province,
                actionProgram, district, resolutionPlan, reports);
        log.info("Try: TOKEN=$(curl -s -u doan-demo-loader:demo-loader-secret -d grant_type=client_credentials {}/oauth2/token | sed 's/.*\"access_token\":\"\\([^\"]*\\)\".*/\\1/')",
                services.url(Services.Service.AUTH));
        log.info("     curl -H \"Authorization: Bearer $TOKEN\" {}/api/progress/{}/{}/units/{}", services.url(Services.Service.GATEWAY), actionProgram,
                today.getYear(), district);
    }

    /** Tỉnh đoàn Thanh Hóa, then the units below it in one import; the ids read back from the tree, unit code → id. */
    private Map<String, String> importTree(ApiClient api) {
        String csv;
        try (java.io.InputStream in = DemoData.class.getResourceAsStream("/demo/thanh-hoa-units.csv")) {
            csv = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("TD-THANHHOA", api.createUnit("TD-THANHHOA", "Tỉnh đoàn Thanh Hóa", "PROVINCE", null, null));
        String plan = services.url(Services.Service.PLAN);
        ApiClient.Answer imported = api.raw("POST", plan + "/api/units/import", "text/csv; charset=UTF-8", csv, Map.of());
        if (imported.status() != 201) {
            throw new IllegalStateException("The demo tree was not imported: " + imported.status() + " " + imported.body());
        }
        List<String> parents = new java.util.ArrayList<>(List.of(ids.get("TD-THANHHOA")));
        while (!parents.isEmpty()) {
            for (JsonNode unit : api.get(plan + "/api/units?parentId=" + parents.remove(0)).body()) {
                ids.put(unit.get("code").asString(), unit.get("id").asString());
                if (!"GRASSROOTS".equals(unit.get("level").asString())) {
                    parents.add(unit.get("id").asString());
                }
            }
        }
        return ids;
    }

    /**
     * 54-CT/ĐTN in Thọ Xuân's ten units. Last year (due 15/11): seven late reports, three units missing. This year (due in ten
     * days): Thọ Lập's report returned with a reason, Thọ Xuân town's accepted, four awaiting review, Xuân Hòa and three
     * more not yet reported.
     */
    private void reportActionProgram(ApiClient api, Executor pool, List<CompletableFuture<String>> submitted, String planId, int year,
            Map<String, String> unitIds) {
        long[][] lastYear = {{18, 20, 610, 820, 1, 9, 412}, {25, 25, 540, 700, 1, 6, 388}, {14, 16, 930, 1150, 1, 21, 905},
                {30, 32, 1180, 1240, 0, 0, 0}, {11, 15, 420, 610, 0, 14, 350}, {20, 22, 760, 980, 1, 11, 530}, {16, 19, 380, 520, 1, 8, 301}};
        for (int i = 0; i < lastYear.length; i++) {
            submitted.add(submit(api, pool, planId, unitIds.get("CS-THOXUAN-" + (i + 1)), String.valueOf(year - 1), actionValues(lastYear[i])));
        }
        String period = String.valueOf(year);
        long[][] thisYear = {{17, 20, 640, 830, 1, 8, 415}, {0}, {15, 16, 960, 1160, 1, 18, 910}, {32, 32, 1200, 1250, 1, 0, 0},
                {13, 15, 450, 620, 1, 12, 352}, {21, 22, 800, 990, 1, 9, 532}, {18, 19, 400, 525, 1, 7, 305}};
        CompletableFuture<String> returned = null;
        CompletableFuture<String> accepted = null;
        for (int i = 0; i < thisYear.length; i++) {
            if (thisYear[i].length > 1) {
                CompletableFuture<String> report = submit(api, pool, planId, unitIds.get("CS-THOXUAN-" + (i + 1)), period, actionValues(thisYear[i]));
                submitted.add(report);
                returned = i == 0 ? report : returned;
                accepted = i == 2 ? report : accepted;
            }
        }
        String reports = services.url(Services.Service.REPORT) + "/api/reports/";
        submitted.add(returned.thenApply(id -> expect(api.post(reports + id + "/return", Map.of("reason", RETURN_REASON), Map.of()), "return", id)));
        submitted.add(accepted.thenApply(id -> expect(api.post(reports + id + "/accept", Map.of(), Map.of()), "accept", id)));
    }

    /** Trained / cadres, members / youth, own office (1/0), poor households led by members / households of members. */
    private static List<Map<String, Object>> actionValues(long[] v) {
        List<Map<String, Object>> values = new java.util.ArrayList<>(List.of(
                Map.of("indicatorCode", "CT1", "numerator", v[0], "denominator", v[1]),
                Map.of("indicatorCode", "CT2", "numerator", v[2], "denominator", v[3]),
                Map.of("indicatorCode", "CT3", "numerator", v[4])));
        if (v[6] > 0) {
            values.add(Map.of("indicatorCode", "CT4", "numerator", v[5], "denominator", v[6]));
        }
        return values;
    }

    /**
     * 66-KH/TĐTN-BTG, due 05/01/2019 and so reported late by whoever reports now: Thọ Xuân's and Triệu Sơn's districts and
     * their grassroots units but two; Hoằng Hóa's district and three of its units; Ngọc Lặc nothing.
     */
    private void reportResolutionPlan(ApiClient api, Executor pool, List<CompletableFuture<String>> submitted, String planId,
            Map<String, String> unitIds) {
        String period = "2018-NQ01";
        submitted.add(submit(api, pool, planId, unitIds.get("HD-THOXUAN"), period, List.of(milestone(LocalDate.of(2018, 11, 9)))));
        submitted.add(submit(api, pool, planId, unitIds.get("HD-TRIEUSON"), period, List.of(milestone(LocalDate.of(2018, 11, 22)))));
        submitted.add(submit(api, pool, planId, unitIds.get("HD-HOANGHOA"), period, List.of(Map.of("indicatorCode", "NQ2", "numerator", 0))));
        List<String> grassroots = List.of("CS-THOXUAN-1", "CS-THOXUAN-2", "CS-THOXUAN-3", "CS-THOXUAN-4", "CS-THOXUAN-5", "CS-THOXUAN-6",
                "CS-THOXUAN-7", "CS-THOXUAN-8", "CS-TRIEUSON-1", "CS-TRIEUSON-2", "CS-TRIEUSON-3", "CS-TRIEUSON-4", "CS-TRIEUSON-5",
                "CS-TRIEUSON-6", "CS-HOANGHOA-1", "CS-HOANGHOA-2", "CS-HOANGHOA-3");
        for (int i = 0; i < grassroots.size(); i++) {
            long cadres = 18 + i % 7;
            long studied = i % 4 == 3 ? cadres - 2 : cadres;
            LocalDate held = i % 5 == 4 ? LocalDate.of(2019, 1, 8) : LocalDate.of(2018, 12, 10 + i);
            submitted.add(submit(api, pool, planId, unitIds.get(grassroots.get(i)), period, List.of(
                    Map.of("indicatorCode", "NQ1", "numerator", studied, "denominator", cadres), milestone(held))));
        }
    }

    private static Map<String, Object> milestone(LocalDate done) {
        return Map.of("indicatorCode", "NQ2", "numerator", 1, "doneOn", done.toString());
    }

    /** Submitted four at a time: each waits on its own while report-service learns the new units and plans. */
    private static CompletableFuture<String> submit(ApiClient api, Executor pool, String planId, String unitId, String periodId,
            List<Map<String, Object>> values) {
        return CompletableFuture.supplyAsync(() -> api.submitReport(planId, unitId, periodId, values, Duration.ofSeconds(30)).get("id").asString(),
                pool);
    }

    private static String expect(ApiClient.Answer answer, String what, String reportId) {
        if (answer.status() != 200) {
            throw new IllegalStateException("Demo report " + reportId + ": " + what + " answered " + answer.status() + ": " + answer.body());
        }
        return reportId;
    }

    /**
     * The secretaries of the district and its units, by inbox and email (the local stack's SMTP server keeps the mails), so
     * the new plan reaches each unit at once; those who are demo users are linked to their login, so a report of theirs
     * that is returned is answered to them.
     */
    private static void registerSecretaries(ApiClient api, String district, List<String> units) {
        List<String> people = List.of("bt.tholap", "bt.xuanhoa", "bt.ttthoxuan", "bt.thpt4", "bt.xuanlai");
        List<String> names = List.of("Lê Văn Hùng", "Nguyễn Văn Nam", "Trần Thị Hương", "Lê Thị Hoa", "Phạm Văn Long");
        api.registerRecipient("bt-thoxuan", secretary(district, "bt.thoxuan", "Nguyễn Hữu Tuất"));
        for (int i = 0; i < units.size(); i++) {
            api.registerRecipient(people.get(i).replace('.', '-'), secretary(units.get(i), people.get(i), names.get(i)));
        }
    }

    private static Map<String, Object> secretary(String unitId, String person, String name) {
        Map<String, Object> recipient = new LinkedHashMap<>(Map.of("unitId", unitId, "role", "SECRETARY", "name", name,
                "email", person + "@thoxuan.doan.vn", "channels", List.of("INBOX", "EMAIL"), "language", "vi"));
        if (List.of("bt.thoxuan", "bt.tholap", "bt.xuanhoa").contains(person)) {
            recipient.put("subject", person);
        }
        return recipient;
    }

    /** The demo users are named by their unit's code; the authorisation server learns the ids here (see auth-server/README.md). */
    static void assignDemoUnits(Services services, Map<String, String> unitIds) {
        vn.doan.authserver.UnitDirectory directory = services.context(Services.Service.AUTH).getBean(vn.doan.authserver.UnitDirectory.class);
        unitIds.forEach(directory::assign);
    }

    /** After a restart: the ids of the demo units saved when they were created. */
    void assignSavedDemoUnits() {
        Path file = marker.resolveSibling("demo-units.properties");
        if (!Files.exists(file)) {
            return;
        }
        java.util.Properties saved = new java.util.Properties();
        try (java.io.Reader in = Files.newBufferedReader(file)) {
            saved.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> unitIds = new LinkedHashMap<>();
        saved.stringPropertyNames().forEach(code -> unitIds.put(code, saved.getProperty(code)));
        assignDemoUnits(services, unitIds);
    }

    private void saveDemoUnits(Map<String, String> unitIds) {
        java.util.Properties saved = new java.util.Properties();
        saved.putAll(unitIds);
        try (java.io.Writer out = Files.newBufferedWriter(marker.resolveSibling("demo-units.properties"))) {
            saved.store(out, "demo unit codes and ids, for the demo users' unit_id claim");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
