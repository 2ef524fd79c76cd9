package vn.doan.reportservice.consolidated;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.doan.events.UnitPeriod;
import vn.doan.events.indicator.ProgressUpdated;

/**
 * report-service's copy of the latest progress of one unit's whole subtree on a plan's period, as indicator-service
 * announces it on the compacted progress topic: the figures a consolidated report quotes. Its own type, so that the
 * event can grow without this document changing.
 */
@Document("subtree_figures")
@CompoundIndex(name = "id_rev", def = "{'_id': 1, 'rev': 1}", unique = true)
public record SubtreeFigures(@Id String id, String planId, String periodId, String unitId, long rev, Instant computedAt,
        int reportsSubmitted, int reportsOnTime, int reportsLate, List<Figure> indicators) {

    /** One indicator of the subtree: the sums, how many units reported it, the value against the target (percent), the status. */
    public record Figure(String code, long numerator, long denominator, int reportingUnits, BigDecimal value, BigDecimal target,
            String status) {
    }

    static SubtreeFigures of(ProgressUpdated e) {
        return new SubtreeFigures(new UnitPeriod(e.planId(), e.periodId(), e.unitId()).id(), e.planId(), e.periodId(), e.unitId(), e.rev(),
                e.computedAt(), e.reportsSubmitted(), e.reportsOnTime(), e.reportsLate(), e.indicators() == null ? List.of()
                        : e.indicators().stream().map(i -> new Figure(i.code(), i.numerator(), i.denominator(), i.reportingUnits(), i.value(),
                                i.target(), i.status())).toList());
    }

    public java.util.Optional<Figure> figure(String code) {
        return indicators.stream().filter(f -> f.code().equals(code)).findFirst();
    }
}
