package vn.doan.support.outbox;

/**
 * Marks a stored document class whose changes produce events: {@link Outbox} writes its events into the
 * {@code outbox} array of its documents, and the relay drains every collection of such a class
 * ({@code @Document} classes of the application's packages, which Spring Boot registers at start), so that events
 * a stopped instance left are found before any new write.
 */
public interface PublishesEvents {
}
