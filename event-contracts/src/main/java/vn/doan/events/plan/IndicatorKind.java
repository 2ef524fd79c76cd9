package vn.doan.events.plan;

/** How an indicator is measured and how it adds up the tree (see DOMAIN.md). */
public enum IndicatorKind {
    /** Share of people, at least X%: Σ numerators / Σ denominators. */
    SHARE_OF_PEOPLE,
    /** Share of units meeting a condition, at least X%. */
    SHARE_OF_UNITS,
    /** A rate that must fall to at most X%: Σ numerators / Σ denominators, achieved when ≤ target. */
    RATE_AT_MOST,
    /** A count, at least N per period: summed. */
    COUNT_AT_LEAST,
    /** A count within [min, max] per period. */
    COUNT_IN_RANGE,
    /** A yes/no condition on a person or unit. */
    YES_NO,
    /** A milestone done by a deadline. */
    MILESTONE,
    /**
     * A task (nhiệm vụ) without a number: the units of its reporting levels (and the department named) do it, and report it
     * done (with the date, and the report's evidence) or not done; counted like a milestone — done on time, late, not done —
     * against the deadline of the unit's level, or, without one, the end of the reporting period.
     */
    TASK
}
