package vn.doan.support.events;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.cloud.stream.config.ListenerContainerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;

/** Every binding's listener container: named after its group and topic, with its dead-letter topic ({@link DeadLetters}). */
@AutoConfiguration
public class DeadLetterConfig {

    @Bean
    DeadLetters deadLetters(@Value("${spring.application.name}") String service,
            @Value("${spring.cloud.stream.kafka.binder.brokers}") String brokers,
            @Value("${doan.kafka.create-topics:true}") boolean createTopics,
            @Value("${spring.cloud.stream.kafka.binder.min-partition-count:3}") int partitions,
            @Value("${spring.cloud.stream.kafka.binder.replication-factor:1}") short replication, MeterRegistry registry) {
        return new DeadLetters(service, brokers, new DeadLetters.Topics(createTopics, partitions, replication), registry);
    }

    @Bean
    DeadLetterReplay deadLetterReplay(DeadLetters deadLetters) {
        return new DeadLetterReplay(deadLetters);
    }

    /**
     * Consumer threads named after the consumer group (the service) and the topic, e.g.
     * {@code indicator-service doan.report.reports.v1-0-C-1}, so that thread dumps and profiles tell the services apart.
     */
    @Bean
    ListenerContainerCustomizer<AbstractMessageListenerContainer<?, ?>> listenerContainers(DeadLetters deadLetters) {
        return (container, destination, group) -> {
            container.setBeanName(group + " " + destination);
            deadLetters.configure(container, destination, group);
        };
    }
}
