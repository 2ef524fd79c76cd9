package vn.doan.planservice;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RestController;
import vn.doan.planservice.plan.Plan;

/**
 * The allowed dependencies of plan-service's packages: plans know the tree (an issuer, the units that must implement
 * a plan), the tree knows nothing of plans; imports (plans from Excel and Word files) use both and nothing uses them; nothing calls a controller; a plan becomes its PlanIssued event only in
 * {@link Plan}; and nothing reaches into another service.
 */
class PlanServiceStructureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("vn.doan.planservice");

    @Test
    void importsUsePlansAndTheTreePlansKnowTheTreeAndTheTreeKnowsNothingOfPlans() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("imports").definedBy("vn.doan.planservice.planimport..")
                .layer("plans").definedBy("vn.doan.planservice.plan..")
                .layer("tree").definedBy("vn.doan.planservice.orgunit..")
                .whereLayer("imports").mayNotBeAccessedByAnyLayer()
                .whereLayer("plans").mayOnlyBeAccessedByLayers("imports")
                .whereLayer("tree").mayOnlyBeAccessedByLayers("plans", "imports")
                .check(CLASSES);
    }

    @Test
    void nothingCallsAController() {
        noClasses().that().areNotAnnotatedWith(RestController.class).and().areNotMemberClasses()
                .should().dependOnClassesThat().areAnnotatedWith(RestController.class)
                .check(CLASSES);
    }

    @Test
    void onlyThePlanMapsItselfToThePlanIssuedEvent() {
        noClasses().that().doNotHaveFullyQualifiedName(Plan.class.getName())
                .should().dependOnClassesThat().haveNameMatching("vn\\.doan\\.events\\.plan\\.PlanIssued.*")
                .check(CLASSES);
    }

    @Test
    void nothingReachesIntoAnotherService() {
        noClasses().should().dependOnClassesThat(resideInAPackage("vn.doan..")
                        .and(not(resideInAnyPackage("vn.doan.planservice..", "vn.doan.events..", "vn.doan.support.."))))
                .check(CLASSES);
    }
}
