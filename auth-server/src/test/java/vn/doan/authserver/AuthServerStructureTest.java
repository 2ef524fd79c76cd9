package vn.doan.authserver;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The allowed dependencies of the auth-server's packages: the server's configuration (this package: security chains,
 * login page, token client) on top; the users feature below it — {@code user} (the store, {@code /api/users}, who may
 * manage whom) and {@code activation} (activation links, temporary passwords, the first sign-in), which need each other
 * (creating a user sends its link; activating sets its password) and so form one layer; the organisation tree copy
 * ({@code orgunit}, fed by plan-service's events) at the bottom. The settings ({@link AuthProperties}) and the demo
 * users' unit codes ({@link UnitDirectory}) are read from every layer. No class of a service.
 */
class AuthServerStructureTest {

    private static final String ROOT = "vn.doan.authserver";
    private static final JavaClasses CLASSES = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    void configurationOnTopThenUsersThenTheTree() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("configuration").definedBy(resideInAPackage(ROOT).and(not(belongToAnyOf(AuthProperties.class, UnitDirectory.class))))
                .layer("users").definedBy(ROOT + ".user..", ROOT + ".activation..")
                .layer("tree").definedBy(ROOT + ".orgunit..")
                .whereLayer("configuration").mayNotBeAccessedByAnyLayer()
                .whereLayer("users").mayOnlyBeAccessedByLayers("configuration")
                .whereLayer("tree").mayOnlyBeAccessedByLayers("users", "configuration")
                .check(CLASSES);
    }

    @Test
    void noServiceClassNorKafkaOutsideTheTreeCopy() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("vn.doan.planservice..", "vn.doan.reportservice..",
                "vn.doan.indicatorservice..", "vn.doan.notificationservice..", "vn.doan.console..").check(CLASSES);
        noClasses().that().resideOutsideOfPackage(ROOT + ".orgunit..").should().dependOnClassesThat()
                .resideInAnyPackage("org.apache.kafka..", "org.springframework.cloud.stream..").check(CLASSES);
    }
}
