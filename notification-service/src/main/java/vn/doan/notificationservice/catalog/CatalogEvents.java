package vn.doan.notificationservice.catalog;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import vn.doan.events.EventCodec;
import vn.doan.events.plan.PlanClosed;
import vn.doan.events.plan.PlanIssued;
import vn.doan.events.plan.UnitCreated;
import vn.doan.events.plan.UnitDissolved;
import vn.doan.events.plan.UnitMoved;
import vn.doan.events.plan.UnitRenamed;
import vn.doan.events.report.ReportSubmitted;

/** One inbound adapter per consumed topic; event types this build does not know are skipped. */
@Configuration
class CatalogEvents {

    @Bean
    Consumer<Message<byte[]>> onUnitEvent(Catalog catalog) {
        return message -> EventCodec.data(EventCodec.fromJson(message.getPayload())).ifPresent(event -> {
            if (event instanceof UnitCreated e) {
                catalog.unitCreated(e);
            } else if (event instanceof UnitRenamed e) {
                catalog.unitRenamed(e);
            } else if (event instanceof UnitMoved e) {
                catalog.unitMoved(e);
            } else if (event instanceof UnitDissolved e) {
                catalog.unitDissolved(e);
            }
        });
    }

    @Bean
    Consumer<Message<byte[]>> onPlanEvent(Catalog catalog) {
        return message -> EventCodec.data(EventCodec.fromJson(message.getPayload())).ifPresent(event -> {
            if (event instanceof PlanIssued e) {
                catalog.planIssued(e);
            } else if (event instanceof PlanClosed e) {
                catalog.planClosed(e);
            }
        });
    }

    @Bean
    Consumer<Message<byte[]>> onReportEvent(Catalog catalog) {
        return message -> EventCodec.data(EventCodec.fromJson(message.getPayload()))
                .filter(ReportSubmitted.class::isInstance).ifPresent(e -> catalog.reportSubmitted((ReportSubmitted) e));
    }
}
