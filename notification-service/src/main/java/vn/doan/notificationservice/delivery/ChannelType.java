package vn.doan.notificationservice.delivery;

/** The ways a notification reaches a person. A new one (mobile push, Zalo) is a value here and a {@link Channel} bean. */
public enum ChannelType {
    INBOX, EMAIL, WEBHOOK
}
