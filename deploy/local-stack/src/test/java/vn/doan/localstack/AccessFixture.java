package vn.doan.localstack;

import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import vn.doan.events.EventCodec;
import vn.doan.localstack.AccessExpectations.Place;

/**
 * What the access matrix asks about, entered through the APIs as the administrator: Tỉnh đoàn Thanh Hóa → Huyện đoàn Thọ
 * Xuân (the callers' unit) → Đoàn xã Thọ Lập and Đoàn xã Xuân Hòa; Tỉnh đoàn Kiên Giang → Đoàn xã Mong Thọ A (directly
 * under the province). A plan of the district (reported by the district and its communes) and one of Kiên Giang, each
 * due in three days; the secretaries of the district, Thọ Lập and Mong Thọ A with their inboxes and reminders; reports
 * of the district, Thọ Lập (accepted, with the PDF of a training's minutes) and Mong Thọ A (the same). For each {@link Place},
 * the id of each kind of thing the APIs name.
 */
final class AccessFixture {

    final String thoXuan;
    final String thoLap;
    final String xuanHoa;
    final String period;
    private final Map<Place, Map<String, String>> ids = new EnumMap<>(Place.class);
    private final Map<String, String> common = new LinkedHashMap<>();
    /** Each new draft plan gets its own number: a second draft with the same number and issuer is refused (409). */
    private final java.util.concurrent.atomic.AtomicInteger drafts = new java.util.concurrent.atomic.AtomicInteger(100);
    private final Map<Place, String> names = Map.of(Place.OWN, "Nguyễn Hữu Tuất", Place.CHILD, "Lê Văn Hùng", Place.OUTSIDE, "Danh Thị Sa Ri");

    private AccessFixture(String thoXuan, String thoLap, String xuanHoa, String period) {
        this.thoXuan = thoXuan;
        this.thoLap = thoLap;
        this.xuanHoa = xuanHoa;
        this.period = period;
    }

    static AccessFixture create(Services services) {
        ApiClient admin = new ApiClient(services);
        String thanhHoa = admin.createUnit("TD-THANHHOA", "Tỉnh đoàn Thanh Hóa", "PROVINCE", null, null);
        String thoXuan = admin.createUnit("HD-THOXUAN", "Huyện đoàn Thọ Xuân", "DISTRICT", "district", thanhHoa);
        String thoLap = admin.createUnit("CS-THOXUAN-1", "Đoàn xã Thọ Lập", "GRASSROOTS", "commune", thoXuan);
        String xuanHoa = admin.createUnit("CS-THOXUAN-2", "Đoàn xã Xuân Hòa", "GRASSROOTS", "commune", thoXuan);
        String kienGiang = admin.createUnit("TD-KIENGIANG", "Tỉnh đoàn Kiên Giang", "PROVINCE", null, null);
        String mongTho = admin.createUnit("CS-MONGTHO-A", "Đoàn xã Mong Thọ A", "GRASSROOTS", "commune", kienGiang);
        DemoData.assignDemoUnits(services, Map.of("TD-THANHHOA", thanhHoa, "HD-THOXUAN", thoXuan, "CS-THOXUAN-1", thoLap,
                "CS-THOXUAN-2", xuanHoa));
        LocalDate today = LocalDate.now(EventCodec.ZONE);
        AccessFixture fixture = new AccessFixture(thoXuan, thoLap, xuanHoa, String.valueOf(today.getYear()));
        fixture.put(Place.OWN, "unit", thoXuan).put(Place.CHILD, "unit", thoLap).put(Place.OUTSIDE, "unit", mongTho);
        fixture.put(Place.OWN, "issuer", thoXuan).put(Place.CHILD, "issuer", thoXuan).put(Place.OUTSIDE, "issuer", kienGiang);
        fixture.put(Place.OWN, "recipient", "bt-thoxuan").put(Place.CHILD, "recipient", "bt-tholap").put(Place.OUTSIDE, "recipient", "bt-mongtho-a");
        for (Place place : Place.values()) {
            admin.registerRecipient(fixture.id(place, "recipient"), fixture.recipient(place));
        }

        String districtPlan = admin.issuePlan(plan(thoXuan, "54-CT/ĐTN", "Chương trình hành động thực hiện Nghị quyết số 02-NQ/TU của Ban "
                + "Thường vụ Tỉnh ủy", "Hàng năm 100% cán bộ Đoàn – Hội – Đội được tham gia các lớp tập huấn", List.of("DISTRICT", "GRASSROOTS"), today));
        String provincePlan = admin.issuePlan(plan(kienGiang, "76-KH/TĐTN-VP", "Kế hoạch thực hiện Chương trình hành động về công tác dân "
                + "vận trong tình hình mới", "100% Đoàn trực thuộc tổ chức triển khai, thực hiện Nghị quyết về công tác dân vận",
                List.of("GRASSROOTS"), today));
        fixture.put(Place.OWN, "plan", districtPlan).put(Place.CHILD, "plan", districtPlan).put(Place.OUTSIDE, "plan", provincePlan);

        String notifications = services.url(Services.Service.NOTIFICATION);
        for (Place place : Place.values()) {
            fixture.put(place, "reminder", first(admin, notifications + "/api/reminders?unitId=" + fixture.id(place, "unit")).get("id").asString());
        }
        for (Place place : List.of(Place.CHILD, Place.OUTSIDE)) {
            fixture.put(place, "inbox", first(admin, notifications + "/api/inbox?recipientId=" + fixture.id(place, "recipient")).get("id").asString());
        }
        String reports = services.url(Services.Service.REPORT) + "/api/reports/";
        for (Place place : Place.values()) {
            fixture.put(place, "report", admin.submitReport(fixture.id(place, "plan"), fixture.id(place, "unit"), fixture.period,
                    fixture.values(), Duration.ofSeconds(30)).get("id").asString());
        }
        for (Place place : List.of(Place.CHILD, Place.OUTSIDE)) {
            String report = fixture.id(place, "report");
            fixture.put(place, "attachment", expect(201, admin.raw("POST", reports + report + "/attachments", "multipart/form-data; boundary=minhchung",
                    "--minhchung\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bien-ban-tap-huan.pdf\"\r\n"
                            + "Content-Type: application/pdf\r\n\r\n%PDF-1.4\n% Biên bản lớp tập huấn cán bộ Đoàn\n%%EOF\r\n--minhchung--\r\n",
                    Map.of())).get("id").asString());
            // accepted, so a reviewer's accept or return answers the same (409) each time it is asked
            expect(200, admin.post(reports + report + "/accept", Map.of(), Map.of()));
        }
        JsonNode deliveries = expect(200, admin.get(notifications + "/api/deliveries"));
        fixture.common.put("delivery", deliveries.isEmpty() ? "khong-co-luot-gui" : deliveries.get(0).get("id").asString());
        fixture.common.put("key", expect(200, admin.get(notifications + "/api/templates/vi")).propertyNames().iterator().next());
        fixture.common.putAll(Map.of("period", fixture.period, "language", "vi", "state", "DEAD", "indicator", "CT1", "flag", "false",
                "format", "xlsx", "mode", "all-or-nothing", "number", "12-KH/ĐTN", "issuedOn", "05/01/2026"));
        return fixture;
    }

    /** The units a cadre or staff member of the district may read. */
    Set<String> callersSubtree() {
        return Set.of(thoXuan, thoLap, xuanHoa);
    }

    /** The value of a path, query or header parameter of {@code op} for what lies at {@code place}. */
    String value(ApiOperation op, ApiOperation.Parameter parameter, Place place) {
        if (parameter.name().equals("Content-Type")) {
            return op.bodyType();
        }
        String kind = switch (parameter.name()) {
            case "id" -> switch (op.resource()) {
                case "units" -> "unit";
                case "plans" -> "plan";
                case "reports" -> "report";
                case "recipients" -> "recipient";
                case "inbox" -> "inbox";
                case "reminders" -> "reminder";
                case "deliveries" -> "delivery";
                default -> throw new AssertionError("No ids of " + op.resource() + " for " + op.name() + ": add them to AccessFixture");
            };
            case "unitId", "unitIds", "parentId", "issuingUnitId" -> "unit";
            case "planId" -> "plan";
            case "periodId" -> "period";
            case "recipientId" -> "recipient";
            case "attachmentId" -> "attachment";
            case "language", "key", "state", "indicator", "format", "mode", "number", "issuedOn" -> parameter.name();
            case "unread", "repair" -> "flag";
            case "Idempotency-Key" -> "new key";
            default -> throw new AssertionError("No value for parameter " + parameter.name() + " of " + op.name() + ": add one to AccessFixture");
        };
        return kind.equals("new key") ? UUID.randomUUID().toString() : common.containsKey(kind) ? common.get(kind) : id(place, kind);
    }

    /** A valid body naming the place's unit ({@link AccessExpectations#VALID_BODIES}). */
    Object body(String kind, Place place) {
        return switch (kind) {
            case "plan" -> plan(id(place, "issuer"), drafts.incrementAndGet() + "-KH/ĐTN", "Kế hoạch tổ chức lớp tập huấn nghiệp vụ công tác Đoàn",
                    "Hàng năm 100% cán bộ Đoàn cơ sở được tập huấn", List.of("GRASSROOTS"), LocalDate.now(EventCodec.ZONE));
            case "report" -> Map.of("planId", id(place, "plan"), "unitId", id(place, "unit"), "periodId", period, "values", values());
            case "recipient" -> recipient(place);
            default -> throw new AssertionError("No body of kind " + kind);
        };
    }

    private String id(Place place, String kind) {
        String id = ids.getOrDefault(place, Map.of()).get(kind);
        if (id == null) {
            throw new AssertionError("AccessFixture has no " + kind + " for " + place);
        }
        return id;
    }

    private AccessFixture put(Place place, String kind, String id) {
        ids.computeIfAbsent(place, p -> new LinkedHashMap<>()).put(kind, id);
        return this;
    }

    private Map<String, Object> recipient(Place place) {
        return Map.of("unitId", id(place, "unit"), "role", "SECRETARY", "name", names.get(place), "channels", List.of("INBOX"), "language", "vi");
    }

    private List<Map<String, Object>> values() {
        return List.of(Map.of("indicatorCode", "CT1", "numerator", 18, "denominator", 20));
    }

    /** A plan shaped as {@link EndToEndTests#trainingPlan}, due in three days, its one indicator reported by {@code levels}. */
    private static Map<String, Object> plan(String issuer, String number, String title, String indicator, List<String> levels, LocalDate today) {
        Map<String, Object> plan = new LinkedHashMap<>(EndToEndTests.trainingPlan(issuer, today, today.plusDays(3)));
        plan.put("number", number);
        plan.put("title", title);
        plan.put("indicators", List.of(Map.of("code", "CT1", "text", indicator, "kind", "SHARE_OF_PEOPLE", "target", 100,
                "reportingLevels", levels)));
        Map<String, Object> period = new LinkedHashMap<>((Map<String, Object>) ((List<?>) plan.get("schedule")).get(0));
        period.put("reportingLevels", levels);
        plan.put("schedule", List.of(period));
        return plan;
    }

    private static JsonNode first(ApiClient admin, String url) {
        return EndToEndTests.await(url, () -> admin.get(url).body(), list -> list.isArray() && !list.isEmpty()).get(0);
    }

    private static JsonNode expect(int status, ApiClient.Answer answer) {
        if (answer.status() != status) {
            throw new AssertionError("Expected " + status + ", got " + answer.status() + ": " + answer.body());
        }
        return answer.body();
    }
}
