package vn.doan.notificationservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.doan.events.plan.IndicatorKind;
import vn.doan.events.plan.PlanIssued;
import vn.doan.events.plan.UnitCreated;
import vn.doan.events.plan.UnitLevel;
import vn.doan.support.test.HttpJson;
import vn.doan.support.test.KafkaTestClient;

/**
 * Object mother: Tỉnh đoàn Thanh Hóa → Huyện đoàn Thọ Xuân → three grassroots units, a plan of the district
 * whose six-month report is due on a given date, and the cadres to remind. Ids carry a random suffix so
 * tests sharing a database do not meet.
 */
final class ThoXuan {

    final String s = UUID.randomUUID().toString().substring(0, 8);
    final String province = "th-" + s;
    final String district = "tx-" + s;
    final String thoLap = "tl-" + s;
    final String xuanHoa = "xh-" + s;
    final String school = "thpt4-" + s;
    final String plan = "p54-" + s;

    static final String PERIOD = "2026-H1";
    static final String PERIOD_LABEL = "Báo cáo sơ kết 6 tháng đầu năm 2026";

    /** Publishes the tree as plan-service would. */
    ThoXuan units(KafkaTestClient kafka) {
        unit(kafka, province, "Tỉnh đoàn Thanh Hóa", UnitLevel.PROVINCE, null, List.of());
        unit(kafka, district, "Huyện đoàn Thọ Xuân", UnitLevel.DISTRICT, province, List.of(province));
        unit(kafka, thoLap, "Đoàn xã Thọ Lập", UnitLevel.GRASSROOTS, district, List.of(province, district));
        unit(kafka, xuanHoa, "Đoàn xã Xuân Hòa", UnitLevel.GRASSROOTS, district, List.of(province, district));
        unit(kafka, school, "Đoàn trường THPT Thọ Xuân 4", UnitLevel.GRASSROOTS, district, List.of(province, district));
        return this;
    }

    /** Chương trình hành động 54-CT/ĐTN of the district: the six-month report due {@code due}, and optionally an implementing plan. */
    PlanIssued plan(LocalDate due, LocalDate implementingPlanDue) {
        return new PlanIssued(plan, "54-CT/ĐTN", "Chương trình hành động thực hiện Nghị quyết số 02-NQ/TU", district,
                LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31),
                List.of(new PlanIssued.Indicator("CT01", "Hàng năm 100% cán bộ Đoàn – Hội – Đội được tham gia các lớp tập huấn",
                        IndicatorKind.SHARE_OF_PEOPLE, new BigDecimal("100"), List.of(UnitLevel.GRASSROOTS), null, List.of(), "BTG", List.of())),
                List.of(new PlanIssued.ReportingPeriod(PERIOD, PERIOD_LABEL, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30), due,
                        List.of(UnitLevel.GRASSROOTS))),
                1, null, "ACTION_PROGRAM", null, implementingPlanDue, implementingPlanDue == null ? List.of() : List.of(UnitLevel.GRASSROOTS));
    }

    /** Its revision {@code version}: new due dates, everything else as {@link #plan}. */
    PlanIssued revision(int version, LocalDate due, LocalDate implementingPlanDue) {
        PlanIssued p = plan(due, implementingPlanDue);
        return new PlanIssued(p.planId(), p.number(), p.title(), p.issuingUnitId(), p.issuedOn(), p.periodFrom(), p.periodTo(), p.indicators(),
                p.schedule(), version, "Điều chỉnh thời hạn", p.type(), p.parentPlanId(), p.implementingPlanDue(), p.implementingLevels());
    }

    /**
     * The new plan has been told to the three grassroots units (to nobody yet, without people): registering people after
     * this gives them no "new plan" message.
     */
    boolean planToldToEachUnit(org.springframework.data.mongodb.core.MongoTemplate mongo) {
        return mongo.getCollection("notifications").countDocuments(new org.bson.Document("_id",
                new org.bson.Document("$regex", "^" + java.util.regex.Pattern.quote("plan|" + plan + "|v1|"))).append("fannedOut", true)) == 3;
    }

    String person(String who) {
        return who + "-" + s;
    }

    String email(String who) {
        return person(who) + "@thoxuan.doan.vn";
    }

    /**
     * The cadres: each grassroots secretary (Thọ Lập's also reads the in-app inbox), Thọ Lập's deputy (in English),
     * the district's secretary and its office (VP) and propaganda (BTG) staff; all by email.
     */
    void people(HttpJson http) {
        person(http, "bt-tholap", thoLap, "SECRETARY", null, "Lê Văn Hùng", List.of("INBOX", "EMAIL"), "vi");
        person(http, "pbt-tholap", thoLap, "DEPUTY", null, "Trịnh Thị Mai", List.of("EMAIL"), "en");
        person(http, "bt-xuanhoa", xuanHoa, "SECRETARY", null, "Nguyễn Văn Nam", List.of("EMAIL"), "vi");
        person(http, "bt-thpt4", school, "SECRETARY", null, "Lê Thị Hoa", List.of("EMAIL"), "vi");
        person(http, "bt-thoxuan", district, "SECRETARY", null, "Nguyễn Hữu Tuất", List.of("EMAIL"), "vi");
        person(http, "vp-thoxuan", district, "STAFF", "VP", "Hoàng Văn Bình", List.of("EMAIL"), "vi");
        person(http, "btg-thoxuan", district, "STAFF", "BTG", "Đỗ Thị Lan", List.of("EMAIL"), "vi");
    }

    void person(HttpJson http, String who, String unit, String role, String department, String name, List<String> channels, String language) {
        person(http, who, unit, role, department, name, channels, language, null);
    }

    /** A cadre whose login ({@code subject}, the token's sub) is known, so that what they did can be answered to them. */
    void person(HttpJson http, String who, String unit, String role, String department, String name, List<String> channels, String language,
            String subject) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("unitId", unit);
        body.put("role", role);
        body.put("department", department);
        body.put("name", name);
        body.put("email", email(who));
        body.put("channels", channels);
        body.put("language", language);
        body.put("subject", subject);
        HttpJson.Response response = http.send("PUT", "/api/recipients/" + person(who), body);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
    }

    private static void unit(KafkaTestClient kafka, String id, String name, UnitLevel level, String parent, List<String> ancestors) {
        kafka.publish(new UnitCreated(id, id, name, level, "commune", parent, ancestors, LocalDate.of(2016, 1, 1)), id);
    }
}
