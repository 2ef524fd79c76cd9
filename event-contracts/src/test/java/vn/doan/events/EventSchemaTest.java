package vn.doan.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.doan.events.plan.IndicatorKind;
import vn.doan.events.plan.PlanIssued;
import vn.doan.events.plan.PlanClosed;
import vn.doan.events.plan.UnitCreated;
import vn.doan.events.plan.UnitDissolved;
import vn.doan.events.plan.UnitMoved;
import vn.doan.events.plan.UnitRenamed;
import vn.doan.events.plan.UnitSplit;
import vn.doan.events.plan.UnitsMerged;
import vn.doan.events.plan.UnitLevel;
import vn.doan.events.report.ReportSubmitted;

/** Every event type has its JSON Schema, and what the codec writes for it validates against that schema. */
class EventSchemaTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2016-04-28T02:00:00Z"), ZoneOffset.UTC);
    private final EventCodec codec = new EventCodec("/plan-service", CLOCK);
    private final ObjectMapper jackson2 = new ObjectMapper();

    static final Map<EventType, Object> SAMPLES = Map.ofEntries(
            Map.entry(EventType.UNIT_CREATED, new UnitCreated("u-tholap", "TX-THOLAP", "Đoàn xã Thọ Lập", UnitLevel.GRASSROOTS,
                    "commune", "u-thoxuan", List.of("u-thanhhoa", "u-thoxuan"), LocalDate.of(2016, 1, 1), "Cơ sở")),
            Map.entry(EventType.UNIT_RENAMED, new UnitRenamed("u-tholap", "Đoàn xã Thọ Lập", "Đoàn xã Thọ Lập mới", LocalDate.of(2020, 1, 1))),
            Map.entry(EventType.UNIT_MOVED, new UnitMoved("u-tholap", "u-thoxuan", "u-trieuson", List.of("u-thanhhoa", "u-thoxuan"),
                    List.of("u-thanhhoa", "u-trieuson"), LocalDate.of(2025, 7, 1))),
            Map.entry(EventType.UNITS_MERGED, new UnitsMerged(List.of("u-tholap", "u-xuanhoa"), "u-tholap-xuanhoa", LocalDate.of(2025, 7, 1))),
            Map.entry(EventType.UNIT_SPLIT, new UnitSplit("u-thpt4", List.of("u-thpt4a", "u-thpt4b"), LocalDate.of(2019, 9, 1))),
            Map.entry(EventType.UNIT_DEPARTMENTS_CHANGED, new vn.doan.events.plan.UnitDepartmentsChanged("u-thoxuan", List.of(
                    new vn.doan.events.plan.UnitDepartmentsChanged.Department("BTG", "Ban Tuyên giáo"),
                    new vn.doan.events.plan.UnitDepartmentsChanged.Department("BTC-KT", "Ban Tổ chức – Kiểm tra")))),
            Map.entry(EventType.UNIT_DISSOLVED, new UnitDissolved("u-thoxuan", LocalDate.of(2025, 7, 1), "Không tổ chức cấp huyện")),
            Map.entry(EventType.PLAN_ISSUED, new PlanIssued("p-54", "54-CT/ĐTN", "Chương trình hành động thực hiện Nghị quyết số 02-NQ/TU",
                    "u-thoxuan", LocalDate.of(2016, 4, 28), LocalDate.of(2016, 1, 1), LocalDate.of(2020, 12, 31),
                    List.of(new PlanIssued.Indicator("CT3", "Đánh giá xếp loại hàng năm 85% số đơn vị đoàn cơ sở loại khá trở lên",
                            IndicatorKind.SHARE_OF_UNITS, new BigDecimal("85"), List.of(UnitLevel.GRASSROOTS), null,
                            List.of(new PlanIssued.Target(PlanIssued.Target.When.EVERY_YEAR, null, new BigDecimal("85"))),
                            "BTC-KT", List.of())),
                    List.of(new PlanIssued.ReportingPeriod("2016", "Báo cáo năm 2016", LocalDate.of(2016, 1, 1),
                            LocalDate.of(2016, 12, 31), LocalDate.of(2016, 11, 15), List.of(UnitLevel.GRASSROOTS))),
                    2, "Bổ sung chỉ tiêu xếp loại", "ACTION_PROGRAM", null, LocalDate.of(2016, 6, 30), List.of(UnitLevel.GRASSROOTS))),
            Map.entry(EventType.PLAN_CLOSED, new PlanClosed("p-54", "u-thoxuan", LocalDate.of(2021, 1, 15), "Hết giai đoạn")),
            Map.entry(EventType.REPORT_SUBMITTED, new ReportSubmitted("r-1", 2, "p-54", "u-tholap", "2016",
                    Instant.parse("2016-11-18T03:00:00Z"), LocalDate.of(2016, 11, 15), 3,
                    List.of(new ReportSubmitted.Value("CT1", 18, 20L), new ReportSubmitted.Value("MC1", 1, null, LocalDate.of(2016, 6, 20))), "bt-tholap")),
            Map.entry(EventType.REPORT_RETURNED, new vn.doan.events.report.ReportReturned("r-1", 1, "p-54", "u-tholap", "2016",
                    "Số liệu tập huấn chưa khớp với danh sách", "bt-huyendoan", Instant.parse("2016-11-16T03:00:00Z"), "bt-tholap")),
            Map.entry(EventType.PROGRESS_UPDATED, new vn.doan.events.indicator.ProgressUpdated("p-54", "2016", "u-thoxuan", "Huyện đoàn Thọ Xuân", 7,
                    Instant.parse("2016-11-20T02:00:00Z"), 3, 2, 1, List.of(new vn.doan.events.indicator.ProgressUpdated.Indicator("CT1", 52, 57, 3,
                    new BigDecimal("91.23"), new BigDecimal("100"), "ON_TRACK"), new vn.doan.events.indicator.ProgressUpdated.Indicator("CT9", 7, 0, 3,
                    new BigDecimal("66.67"), new BigDecimal("100"), "OFF_TRACK", 2, 1, 2, 0, null, null)))),
            Map.entry(EventType.TARGET_ACHIEVED, new vn.doan.events.indicator.TargetAchieved("p-54", "2016", "u-thoxuan", "CT7",
                    new BigDecimal("2.67"), new BigDecimal("3"), Instant.parse("2016-11-20T02:00:00Z"))),
            Map.entry(EventType.INDICATOR_OFF_TRACK, new vn.doan.events.indicator.IndicatorOffTrack("p-54", "2016", "u-thoxuan", "CT9", "BTC-KT",
                    new BigDecimal("66.67"), new BigDecimal("100"), Instant.parse("2016-11-20T02:00:00Z"),
                    new vn.doan.events.indicator.IndicatorOffTrack.Measure(IndicatorKind.COUNT_AT_LEAST, new BigDecimal("3"), null, 7, 3, 2))),
            Map.entry(EventType.COMPLETENESS_CHANGED, new vn.doan.events.indicator.CompletenessChanged("p-54", "2016", "u-thoxuan", 3, 2, 1,
                    Instant.parse("2016-11-20T02:00:00Z"))),
            Map.entry(EventType.REPORT_ACCEPTED, new vn.doan.events.report.ReportAccepted("r-1", 2, "p-54", "u-tholap", "2016",
                    "bt-huyendoan", Instant.parse("2016-11-20T03:00:00Z"))),
            Map.entry(EventType.NOTIFICATION_SENT, new vn.doan.events.notification.NotificationSent("reminder|p-54|2016|u-tholap|before-7|bt-tholap|EMAIL",
                    "reminder|p-54|2016|u-tholap|before-7", "reminder.before", "u-tholap", "bt-tholap", "EMAIL", 1, Instant.parse("2016-11-08T02:00:00Z"))),
            Map.entry(EventType.NOTIFICATION_FAILED, new vn.doan.events.notification.NotificationFailed("reminder|p-54|2016|u-tholap|after-1|bt-tholap|WEBHOOK",
                    "reminder|p-54|2016|u-tholap|after-1", "reminder.after", "u-tholap", "bt-tholap", "WEBHOOK", 6, "HTTP 503",
                    Instant.parse("2016-11-17T02:00:00Z"))));

    @Test
    void everyEventTypeHasASampleAndItsSampleMatchesItsSchema() throws Exception {
        assertThat(SAMPLES.keySet()).containsExactlyInAnyOrder(EventType.values());
        for (EventType type : EventType.values()) {
            EventEnvelope envelope = codec.wrap(SAMPLES.get(type), "u-thoxuan");
            JsonNode json = jackson2.readTree(EventCodec.toJson(envelope));
            Set<ValidationMessage> problems = schema(type).validate(json.get("data"));
            assertThat(problems).as(type + " against " + type.schemaPath()).isEmpty();
        }
    }

    @Test
    void theEnvelopeCarriesTheCloudEventsAttributesAndRoundTrips() {
        EventEnvelope envelope = codec.wrap(SAMPLES.get(EventType.REPORT_SUBMITTED), "u-tholap");
        String json = EventCodec.toJson(envelope);

        assertThat(json).contains("\"specversion\":\"1.0\"", "\"type\":\"vn.doan.report.ReportSubmitted\"",
                "\"source\":\"/plan-service\"", "\"subject\":\"u-tholap\"", "\"time\":\"2016-04-28T09:00:00+07:00\"",
                "\"dataschema\":\"/schemas/vn.doan.report.ReportSubmitted.v1.json\"");
        EventEnvelope read = EventCodec.fromJson(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(EventCodec.data(read)).contains(SAMPLES.get(EventType.REPORT_SUBMITTED));
    }

    @Test
    void aConsumerSkipsTypesItDoesNotKnowAndIgnoresFieldsAddedLater() {
        String newer = "{\"specversion\":\"1.0\",\"id\":\"e1\",\"source\":\"/plan-service\",\"type\":\"vn.doan.plan.UnitsRegrouped\","
                + "\"subject\":\"u1\",\"time\":\"2025-07-01T00:00:00+07:00\",\"data\":{}}";
        assertThat(EventCodec.data(EventCodec.fromJson(newer.getBytes()))).isEmpty();

        String extended = EventCodec.toJson(codec.wrap(SAMPLES.get(EventType.UNIT_CREATED), "u-tholap"))
                .replace("\"code\":", "\"addedInV2\":true,\"code\":");
        assertThat(EventCodec.data(EventCodec.fromJson(extended.getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                .contains(SAMPLES.get(EventType.UNIT_CREATED));
    }

    @Test
    void aReportEventWrittenBeforeSubmittedByExistedStillDecodesAndValidates() throws Exception {
        vn.doan.events.report.ReportReturned before = new vn.doan.events.report.ReportReturned("r-1", 1, "p-54", "u-tholap", "2016",
                "Số liệu tập huấn chưa khớp với danh sách", "bt-huyendoan", Instant.parse("2016-11-16T03:00:00Z"));
        String old = EventCodec.toJson(codec.wrap(SAMPLES.get(EventType.REPORT_RETURNED), "u-tholap")).replace(",\"submittedBy\":\"bt-tholap\"", "");
        assertThat(old).doesNotContain("submittedBy");

        assertThat(EventCodec.data(EventCodec.fromJson(old.getBytes(java.nio.charset.StandardCharsets.UTF_8)))).contains(before);
        assertThat(schema(EventType.REPORT_RETURNED).validate(jackson2.readTree(old).get("data"))).isEmpty();
        assertThat(schema(EventType.REPORT_SUBMITTED).validate(jackson2.readTree(EventCodec.toJson(codec.wrap(new ReportSubmitted("r-1", 1, "p-54",
                "u-tholap", "2016", Instant.parse("2016-11-18T03:00:00Z"), LocalDate.of(2016, 11, 15), 3, List.of()), "u-tholap"))).get("data")))
                .as("written without a submitter").isEmpty();
    }

    @Test
    void aPlanWithTasksWindowsRegularReportsAndItsOwnRankingMatchesTheSchemaAndAnOlderPlanStillDecodes() throws Exception {
        PlanIssued thanhHoa = new PlanIssued("p-66", "66-KH/TĐTN-BTG", "Tổ chức học tập, tuyên truyền, triển khai Nghị quyết số 01",
                "u-thanhhoa", LocalDate.of(2018, 9, 25), LocalDate.of(2018, 9, 25), LocalDate.of(2022, 12, 31),
                List.of(new PlanIssued.Indicator("MC1", "Tổ chức Hội nghị học tập, quán triệt Nghị quyết 01", IndicatorKind.MILESTONE,
                                new BigDecimal("100"), List.of(UnitLevel.PROVINCE, UnitLevel.DISTRICT), null, List.of(), "BTG",
                                List.of(new PlanIssued.LevelDeadline(UnitLevel.PROVINCE, LocalDate.of(2018, 10, 31), LocalDate.of(2018, 10, 1)),
                                        new PlanIssued.LevelDeadline(UnitLevel.DISTRICT, LocalDate.of(2018, 11, 15)))),
                        new PlanIssued.Indicator("NV1", "Bí thư, Phó Bí thư các huyện viết thu hoạch cá nhân, gửi về Ban Thường vụ Tỉnh đoàn",
                                IndicatorKind.TASK, new BigDecimal("100"), List.of(UnitLevel.DISTRICT), null, List.of(), "BTG", null)),
                List.of(new PlanIssued.ReportingPeriod("final-2018", "Báo cáo kết quả triển khai học tập Nghị quyết 01", LocalDate.of(2018, 9, 25),
                                LocalDate.of(2019, 1, 5), LocalDate.of(2019, 1, 5), List.of(UnitLevel.DISTRICT)),
                        new PlanIssued.ReportingPeriod("2019", "Báo cáo năm 2019", LocalDate.of(2019, 1, 1), LocalDate.of(2019, 12, 31),
                                LocalDate.of(2019, 11, 15), List.of(UnitLevel.DISTRICT), true)),
                1, null, "PLAN", null, null, List.of(UnitLevel.DISTRICT, UnitLevel.GRASSROOTS),
                new PlanIssued.Ranking(List.of(new PlanIssued.Ranking.Weight("MC1", new BigDecimal("2"))), new BigDecimal("10"),
                        List.of(new PlanIssued.Ranking.RankClass("Xuất sắc", new BigDecimal("90")), new PlanIssued.Ranking.RankClass("Khá", new BigDecimal("70")),
                                new PlanIssued.Ranking.RankClass("Trung bình", new BigDecimal("50")), new PlanIssued.Ranking.RankClass("Yếu", BigDecimal.ZERO))));
        String json = EventCodec.toJson(codec.wrap(thanhHoa, "u-thanhhoa"));
        assertThat(schema(EventType.PLAN_ISSUED).validate(jackson2.readTree(json).get("data"))).isEmpty();
        assertThat(EventCodec.data(EventCodec.fromJson(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)))).contains(thanhHoa);

        String older = EventCodec.toJson(codec.wrap(SAMPLES.get(EventType.PLAN_ISSUED), "u-thoxuan"))
                .replace(",\"ranking\":null", "").replace(",\"withRegularReport\":null", "");
        assertThat(older).doesNotContain("ranking", "withRegularReport");
        PlanIssued read = (PlanIssued) EventCodec.data(EventCodec.fromJson(older.getBytes(java.nio.charset.StandardCharsets.UTF_8))).orElseThrow();
        assertThat(read).isEqualTo(SAMPLES.get(EventType.PLAN_ISSUED));
        assertThat(read.ranking()).isNull();
        assertThat(read.schedule().get(0).withRegularReport()).isNull();
    }

    @Test
    void aProgressEventWrittenBeforeTheBreakdownExistedStillDecodesAndValidates() throws Exception {
        String old = EventCodec.toJson(codec.wrap(SAMPLES.get(EventType.PROGRESS_UPDATED), "u-thoxuan"))
                .replace(",\"unitsMet\":null,\"unitsBelow\":null,\"unitsWithin\":null,\"unitsAbove\":null,\"milestonesOnTime\":null,\"milestonesLate\":null", "")
                .replace(",\"unitsMet\":2,\"unitsBelow\":1,\"unitsWithin\":2,\"unitsAbove\":0,\"milestonesOnTime\":null,\"milestonesLate\":null", "");
        assertThat(old).doesNotContain("unitsMet", "milestonesLate");

        vn.doan.events.indicator.ProgressUpdated read = (vn.doan.events.indicator.ProgressUpdated) EventCodec.data(
                EventCodec.fromJson(old.getBytes(java.nio.charset.StandardCharsets.UTF_8))).orElseThrow();
        assertThat(read.indicators().get(1)).isEqualTo(new vn.doan.events.indicator.ProgressUpdated.Indicator("CT9", 7, 0, 3,
                new BigDecimal("66.67"), new BigDecimal("100"), "OFF_TRACK"));
        assertThat(schema(EventType.PROGRESS_UPDATED).validate(jackson2.readTree(old).get("data"))).isEmpty();
    }

    @Test
    void aUnitCreatedWrittenWhenLevelsWereFiveStillDecodesToTheSameLevelAndValidates() throws Exception {
        String old = "{\"specversion\":\"1.0\",\"id\":\"3b0e7c1a\",\"source\":\"/plan-service\",\"type\":\"vn.doan.plan.UnitCreated\","
                + "\"subject\":\"u-thoxuan\",\"time\":\"2016-01-01T08:00:00+07:00\",\"datacontenttype\":\"application/json\","
                + "\"dataschema\":\"/schemas/vn.doan.plan.UnitCreated.v1.json\",\"data\":{\"unitId\":\"u-thoxuan\",\"code\":\"HD-THOXUAN\","
                + "\"name\":\"Huyện đoàn Thọ Xuân\",\"level\":\"DISTRICT\",\"kind\":\"district\",\"parentId\":\"u-thanhhoa\","
                + "\"ancestorIds\":[\"u-thanhhoa\"],\"effectiveFrom\":\"2016-01-01\"}}";

        UnitCreated read = (UnitCreated) EventCodec.data(EventCodec.fromJson(old.getBytes(java.nio.charset.StandardCharsets.UTF_8))).orElseThrow();

        assertThat(read).isEqualTo(new UnitCreated("u-thoxuan", "HD-THOXUAN", "Huyện đoàn Thọ Xuân", UnitLevel.DISTRICT, "district",
                "u-thanhhoa", List.of("u-thanhhoa"), LocalDate.of(2016, 1, 1)));
        assertThat(read.level()).isSameAs(UnitLevel.DISTRICT);
        assertThat(read.levelName()).isNull();
        assertThat(schema(EventType.UNIT_CREATED).validate(jackson2.readTree(old).get("data"))).isEmpty();
    }

    @Test
    void aLevelBeyondTheFiveIsItsCodeInJsonWithItsNameAndTheSchemasTakeAnyCodeOfTheFormOnly() throws Exception {
        UnitCreated lienChiDoan = new UnitCreated("u-lcd-bvdk", "BP-LCD-BVDK", "Liên chi đoàn Bệnh viện đa khoa tỉnh",
                UnitLevel.of("LIEN_CHI_DOAN"), "hospital", "u-yte", List.of("u-binhphuoc", "u-doankhoi", "u-yte"), LocalDate.of(2025, 7, 1),
                "Liên chi đoàn");
        String json = EventCodec.toJson(codec.wrap(lienChiDoan, "u-lcd-bvdk"));

        assertThat(json).contains("\"level\":\"LIEN_CHI_DOAN\"", "\"levelName\":\"Liên chi đoàn\"");
        assertThat(EventCodec.data(EventCodec.fromJson(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)))).contains(lienChiDoan);
        assertThat(schema(EventType.UNIT_CREATED).validate(jackson2.readTree(json).get("data"))).isEmpty();
        assertThat(schema(EventType.UNIT_CREATED).validate(jackson2.readTree(json.replace("\"LIEN_CHI_DOAN\"", "\"lien chi doan\"")).get("data")))
                .as("a code not of the form").isNotEmpty();

        String plan = EventCodec.toJson(codec.wrap(SAMPLES.get(EventType.PLAN_ISSUED), "u-thoxuan")).replace("\"GRASSROOTS\"", "\"LIEN_CHI_DOAN\"");
        assertThat(schema(EventType.PLAN_ISSUED).validate(jackson2.readTree(plan).get("data"))).isEmpty();
        PlanIssued read = (PlanIssued) EventCodec.data(EventCodec.fromJson(plan.getBytes(java.nio.charset.StandardCharsets.UTF_8))).orElseThrow();
        assertThat(read.indicators().get(0).reportingLevels()).containsExactly(UnitLevel.of("LIEN_CHI_DOAN"));
    }

    private static JsonSchema schema(EventType type) throws Exception {
        try (InputStream in = EventSchemaTest.class.getResourceAsStream(type.schemaPath())) {
            assertThat(in).as("schema file " + type.schemaPath()).isNotNull();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }
}
