package vn.doan.planservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import vn.doan.events.EventCodec;
import vn.doan.support.test.HttpJson;
import vn.doan.support.test.KafkaTestClient;

/**
 * plan-service over real HTTP, with its events read back from a real Kafka broker and its data in a
 * MongoDB server reached over TCP. Concrete classes choose the back ends.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=plan-service", "doan.outbox.interval=50ms", "doan.outbox.sweep-interval=1h"})
abstract class PlanServiceTestBase {

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;

    private HttpJson http;
    static KafkaTestClient kafka;

    abstract String kafkaBootstrap();

    @AfterAll
    static void closeKafka() {
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
    }

    HttpJson http() {
        if (http == null) {
            http = new HttpJson("http://localhost:" + port);
            kafka = kafka == null ? new KafkaTestClient(kafkaBootstrap(), "/test") : kafka;
        }
        return http;
    }

    JsonNode createUnit(String code, String name, String level, String parentId) {
        HttpJson.Response response = http().post("/api/units", PlanFixtures.unit(code, name, level, parentId));
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        return response.body();
    }

    String createUnitId(String code, String name, String level, String parentId) {
        return createUnit(code, name, level, parentId).get("id").asString();
    }

    JsonNode ok(HttpJson.Response response) {
        assertThat(response.status()).as(response.body().toString()).isBetween(200, 201);
        return response.body();
    }

    /** The events of one type published with this key, in order, once {@code count} have arrived. */
    List<Object> events(String topic, String key, String type, int count) {
        http();
        List<ConsumerRecord<String, String>> records = kafka.read(topic, Duration.ofSeconds(20),
                read -> read.stream().filter(r -> r.key().equals(key) && KafkaTestClient.envelope(r).type().equals(type)).count() >= count);
        return records.stream().filter(r -> r.key().equals(key))
                .map(KafkaTestClient::envelope).filter(e -> e.type().equals(type))
                .map(e -> EventCodec.data(e).orElseThrow()).toList();
    }

    static List<String> texts(JsonNode array) {
        return array.values().stream().map(JsonNode::asString).toList();
    }
}
