package vn.doan.authserver.orgunit;

import java.util.List;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.doan.events.plan.UnitCreated;
import vn.doan.events.plan.UnitDissolved;
import vn.doan.events.plan.UnitMoved;
import vn.doan.events.plan.UnitRenamed;
import vn.doan.support.events.EventInput;

/**
 * Inbound adapter for {@code doan.plan.org-units.v1}, a poll at a time, in order; a run of UnitCreated (a whole imported
 * tree) is one bulk write. UnitsMerged and UnitSplit need nothing here: their moves and dissolutions come as events of
 * their own. Event types this build does not know are skipped, the rest done until it succeeds ({@link EventInput}).
 */
@Configuration
class OrgUnitEvents {

    @Bean
    Consumer<List<byte[]>> onUnitEvent(OrgUnits units) {
        return EventInput.handlers("Unit events").runsOf(UnitCreated.class, units::unitsCreated).on(UnitRenamed.class, units::unitRenamed)
                .on(UnitMoved.class, units::unitMoved).on(UnitDissolved.class, units::unitDissolved);
    }
}
