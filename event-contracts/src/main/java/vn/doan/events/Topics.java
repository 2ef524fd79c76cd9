package vn.doan.events;

/** Kafka topic names. Every record's key is the id of the organisation unit it is about. */
public final class Topics {

    /** Organisation tree changes, published by plan-service. */
    public static final String ORG_UNITS = "doan.plan.org-units.v1";
    /** Plans with their indicators and reporting schedule, published by plan-service. */
    public static final String PLANS = "doan.plan.plans.v1";
    /** Reports submitted, returned and accepted, published by report-service. */
    public static final String REPORTS = "doan.report.reports.v1";

    /** Latest progress per unit, plan and period, published by indicator-service; compacted, key {@code unitId|planId|periodId}. */
    public static final String PROGRESS = "doan.indicator.progress.v1";
    /** Targets achieved, indicators off track, completeness changes, published by indicator-service. */
    public static final String INDICATOR_ALERTS = "doan.indicator.alerts.v1";

    /** Every notification sent, and every delivery that gave up (dead letter), published by notification-service; key unit id. */
    public static final String NOTIFICATION_DELIVERIES = "doan.notification.deliveries.v1";

    /** Every topic of the contract, for provisioning. */
    public static final java.util.List<String> ALL = java.util.List.of(ORG_UNITS, PLANS, REPORTS, PROGRESS, INDICATOR_ALERTS,
            NOTIFICATION_DELIVERIES);
    /** Topics that keep only the latest record per key. */
    public static final java.util.Set<String> COMPACTED = java.util.Set.of(PROGRESS);

    private Topics() {
    }
}
