package vn.doan.notificationservice.catalog;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import vn.doan.events.EventCodec;
import vn.doan.events.indicator.IndicatorOffTrack;
import vn.doan.events.indicator.TargetAchieved;
import vn.doan.events.plan.PlanClosed;
import vn.doan.events.plan.PlanIssued;
import vn.doan.events.plan.UnitCreated;
import vn.doan.events.plan.UnitDissolved;
import vn.doan.events.plan.UnitMoved;
import vn.doan.events.plan.UnitRenamed;
import vn.doan.events.report.ReportReturned;
import vn.doan.events.report.ReportSubmitted;
import vn.doan.notificationservice.delivery.DeliverySweep;
import vn.doan.notificationservice.notice.Notices;

/**
 * One inbound adapter per consumed topic: the read model learns, and what must be told is handed to
 * {@link Notices}. Event types this build does not know are skipped; every step takes a redelivery.
 */
@Configuration
class CatalogEvents {

    @Bean
    Consumer<Message<byte[]>> onUnitEvent(Catalog catalog, Notices notices) {
        return message -> EventCodec.data(EventCodec.fromJson(message.getPayload())).ifPresent(event -> {
            if (event instanceof UnitCreated e) {
                catalog.unitCreated(e);
                notices.unitCreated(e);
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
    Consumer<Message<byte[]>> onPlanEvent(Catalog catalog, Notices notices) {
        return message -> EventCodec.data(EventCodec.fromJson(message.getPayload())).ifPresent(event -> {
            if (event instanceof PlanIssued e) {
                catalog.planIssued(e);
                notices.planIssued(e);
            } else if (event instanceof PlanClosed e) {
                catalog.planClosed(e);
            }
        });
    }

    @Bean
    Consumer<Message<byte[]>> onReportEvent(Catalog catalog, Notices notices, DeliverySweep deliveries) {
        return message -> EventCodec.data(EventCodec.fromJson(message.getPayload())).ifPresent(event -> {
            if (event instanceof ReportSubmitted e) {
                catalog.reportSubmitted(e);
                deliveries.cancel(e.planId() + "|" + e.periodId() + "|" + e.unitId());
            } else if (event instanceof ReportReturned e) {
                notices.reportReturned(e);
            }
        });
    }

    @Bean
    Consumer<Message<byte[]>> onAlertEvent(Catalog catalog, Notices notices) {
        return message -> EventCodec.data(EventCodec.fromJson(message.getPayload())).ifPresent(event -> {
            if (event instanceof IndicatorOffTrack e) {
                catalog.indicatorOffTrack(e);
                notices.indicatorOffTrack(e);
            } else if (event instanceof TargetAchieved e) {
                catalog.targetAchieved(e);
            }
        });
    }
}
