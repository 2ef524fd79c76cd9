package vn.doan.support.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.messaging.MessagingException;
import org.springframework.util.backoff.FixedBackOff;
import vn.doan.web.CorrelationIdFilter;

/**
 * Where the records a consumer can never process go, so that the records after them are processed: the dead-letter topic
 * of the consumed topic and group, {@code <topic>.<group>.dlt} (e.g. {@code doan.report.reports.v1.indicator-service.dlt}),
 * created with the topics unless {@code doan.kafka.create-topics=false}. The record keeps its key, value and headers
 * (with the correlation id); Spring Kafka adds {@code kafka_dlt-original-topic}, {@code -partition}, {@code -offset} (binary,
 * big-endian) and its exception headers; we add the readable {@link #SERVICE_HEADER}, {@link #ORIGIN_HEADER},
 * {@link #EXCEPTION_HEADER} and {@link #REASON_HEADER} (the handler's own failure, not the wrappers around it). Each is
 * counted in {@code doan_events_dead_lettered_total{service,topic}}. The retries were made on the consumer's thread
 * ({@link EventInput#untilDone}), so the error handler moves the record at once. {@link DeadLetterReplay} puts them back.
 */
public class DeadLetters implements DisposableBean {

    public static final String SERVICE_HEADER = "doan-dead-letter-service";
    public static final String ORIGIN_HEADER = "doan-dead-letter-origin";
    public static final String EXCEPTION_HEADER = "doan-dead-letter-exception";
    public static final String REASON_HEADER = "doan-dead-letter-reason";
    static final String SUFFIX = ".dlt";

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final String service;
    private final String brokers;
    private final Topics topics;
    private final MeterRegistry registry;
    private final DefaultKafkaProducerFactory<byte[], byte[]> producers;
    private final KafkaTemplate<byte[], byte[]> template;
    private final Set<String> deadLetterTopics = ConcurrentHashMap.newKeySet();

    /** How dead-letter topics are created: {@code create} false where operators declare topics. */
    public record Topics(boolean create, int partitions, short replication) {
    }

    public DeadLetters(String service, String brokers, Topics topics, MeterRegistry registry) {
        this.service = service;
        this.brokers = brokers;
        this.topics = topics;
        this.registry = registry;
        this.producers = new DefaultKafkaProducerFactory<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new ByteArraySerializer(), new ByteArraySerializer());
        this.template = new KafkaTemplate<>(producers);
    }

    public static String topicOf(String topic, String group) {
        return topic + "." + group + SUFFIX;
    }

    /** The dead-letter topics of this service's bindings. */
    public Set<String> topics() {
        return Set.copyOf(deadLetterTopics);
    }

    String brokers() {
        return brokers;
    }

    KafkaTemplate<byte[], byte[]> template() {
        return template;
    }

    /** Sets up the container of the binding of {@code topic} for {@code group}: its dead-letter topic and error handler, and the log context. */
    void configure(AbstractMessageListenerContainer<?, ?> container, String topic, String group) {
        String deadLetterTopic = topicOf(topic, group);
        create(deadLetterTopic);
        deadLetterTopics.add(deadLetterTopic);
        DeadLetterPublishingRecoverer publisher = new DeadLetterPublishingRecoverer(template,
                (record, failure) -> new TopicPartition(topicOf(record.topic(), group), -1));
        publisher.addHeadersFunction(this::headers);
        Counter counted = Counter.builder("doan.events.dead.lettered").description("Records moved to a dead-letter topic")
                .tag("service", service).tag("topic", topic).register(registry);
        ConsumerAwareRecordRecoverer recoverer = (record, consumer, failure) -> {
            publisher.accept(record, consumer, failure);
            counted.increment();
            // the line names the dead-lettered record's correlation id, whichever records of the poll the log context held
            String before = MDC.get(CorrelationIdFilter.MDC_KEY);
            ConsumedRecords.show(Collections.singletonList(ConsumedRecords.correlationId(record)));
            try {
                log.error("Moved {}-{}@{} to {}: {}", record.topic(), record.partition(), record.offset(), deadLetterTopic, reason(failure).toString());
            } finally {
                ConsumedRecords.show(Collections.singletonList(before));
            }
        };
        DefaultErrorHandler errorHandler = new DefaultErrorHandler(recoverer, new FixedBackOff(0, 0));
        errorHandler.setCommitRecovered(true);
        container.setCommonErrorHandler(errorHandler);
        ConsumedRecords correlation = new ConsumedRecords();
        @SuppressWarnings("unchecked")
        AbstractMessageListenerContainer<Object, Object> typed = (AbstractMessageListenerContainer<Object, Object>) container;
        typed.setBatchInterceptor(correlation);
        typed.setRecordInterceptor(correlation);
    }

    private Headers headers(ConsumerRecord<?, ?> record, Exception failure) {
        Throwable reason = reason(failure);
        RecordHeaders headers = new RecordHeaders();
        headers.add(SERVICE_HEADER, bytes(service));
        headers.add(ORIGIN_HEADER, bytes(record.topic() + "/" + record.partition() + "@" + record.offset()));
        headers.add(EXCEPTION_HEADER, bytes(reason.getClass().getName()));
        headers.add(REASON_HEADER, bytes(String.valueOf(reason.getMessage())));
        return headers;
    }

    /** The failure of the handler itself, under the container's and the binder's wrappers. */
    static Throwable reason(Throwable failure) {
        Throwable reason = failure;
        while (reason.getCause() != null && reason.getCause() != reason && (reason instanceof ListenerExecutionFailedException
                || reason instanceof MessagingException || reason instanceof BatchListenerFailedException || reason instanceof EventInput.GaveUp)) {
            reason = reason.getCause();
        }
        return reason;
    }

    private void create(String deadLetterTopic) {
        if (!topics.create()) {
            return;
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
            admin.createTopics(List.of(new NewTopic(deadLetterTopic, topics.partitions(), topics.replication())
                    .configs(Map.of("retention.ms", String.valueOf(TimeUnit.DAYS.toMillis(90)))))).all().get(30, TimeUnit.SECONDS);
            log.info("Created dead-letter topic {}", deadLetterTopic);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Could not create topic " + deadLetterTopic, e.getCause());
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka at " + brokers + " did not answer within 30 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating " + deadLetterTopic, e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void destroy() {
        producers.destroy();
    }
}
