package vn.doan.support.test;

import com.mongodb.client.MongoClient;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;
import org.springframework.data.mongodb.core.convert.DefaultDbRefResolver;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;
import vn.doan.support.mongo.UnitLevelConversions;

/**
 * The Kafka broker and MongoDB server an integration test runs against, reached over TCP like in
 * production. {@link #embedded()} is a real Apache Kafka broker (KRaft) and the mongo-java-server wire
 * server in this JVM; {@link #containers()} is real Kafka and MongoDB images where Docker exists. Each
 * is started once per test JVM and shared.
 */
public record Backends(String kafkaBootstrap, String mongoUri) {

    private static Backends embedded;
    private static Backends containers;

    public static synchronized Backends embedded() {
        if (embedded == null) {
            EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 3);
            kafka.afterPropertiesSet();
            MongoServer mongo = new MongoServer(new MemoryBackend());
            InetSocketAddress address = mongo.bind();
            embedded = new Backends(kafka.getBrokersAsString(),
                    "mongodb://127.0.0.1:" + address.getPort());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                mongo.shutdownNow();
                kafka.destroy();
            }));
        }
        return embedded;
    }

    @SuppressWarnings("resource")
    public static synchronized Backends containers() {
        if (containers == null) {
            KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.1");
            MongoDBContainer mongo = new MongoDBContainer("mongo:8.0");
            kafka.start();
            mongo.start();
            containers = new Backends(kafka.getBootstrapServers(), mongo.getReplicaSetUrl());
        }
        return containers;
    }

    /**
     * A {@code MongoTemplate} on {@code database} that converts as a service's does (a unit level as its code), for a test of a
     * store without Spring Boot.
     */
    public static MongoTemplate template(MongoClient client, String database) {
        MongoCustomConversions conversions = new MongoCustomConversions(UnitLevelConversions.converters());
        MongoMappingContext context = new MongoMappingContext();
        context.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
        SimpleMongoClientDatabaseFactory factory = new SimpleMongoClientDatabaseFactory(client, database);
        MappingMongoConverter converter = new MappingMongoConverter(new DefaultDbRefResolver(factory), context);
        converter.setCustomConversions(conversions);
        converter.afterPropertiesSet();
        return new MongoTemplate(factory, converter);
    }

    /** Points a service at these back ends, with a database of its own, and at the test token issuer. */
    public void register(DynamicPropertyRegistry registry, String database) {
        registry.add("spring.cloud.stream.kafka.binder.brokers", this::kafkaBootstrap);
        registry.add("spring.kafka.bootstrap-servers", this::kafkaBootstrap);
        registry.add("spring.mongodb.uri", this::mongoUri);
        registry.add("spring.mongodb.database", () -> database);
        TestTokens.register(registry);
    }
}
