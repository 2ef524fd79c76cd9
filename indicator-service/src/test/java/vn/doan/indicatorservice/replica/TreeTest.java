package vn.doan.indicatorservice.replica;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import vn.doan.events.plan.UnitCreated;
import vn.doan.events.plan.UnitLevel;
import vn.doan.support.test.Backends;

/** The tree replica on the MongoDB wire server, at a size that does not fit one reply of the wire protocol (48 MB). */
class TreeTest {

    static MongoClient client;
    static MongoTemplate mongo;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(Backends.embedded().mongoUri());
        mongo = Backends.template(client, "tree_test_" + UUID.randomUUID().toString().substring(0, 8));
    }

    @AfterAll
    static void close() {
        client.close();
    }

    /**
     * 2,400 branches whose documents weigh 21 kB each (50 MB, as the ≈300,000 units under the centre do): the subtree is read
     * in several replies.
     */
    @Test
    void aSubtreeLargerThanOneReplyIsReadWhole() {
        Tree tree = new Tree(mongo);
        LocalDate founded = LocalDate.of(2016, 1, 1);
        List<UnitCreated> units = new ArrayList<>();
        units.add(new UnitCreated("thoxuan", "TX", "Huyện đoàn Thọ Xuân", UnitLevel.DISTRICT, "district", null, List.of(), founded));
        String longName = "Chi đoàn thôn Phú Xá, xã Thọ Lập; ".repeat(520);
        for (int i = 1; i <= 2_400; i++) {
            units.add(new UnitCreated("chidoan-" + i, "TX-CD" + i, longName + i, UnitLevel.BRANCH, "village", "thoxuan", List.of("thoxuan"), founded));
        }
        tree.created(units);

        List<UnitNode> subtree = tree.subtree("thoxuan", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));

        assertThat(subtree).hasSize(2_401);
        assertThat(subtree).filteredOn(u -> u.id().equals("chidoan-2400")).singleElement()
                .satisfies(u -> assertThat(u.name()).isEqualTo(longName + 2400));
    }
}
