package vn.doan.console;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The allowed dependencies of the console's packages: the pages of each feature on top, {@code web} (security, formats,
 * error pages) below them, {@code gateway} (the one way to the services, over HTTP) at the bottom; and no class of a
 * service, no database, no Kafka — the console owns no data.
 */
class ConsoleStructureTest {

    private static final String ROOT = "vn.doan.console";
    private static final JavaClasses CLASSES = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    void theGatewayClientKnowsNoPageAndTheWebPlumbingNoFeature() {
        noClasses().that().resideInAPackage(ROOT + ".gateway..").should().dependOnClassesThat()
                .resideInAnyPackage(ROOT + ".web..", ROOT + ".admin..", ROOT + ".dashboard..", ROOT + ".plan..", ROOT + ".report..",
                        ROOT + ".tasks..")
                .check(CLASSES);
        noClasses().that().resideInAPackage(ROOT + ".web..").should().dependOnClassesThat()
                .resideInAnyPackage(ROOT + ".admin..", ROOT + ".dashboard..", ROOT + ".plan..", ROOT + ".report..", ROOT + ".tasks..")
                .check(CLASSES);
    }

    @Test
    void featuresHaveNoCycles() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void theConsoleReachesServicesOnlyOverHttp() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("vn.doan.planservice..", "vn.doan.reportservice..",
                        "vn.doan.indicatorservice..", "vn.doan.notificationservice..", "vn.doan.authserver..", "vn.doan.support..",
                        "org.springframework.data.mongodb..", "com.mongodb..", "org.apache.kafka..")
                .check(CLASSES);
    }
}
