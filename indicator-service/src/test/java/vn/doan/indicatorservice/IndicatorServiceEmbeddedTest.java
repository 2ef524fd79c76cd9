package vn.doan.indicatorservice;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.doan.support.test.Backends;

/** On the in-process Kafka broker (KRaft) and MongoDB wire server. */
class IndicatorServiceEmbeddedTest extends IndicatorServiceIntegrationTests {

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        Backends.embedded().register(registry, "indicator_embedded_test");
    }

    @Override
    String kafkaBootstrap() {
        return Backends.embedded().kafkaBootstrap();
    }
}
