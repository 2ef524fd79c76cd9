package vn.doan.events;

/** Kafka topic names. Every record's key is the id of the organisation unit it is about. */
public final class Topics {

    /** Organisation tree changes, published by plan-service. */
    public static final String ORG_UNITS = "doan.plan.org-units.v1";
    /** Plans with their indicators and reporting schedule, published by plan-service. */
    public static final String PLANS = "doan.plan.plans.v1";
    /** Reports submitted, returned and accepted, published by report-service. */
    public static final String REPORTS = "doan.report.reports.v1";

    /** Every topic of the contract, for provisioning. */
    public static final java.util.List<String> ALL = java.util.List.of(ORG_UNITS, PLANS, REPORTS);

    private Topics() {
    }
}
