package vn.doan.indicatorservice.replica;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import vn.doan.events.plan.PlanIssued;
import vn.doan.indicatorservice.ThoXuan;
import vn.doan.support.test.Backends;

/** The plans copy over the MongoDB wire server: a database written by an earlier version is read after the upgrade at start. */
class PlansTest {

    static MongoClient client;
    static MongoTemplate mongo;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(Backends.embedded().mongoUri());
        mongo = Backends.template(client, "plans_test_" + UUID.randomUUID().toString().substring(0, 8));
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void aPlanStoredWholeAsTheEventIsRewrittenFromThatEventAtStart() {
        PlanIssued issued = ThoXuan.planIssued();
        Document event = new Document();
        mongo.getConverter().write(issued, event);
        event.remove("_class");
        mongo.insert(new Document("_id", issued.planId()).append("version", 3).append("plan", event), "plans");

        Plans plans = new Plans(mongo);
        plans.upgradeEarlierShape();

        PlanDefinition expected = PlanDefinition.of(issued, 3);
        assertThat(plans.find(issued.planId())).contains(expected);
        Document stored = mongo.findById(issued.planId(), Document.class, "plans");
        assertThat(stored).doesNotContainKey("plan").containsEntry("version", 3);
        assertThat(expected.period("2018").map(p -> ThoXuan.indicator(ThoXuan.POOR_HOUSEHOLDS).target(p)).orElseThrow())
                .isEqualByComparingTo("4.5");

        plans.upgradeEarlierShape();
        assertThat(plans.find(issued.planId())).as("a second start changes nothing").contains(expected);
    }
}
