package vn.doan.planservice.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexInfo;
import vn.doan.support.test.Backends;

/**
 * Plans stored before {@code numberKey} existed, under the earlier unique index on {@code content.number}: at start they
 * get their number as key, the earlier index is replaced, and two unnumbered drafts of one unit may then coexist while a
 * number stays unique per issuer and year. Against the Mongo wire server over TCP.
 */
class PlanIndexesTest {

    private static MongoClient client;
    private static MongoTemplate mongo;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(Backends.embedded().mongoUri());
        mongo = Backends.template(client, "plan_indexes_test");
    }

    @AfterAll
    static void close() {
        mongo.getDb().drop();
        client.close();
    }

    @Test
    void earlierPlansGetTheirNumberAsKeyAndUnnumberedDraftsNoLongerCollide() {
        mongo.getCollection("plans").createIndex(new Document("content.issuingUnitId", 1).append("content.number", 1).append("year", 1),
                new com.mongodb.client.model.IndexOptions().unique(true).name(PlanIndexes.EARLIER));
        mongo.getCollection("plans").insertOne(new Document("_id", "p-54").append("year", 2016).append("issuingUnitId", "u-thoxuan")
                .append("content", new Document("number", "54-CT/ĐTN").append("issuingUnitId", "u-thoxuan")));

        new PlanIndexes(mongo).ensure();

        assertThat(mongo.getCollection("plans").find(new Document("_id", "p-54")).first().getString("numberKey")).isEqualTo("54-CT/ĐTN");
        List<String> names = mongo.indexOps("plans").getIndexInfo().stream().map(IndexInfo::getName).toList();
        assertThat(names).contains(PlanIndexes.UNIQUE_NUMBER).doesNotContain(PlanIndexes.EARLIER);

        mongo.getCollection("plans").insertOne(new Document("_id", "d-1").append("year", 0).append("issuingUnitId", "u-dongphu")
                .append("numberKey", "unnumbered:d-1").append("content", new Document("issuingUnitId", "u-dongphu")));
        mongo.getCollection("plans").insertOne(new Document("_id", "d-2").append("year", 0).append("issuingUnitId", "u-dongphu")
                .append("numberKey", "unnumbered:d-2").append("content", new Document("issuingUnitId", "u-dongphu")));
        assertThat(mongo.getCollection("plans").countDocuments(new Document("issuingUnitId", "u-dongphu"))).isEqualTo(2);
        assertThatThrownBy(() -> mongo.insert(new Document("_id", "p-54b").append("year", 2016).append("issuingUnitId", "u-thoxuan")
                .append("numberKey", "54-CT/ĐTN"), "plans")).isInstanceOf(DuplicateKeyException.class);

        new PlanIndexes(mongo).ensure();
        assertThat(mongo.getCollection("plans").countDocuments()).as("running again changes nothing").isEqualTo(3);
    }
}
