package vn.doan.events.indicator;

import java.math.BigDecimal;
import java.time.Instant;

/** A unit's subtree reached an indicator's target for a period. */
public record TargetAchieved(String planId, String periodId, String unitId, String indicatorCode, BigDecimal value, BigDecimal target,
        Instant at) {
}
