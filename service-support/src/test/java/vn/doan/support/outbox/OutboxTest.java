package vn.doan.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import vn.doan.events.EventCodec;
import vn.doan.events.Topics;
import vn.doan.events.plan.UnitCreated;
import vn.doan.events.plan.UnitLevel;
import vn.doan.events.plan.UnitRenamed;
import vn.doan.support.test.Backends;
import vn.doan.support.test.KafkaTestClient;

/**
 * The Outbox against the real in-process Kafka broker and the MongoDB wire server: a change and its events are one
 * write, the relay gets them to Kafka with nobody but the Outbox naming the document, and an event Kafka would never
 * take leaves nothing written. The relay searches no collection here (its first run searched, over none), so whatever
 * reaches Kafka got there because the Outbox named its document.
 */
class OutboxTest {

    static MongoClient client;
    static MongoTemplate mongo;
    static KafkaTestClient kafka;
    final EventCodec codec = new EventCodec("/plan-service", Clock.system(EventCodec.ZONE));
    final String run = UUID.randomUUID().toString().substring(0, 8);
    Producer<String, byte[]> producer;
    OutboxRelay relay;
    Outbox outbox;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(Backends.embedded().mongoUri());
        mongo = new MongoTemplate(client, "outbox_test");
        kafka = new KafkaTestClient(Backends.embedded().kafkaBootstrap(), "/test");
    }

    @AfterAll
    static void close() {
        kafka.close();
        client.close();
    }

    @BeforeEach
    void relay() {
        producer = new OutboxConfig().outboxProducer(Backends.embedded().kafkaBootstrap());
        relay = new OutboxRelay(mongo, producer, List.of(), Duration.ofHours(1), new SimpleMeterRegistry());
        relay.relay();
        outbox = new Outbox(mongo, relay, codec, 1_000_000);
    }

    @AfterEach
    void stopProducer() {
        producer.close();
    }

    @Test
    void anInsertAndAnUpdateEachStoreTheStateWithItsEventsAndTheRelaySendsThemUnasked() {
        String xuanHoa = "xuan-hoa-" + run;

        GrassrootsUnit inserted = outbox.insert(new GrassrootsUnit(xuanHoa, "TX-XH", "Đoàn xã Xuân Hòa"), List.of(created(xuanHoa, "Đoàn xã Xuân Hòa")));

        assertThat(inserted.name()).isEqualTo("Đoàn xã Xuân Hòa");
        Document stored = raw(xuanHoa);
        assertThat(stored.getString("name")).isEqualTo("Đoàn xã Xuân Hòa");
        assertThat(stored.getList("outbox", Document.class)).singleElement().satisfies(event -> {
            assertThat(event.getString("topic")).isEqualTo(Topics.ORG_UNITS);
            assertThat(event.getString("key")).isEqualTo(xuanHoa);
            assertThat(EventCodec.fromJson(event.getString("json").getBytes(StandardCharsets.UTF_8)).type()).isEqualTo("vn.doan.plan.UnitCreated");
        });

        GrassrootsUnit renamed = outbox.update(Query.query(Criteria.where("_id").is(xuanHoa).and("name").is("Đoàn xã Xuân Hòa")),
                new Update().set("name", "Đoàn xã Xuân Hòa mới"), GrassrootsUnit.class,
                List.of(new Event(new UnitRenamed(xuanHoa, "Đoàn xã Xuân Hòa", "Đoàn xã Xuân Hòa mới", LocalDate.of(2026, 1, 1)), xuanHoa)));

        assertThat(renamed.name()).isEqualTo("Đoàn xã Xuân Hòa mới");
        Document changed = raw(xuanHoa);
        assertThat(changed.getString("name")).isEqualTo("Đoàn xã Xuân Hòa mới");
        assertThat(changed.getList("outbox", Document.class)).hasSize(2);

        relayUntilSent(List.of(xuanHoa));

        List<ConsumerRecord<String, String>> arrived = kafka.read(Topics.ORG_UNITS, Duration.ofSeconds(20),
                read -> keyed(read, xuanHoa).size() >= 2);
        assertThat(keyed(arrived, xuanHoa)).extracting(r -> KafkaTestClient.envelope(r).type())
                .containsExactly("vn.doan.plan.UnitCreated", "vn.doan.plan.UnitRenamed");
        assertThat(keyed(arrived, xuanHoa)).extracting(r -> KafkaTestClient.envelope(r).subject()).containsOnly(xuanHoa);
        assertThat(raw(xuanHoa).getList("outbox", Document.class)).isEmpty();
    }

    @Test
    void anUpdateThatFindsNothingWritesNothing() {
        String thoLap = "tho-lap-" + run;
        outbox.insert(new GrassrootsUnit(thoLap, "TX-TL", "Đoàn xã Thọ Lập"), List.of());

        GrassrootsUnit none = outbox.update(Query.query(Criteria.where("_id").is(thoLap).and("name").is("Đoàn xã Thọ Lập cũ")),
                new Update().set("name", "Đoàn xã Thọ Lập mới"), GrassrootsUnit.class,
                List.of(new Event(new UnitRenamed(thoLap, "Đoàn xã Thọ Lập cũ", "Đoàn xã Thọ Lập mới", LocalDate.of(2026, 1, 1)), thoLap)));

        assertThat(none).isNull();
        assertThat(raw(thoLap).getString("name")).isEqualTo("Đoàn xã Thọ Lập");
        assertThat(raw(thoLap).getList("outbox", Document.class)).isEmpty();
    }

    @Test
    void anEventKafkaWouldNeverTakeLeavesNothingWritten() {
        Outbox narrow = new Outbox(mongo, relay, codec, 2_000);
        String xuanTin = "xuan-tin-" + run;
        String longName = "Đoàn xã Xuân Tín, huyện Thọ Xuân, tỉnh Thanh Hóa ".repeat(40);

        assertThatThrownBy(() -> narrow.insert(new GrassrootsUnit(xuanTin, "TX-XT", longName), List.of(created(xuanTin, longName))))
                .isInstanceOfSatisfying(EventTooLarge.class, e -> {
                    assertThat(e.bytes()).isGreaterThan(2_000);
                    assertThat(e.limit()).isEqualTo(2_000);
                });
        assertThat(raw(xuanTin)).isNull();

        narrow.insert(new GrassrootsUnit(xuanTin, "TX-XT", "Đoàn xã Xuân Tín"), List.of(created(xuanTin, "Đoàn xã Xuân Tín")));
        assertThatThrownBy(() -> narrow.update(Query.query(Criteria.where("_id").is(xuanTin)), new Update().set("name", longName),
                GrassrootsUnit.class, List.of(new Event(new UnitRenamed(xuanTin, "Đoàn xã Xuân Tín", longName, LocalDate.of(2026, 1, 1)), xuanTin))))
                .isInstanceOf(EventTooLarge.class);
        assertThat(raw(xuanTin).getString("name")).isEqualTo("Đoàn xã Xuân Tín");
        assertThat(raw(xuanTin).getList("outbox", Document.class)).hasSize(1);

        String xuanLap = "xuan-lap-" + run;
        Outbox.Bulk<GrassrootsUnit> bulk = narrow.bulk(GrassrootsUnit.class)
                .insert(new GrassrootsUnit(xuanLap, "TX-XL", "Đoàn xã Xuân Lập"), List.of(created(xuanLap, "Đoàn xã Xuân Lập")));
        assertThatThrownBy(() -> bulk.insert(new GrassrootsUnit("huge-" + run, "TX-H", longName), List.of(created("huge-" + run, longName))))
                .isInstanceOf(EventTooLarge.class);
        assertThat(raw(xuanLap)).isNull();
    }

    @Test
    void aBulkWriteOfMoreThanAChunkStoresEveryUnitWithItsEventAndTheRelaySendsThemAll() {
        String thoXuan = "tho-xuan-" + run;
        outbox.insert(new GrassrootsUnit(thoXuan, "TX", "Huyện đoàn Thọ Xuân"), List.of());
        Outbox.Bulk<GrassrootsUnit> bulk = outbox.bulk(GrassrootsUnit.class);
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= Outbox.BULK_CHUNK + 200; i++) {
            String id = "chi-doan-" + i + "-" + run;
            ids.add(id);
            bulk.insert(new GrassrootsUnit(id, "TX-CD-" + i, "Chi đoàn thôn " + i), List.of(created(id, "Chi đoàn thôn " + i)));
        }
        bulk.update(Query.query(Criteria.where("_id").is(thoXuan)), new Update().set("name", "Huyện đoàn Thọ Xuân (mới)"),
                List.of(new Event(new UnitRenamed(thoXuan, "Huyện đoàn Thọ Xuân", "Huyện đoàn Thọ Xuân (mới)", LocalDate.of(2026, 1, 1)), thoXuan)));
        ids.add(thoXuan);

        assertThat(bulk.execute()).isEqualTo(1_201);

        assertThat(raw(thoXuan).getString("name")).isEqualTo("Huyện đoàn Thọ Xuân (mới)");
        assertThat(raw(ids.get(1_000)).getList("outbox", Document.class)).hasSize(1);
        relayUntilSent(ids);
        Set<String> expected = Set.copyOf(ids);
        List<ConsumerRecord<String, String>> arrived = kafka.read(Topics.ORG_UNITS, Duration.ofSeconds(30),
                read -> read.stream().filter(r -> expected.contains(r.key())).count() >= expected.size());
        assertThat(arrived.stream().map(ConsumerRecord::key).filter(expected::contains).collect(Collectors.toSet())).hasSize(1_201);
    }

    /**
     * A racing bulk tries every write: the update whose condition moved on and the insert another writer made first take no
     * effect, the rest does; the failed writes are named by position. The count is checked on a bulk without the refused insert: mongo-java-server counts a refused
     * insert of an unordered bulk as inserted, where MongoDB does not.
     */
    @Test
    void aRacingBulkTriesEveryWriteAndCountsThoseThatTookEffectWhereAnOrderedOneStopsAtTheFirstFailure() {
        String xuanHoa = "xuan-hoa-" + run;
        String thoLap = "tho-lap-" + run;
        String xuanTin = "xuan-tin-" + run;
        String xuanLap = "xuan-lap-" + run;
        outbox.insert(new GrassrootsUnit(xuanHoa, "TX-XH", "Đoàn xã Xuân Hòa"), List.of());
        outbox.insert(new GrassrootsUnit(thoLap, "TX-TL", "Đoàn xã Thọ Lập"), List.of());

        Outbox.Bulk<GrassrootsUnit> racing = outbox.bulk(GrassrootsUnit.class)
                .update(Query.query(Criteria.where("_id").is(thoLap).and("name").is("Đoàn xã Thọ Lập (cũ)")),
                        new Update().set("name", "Đoàn xã Thọ Lập (mới)"),
                        List.of(new Event(new UnitRenamed(thoLap, "Đoàn xã Thọ Lập (cũ)", "Đoàn xã Thọ Lập (mới)", LocalDate.of(2026, 1, 1)), thoLap)))
                .insert(new GrassrootsUnit(xuanTin, "TX-XT", "Đoàn xã Xuân Tín"), List.of(created(xuanTin, "Đoàn xã Xuân Tín")));
        assertThat(racing.size()).isEqualTo(2);
        assertThat(racing.executeRacing()).isEqualTo(1);
        assertThat(raw(thoLap).getString("name")).isEqualTo("Đoàn xã Thọ Lập");
        assertThat(raw(thoLap).getList("outbox", Document.class)).isEmpty();
        assertThat(raw(xuanTin).getList("outbox", Document.class)).hasSize(1);

        assertThat(outbox.bulk(GrassrootsUnit.class)
                .insert(new GrassrootsUnit(xuanHoa, "TX-XH", "Đoàn xã Xuân Hòa (bản khác)"), List.of(created(xuanHoa, "Đoàn xã Xuân Hòa (bản khác)")))
                .insert(new GrassrootsUnit(xuanLap, "TX-XL", "Đoàn xã Xuân Lập"), List.of(created(xuanLap, "Đoàn xã Xuân Lập")))
                .executeRacingFailures()).as("the position of the insert another writer made first").containsExactly(0);
        assertThat(raw(xuanHoa).getString("name")).isEqualTo("Đoàn xã Xuân Hòa");
        assertThat(raw(xuanHoa).getList("outbox", Document.class)).isEmpty();
        assertThat(raw(xuanLap).getList("outbox", Document.class)).hasSize(1);

        String xuanThang = "xuan-thang-" + run;
        Outbox.Bulk<GrassrootsUnit> ordered = outbox.bulk(GrassrootsUnit.class)
                .insert(new GrassrootsUnit(xuanHoa, "TX-XH", "Đoàn xã Xuân Hòa (bản khác)"), List.of(created(xuanHoa, "Đoàn xã Xuân Hòa (bản khác)")))
                .insert(new GrassrootsUnit(xuanThang, "TX-XTh", "Đoàn xã Xuân Thắng"), List.of(created(xuanThang, "Đoàn xã Xuân Thắng")));
        assertThatThrownBy(ordered::execute).isInstanceOf(BulkOperationException.class);
        assertThat(raw(xuanThang)).isNull();
    }

    /**
     * Runs the relay as its schedule would until the documents' outboxes are empty: a run that Kafka did not answer in
     * time (the broker creating the topic, a loaded machine) gives the documents back to the next run.
     */
    private void relayUntilSent(List<String> ids) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        do {
            assertThat(System.nanoTime()).as("relayed for 60 s").isLessThan(deadline);
            relay.relay();
        } while (mongo.count(Query.query(Criteria.where("_id").in(ids).and("outbox.0").exists(true)), GrassrootsUnit.class) > 0);
    }

    /** UnitCreated of a grassroots unit of Huyện đoàn Thọ Xuân, about that unit. */
    private static Event created(String id, String name) {
        return new Event(new UnitCreated(id, id.toUpperCase(), name, UnitLevel.GRASSROOTS, "Đoàn xã", "tho-xuan",
                List.of("thanh-hoa", "tho-xuan"), LocalDate.of(2026, 1, 1)), id);
    }

    private static Document raw(String id) {
        return mongo.getCollection("outbox_test_units").find(new Document("_id", id)).first();
    }

    private static List<ConsumerRecord<String, String>> keyed(List<ConsumerRecord<String, String>> records, String key) {
        return records.stream().filter(r -> key.equals(r.key())).toList();
    }
}
