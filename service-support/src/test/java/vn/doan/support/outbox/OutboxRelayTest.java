package vn.doan.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import vn.doan.support.test.Backends;
import vn.doan.support.test.KafkaTestClient;

/**
 * The relay against the real in-process Kafka broker and the MongoDB wire server: a record Kafka can never take is
 * moved aside with its reason and counted, the rest of the batch goes out; a broker that cannot be reached loses nothing.
 */
class OutboxRelayTest {

    static MongoClient client;
    static MongoTemplate mongo;
    static KafkaTestClient kafka;
    final String collection = "outbox_" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void connect() {
        client = MongoClients.create(Backends.embedded().mongoUri());
        mongo = new MongoTemplate(client, "outbox_relay_test");
        kafka = new KafkaTestClient(Backends.embedded().kafkaBootstrap(), "/test");
    }

    @AfterAll
    static void close() {
        kafka.close();
        client.close();
    }

    @Test
    void aRecordKafkaCannotTakeIsMovedAsideAndTheRestOfTheBatchArrives() throws Exception {
        String plans = "doan.test.plans-" + UUID.randomUUID();
        String narrow = "doan.test.narrow-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Backends.embedded().kafkaBootstrap()))) {
            admin.createTopics(List.of(new NewTopic(plans, 3, (short) 1),
                    new NewTopic(narrow, 1, (short) 1).configs(Map.of("max.message.bytes", "2048")))).all().get();
        }
        // 54-CT/ĐTN and its revision, with a schedule too long for the producer between them; 55-CT/ĐTN on a topic that takes 2 KiB
        mongo.insert(new Document("_id", "plan-54").append("outbox", List.of(
                event("ev-54-1", plans, "thoxuan", "\"Chương trình hành động 54-CT/ĐTN\""),
                event("ev-54-huge", plans, "thoxuan", "\"" + "Kỳ báo cáo ".repeat(200_000) + "\""),
                event("ev-54-2", plans, "thoxuan", "\"54-CT/ĐTN, phiên bản 2\""))), collection);
        mongo.insert(new Document("_id", "plan-55").append("outbox", List.of(
                event("ev-55-wide", narrow, "thoxuan", "\"" + "Chỉ tiêu ".repeat(1_000) + "\""),
                event("ev-55-1", plans, "thoxuan", "\"Kế hoạch 55-CT/ĐTN\""))), collection);
        mongo.insert(new Document("_id", "plan-56").append("outbox", List.of(
                event("ev-56-1", plans, "tholap", "\"Kế hoạch 56-KH/ĐTN\""))), collection);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (Producer<String, byte[]> producer = new OutboxConfig().outboxProducer(Backends.embedded().kafkaBootstrap())) {
            OutboxRelay relay = new OutboxRelay(mongo, producer, List.of(collection), Duration.ofHours(1), registry);
            List.of("plan-54", "plan-55", "plan-56").forEach(id -> relay.wake(collection, id));
            relay.relay();
        }

        List<ConsumerRecord<String, String>> arrived = kafka.read(plans, Duration.ofSeconds(20), read -> read.size() >= 4);
        assertThat(arrived).extracting(ConsumerRecord::value)
                .containsExactlyInAnyOrder("\"Chương trình hành động 54-CT/ĐTN\"", "\"54-CT/ĐTN, phiên bản 2\"", "\"Kế hoạch 55-CT/ĐTN\"",
                        "\"Kế hoạch 56-KH/ĐTN\"");
        assertThat(kafka.readToEnd(narrow)).isEmpty();

        Document plan54 = mongo.findById("plan-54", Document.class, collection);
        assertThat(plan54.getList("outbox", Document.class)).isEmpty();
        assertThat(plan54.getList("outboxDead", Document.class)).singleElement().satisfies(dead -> {
            assertThat(dead.getString("eventId")).isEqualTo("ev-54-huge");
            assertThat(dead.getString("json")).startsWith("\"Kỳ báo cáo");
            assertThat(dead.getString("reason")).contains("RecordTooLargeException");
            assertThat(dead.get("failedAt")).isNotNull();
        });
        Document plan55 = mongo.findById("plan-55", Document.class, collection);
        assertThat(plan55.getList("outbox", Document.class)).isEmpty();
        assertThat(plan55.getList("outboxDead", Document.class)).extracting(d -> d.getString("eventId")).containsExactly("ev-55-wide");
        assertThat(mongo.findById("plan-56", Document.class, collection).getList("outbox", Document.class)).isEmpty();
        assertThat(mongo.findById("plan-56", Document.class, collection).containsKey("outboxDead")).isFalse();
        assertThat(registry.get("doan.outbox.unsendable").counter().count()).isEqualTo(2);
        assertThat(registry.get("doan.outbox.published").counter().count()).isEqualTo(4);
    }

    /**
     * Documents left with events by a stopped instance are found by the search of the whole collection; together they are
     * larger than a reply of the MongoDB wire protocol (48 MB), as a thousand roll-ups of provinces are.
     */
    @Test
    void theSearchOfAWholeCollectionReadsOnlyTheOutboxes() {
        String progress = "doan.test.progress-" + UUID.randomUUID();
        String snapshots = "Chi đoàn thôn Phú Xá: 45/60; ".repeat(40_000);
        for (int i = 1; i <= 45; i++) {
            mongo.insert(new Document("_id", "rollup-" + i).append("children", snapshots).append("outbox", List.of(
                    event("ev-progress-" + i, progress, "thanhhoa", "\"Tiến độ " + i + "\""))), collection);
        }
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (Producer<String, byte[]> producer = new OutboxConfig().outboxProducer(Backends.embedded().kafkaBootstrap())) {
            new OutboxRelay(mongo, producer, List.of(collection), Duration.ofHours(1), registry).relay();
        }

        assertThat(kafka.read(progress, Duration.ofSeconds(20), read -> read.size() >= 45)).hasSize(45);
        assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(
                org.springframework.data.mongodb.core.query.Criteria.where("outbox.0").exists(true)), collection)).isZero();
        assertThat(mongo.findById("rollup-45", Document.class, collection).getString("children")).isEqualTo(snapshots);
        assertThat(registry.get("doan.outbox.published").counter().count()).isEqualTo(45);
    }

    /**
     * Outboxes that grew while Kafka was away: 70 roll-ups with 6 announcements of 135 kB each wait, named by their writers
     * (57 MB together, more than one reply carries); every event arrives, in each document's order.
     */
    @Test
    void outboxesThatGrewLargerTogetherThanOneReplyAreAllSent() {
        String progress = "doan.test.progress-" + UUID.randomUUID();
        String figures = "Đoàn xã Thọ Lập 45/60; ".repeat(4_500);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (Producer<String, byte[]> producer = new OutboxConfig().outboxProducer(Backends.embedded().kafkaBootstrap())) {
            OutboxRelay relay = new OutboxRelay(mongo, producer, List.of(collection), Duration.ofHours(1), registry);
            relay.relay();
            for (int i = 1; i <= 70; i++) {
                List<Document> outbox = new java.util.ArrayList<>();
                for (int rev = 1; rev <= 6; rev++) {
                    outbox.add(event("ev-" + i + "-" + rev, progress, "rollup-" + i, "\"" + rev + " " + figures + "\""));
                }
                mongo.insert(new Document("_id", "rollup-" + i).append("outbox", outbox), collection);
                relay.wake(collection, "rollup-" + i);
            }
            relay.relay();
        }

        List<ConsumerRecord<String, String>> arrived = kafka.read(progress, Duration.ofSeconds(30), read -> read.size() >= 420);
        assertThat(arrived).hasSize(420);
        assertThat(arrived.stream().filter(r -> r.key().equals("rollup-70")).map(r -> r.value().substring(1).split(" ")[0]).toList())
                .containsExactly("1", "2", "3", "4", "5", "6");
        assertThat(registry.get("doan.outbox.published").counter().count()).isEqualTo(420);
    }

    @Test
    void whenTheBrokerCannotBeReachedEveryEventStaysForTheNextRun() {
        mongo.insert(new Document("_id", "plan-57").append("outbox", List.of(
                event("ev-57-1", "doan.test.plans", "thoxuan", "\"Kế hoạch 57-KH/ĐTN\""))), collection);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (Producer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 300), new StringSerializer(), new ByteArraySerializer())) {
            OutboxRelay relay = new OutboxRelay(mongo, producer, List.of(collection), Duration.ofHours(1), registry);
            relay.wake(collection, "plan-57");
            relay.relay();
        }
        Document plan57 = mongo.findById("plan-57", Document.class, collection);
        assertThat(plan57.getList("outbox", Document.class)).extracting(d -> d.getString("eventId")).containsExactly("ev-57-1");
        assertThat(plan57.containsKey("outboxDead")).isFalse();
        assertThat(registry.get("doan.outbox.unsendable").counter().count()).isZero();
    }

    private static Document event(String id, String topic, String key, String json) {
        return new Document("eventId", id).append("topic", topic).append("key", key).append("json", json)
                .append("createdAt", java.util.Date.from(java.time.Instant.parse("2016-04-28T02:00:00Z"))).append("correlationId", "bh-" + id);
    }
}
