package vn.doan.events;

import java.time.OffsetDateTime;
import tools.jackson.databind.JsonNode;

/**
 * A CloudEvents 1.0 event in structured JSON mode: the whole envelope is the Kafka record value.
 * The record key is {@link #subject()}, the organisation unit the event is about.
 */
public record EventEnvelope(
        String specversion,
        String id,
        String source,
        String type,
        String subject,
        OffsetDateTime time,
        String datacontenttype,
        String dataschema,
        JsonNode data) {
}
