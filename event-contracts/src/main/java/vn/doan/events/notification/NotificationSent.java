package vn.doan.events.notification;

import java.time.Instant;

/**
 * A notification reached one recipient over one channel (inbox, email, webhook): the SMTP server or the
 * webhook accepted it, or it is in the inbox. {@code kind} is what it was about, e.g. {@code reminder.before},
 * {@code report.returned}; {@code unitId} is the unit it was about.
 */
public record NotificationSent(String deliveryId, String notificationId, String kind, String unitId, String recipientId, String channel,
        int attempts, Instant sentAt) {
}
