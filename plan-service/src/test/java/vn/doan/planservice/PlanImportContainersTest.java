package vn.doan.planservice;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Testcontainers;
import vn.doan.support.test.Backends;

@Testcontainers(disabledWithoutDocker = true)
class PlanImportContainersTest extends PlanImportTests {

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        Backends.containers().register(registry, "plan_imports_containers");
    }

    @Override
    String kafkaBootstrap() {
        return Backends.containers().kafkaBootstrap();
    }
}
