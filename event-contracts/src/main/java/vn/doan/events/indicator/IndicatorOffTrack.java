package vn.doan.events.indicator;

import java.math.BigDecimal;
import java.time.Instant;

/** An indicator of a unit's subtree fell off track; {@code department} is who follows it (e.g. BTG). */
public record IndicatorOffTrack(String planId, String periodId, String unitId, String indicatorCode, String department, BigDecimal value,
        BigDecimal target, Instant at) {
}
