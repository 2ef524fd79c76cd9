package vn.doan.notificationservice.delivery;

/**
 * Sends one delivery. Returning normally means the other side accepted it (the SMTP server, the webhook's
 * 2xx, the inbox write); throwing means try again later. A channel may be called twice for the same
 * delivery after a crash between sending and recording, so it passes {@link Delivery#id()} along for
 * the receiver to recognise a repeat (Message-ID, Idempotency-Key, the inbox item's id).
 */
public interface Channel {

    ChannelType type();

    void send(Delivery delivery) throws Exception;

    /** False when the channel is not configured here (e.g. no SMTP server): no deliveries are created for it. */
    default boolean available() {
        return true;
    }
}
