package vn.doan.notificationservice.inbox;

import java.time.Instant;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import vn.doan.notificationservice.delivery.Channel;
import vn.doan.notificationservice.delivery.ChannelType;
import vn.doan.notificationservice.delivery.Delivery;

/** Puts the notification into the recipient's inbox; writing it twice leaves one unchanged item. */
@Component
class InboxChannel implements Channel {

    private final MongoTemplate mongo;

    InboxChannel(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public ChannelType type() {
        return ChannelType.INBOX;
    }

    @Override
    public void send(Delivery d) {
        mongo.upsert(Query.query(Criteria.where("_id").is(d.id())), new Update().setOnInsert("recipientId", d.recipientId())
                .setOnInsert("unitId", d.unitId()).setOnInsert("kind", d.kind()).setOnInsert("subject", d.subject())
                .setOnInsert("body", d.body()).setOnInsert("createdAt", d.createdAt()).setOnInsert("storedAt", Instant.now())
                .setOnInsert("read", false), InboxItem.class);
    }
}
