package vn.doan.notificationservice.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import vn.doan.events.EventCodec;
import vn.doan.events.notification.NotificationFailed;
import vn.doan.events.notification.NotificationSent;
import vn.doan.notificationservice.rules.ReminderRules;
import vn.doan.support.outbox.Event;
import vn.doan.support.outbox.Outbox;

/**
 * Sends what is due. Each delivery is claimed with one atomic findAndModify that sets a lease only where
 * there is none or it has expired, so two instances never hold the same delivery; after the channel
 * accepted it, it is marked SENT by its owner, with its {@code NotificationSent} event in the same update.
 * A failure waits first-retry, 2×, 4× … and after max-attempts becomes DEAD (with {@code NotificationFailed}); a delivery
 * the channel will never take (a webhook to an internal address) is DEAD at once.
 * During quiet hours only the inbox is served; email and webhooks wait for the morning.
 */
@Service
public class DeliverySweep {

    private static final Logger log = LoggerFactory.getLogger(DeliverySweep.class);
    private static final List<Delivery.State> DUE = List.of(Delivery.State.PENDING, Delivery.State.RETRYING);

    private final MongoTemplate mongo;
    private final Map<ChannelType, Channel> channels;
    private final DeliverySettings settings;
    private final ReminderRules rules;
    private final Clock clock;
    private final MeterRegistry registry;
    private final Outbox outbox;
    private final String owner = UUID.randomUUID().toString();

    DeliverySweep(MongoTemplate mongo, List<Channel> channels, DeliverySettings settings, ReminderRules rules, Clock clock,
            MeterRegistry registry, Outbox outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.channels = channels.stream().collect(Collectors.toMap(Channel::type, Function.identity()));
        this.settings = settings;
        this.rules = rules;
        this.clock = clock;
        this.registry = registry;
    }

    /** Sends up to a batch of due deliveries; returns how many were sent. */
    @Scheduled(fixedDelayString = "${doan.deliveries.interval:2s}")
    public int sweep() {
        int sent = 0;
        for (int i = 0; i < settings.batch(); i++) {
            Delivery delivery = claim();
            if (delivery == null) {
                break;
            }
            sent += attempt(delivery) ? 1 : 0;
        }
        return sent;
    }

    Delivery claim() {
        Instant now = clock.instant();
        Criteria due = Criteria.where("state").in(DUE).and("nextAttemptAt").lte(now)
                .orOperator(Criteria.where("leaseUntil").is(null), Criteria.where("leaseUntil").lt(now));
        if (rules.quiet(now.atZone(EventCodec.ZONE).toLocalTime())) {
            due = due.and("channel").is(ChannelType.INBOX);
        }
        return mongo.findAndModify(Query.query(due).with(Sort.by("nextAttemptAt")),
                new Update().set("leaseUntil", now.plus(settings.lease())).set("owner", owner),
                FindAndModifyOptions.options().returnNew(true), Delivery.class);
    }

    private boolean attempt(Delivery delivery) {
        try {
            channels.get(delivery.channel()).send(delivery);
        } catch (Undeliverable e) {
            failed(delivery, e.getMessage(), true);
            return false;
        } catch (Exception e) {
            failed(delivery, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), false);
            return false;
        }
        sent(delivery);
        return true;
    }

    private void sent(Delivery d) {
        Instant now = clock.instant();
        int attempts = d.attempts() + 1;
        Event event = new Event(new NotificationSent(d.id(), d.notificationId(), d.kind(), d.unitId(), d.recipientId(),
                d.channel().name(), attempts, now), d.unitId());
        outbox.update(mine(d), new Update().set("state", Delivery.State.SENT).set("attempts", attempts).set("sentAt", now)
                .unset("leaseUntil"), Delivery.class, List.of(event));
        registry.counter("doan.notification.deliveries", "channel", d.channel().name(), "outcome", "sent").increment();
    }

    /** A failed attempt: tried again later, or DEAD after max-attempts or at once when {@code never} will it be taken. */
    private void failed(Delivery d, String error, boolean never) {
        Instant now = clock.instant();
        int attempts = d.attempts() + 1;
        boolean dead = never || attempts >= settings.maxAttempts();
        Update update = new Update().set("attempts", attempts).set("lastError", error).unset("leaseUntil");
        List<Event> events = List.of();
        if (dead) {
            update.set("state", Delivery.State.DEAD);
            events = List.of(new Event(new NotificationFailed(d.id(), d.notificationId(), d.kind(), d.unitId(), d.recipientId(),
                    d.channel().name(), attempts, error, now), d.unitId()));
            log.warn("Delivery {} is dead after {} attempts: {}", d.id(), attempts, error);
        } else {
            update.set("state", Delivery.State.RETRYING).set("nextAttemptAt", now.plus(settings.backoff(attempts)));
            log.info("Delivery {} failed (attempt {}), retrying: {}", d.id(), attempts, error);
        }
        outbox.update(mine(d), update, Delivery.class, events);
        registry.counter("doan.notification.deliveries", "channel", d.channel().name(), "outcome",
                dead ? "dead" : "retry").increment();
    }

    private Query mine(Delivery d) {
        return Query.query(Criteria.where("_id").is(d.id()).and("owner").is(owner));
    }

    /** The units submitted: what has not gone out for those reports is cancelled, in one write. Returns how many. */
    public long cancel(Collection<String> stopKeys) {
        if (stopKeys.isEmpty()) {
            return 0;
        }
        return mongo.updateMulti(Query.query(Criteria.where("stopKey").in(stopKeys).and("state").in(DUE)),
                new Update().set("state", Delivery.State.CANCELLED), Delivery.class).getModifiedCount();
    }

    /** A dead (or cancelled) delivery gets a fresh set of attempts. */
    public Delivery retry(String id) {
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(id).and("state").in(Delivery.State.DEAD, Delivery.State.CANCELLED)),
                new Update().set("state", Delivery.State.PENDING).set("attempts", 0).set("nextAttemptAt", clock.instant()).unset("leaseUntil"),
                FindAndModifyOptions.options().returnNew(true), Delivery.class);
    }
}
