package vn.doan.reportservice.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import vn.doan.support.web.ApiProblem;

/**
 * A retry sent across the change that moved idempotency keys onto the reports: the key is found where it was claimed
 * before ({@value IdempotencyKey#CLAIMED_BEFORE}: the report it created and the request written out as JSON).
 */
class KeysClaimedBeforeTest {

    private static final ReportService.Submission THO_LAP_2016 = new ReportService.Submission("ke-hoach-54", "doan-xa-tho-lap", "2016",
            List.of(new Report.Value("CT01", 18, 20L, null), new Report.Value("CT02", 3, null, null)), null, List.of());
    private static final Report STORED = Report.draft("bao-cao-tho-lap-2016", THO_LAP_2016, LocalDate.of(2016, 11, 15), "bt.tholap",
            Instant.parse("2016-10-15T02:00:00Z"), IdempotencyKey.of("k-nop-sau", "Idempotency-Key", "submit", "bao-cao-tho-lap-2016"));

    /** The key's document as the earlier code stored it: the request as {@code ["create", submit, submission]} in JSON. */
    private static Document claimedEarlier(String key, String reportId, Object... request) {
        return new Document("_id", key).append("reportId", reportId).append("request", JsonMapper.builder().build().writeValueAsString(request));
    }

    @Test
    void theSameRequestForTheReportItCreatedIsItsRetry() {
        IdempotencyKey retry = IdempotencyKey.of("k-tholap-1", "Idempotency-Key", "create", true, THO_LAP_2016);

        assertThat(retry.createdBefore(claimedEarlier("k-tholap-1", STORED.id(), "create", true, THO_LAP_2016), STORED, "Idempotency-Key"))
                .isTrue();
        assertThat(retry.createdBefore(null, STORED, "Idempotency-Key")).as("a key never claimed: not this report's").isFalse();
    }

    @Test
    void aKeyClaimedForAnotherRequestOrAnotherReportIsRefused() {
        ReportService.Submission oneMore = new ReportService.Submission("ke-hoach-54", "doan-xa-tho-lap", "2016",
                List.of(new Report.Value("CT01", 19, 20L, null), new Report.Value("CT02", 3, null, null)), null, List.of());
        IdempotencyKey changed = IdempotencyKey.of("k-tholap-1", "Idempotency-Key", "create", true, oneMore);
        IdempotencyKey same = IdempotencyKey.of("k-tholap-1", "Idempotency-Key", "create", true, THO_LAP_2016);

        assertThatThrownBy(() -> changed.createdBefore(claimedEarlier("k-tholap-1", STORED.id(), "create", true, THO_LAP_2016), STORED,
                "Idempotency-Key")).isInstanceOfSatisfying(ApiProblem.class,
                        p -> assertThat(p.getMessage()).contains("already used for a different request"));
        assertThatThrownBy(() -> same.createdBefore(claimedEarlier("k-tholap-1", "bao-cao-xuan-hoa-2016", "create", true, THO_LAP_2016), STORED,
                "Idempotency-Key")).isInstanceOf(ApiProblem.class);
    }
}
