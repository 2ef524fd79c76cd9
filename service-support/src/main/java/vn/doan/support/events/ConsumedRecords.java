package vn.doan.support.events;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.slf4j.MDC;
import org.springframework.kafka.listener.BatchInterceptor;
import org.springframework.kafka.listener.RecordInterceptor;
import vn.doan.support.outbox.OutboxRelay;
import vn.doan.web.CorrelationIdFilter;

/**
 * The correlation ids of the records a consumer thread is handling, as the outbox wrote them into each record's
 * {@code correlation-id} header: the log context (MDC key {@code correlationId}, as for a request) holds those of the
 * whole poll, and {@link EventHandlers} narrows it to the records of the event it hands over. Installed on every listener
 * container by {@link DeadLetters}.
 */
final class ConsumedRecords implements BatchInterceptor<Object, Object>, RecordInterceptor<Object, Object> {

    private static final ThreadLocal<List<String>> CORRELATION_IDS = new ThreadLocal<>();

    @Override
    public ConsumerRecords<Object, Object> intercept(ConsumerRecords<Object, Object> records, Consumer<Object, Object> consumer) {
        List<String> ids = new ArrayList<>();
        records.forEach(record -> ids.add(correlationId(record)));
        polled(ids);
        return records;
    }

    @Override
    public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        polled(new ArrayList<>(java.util.Collections.singletonList(correlationId(record))));
        return record;
    }

    @Override
    public void afterRecord(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        done();
    }

    @Override
    public void success(ConsumerRecords<Object, Object> records, Consumer<Object, Object> consumer) {
        done();
    }

    @Override
    public void failure(ConsumerRecords<Object, Object> records, Exception exception, Consumer<Object, Object> consumer) {
        done();
    }

    @Override
    public void clearThreadState(Consumer<?, ?> consumer) {
        done();
    }

    /** Puts the correlation ids of the records at these positions of the poll into the log context. */
    static void handling(Collection<Integer> positions) {
        List<String> ids = CORRELATION_IDS.get();
        if (ids != null) {
            show(positions.stream().filter(i -> i < ids.size()).map(ids::get).toList());
        }
    }

    /** Back to the correlation ids of the whole poll. */
    static void handlingPoll() {
        List<String> ids = CORRELATION_IDS.get();
        if (ids != null) {
            show(ids);
        }
    }

    static String correlationId(ConsumerRecord<?, ?> record) {
        Header header = record.headers().lastHeader(OutboxRelay.CORRELATION_HEADER);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void polled(List<String> ids) {
        CORRELATION_IDS.set(ids);
        show(ids);
    }

    private static void done() {
        CORRELATION_IDS.remove();
        MDC.remove(CorrelationIdFilter.MDC_KEY);
    }

    static void show(List<String> ids) {
        List<String> distinct = ids.stream().filter(Objects::nonNull).distinct().toList();
        if (distinct.isEmpty()) {
            MDC.remove(CorrelationIdFilter.MDC_KEY);
        } else {
            MDC.put(CorrelationIdFilter.MDC_KEY, String.join(",", distinct));
        }
    }
}
