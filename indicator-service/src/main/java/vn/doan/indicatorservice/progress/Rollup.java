package vn.doan.indicatorservice.progress;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.doan.events.report.ReportSubmitted;

/**
 * One unit's progress on one plan's period: its own latest report ({@code own}) and, for each child, the
 * child's whole-subtree totals as last pushed with the child's revision ({@code children}). Every change
 * increments {@code rev}. A parent takes a child's snapshot only if it is newer than what it holds, so
 * pushing the same or an older snapshot again changes nothing. {@code announcedRev} is the revision whose
 * progress was last announced on Kafka (see {@link Announcer}).
 */
@Document("rollups")
@CompoundIndex(name = "unit_periods", def = "{'unitId': 1, 'periodFrom': 1}")
@CompoundIndex(name = "plan_period", def = "{'planId': 1, 'periodId': 1}")
public record Rollup(
        @Id String id,
        String planId,
        String periodId,
        LocalDate periodFrom,
        String unitId,
        String parentId,
        Own own,
        Map<String, ChildSnapshot> children,
        long rev,
        Long announcedRev,
        Map<String, String> announcedStatuses,
        List<Integer> announcedReports,
        List<vn.doan.support.outbox.PendingEvent> outbox) {

    /** The unit's own report in force. */
    public record Own(String reportId, int version, List<ReportSubmitted.Value> values, Instant submittedAt, int daysLate, List<Totals> totals) {
    }

    public record ChildSnapshot(long rev, List<Totals> totals) {
    }

    static String key(String planId, String periodId, String unitId) {
        return planId + "|" + periodId + "|" + unitId;
    }

    List<Totals> ownTotals() {
        return own == null ? List.of() : own.totals();
    }

    /** Own values plus every child's subtree. */
    List<Totals> subtree() {
        List<List<Totals>> parts = new ArrayList<>();
        parts.add(ownTotals());
        if (children != null) {
            children.values().forEach(c -> parts.add(c.totals()));
        }
        return Totals.sum(parts);
    }
}
