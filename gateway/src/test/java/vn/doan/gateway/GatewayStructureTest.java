package vn.doan.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.ClassUtils;

/**
 * The gateway shares the services' web plumbing through web-support and carries nothing of what only services need:
 * no service-support class, no Kafka, no MongoDB — neither in its code nor on its class path.
 */
class GatewayStructureTest {

    static final JavaClasses GATEWAY = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("vn.doan.gateway");

    @Test
    void theGatewayUsesTheSharedWebPlumbing() {
        classes().that().haveSimpleName("GatewaySecurity").should().dependOnClassesThat().resideInAPackage("vn.doan.web..")
                .check(GATEWAY);
    }

    @Test
    void theGatewayNeverUsesServiceSupportKafkaOrMongoDb() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("vn.doan.support..", "org.apache.kafka..", "org.springframework.kafka..",
                        "org.springframework.cloud.stream..", "com.mongodb..", "org.bson..", "org.springframework.data.mongodb..")
                .check(GATEWAY);
    }

    @Test
    void norAreTheyOnItsClassPath() {
        for (String absent : List.of("vn.doan.support.web.ProblemHandler", "vn.doan.support.outbox.OutboxRelay",
                "org.apache.kafka.clients.producer.KafkaProducer", "com.mongodb.client.MongoClient",
                "org.springframework.data.mongodb.core.MongoTemplate")) {
            assertThat(ClassUtils.isPresent(absent, getClass().getClassLoader())).as(absent).isFalse();
        }
        assertThat(ClassUtils.isPresent("vn.doan.web.Problem", getClass().getClassLoader())).isTrue();
    }
}
