package vn.doan.indicatorservice;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import vn.doan.events.EventCodec;
import vn.doan.events.plan.PlanIssued;
import vn.doan.events.plan.UnitCreated;
import vn.doan.events.plan.UnitMoved;
import vn.doan.events.plan.UnitRenamed;
import vn.doan.events.report.ReportSubmitted;
import vn.doan.indicatorservice.plan.Plans;
import vn.doan.indicatorservice.progress.RollupService;
import vn.doan.indicatorservice.tree.Tree;

/** One inbound adapter per consumed topic; event types this build does not know are skipped. */
@Configuration
class ProgressEvents {

    @Bean
    Consumer<Message<byte[]>> onUnitEvent(Tree tree, RollupService rollups) {
        return message -> EventCodec.data(EventCodec.fromJson(message.getPayload())).ifPresent(event -> {
            if (event instanceof UnitCreated e) {
                tree.created(e);
            } else if (event instanceof UnitRenamed e) {
                tree.renamed(e);
            } else if (event instanceof UnitMoved e) {
                rollups.moved(e, tree.moved(e));
            }
        });
    }

    @Bean
    Consumer<Message<byte[]>> onPlanEvent(Plans plans) {
        return message -> EventCodec.data(EventCodec.fromJson(message.getPayload()))
                .filter(PlanIssued.class::isInstance).ifPresent(e -> plans.issued((PlanIssued) e));
    }

    @Bean
    Consumer<Message<byte[]>> onReportEvent(RollupService rollups) {
        return message -> EventCodec.data(EventCodec.fromJson(message.getPayload()))
                .filter(ReportSubmitted.class::isInstance).ifPresent(e -> rollups.apply((ReportSubmitted) e));
    }
}
