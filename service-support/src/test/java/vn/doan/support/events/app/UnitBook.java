package vn.doan.support.events.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.MDC;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import vn.doan.events.plan.PlanClosed;
import vn.doan.events.plan.UnitCreated;
import vn.doan.events.plan.UnitRenamed;
import vn.doan.support.events.EventInput;
import vn.doan.web.CorrelationIdFilter;

/**
 * The names of the units, as a consumer learns them from unit events; a rename to a name longer than {@link #longestName}
 * fails for good, as a bug would, until the test "fixes" it by raising the limit.
 */
@Configuration
public class UnitBook {

    public final Map<String, String> names = new ConcurrentHashMap<>();
    /** Each event applied, with the correlation id in the log context while it was: "renamed u-xuanhoa corr-…". */
    public final List<String> applied = new CopyOnWriteArrayList<>();
    public volatile int longestName = 30;
    /** Plans closed, one record at a time; closing a plan of {@link #unclosable} fails for good. */
    public final List<String> closed = new CopyOnWriteArrayList<>();
    public volatile String unclosable = "";

    @Bean
    Consumer<List<byte[]>> onUnitEvent() {
        return EventInput.handlers("Unit events").runsOf(UnitCreated.class, this::created).on(UnitRenamed.class, this::renamed);
    }

    @Bean
    Consumer<Message<byte[]>> onPlanEvent() {
        return EventInput.handlers("Plan event").on(PlanClosed.class, this::closed).perRecord();
    }

    private void closed(PlanClosed plan) {
        if (plan.planId().equals(unclosable)) {
            throw new IllegalStateException("Kế hoạch " + plan.planId() + " chưa có kỳ báo cáo nào");
        }
        closed.add(plan.planId());
    }

    private void created(List<UnitCreated> run) {
        List<String> done = new ArrayList<>();
        for (UnitCreated unit : run) {
            names.put(unit.unitId(), unit.name());
            done.add("created " + unit.unitId() + " " + MDC.get(CorrelationIdFilter.MDC_KEY));
        }
        applied.addAll(done);
    }

    private void renamed(UnitRenamed renamed) {
        if (renamed.newName().length() > longestName) {
            throw new IllegalArgumentException("Tên đơn vị dài " + renamed.newName().length() + " ký tự, quá " + longestName);
        }
        names.put(renamed.unitId(), renamed.newName());
        applied.add("renamed " + renamed.unitId() + " " + MDC.get(CorrelationIdFilter.MDC_KEY));
    }
}
