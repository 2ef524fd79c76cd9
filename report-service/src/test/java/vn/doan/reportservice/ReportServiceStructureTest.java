package vn.doan.reportservice;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RestController;
import vn.doan.reportservice.report.Report;

/**
 * The allowed dependencies of report-service's packages: the web layer on top (controllers, HTTP bodies, access
 * rules), the consolidated reports and the Excel sheets below it, the reports below them, the catalog (the replica of plan-service's plans and tree) at the bottom; a report
 * becomes an event only in {@link Report}; a plan event becomes the catalog's own record only in the catalog; and
 * nothing reaches into another service.
 */
class ReportServiceStructureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("vn.doan.reportservice");

    @Test
    void theWebLayerIsOnTopAndTheCatalogAtTheBottom() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("web").definedBy("vn.doan.reportservice.report.web..", "vn.doan.reportservice.consolidated.web..")
                .layer("consolidated").definedBy("vn.doan.reportservice.consolidated")
                .layer("sheet").definedBy("vn.doan.reportservice.sheet..")
                .layer("reports").definedBy("vn.doan.reportservice.report")
                .layer("catalog").definedBy("vn.doan.reportservice.catalog..")
                .whereLayer("web").mayNotBeAccessedByAnyLayer()
                .whereLayer("consolidated").mayOnlyBeAccessedByLayers("web")
                .whereLayer("sheet").mayOnlyBeAccessedByLayers("web")
                .whereLayer("reports").mayOnlyBeAccessedByLayers("web", "consolidated", "sheet")
                .whereLayer("catalog").mayOnlyBeAccessedByLayers("reports", "web", "consolidated", "sheet")
                .check(CLASSES);
    }

    @Test
    void controllersLiveInTheWebLayer() {
        classes().that().areAnnotatedWith(RestController.class).should().resideInAPackage("vn.doan.reportservice..web..")
                .check(CLASSES);
    }

    @Test
    void onlyTheReportMapsItselfToTheEventsItPublishes() {
        noClasses().that().doNotHaveFullyQualifiedName(Report.class.getName())
                .should().dependOnClassesThat().resideInAPackage("vn.doan.events.report..")
                .check(CLASSES);
    }

    @Test
    void onlyTheCatalogReadsPlanEvents() {
        noClasses().that().resideOutsideOfPackage("vn.doan.reportservice.catalog..")
                .should().dependOnClassesThat().haveNameMatching("vn\\.doan\\.events\\.plan\\.Plan.*")
                .check(CLASSES);
    }

    @Test
    void nothingReachesIntoAnotherService() {
        noClasses().should().dependOnClassesThat(resideInAPackage("vn.doan..")
                        .and(not(resideInAnyPackage("vn.doan.reportservice..", "vn.doan.events..", "vn.doan.support.."))))
                .check(CLASSES);
    }
}
