package vn.doan.indicatorservice.rollup;

/** A report's plan or unit, or one of the unit's ancestors, has not arrived yet: the report waits (see {@link PendingReport}). */
class NotYetKnown extends RuntimeException {

    NotYetKnown(String message) {
        super(message, null, false, false);
    }
}
