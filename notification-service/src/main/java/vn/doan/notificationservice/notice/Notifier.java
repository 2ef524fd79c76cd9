package vn.doan.notificationservice.notice;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import vn.doan.notificationservice.delivery.Channel;
import vn.doan.notificationservice.delivery.ChannelType;
import vn.doan.notificationservice.delivery.Delivery;
import vn.doan.notificationservice.recipient.Recipient;
import vn.doan.notificationservice.recipient.Recipients;
import vn.doan.notificationservice.template.Templates;

/**
 * Records a notification once and turns it into one PENDING delivery per recipient and channel, the text
 * rendered in the recipient's language. Every write has a deterministic id, so replicas, redelivered
 * events and repeated sweeps change nothing the second time; a notification whose fan-out was cut short
 * by a crash is finished by {@link #finishInterrupted()}.
 */
@Service
public class Notifier {

    private static final Logger log = LoggerFactory.getLogger(Notifier.class);

    private final MongoTemplate mongo;
    private final Recipients recipients;
    private final Templates templates;
    private final Clock clock;
    private final Set<ChannelType> available;

    Notifier(MongoTemplate mongo, Recipients recipients, Templates templates, Clock clock, List<Channel> channels) {
        this.mongo = mongo;
        this.recipients = recipients;
        this.templates = templates;
        this.clock = clock;
        this.available = channels.stream().filter(Channel::available).map(Channel::type).collect(Collectors.toSet());
    }

    /** Records the notification (unless it exists) and creates its deliveries; returns how many deliveries were new. */
    public int send(String id, String kind, String unitId, String stopKey, Map<String, String> params, List<Notification.Addressee> to) {
        Notification notification = new Notification(id, kind, unitId, stopKey, params, to, clock.instant(), false);
        try {
            mongo.insert(notification);
        } catch (DuplicateKeyException exists) {
            notification = mongo.findById(id, Notification.class);
            if (notification == null || notification.fannedOut()) {
                return 0;
            }
        }
        return fanOut(notification);
    }

    public boolean exists(String id) {
        return mongo.exists(Query.query(Criteria.where("_id").is(id)), Notification.class);
    }

    int fanOut(Notification n) {
        int created = 0;
        Instant now = clock.instant();
        for (Notification.Addressee addressee : n.addressees()) {
            List<Recipient> people = addressee.subject() != null ? recipients.withSubject(addressee.subject())
                    : recipients.of(addressee.unitId(), addressee.roles(), addressee.department());
            for (Recipient recipient : people) {
                Templates.Rendered text = templates.render(addressee.template(), recipient.language(), n.params());
                for (ChannelType channel : recipient.channels()) {
                    if (!available.contains(channel) || recipient.address(channel) == null) {
                        log.warn("No {} channel for {}; skipped", channel, recipient.id());
                        continue;
                    }
                    try {
                        mongo.insert(new Delivery(Delivery.key(n.id(), recipient.id(), channel), n.id(), addressee.template(), n.unitId(),
                                n.stopKey(), recipient.id(), channel, recipient.address(channel), recipient.language(), text.subject(),
                                text.body(), Delivery.State.PENDING, 0, now, null, null, null, now, null));
                        created++;
                    } catch (DuplicateKeyException alreadyThere) {
                        // created by an earlier try or another replica
                    }
                }
            }
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(n.id())), new Update().set("fannedOut", true), Notification.class);
        return created;
    }

    /**
     * Finishes notifications recorded more than a minute ago whose fan-out never completed (the instance stopped). Once a
     * minute: the search reads every notification (a national plan records one per unit).
     */
    @Scheduled(fixedDelayString = "${doan.notifications.resume-interval:1m}")
    public void finishInterrupted() {
        Query stale = Query.query(Criteria.where("fannedOut").is(false).and("createdAt").lt(clock.instant().minus(Duration.ofMinutes(1))));
        mongo.find(stale.limit(100), Notification.class).forEach(this::fanOut);
    }
}
