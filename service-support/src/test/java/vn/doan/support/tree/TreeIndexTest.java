package vn.doan.support.tree;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import vn.doan.events.UnitPlacements;
import vn.doan.support.test.Backends;

/** The tree index read off the request path once a change has settled, against the MongoDB wire server over TCP. */
class TreeIndexTest {

    record PlacedUnit(@Id String id, String name, List<UnitPlacements.Placement> placements) {
    }

    private static final LocalDate FROM = LocalDate.of(2026, 1, 1);

    private MongoServer server;
    private MongoClient client;
    private MongoTemplate mongo;
    /** Reads of the whole tree: finds on the units' collection that ask for the parents only. */
    private final AtomicInteger wholeTreeReads = new AtomicInteger();

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        String uri = "mongodb://127.0.0.1:" + server.bind().getPort();
        client = MongoClients.create(MongoClientSettings.builder().applyConnectionString(new ConnectionString(uri))
                .addCommandListener(new CommandListener() {
                    @Override
                    public void commandStarted(CommandStartedEvent event) {
                        if (event.getCommandName().equals("find") && event.getCommand().getString("find").getValue().equals("placedUnit")
                                && event.getCommand().containsKey("projection")) {
                            wholeTreeReads.incrementAndGet();
                        }
                    }
                }).build());
        mongo = Backends.template(client, "tree-index");
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    private void store(String id, String name, String parentId) {
        mongo.insert(new PlacedUnit(id, name, List.of(new UnitPlacements.Placement(FROM, parentId, parentId == null ? List.of() : List.of(parentId)))));
    }

    @Test
    void aChangeIsReadOnceItHasSettledAndNotWhileTheTreeKeepsChanging() {
        TreeIndex<PlacedUnit> index = new TreeIndex<>(mongo, PlacedUnit.class);
        store("th", "Tỉnh đoàn Thanh Hóa", null);
        store("tx", "Huyện đoàn Thọ Xuân", "th");
        index.changed();

        index.readWhenSettled();
        assertThat(wholeTreeReads).as("the first sight of a version waits for the next call").hasValue(0);

        store("xl", "Đoàn xã Xuân Lai", "tx");
        index.readWhenSettled();
        assertThat(wholeTreeReads).hasValue(1);
        assertThat(index.current().children("tx")).as("read at the second call, after Xuân Lai was stored").containsExactly("xl");
        assertThat(wholeTreeReads).as("a page finds it read").hasValue(1);

        index.readWhenSettled();
        assertThat(wholeTreeReads).as("nothing changed: nothing read").hasValue(1);

        // an import: a unit between each call
        store("ts", "Huyện đoàn Triệu Sơn", "th");
        index.changed();
        index.readWhenSettled();
        store("dl", "Đoàn xã Dân Lý", "ts");
        index.changed();
        index.readWhenSettled();
        assertThat(wholeTreeReads).as("still changing: not read").hasValue(1);

        index.readWhenSettled();
        assertThat(wholeTreeReads).hasValue(2);
        assertThat(index.current().atOrBelow("th")).containsExactlyInAnyOrder("th", "tx", "ts", "xl", "dl");
        assertThat(index.version()).isEqualTo(3);
        assertThat(wholeTreeReads).hasValue(2);
    }
}
