package vn.doan.reportservice.report.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.doan.reportservice.report.Report;
import vn.doan.reportservice.report.ReportService;

/**
 * The bodies clients read carry every value, version, transition and attachment of the stored report under the same
 * JSON names, and a body sent in becomes the stored values unchanged.
 */
class ReportBodiesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Report.Sections sections = new Report.Sections("Tổ chức 02 lớp tập huấn cho 15 cán bộ.",
            "Còn 05 cán bộ chưa tham gia do đi làm xa.", "Đề nghị Huyện đoàn mở thêm lớp vào cuối tuần.");
    private final List<Report.Value> values = List.of(new Report.Value("CT01", 15, 20L, null),
            new Report.Value("MC1", 1, null, LocalDate.of(2016, 6, 20)));
    private final Report report = new Report("r-tholap-2016", "plan54", "tholap", "2016", Report.Status.RETURNED, 1, values, sections,
            List.of("https://thoxuan.doan.vn/tap-huan-2016"),
            List.of(new Report.Attachment("6650", "hội-nghị-quán-triệt.png", "image/png", 68, "5f3c", Instant.parse("2016-11-10T02:00:00Z"))),
            Instant.parse("2016-11-10T02:00:00Z"), LocalDate.of(2016, 11, 15), 0,
            List.of(new Report.Version(1, values, sections, Instant.parse("2016-11-10T02:00:00Z"), 0, "bt-tholap", "key-1")),
            List.of(new Report.Transition(null, Report.Status.DRAFT, "bt-tholap", Instant.parse("2016-11-09T02:00:00Z"), null),
                    new Report.Transition(Report.Status.SUBMITTED, Report.Status.RETURNED, "bt-huyendoan",
                            Instant.parse("2016-11-11T02:00:00Z"), "Thiếu số liệu chỉ tiêu CT09")), List.of(), List.of());

    @Test
    void theReportAsReadHasTheStoredPartsUnderTheirNames() {
        JsonNode view = JSON.valueToTree(ReportBodies.ReportView.of(report));
        JsonNode stored = JSON.valueToTree(report);

        for (String part : List.of("id", "status", "version", "planId", "unitId", "periodId", "submittedAt", "dueDate", "daysLate",
                "values", "sections", "links", "attachments", "versions", "transitions")) {
            assertThat(view.get(part)).as(part).isEqualTo(stored.get(part));
        }
        assertThat(view.get("onTime").asBoolean()).isTrue();
        assertThat(view.size()).as("the stored parts and onTime, nothing else").isEqualTo(16);
        assertThat(view.get("values").get(0).get("denominator").asLong()).isEqualTo(20);
        assertThat(view.get("values").get(1).get("doneOn").asString()).isEqualTo("2016-06-20");
        assertThat(view.get("sections").get("shortcomings").asString()).isEqualTo("Còn 05 cán bộ chưa tham gia do đi làm xa.");
        assertThat(view.get("attachments").get(0).get("filename").asString()).isEqualTo("hội-nghị-quán-triệt.png");
        assertThat(view.get("versions").get(0).get("idempotencyKey").asString()).isEqualTo("key-1");
        assertThat(view.get("transitions").get(1).get("reason").asString()).isEqualTo("Thiếu số liệu chỉ tiêu CT09");
    }

    @Test
    void aBodySentInBecomesTheStoredValuesUnchanged() {
        String json = "{\"planId\": \"plan54\", \"unitId\": \"tholap\", \"periodId\": \"2016\", \"values\": "
                + JSON.writeValueAsString(values) + ", \"sections\": " + JSON.writeValueAsString(sections) + "}";
        ReportBodies.Write body = JSON.readValue(json, ReportBodies.Write.class);

        assertThat(body.submission()).isEqualTo(new ReportService.Submission("plan54", "tholap", "2016", values, sections, null));
    }
}
