package vn.doan.indicatorservice;

import java.util.List;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import vn.doan.events.plan.PlanIssued;
import vn.doan.events.plan.UnitCreated;
import vn.doan.events.plan.UnitDissolved;
import vn.doan.events.plan.UnitMoved;
import vn.doan.events.plan.UnitRenamed;
import vn.doan.events.report.ReportReturned;
import vn.doan.events.report.ReportSubmitted;
import vn.doan.indicatorservice.replica.Plans;
import vn.doan.indicatorservice.replica.Tree;
import vn.doan.indicatorservice.rollup.Rollups;
import vn.doan.support.events.EventInput;

/**
 * One inbound adapter per consumed topic; event types this build does not know are skipped, the rest done until it succeeds,
 * and a record that fails for good goes to its dead-letter topic ({@link EventInput}).
 */
@Configuration
class ProgressEvents {

    /** Unit events come a poll at a time, in order; a run of UnitCreated (a whole imported tree) is stored in one bulk write. */
    @Bean
    Consumer<List<byte[]>> onUnitEvent(Tree tree, Rollups rollups) {
        return EventInput.handlers("Unit events").runsOf(UnitCreated.class, tree::created).on(UnitRenamed.class, tree::renamed)
                .on(UnitMoved.class, e -> rollups.moved(e, tree.moved(e))).on(UnitDissolved.class, tree::dissolved);
    }

    @Bean
    Consumer<Message<byte[]>> onPlanEvent(Plans plans) {
        return EventInput.handlers("Plan event").on(PlanIssued.class, plans::issued).perRecord();
    }

    /**
     * Reports come a poll at a time (batch mode), so that ancestors shared by many reports are written once per poll: all
     * the poll's ReportSubmitted together, not in runs split by the review events between them; then its ReportReturned,
     * whose versions leave the roll-up until resubmitted (ReportAccepted changes no figure).
     */
    @Bean
    Consumer<List<byte[]>> onReportEvent(Rollups rollups) {
        return EventInput.handlers("Reports").all(ReportSubmitted.class, rollups::apply).all(ReportReturned.class, rollups::returned);
    }
}
