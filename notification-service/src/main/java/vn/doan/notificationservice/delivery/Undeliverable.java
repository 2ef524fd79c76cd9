package vn.doan.notificationservice.delivery;

/** The channel will never take this delivery as it is addressed (e.g. a webhook to an internal address): dead at once, not retried. */
class Undeliverable extends Exception {

    Undeliverable(String reason) {
        super(reason);
    }
}
