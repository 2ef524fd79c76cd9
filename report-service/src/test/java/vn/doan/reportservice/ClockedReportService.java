package vn.doan.reportservice;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.doan.support.test.Backends;
import vn.doan.support.test.HttpJson;
import vn.doan.support.test.KafkaTestClient;
import vn.doan.support.test.MutableClock;

/**
 * report-service over real HTTP, fed on the in-process Kafka broker as plan-service and indicator-service feed it, with a
 * clock each test sets ({@link #CLOCK}; due dates and lateness read it). The subclasses share one application context and
 * one MongoDB database: their units and plans carry a random suffix.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=report-service", "doan.outbox.interval=50ms", "doan.outbox.sweep-interval=1h"})
@Import(ClockedReportService.FixedClock.class)
abstract class ClockedReportService {

    static final MutableClock CLOCK = new MutableClock("2016-10-15T09:00");

    @TestConfiguration
    static class FixedClock {
        @Bean
        MutableClock clock() {
            return CLOCK;
        }
    }

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        Backends.embedded().register(registry, "report_clocked_test");
    }

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;
    static KafkaTestClient kafka;
    HttpJson http;

    @BeforeEach
    void connect() {
        kafka = kafka == null ? new KafkaTestClient(Backends.embedded().kafkaBootstrap(), "/plan-service") : kafka;
        http = new HttpJson("http://localhost:" + port);
    }

    @AfterAll
    static void close() {
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
    }
}
