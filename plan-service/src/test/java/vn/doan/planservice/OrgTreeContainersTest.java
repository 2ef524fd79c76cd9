package vn.doan.planservice;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Testcontainers;
import vn.doan.support.test.Backends;

@Testcontainers(disabledWithoutDocker = true)
class OrgTreeContainersTest extends OrgTreeTests {

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        Backends.containers().register(registry, "plan_tree_containers");
    }

    @Override
    String kafkaBootstrap() {
        return Backends.containers().kafkaBootstrap();
    }
}
