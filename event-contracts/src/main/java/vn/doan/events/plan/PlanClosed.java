package vn.doan.events.plan;

import java.time.LocalDate;

/** A plan was closed: no more reports are taken for it. */
public record PlanClosed(String planId, String issuingUnitId, LocalDate closedOn, String reason) {
}
