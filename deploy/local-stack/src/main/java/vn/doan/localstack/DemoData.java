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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.doan.events.EventCodec;

/**
 * Demo data from the Thọ Xuân seed, entered through the public APIs: Tỉnh đoàn Thanh Hóa, Huyện đoàn
 * Thọ Xuân and five grassroots units; the action program 54-CT/ĐTN with two indicators and a yearly
 * report due in five days; reports from three of the five units, so the dashboards show progress and
 * the two missing units get reminders.
 */
final class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

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
        ApiClient api = new ApiClient(services);
        Map<String, String> unitIds = new LinkedHashMap<>();
        String province = api.createUnit("TD-THANHHOA", "Tỉnh đoàn Thanh Hóa", "PROVINCE", null, null);
        String district = api.createUnit("HD-THOXUAN", "Huyện đoàn Thọ Xuân", "DISTRICT", "district", province);
        unitIds.put("TD-THANHHOA", province);
        unitIds.put("HD-THOXUAN", district);
        List<String> names = List.of("Đoàn xã Thọ Lập", "Đoàn xã Xuân Hòa", "Đoàn thị trấn Thọ Xuân",
                "Đoàn trường THPT Thọ Xuân 4", "Đoàn xã Xuân Lai");
        List<String> units = new java.util.ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            units.add(api.createUnit("CS-THOXUAN-" + (i + 1), names.get(i), "GRASSROOTS", i == 3 ? "school" : "commune", district));
            unitIds.put("CS-THOXUAN-" + (i + 1), units.get(i));
        }
        saveDemoUnits(unitIds);
        assignDemoUnits(services, unitIds);
        registerSecretaries(api, district, units);
        LocalDate today = LocalDate.now(EventCodec.ZONE);
        String period = String.valueOf(today.getYear());
        String planId = api.issuePlan(plan(district, today));
        long[][] values = {{18, 20, 140, 190}, {25, 25, 210, 260}, {9, 12, 95, 160}};
        for (int i = 0; i < values.length; i++) {
            api.submitReport(planId, units.get(i), period, List.of(
                    Map.of("indicatorCode", "CT1", "numerator", values[i][0], "denominator", values[i][1]),
                    Map.of("indicatorCode", "CT2", "numerator", values[i][2], "denominator", values[i][3])),
                    Duration.ofSeconds(30));
        }
        try {
            Files.writeString(marker, planId + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        log.info("Demo data loaded: plan 54-CT/ĐTN = {}, Huyện đoàn Thọ Xuân = {}, Tỉnh đoàn Thanh Hóa = {}, period {}",
                planId, district, province, period);
        log.info("Try: TOKEN=$(curl -s -u doan-demo-loader:demo-loader-secret -d grant_type=client_credentials {}/oauth2/token | sed 's/.*\"access_token\":\"\\([^\"]*\\)\".*/\\1/')",
                services.url(Services.Service.AUTH));
        log.info("     curl -H \"Authorization: Bearer $TOKEN\" {}/api/progress/{}/{}/units/{}", services.url(Services.Service.GATEWAY), planId, period,
                district);
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

    private static Map<String, Object> plan(String district, LocalDate today) {
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("number", "54-CT/ĐTN");
        plan.put("title", "Chương trình hành động thực hiện Nghị quyết số 02-NQ/TU của Ban Thường vụ Tỉnh ủy");
        plan.put("issuingUnitId", district);
        plan.put("issuedOn", today.withDayOfYear(1).toString());
        plan.put("periodFrom", today.withDayOfYear(1).toString());
        plan.put("periodTo", today.withDayOfYear(today.lengthOfYear()).toString());
        plan.put("indicators", List.of(
                Map.of("code", "CT1", "text", "Hàng năm 100% cán bộ Đoàn – Hội – Đội được tham gia các lớp tập huấn của tỉnh và của huyện",
                        "kind", "SHARE_OF_PEOPLE", "target", 100, "reportingLevels", List.of("GRASSROOTS")),
                Map.of("code", "CT2", "text", "Thu hút 75% thanh niên vào tổ chức Đoàn - Hội",
                        "kind", "SHARE_OF_PEOPLE", "target", 75, "reportingLevels", List.of("GRASSROOTS"))));
        LocalDate due = today.plusDays(5);
        plan.put("schedule", List.of(Map.of("periodId", String.valueOf(today.getYear()),
                "label", "Báo cáo năm " + today.getYear(),
                "from", today.withDayOfYear(1).toString(), "to", today.withDayOfYear(today.lengthOfYear()).toString(),
                "dueDate", due.toString(), "reportingLevels", List.of("GRASSROOTS"))));
        return plan;
    }
}
