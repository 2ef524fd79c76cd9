package vn.doan.indicatorservice;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;
import vn.doan.events.EventCodec;
import vn.doan.support.outbox.Event;
import vn.doan.support.outbox.OutboxRelay;
import vn.doan.support.outbox.PendingEvent;
import vn.doan.support.security.Caller;

/**
 * indicator-service's three parts depend one way: the dashboards (read side) on the roll-up (write side), the roll-up
 * on the replicas of plans and tree; the inbound adapters at the package root may use all three, nothing uses them.
 */
class IndicatorStructureTest {

    private static final String ROOT = "vn.doan.indicatorservice";
    private static final JavaClasses CLASSES = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    static final ArchRule ONE_DIRECTION = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Adapters").definedBy(ROOT)
            .layer("Dashboards").definedBy(ROOT + ".dashboard..")
            .layer("Roll-up").definedBy(ROOT + ".rollup..")
            .layer("Replicas").definedBy(ROOT + ".replica..")
            .whereLayer("Adapters").mayNotBeAccessedByAnyLayer()
            .whereLayer("Dashboards").mayNotBeAccessedByAnyLayer()
            .whereLayer("Roll-up").mayOnlyBeAccessedByLayers("Adapters", "Dashboards")
            .whereLayer("Replicas").mayOnlyBeAccessedByLayers("Adapters", "Dashboards", "Roll-up");

    @Test
    void dashboardsDependOnTheRollupAndTheRollupOnTheReplicasNeverTheOtherWay() {
        ONE_DIRECTION.check(CLASSES);
    }

    @Test
    void noCycleBetweenThePackages() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    /** What is announced on Kafka must not depend on who is asking: only the dashboards know the caller. */
    @Test
    void theRollupAndTheReplicasKnowNoCaller() {
        noClasses().that().resideInAnyPackage(ROOT + ".rollup..", ROOT + ".replica..").should().dependOnClassesThat().belongToAnyOf(Caller.class)
                .check(CLASSES);
    }

    /**
     * Events are made in one place (the Announcer builds them from the roll-up) and stored with the change by the Outbox:
     * no class names the codec, the outbox's pending records or the relay.
     */
    @Test
    void eventsArePublishedThroughTheOutboxAlone() {
        noClasses().should().dependOnClassesThat().belongToAnyOf(PendingEvent.class, OutboxRelay.class)
                .orShould().callMethodWhere(DescribedPredicate.describe("EventCodec.wrap",
                        call -> call.getTargetOwner().isEquivalentTo(EventCodec.class) && call.getName().equals("wrap")))
                .check(CLASSES);
        noClasses().that().doNotHaveFullyQualifiedName(ROOT + ".rollup.Announcer")
                .should().callConstructor(Event.class, Object.class, String.class)
                .orShould().callConstructor(Event.class, Object.class, String.class, String.class)
                .check(CLASSES);
    }
}
