package vn.doan.reportservice.catalog;

import java.util.List;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import vn.doan.events.plan.PlanClosed;
import vn.doan.events.plan.PlanIssued;
import vn.doan.events.plan.UnitCreated;
import vn.doan.events.plan.UnitDissolved;
import vn.doan.events.plan.UnitMoved;
import vn.doan.events.plan.UnitRenamed;
import vn.doan.support.events.EventInput;

/** Inbound adapters for plan-service's topics; event types this build does not know are skipped, the rest done until it succeeds ({@link EventInput}). */
@Configuration
class CatalogEvents {

    /** Unit events come a poll at a time, in order; a run of UnitCreated (a whole imported tree) is stored in one bulk write. */
    @Bean
    Consumer<List<byte[]>> onUnitEvent(Catalog catalog) {
        return EventInput.handlers("Unit events").runsOf(UnitCreated.class, catalog::unitsCreated).on(UnitRenamed.class, catalog::unitRenamed)
                .on(UnitMoved.class, catalog::unitMoved).on(UnitDissolved.class, catalog::unitDissolved);
    }

    @Bean
    Consumer<Message<byte[]>> onPlanEvent(Catalog catalog) {
        return EventInput.handlers("Plan event").on(PlanIssued.class, catalog::planIssued).on(PlanClosed.class, catalog::planClosed)
                .perRecord();
    }
}
