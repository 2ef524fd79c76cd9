package vn.doan.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import vn.doan.events.indicator.ProgressUpdated;

/**
 * The AsyncAPI document ({@code /schemas/asyncapi.yaml}) says what the contract classes say: every {@link Topics} constant is a
 * channel with its key and cleanup policy, every {@link EventType} a message of its topic's channel with its CloudEvents
 * type and its schema file, and nothing more.
 */
class EventCatalogTest {

    static Map<String, Object> document;
    static Map<String, Object> channels;
    static Map<String, Object> messages;

    @BeforeAll
    static void read() throws Exception {
        try (InputStream in = EventCatalogTest.class.getResourceAsStream("/schemas/asyncapi.yaml")) {
            document = new Yaml().load(in);
        }
        channels = map(document, "channels");
        messages = map(map(document, "components"), "messages");
    }

    @Test
    void itIsAnAsyncApi3DocumentOfCloudEvents() {
        assertThat(document.get("asyncapi")).isEqualTo("3.0.0");
        assertThat(document.get("defaultContentType")).isEqualTo("application/cloudevents+json; charset=UTF-8");
    }

    /**
     * The document is valid by the AsyncAPI 3.0.0 specification's own JSON Schema (from the npm package @asyncapi/specs
     * 6.11.1, schemas/3.0.0-without-$id.json, Apache-2.0), so AsyncAPI tools read it; an AsyncAPI 2 verb fails it.
     */
    @Test
    void itIsValidByTheAsyncApi300SpecificationsSchema() throws Exception {
        JsonSchema specification;
        try (InputStream in = EventCatalogTest.class.getResourceAsStream("/asyncapi/asyncapi-3.0.0-specs-6.11.1.json")) {
            specification = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
        ObjectMapper json = new ObjectMapper();
        assertThat(specification.validate(json.valueToTree(document))).isEmpty();

        ObjectNode spoilt = json.valueToTree(document);
        ((ObjectNode) spoilt.at("/operations/progressPublished")).put("action", "publish");
        assertThat(specification.validate(spoilt)).extracting(ValidationMessage::getInstanceLocation).asString()
                .contains("$.operations.progressPublished.action");
    }

    @Test
    void everyTopicIsAChannelWithItsCleanupPolicyAndNoOtherChannelExists() {
        assertThat(channels.values().stream().map(channel -> field(channel, "address")).toList())
                .containsExactlyInAnyOrderElementsOf(Topics.ALL);
        for (Object value : channels.values()) {
            Map<String, Object> channel = cast(value);
            Map<String, Object> kafka = map(map(channel, "bindings"), "kafka");
            assertThat(kafka.get("topic")).isEqualTo(channel.get("address"));
            Object policy = kafka.get("topicConfiguration") == null ? null : map(kafka, "topicConfiguration").get("cleanup.policy");
            assertThat(policy).as("cleanup policy of " + channel.get("address"))
                    .isEqualTo(Topics.COMPACTED.contains((String) channel.get("address")) ? List.of("compact") : null);
        }
    }

    @Test
    void everyEventTypeIsAMessageOfItsTopicWithItsTypeAndSchemaFileAndThereIsNoOther() throws Exception {
        assertThat(messages.values().stream().map(message -> field(message, "name")).toList())
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(EventType.values()).map(EventType::type).toList());
        for (EventType type : EventType.values()) {
            String name = type.dataClass().getSimpleName();
            Map<String, Object> message = map(messages, name);
            assertThat(message.get("name")).isEqualTo(type.type());
            assertThat(message.get("title")).isEqualTo(name + " v" + type.version());
            List<Object> payload = list(map(message, "payload"), "allOf");
            assertThat(cast(payload.get(0)).get("$ref")).isEqualTo("#/components/schemas/cloudEvent");
            Map<String, Object> properties = map(cast(payload.get(1)), "properties");
            assertThat(map(properties, "type").get("const")).isEqualTo(type.type());
            assertThat(map(properties, "dataschema").get("const")).isEqualTo(type.schemaPath());
            assertThat(map(properties, "data").get("$ref")).as("beside the document").isEqualTo("." + type.schemaPath().substring("/schemas".length()));
            try (InputStream schema = EventCatalogTest.class.getResourceAsStream(type.schemaPath())) {
                assertThat(schema).as("schema file " + type.schemaPath()).isNotNull();
            }
        }
        for (String topic : Topics.ALL) {
            Set<String> ofTopic = Arrays.stream(EventType.values()).filter(t -> t.topic().equals(topic))
                    .map(t -> "#/components/messages/" + t.dataClass().getSimpleName()).collect(Collectors.toSet());
            assertThat(map(channel(topic), "messages").values().stream().map(ref -> field(ref, "$ref")).toList())
                    .as("messages of " + topic).containsExactlyInAnyOrderElementsOf(ofTopic);
        }
    }

    @Test
    void everyMessageNamesTheKeyOfItsTopicAndTheProgressKeyIsTheOneTheEventMakes() {
        for (EventType type : EventType.values()) {
            Map<String, Object> message = map(messages, type.dataClass().getSimpleName());
            String trait = (String) ((Map<?, ?>) list(message, "traits").get(0)).get("$ref");
            assertThat(trait).as(type + " key").isEqualTo("#/components/messageTraits/" + channelId(type.topic()) + "Key");
            Map<String, Object> key = map(map(map(map(map(map(document, "components"), "messageTraits"), channelId(type.topic()) + "Key"),
                    "bindings"), "kafka"), "key");
            assertThat(key.get("type")).isEqualTo("string");
            if (type.topic().equals(Topics.PROGRESS)) {
                String sample = new ProgressUpdated("p-54", "2016", "u-thoxuan", "Huyện đoàn Thọ Xuân", 7, Instant.parse("2016-11-20T02:00:00Z"),
                        3, 2, 1, List.of(new ProgressUpdated.Indicator("CT1", 52, 57, 3, new BigDecimal("91.23"), new BigDecimal("100"), "ON_TRACK"))).key();
                assertThat(key.get("description")).isEqualTo("unitId|planId|periodId");
                assertThat(sample).matches((String) key.get("pattern")).isEqualTo("u-thoxuan|p-54|2016");
            } else {
                assertThat((String) key.get("description")).as(type + " key").contains("unit");
            }
        }
    }

    @Test
    void eachChannelHasOneOperationSendingExactlyItsMessages() {
        Map<String, Object> operations = map(document, "operations");
        assertThat(operations).hasSameSizeAs(channels);
        for (Object value : operations.values()) {
            Map<String, Object> operation = cast(value);
            assertThat(operation.get("action")).isEqualTo("send");
            String channelRef = (String) map(operation, "channel").get("$ref");
            String channelId = channelRef.substring("#/channels/".length());
            assertThat(channels).containsKey(channelId);
            assertThat(list(operation, "messages").stream().map(ref -> field(ref, "$ref")).toList())
                    .containsExactlyInAnyOrderElementsOf(map(cast(channels.get(channelId)), "messages").keySet().stream()
                            .map(name -> channelRef + "/messages/" + name).toList());
        }
    }

    private static Object field(Object map, String key) {
        return ((Map<?, ?>) map).get(key);
    }

    private static Map<String, Object> channel(String topic) {
        return cast(channels.get(channelId(topic)));
    }

    private static String channelId(String topic) {
        return channels.entrySet().stream().filter(e -> topic.equals(((Map<?, ?>) e.getValue()).get("address"))).map(Map.Entry::getKey)
                .findFirst().orElseThrow(() -> new AssertionError("no channel for " + topic));
    }

    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        assertThat(parent).as("has " + key).containsKey(key);
        return cast(parent.get(key));
    }

    private static List<Object> list(Map<String, Object> parent, String key) {
        assertThat(parent).as("has " + key).containsKey(key);
        @SuppressWarnings("unchecked")
        List<Object> list = (List<Object>) parent.get(key);
        return list;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object value) {
        return (Map<String, Object>) value;
    }
}
