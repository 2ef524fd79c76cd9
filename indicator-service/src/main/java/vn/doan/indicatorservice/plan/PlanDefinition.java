package vn.doan.indicatorservice.plan;

import java.util.Optional;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.doan.events.plan.PlanIssued;

/** indicator-service's copy of a plan: the highest version of PlanIssued it has seen. */
@Document("plans")
public record PlanDefinition(@Id String id, int version, PlanIssued plan) {

    public Optional<PlanIssued.ReportingPeriod> period(String periodId) {
        return plan.schedule().stream().filter(p -> p.periodId().equals(periodId)).findFirst();
    }
}
