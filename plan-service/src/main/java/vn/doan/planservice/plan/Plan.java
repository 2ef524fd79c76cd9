package vn.doan.planservice.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.doan.events.plan.IndicatorKind;
import vn.doan.events.plan.PlanIssued;
import vn.doan.support.outbox.PublishesEvents;

/**
 * A plan (kế hoạch) or action program (chương trình hành động) of one issuing unit. A draft is freely
 * editable; an issued plan changes only by a revision, which keeps the previous content and the reason.
 * A plan number is unique per issuing unit and year ({@code year} of issue, 0 for a draft without its date):
 * {@code numberKey} is the number, or for a draft entered without one (a copy that lost its header) the plan's id,
 * so that unnumbered drafts never collide ({@link PlanIndexes}).
 */
@Document("plans")
public record Plan(
        @Id String id,
        PlanContent content,
        int year,
        Status status,
        int version,
        List<Revision> revisions,
        LocalDate closedOn,
        String closeReason,
        @Indexed String parentPlanId,
        @Indexed String issuingUnitId,
        String numberKey) implements PublishesEvents {

    public enum Status { DRAFT, ISSUED, REVISED, CLOSED }

    /** One revision: the version it produced, why, when, and the content it replaced. */
    public record Revision(int version, String reason, LocalDate revisedOn, PlanContent previous) {
    }

    /** A new draft of {@code content}. */
    static Plan draft(String id, PlanContent content) {
        return new Plan(id, content, yearOf(content), Status.DRAFT, 0, List.of(), null, null, content.parentPlanId(), content.issuingUnitId(),
                numberKey(id, content));
    }

    static int yearOf(PlanContent content) {
        return content.issuedOn() == null ? 0 : content.issuedOn().getYear();
    }

    static String numberKey(String id, PlanContent content) {
        return content.number() == null ? "unnumbered:" + id : content.number();
    }

    boolean inForce() {
        return status == Status.ISSUED || status == Status.REVISED;
    }

    /** The event this plan's issue or revision publishes: the one place its content is mapped to the contract. */
    PlanIssued issued(int version, String reason) {
        PlanContent c = content;
        return new PlanIssued(id, c.number(), c.title(), c.issuingUnitId(), c.issuedOn(), c.periodFrom(), c.periodTo(),
                map(c.indicators(), Plan::published), map(c.schedule(), Plan::published), version, reason, c.type(), c.parentPlanId(),
                c.implementingPlanDue(), c.implementingLevels() == null ? List.of() : c.implementingLevels(), published(c.ranking()));
    }

    /** A task has no target of its own: it is published as 100, every unit of its levels done. */
    private static PlanIssued.Indicator published(PlanContent.Indicator i) {
        BigDecimal target = i.target() == null && i.kind() == IndicatorKind.TASK ? BigDecimal.valueOf(100) : i.target();
        return new PlanIssued.Indicator(i.code(), i.text(), i.kind(), target, i.reportingLevels(), i.targetMax(),
                map(i.targets(), t -> new PlanIssued.Target(t.when() == null ? null : PlanIssued.Target.When.valueOf(t.when().name()),
                        t.year(), t.value(), t.untilYear())),
                i.department(), map(i.deadlines(), d -> new PlanIssued.LevelDeadline(d.level(), d.deadline(), d.from())));
    }

    private static PlanIssued.ReportingPeriod published(PlanContent.ReportingPeriod p) {
        return new PlanIssued.ReportingPeriod(p.periodId(), p.label(), p.from(), p.to(), p.dueDate(), p.reportingLevels(), p.withRegularReport());
    }

    private static PlanIssued.Ranking published(PlanContent.Ranking r) {
        return r == null ? null : new PlanIssued.Ranking(map(r.weights(), w -> new PlanIssued.Ranking.Weight(w.indicatorCode(), w.weight())),
                r.latePenalty(), map(r.classes(), c -> new PlanIssued.Ranking.RankClass(c.name(), c.minScore())));
    }

    /** Keeps a missing list missing, so the event says exactly what the plan says. */
    private static <S, T> List<T> map(List<S> list, Function<S, T> mapping) {
        return list == null ? null : list.stream().map(mapping).toList();
    }
}
