package vn.doan.planservice.plan;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.doan.events.plan.PlanIssued;
import vn.doan.support.outbox.PendingEvent;

/** A plan (kế hoạch) or action program (chương trình hành động) of one issuing unit. */
@Document("plans")
@CompoundIndex(name = "number_per_issuer", def = "{'issuingUnitId': 1, 'number': 1}", unique = true)
public record Plan(
        @Id String id,
        String number,
        String title,
        String issuingUnitId,
        LocalDate issuedOn,
        LocalDate periodFrom,
        LocalDate periodTo,
        List<PlanIssued.Indicator> indicators,
        List<PlanIssued.ReportingPeriod> schedule,
        Status status,
        List<PendingEvent> outbox) {

    public enum Status { DRAFT, ISSUED }

    PlanIssued issued() {
        return new PlanIssued(id, number, title, issuingUnitId, issuedOn, periodFrom, periodTo, indicators, schedule);
    }
}
