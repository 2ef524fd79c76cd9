package vn.doan.notificationservice;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;
import vn.doan.events.plan.PlanIssued;

/**
 * notification-service's packages depend one way: the Kafka consumers ({@code messaging}) on top; the reminders, the
 * digest and the inbox over the notices and the deliveries; the notices over the recipients, the templates and the
 * deliveries; the catalog (the read model fed by events), the templates and the rules (when to remind, the quiet hours)
 * at the bottom. Nothing uses the consumers.
 */
class NotificationStructureTest {

    private static final String ROOT = "vn.doan.notificationservice";
    private static final JavaClasses CLASSES = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    static final ArchRule ONE_DIRECTION = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Messaging").definedBy(ROOT + ".messaging..")
            .layer("Reminders").definedBy(ROOT + ".reminder..")
            .layer("Digest").definedBy(ROOT + ".digest..")
            .layer("Inbox").definedBy(ROOT + ".inbox..")
            .layer("Notices").definedBy(ROOT + ".notice..")
            .layer("Recipients").definedBy(ROOT + ".recipient..")
            .layer("Deliveries").definedBy(ROOT + ".delivery..")
            .layer("Templates").definedBy(ROOT + ".template..")
            .layer("Catalog").definedBy(ROOT + ".catalog..")
            .layer("Rules").definedBy(ROOT + ".rules..")
            .whereLayer("Messaging").mayNotBeAccessedByAnyLayer()
            .whereLayer("Reminders").mayNotBeAccessedByAnyLayer()
            .whereLayer("Digest").mayNotBeAccessedByAnyLayer()
            .whereLayer("Inbox").mayNotBeAccessedByAnyLayer()
            .whereLayer("Notices").mayOnlyBeAccessedByLayers("Messaging", "Reminders", "Digest")
            .whereLayer("Recipients").mayOnlyBeAccessedByLayers("Notices", "Digest")
            .whereLayer("Deliveries").mayOnlyBeAccessedByLayers("Messaging", "Notices", "Recipients", "Inbox")
            .whereLayer("Templates").mayOnlyBeAccessedByLayers("Notices", "Digest")
            .whereLayer("Catalog").mayOnlyBeAccessedByLayers("Messaging", "Reminders", "Digest", "Notices")
            .whereLayer("Rules").mayOnlyBeAccessedByLayers("Reminders", "Digest", "Notices", "Deliveries");

    @Test
    void theConsumersAreOnTopAndTheCatalogTemplatesAndRulesAtTheBottom() {
        ONE_DIRECTION.check(CLASSES);
    }

    @Test
    void noCycleBetweenThePackages() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    /** A plan event becomes the catalog's own record in the catalog alone; everything else reads that record. */
    @Test
    void onlyTheCatalogAndTheConsumersKnowPlanIssued() {
        noClasses().that().resideOutsideOfPackages(ROOT + ".catalog..", ROOT + ".messaging..")
                .should().dependOnClassesThat().haveNameMatching(PlanIssued.class.getName().replace(".", "\\.") + "(\\$.*)?")
                .check(CLASSES);
    }

    @Test
    void nothingReachesIntoAnotherService() {
        noClasses().should().dependOnClassesThat(resideInAPackage("vn.doan..")
                        .and(not(resideInAnyPackage(ROOT + "..", "vn.doan.events..", "vn.doan.support.."))))
                .check(CLASSES);
    }
}
