package vn.doan.events.notification;

import java.time.Instant;

/** A delivery gave up after its last attempt and is now a dead letter, waiting for someone to retry it. */
public record NotificationFailed(String deliveryId, String notificationId, String kind, String unitId, String recipientId, String channel,
        int attempts, String error, Instant failedAt) {
}
