package vn.doan.notificationservice.messaging;

import java.util.List;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import vn.doan.events.UnitPeriod;
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
import vn.doan.notificationservice.catalog.Catalog;
import vn.doan.notificationservice.catalog.Units;
import vn.doan.notificationservice.delivery.DeliverySweep;
import vn.doan.notificationservice.notice.Notices;
import vn.doan.support.events.EventInput;

/**
 * One inbound adapter per consumed topic: the read model ({@link Units}, {@link Catalog}) learns, and what must be told is handed to
 * {@link Notices}. Event types this build does not know are skipped; every step takes a redelivery. A record that fails
 * for good after the retries ({@link EventInput}), or is no event at all, goes alone to its dead-letter topic
 * ({@code <topic>.notification-service.dlt}): the events before it are applied, those after it come in the next poll.
 */
@Configuration
class CatalogEvents {

    /**
     * Unit events come a poll at a time (batch mode), in order: a run of UnitCreated (a whole imported tree) is stored in
     * one bulk write, then told the plans in force above it; a rename, move or dissolution is applied in its place
     * between the runs, so a unit created and renamed in the same poll is told under the name it was created with.
     */
    @Bean
    Consumer<List<byte[]>> onUnitEvent(Units units, Notices notices) {
        return EventInput.handlers("Unit events").runsOf(UnitCreated.class, run -> {
            units.unitsCreated(run);
            notices.unitsCreated(run);
        }).on(UnitRenamed.class, units::unitRenamed).on(UnitMoved.class, units::unitMoved).on(UnitDissolved.class, units::unitDissolved);
    }

    @Bean
    Consumer<Message<byte[]>> onPlanEvent(Catalog catalog, Notices notices) {
        return EventInput.handlers("Plan event").on(PlanIssued.class, e -> notices.planIssued(catalog.planIssued(e)))
                .on(PlanClosed.class, catalog::planClosed).perRecord();
    }

    /**
     * Reports come a poll at a time (batch mode): a returned report is told one by one, in order; then the submissions are
     * stored and the reminders they make pointless cancelled in one write each.
     */
    @Bean
    Consumer<List<byte[]>> onReportEvent(Catalog catalog, Notices notices, DeliverySweep deliveries) {
        return EventInput.handlers("Report events").on(ReportReturned.class, notices::reportReturned).all(ReportSubmitted.class, submitted -> {
            catalog.reportsSubmitted(submitted);
            deliveries.cancel(submitted.stream().map(e -> new UnitPeriod(e.planId(), e.periodId(), e.unitId()).id()).toList());
        });
    }

    /**
     * Alerts come a poll at a time (batch mode): a busy period brings about ten per report. The off-track record of each
     * indicator takes the last alert of the poll, whichever its type, in one write; off-track alerts are told to whoever
     * follows them.
     */
    @Bean
    Consumer<List<byte[]>> onAlertEvent(Catalog catalog, Notices notices) {
        return EventInput.handlers("Alerts").all(List.of(IndicatorOffTrack.class, TargetAchieved.class), alerts -> {
            catalog.alerts(alerts);
            notices.indicatorsOffTrack(alerts.stream().filter(IndicatorOffTrack.class::isInstance).map(IndicatorOffTrack.class::cast).toList());
        });
    }
}
