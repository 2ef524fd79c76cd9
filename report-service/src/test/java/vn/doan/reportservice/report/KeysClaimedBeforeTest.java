package vn.doan.reportservice.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import vn.doan.reportservice.catalog.PlanView;
import vn.doan.support.web.ApiProblem;

/**
 * What a new report meets when a stored report stands in its way: the report holding its key (the same request: the
 * answer; another request: refused), or the unit's report, which is this request's only where the key was claimed before
 * the keys moved onto the reports ({@value IdempotencyKey#CLAIMED_BEFORE}: the report it created and the request written
 * out as JSON), else a second report of the unit (refused).
 */
class KeysClaimedBeforeTest {

    private static final ReportService.Submission THO_LAP_2016 = new ReportService.Submission("ke-hoach-54", "doan-xa-tho-lap", "2016",
            List.of(new Report.Value("CT01", 18, 20L, null), new Report.Value("CT02", 3, null, null)), null, List.of());
    private static final PlanView.ReportingPeriod YEAR_2016 = new PlanView.ReportingPeriod("2016", "Báo cáo năm 2016", LocalDate.of(2016, 1, 1),
            LocalDate.of(2016, 12, 31), LocalDate.of(2016, 11, 15), List.of());
    private static final Report STORED = Report.draft("bao-cao-tho-lap-2016", THO_LAP_2016, LocalDate.of(2016, 11, 15), "bt.tholap",
            Instant.parse("2016-10-15T02:00:00Z"), IdempotencyKey.of("k-nop-sau", "Idempotency-Key", "submit", "bao-cao-tho-lap-2016"));

    /** The key's document as the earlier code stored it: the request as {@code ["create", submit, submission]} in JSON. */
    private static Document claimedEarlier(String key, String reportId, Object... request) {
        return new Document("_id", key).append("reportId", reportId).append("request", JsonMapper.builder().build().writeValueAsString(request));
    }

    @Test
    void theReportHoldingTheKeyOfTheSameRequestIsTheAnswer() {
        IdempotencyKey same = IdempotencyKey.of("k-nop-sau", "Idempotency-Key", "submit", "bao-cao-tho-lap-2016");
        IdempotencyKey changed = IdempotencyKey.of("k-nop-sau", "Idempotency-Key", "submit", "bao-cao-xuan-hoa-2016");

        assertThat(same.earlierReport(STORED, STORED, () -> fail("read only when no report holds the key"), YEAR_2016, "Idempotency-Key"))
                .isSameAs(STORED);
        assertThatThrownBy(() -> changed.earlierReport(STORED, null, () -> null, YEAR_2016, "Idempotency-Key"))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.rule()).isEqualTo("report.idempotency-key-reused"));
        assertThat(same.earlierReport(null, null, () -> fail("nothing in the way: nothing to read"), YEAR_2016, "Idempotency-Key")).isNull();
    }

    @Test
    void theSameRequestForTheReportItCreatedIsItsRetry() {
        IdempotencyKey retry = IdempotencyKey.of("k-tholap-1", "Idempotency-Key", "create", true, THO_LAP_2016);

        assertThat(retry.earlierReport(null, STORED, () -> claimedEarlier("k-tholap-1", STORED.id(), "create", true, THO_LAP_2016), YEAR_2016,
                "Idempotency-Key")).isSameAs(STORED);
        assertThatThrownBy(() -> retry.earlierReport(null, STORED, () -> null, YEAR_2016, "Idempotency-Key"))
                .as("a key never claimed: a second report of the unit").isInstanceOfSatisfying(ApiProblem.class, p -> {
                    assertThat(p.rule()).isEqualTo("report.already-submitted");
                    assertThat(p.properties()).containsEntry("reportId", "bao-cao-tho-lap-2016");
                });
    }

    @Test
    void aKeyClaimedForAnotherRequestOrAnotherReportIsRefused() {
        ReportService.Submission oneMore = new ReportService.Submission("ke-hoach-54", "doan-xa-tho-lap", "2016",
                List.of(new Report.Value("CT01", 19, 20L, null), new Report.Value("CT02", 3, null, null)), null, List.of());
        IdempotencyKey changed = IdempotencyKey.of("k-tholap-1", "Idempotency-Key", "create", true, oneMore);
        IdempotencyKey same = IdempotencyKey.of("k-tholap-1", "Idempotency-Key", "create", true, THO_LAP_2016);

        assertThatThrownBy(() -> changed.earlierReport(null, STORED, () -> claimedEarlier("k-tholap-1", STORED.id(), "create", true, THO_LAP_2016),
                YEAR_2016, "Idempotency-Key")).isInstanceOfSatisfying(ApiProblem.class,
                        p -> assertThat(p.getMessage()).contains("already used for a different request"));
        assertThatThrownBy(() -> same.earlierReport(null, STORED, () -> claimedEarlier("k-tholap-1", "bao-cao-xuan-hoa-2016", "create", true,
                THO_LAP_2016), YEAR_2016, "Idempotency-Key")).isInstanceOfSatisfying(ApiProblem.class,
                        p -> assertThat(p.getMessage()).contains("already used for a different request"));
    }
}
