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
        return batch -> {
            List<Object> events = EventInput.decode(batch);
            EventInput.untilDone("Unit events", () -> EventInput.inRuns(events, UnitCreated.class, catalog::unitsCreated, event -> {
                if (event instanceof UnitRenamed e) {
                    catalog.unitRenamed(e);
                } else if (event instanceof UnitMoved e) {
                    catalog.unitMoved(e);
                } else if (event instanceof UnitDissolved e) {
                    catalog.unitDissolved(e);
                }
            }));
        };
    }

    @Bean
    Consumer<Message<byte[]>> onPlanEvent(Catalog catalog) {
        return message -> EventInput.decode(message.getPayload()).ifPresent(event -> EventInput.untilDone("Plan event", () -> {
            if (event instanceof PlanIssued e) {
                catalog.planIssued(e);
            } else if (event instanceof PlanClosed e) {
                catalog.planClosed(e);
            }
        }));
    }
}
