package vn.doan.events;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Writes and reads the CloudEvents JSON envelope of every record on every topic. */
public final class EventCodec {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/json";
    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final String source;
    private final Clock clock;

    /** @param source the CloudEvents {@code source} of this publisher, e.g. {@code /plan-service} */
    public EventCodec(String source, Clock clock) {
        this.source = source;
        this.clock = clock;
    }

    /** Wraps an event record for the unit it is about, with a fresh id. */
    public EventEnvelope wrap(Object event, String unitId) {
        EventType type = EventType.of(event.getClass());
        return new EventEnvelope(SPEC_VERSION, UUID.randomUUID().toString(), source, type.type(), unitId,
                OffsetDateTime.now(clock.withZone(ZONE)), CONTENT_TYPE, type.schemaPath(),
                MAPPER.valueToTree(event));
    }

    public static String toJson(EventEnvelope envelope) {
        return MAPPER.writeValueAsString(envelope);
    }

    public static EventEnvelope fromJson(byte[] json) {
        return MAPPER.readValue(new String(json, StandardCharsets.UTF_8), EventEnvelope.class);
    }

    /** The event inside the envelope, or empty for a type this build does not know (a newer producer). */
    public static Optional<Object> data(EventEnvelope envelope) {
        return EventType.ofType(envelope.type())
                .map(type -> MAPPER.treeToValue(envelope.data(), type.dataClass()));
    }
}
