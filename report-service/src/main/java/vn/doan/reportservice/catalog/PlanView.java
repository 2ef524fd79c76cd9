package vn.doan.reportservice.catalog;

import java.util.List;
import java.util.Optional;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.doan.events.plan.PlanIssued;

/** report-service's own copy of an issued plan (the highest version seen), learnt from plan-service's events. */
@Document("plans")
public record PlanView(@Id String id, int version, boolean closed, PlanIssued plan) {

    public Optional<PlanIssued.ReportingPeriod> period(String periodId) {
        return plan.schedule().stream().filter(p -> p.periodId().equals(periodId)).findFirst();
    }

    public Optional<PlanIssued.Indicator> indicator(String code) {
        return plan.indicators().stream().filter(i -> i.code().equals(code)).findFirst();
    }
}
