package vn.doan.planservice.plan;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import vn.doan.events.plan.PlanClosed;
import vn.doan.planservice.orgunit.OrgUnit;
import vn.doan.planservice.orgunit.OrgUnitService;
import vn.doan.planservice.orgunit.UnitLevels;
import vn.doan.support.outbox.Event;
import vn.doan.support.outbox.EventTooLarge;
import vn.doan.support.outbox.Outbox;
import vn.doan.support.web.ApiProblem;

/** The life of a plan: draft → issued → revised → closed; every step after the draft is an event about the issuing unit. */
@Service
@EnableConfigurationProperties(RecurringReports.class)
public class PlanService {

    private final Outbox outbox;
    private final MongoTemplate mongo;
    private final OrgUnitService units;
    private final Clock clock;
    private final Counter issuedPlans;
    private final RecurringReports recurringReports;
    private final UnitLevels levels;

    PlanService(MongoTemplate mongo, OrgUnitService units, Clock clock, MeterRegistry registry, Outbox outbox, RecurringReports recurringReports,
            UnitLevels levels) {
        this.mongo = mongo;
        this.levels = levels;
        this.recurringReports = recurringReports;
        this.outbox = outbox;
        this.units = units;
        this.clock = clock;
        this.issuedPlans = Counter.builder("doan.plans.issued").description("Plans issued").register(registry);
    }

    public Plan createDraft(PlanContent draft) {
        return insertDraft(validated(draft));
    }

    /**
     * Stores a draft read from a document (a Word plan) as it was read, for a person to review: only its issuing unit, number
     * and date must be known (they identify it); the content rules apply when it is corrected ({@link #updateDraft}) and
     * again when it is issued. Nothing is published.
     */
    public Plan createDraftForReview(PlanContent draft) {
        units.find(draft.issuingUnitId(), "issuingUnitId");
        return insertDraft(draft.withSchedule(recurringReports.schedule(draft)));
    }

    private Plan insertDraft(PlanContent content) {
        Plan plan = Plan.draft(UUID.randomUUID().toString(), content);
        try {
            return outbox.insert(plan, List.of());
        } catch (DuplicateKeyException e) {
            throw numberTaken(content);
        }
    }

    /** The same checks as {@link #createDraft}, storing nothing: lets an import name every bad row before writing. */
    public PlanContent check(PlanContent draft) {
        return validated(draft);
    }

    public Plan updateDraft(String planId, PlanContent draft) {
        Plan plan = find(planId);
        requireStatus(plan, Plan.Status.DRAFT, "plan.not-draft", "Only a draft can be edited; revise an issued plan instead.",
                "Chỉ sửa trực tiếp được dự thảo; kế hoạch đã ban hành phải điều chỉnh bằng phiên bản mới.");
        PlanContent content = validated(draft);
        try {
            return change(plan, Plan.Status.DRAFT, new Update().set("content", content).set("year", Plan.yearOf(content))
                    .set("numberKey", Plan.numberKey(plan.id(), content)).set("parentPlanId", content.parentPlanId())
                    .set("issuingUnitId", content.issuingUnitId()), List.of());
        } catch (DuplicateKeyException e) {
            throw numberTaken(content);
        }
    }

    /** Issues a draft: the status change and the PlanIssued event are one MongoDB update. */
    public Plan issue(String planId) {
        Plan plan = find(planId);
        requireStatus(plan, Plan.Status.DRAFT, "plan.not-draft", "Only a draft plan can be issued; this one is " + plan.status() + ".",
                "Chỉ ban hành được kế hoạch đang ở trạng thái dự thảo.");
        PlanRules.checkIssuable(plan.content());
        checkExpanded(plan.content());
        Plan issued = publishable(() -> change(plan, Plan.Status.DRAFT, new Update().set("status", Plan.Status.ISSUED).set("version", 1),
                List.of(new Event(plan.issued(1, null), plan.issuingUnitId()))));
        issuedPlans.increment();
        return issued;
    }

    /** A new version of an issued plan, with the reason; the previous content is kept in the plan's revisions. */
    public Plan revise(String planId, String reason, PlanContent revised) {
        Plan plan = find(planId);
        if (!plan.inForce()) {
            throw ApiProblem.conflict("plan.not-in-force", "status", "Only an issued plan can be revised; this one is " + plan.status() + ".",
                    "Chỉ điều chỉnh được kế hoạch đang có hiệu lực.");
        }
        if (reason == null || reason.isBlank()) {
            throw ApiProblem.invalid("plan.revision-reason-missing", "reason", "A revision needs its reason.", "Cần nêu lý do điều chỉnh.");
        }
        PlanContent content = validated(revised);
        PlanRules.checkIssuable(content);
        if (!content.issuingUnitId().equals(plan.issuingUnitId()) || !content.number().equals(plan.content().number())) {
            throw ApiProblem.invalid("plan.revision-changes-identity", "number",
                    "A revision keeps the plan's number and issuing unit.", "Phiên bản điều chỉnh phải giữ số hiệu và đơn vị ban hành.");
        }
        int version = plan.version() + 1;
        Plan next = new Plan(plan.id(), content, plan.year(), Plan.Status.REVISED, version, plan.revisions(), null, null,
                content.parentPlanId(), content.issuingUnitId(), plan.numberKey());
        Query unchanged = Query.query(Criteria.where("_id").is(planId).and("version").is(plan.version()));
        Plan saved = publishable(() -> outbox.update(unchanged, new Update().set("content", content).set("status", Plan.Status.REVISED)
                        .set("version", version).set("parentPlanId", content.parentPlanId())
                        .push("revisions", new Plan.Revision(version, reason, LocalDate.now(clock), plan.content())),
                Plan.class, List.of(new Event(next.issued(version, reason), plan.issuingUnitId()))));
        if (saved == null) {
            throw changedMeanwhile();
        }
        return saved;
    }

    /**
     * Issues or revises, if Kafka can take the PlanIssued event: a plan whose event is larger (a schedule of thousands of
     * periods, hundreds of long indicators) would be stored and never reach the other services, so the outbox refuses it
     * before writing. 422 rather than 413: the request itself is small (issuing has no body), what cannot be processed is
     * the plan.
     */
    private static Plan publishable(Supplier<Plan> write) {
        try {
            return write.get();
        } catch (EventTooLarge e) {
            int bytes = e.bytes();
            int maxEventBytes = e.limit();
            throw ApiProblem.invalid("plan.too-large-to-publish", null,
                    "This plan cannot be published: its event would be " + bytes + " bytes, more than the " + maxEventBytes
                            + " the message broker accepts. Shorten its schedule, indicators or texts; nothing was changed.",
                    "Không thể ban hành kế hoạch này vì dữ liệu quá lớn để gửi tới các đơn vị (" + bytes + " byte, tối đa " + maxEventBytes
                            + " byte). Hãy rút gọn lịch báo cáo, chỉ tiêu hoặc nội dung; chưa có thay đổi nào được lưu.")
                    .with("eventBytes", bytes).with("maxEventBytes", maxEventBytes);
        }
    }

    public Plan close(String planId, LocalDate closedOn, String reason) {
        Plan plan = find(planId);
        if (!plan.inForce()) {
            throw ApiProblem.conflict("plan.not-in-force", "status", "Only an issued plan can be closed; this one is " + plan.status() + ".",
                    "Chỉ kết thúc được kế hoạch đang có hiệu lực.");
        }
        return change(plan, plan.status(), new Update().set("status", Plan.Status.CLOSED).set("closedOn", closedOn).set("closeReason", reason),
                List.of(new Event(new PlanClosed(planId, plan.issuingUnitId(), closedOn, reason), plan.issuingUnitId())));
    }

    public Plan find(String planId) {
        Plan plan = mongo.findById(planId, Plan.class);
        if (plan == null) {
            throw ApiProblem.notFound("plan.unknown", "planId", "No plan with id " + planId + ".",
                    "Không tìm thấy kế hoạch " + planId + ".");
        }
        return plan;
    }

    public List<Plan> issuedBy(String unitId) {
        return mongo.find(Query.query(Criteria.where("issuingUnitId").is(unitId)).with(Sort.by("content.issuedOn")), Plan.class);
    }

    /**
     * One subordinate unit's obligation to make its own plan implementing a higher plan ("cụ thể hóa"). Without a due date
     * ("các cơ sở Đoàn xây dựng kế hoạch riêng", no date given) a unit has ISSUED or NOT_ISSUED, never late nor overdue.
     */
    public record Obligation(String unitId, String unitName, String level, LocalDate due, State state, String planId,
            String planNumber, LocalDate issuedOn) {

        public enum State { ISSUED_ON_TIME, ISSUED_LATE, NOT_YET_DUE, OVERDUE, ISSUED, NOT_ISSUED }
    }

    /** Who under the issuer has, and has not, issued their implementing plan. */
    public List<Obligation> implementation(String planId) {
        Plan plan = find(planId);
        PlanContent content = plan.content();
        if (content.implementingLevels() == null || content.implementingLevels().isEmpty()) {
            return List.of();
        }
        Map<String, Plan> implementing = mongo.find(Query.query(Criteria.where("parentPlanId").is(planId)
                        .and("status").in(Plan.Status.ISSUED, Plan.Status.REVISED, Plan.Status.CLOSED)), Plan.class).stream()
                .collect(Collectors.toMap(Plan::issuingUnitId, Function.identity(), (a, b) -> a));
        LocalDate today = LocalDate.now(clock);
        LocalDate due = content.implementingPlanDue();
        return units.activeUnder(plan.issuingUnitId(), content.implementingLevels()).stream()
                .map(unit -> {
                    Plan own = implementing.get(unit.id());
                    Obligation.State state = own != null
                            ? (due == null ? Obligation.State.ISSUED
                                    : own.content().issuedOn().isAfter(due) ? Obligation.State.ISSUED_LATE : Obligation.State.ISSUED_ON_TIME)
                            : (due == null ? Obligation.State.NOT_ISSUED : today.isAfter(due) ? Obligation.State.OVERDUE : Obligation.State.NOT_YET_DUE);
                    return new Obligation(unit.id(), unit.name(), unit.level().name(), due, state,
                            own == null ? null : own.id(), own == null ? null : own.content().number(),
                            own == null ? null : own.content().issuedOn());
                }).toList();
    }

    /** Content checks, the issuing unit, the parent plan, and the expanded schedule. */
    private PlanContent validated(PlanContent draft) {
        PlanContent content = draft.withSchedule(recurringReports.schedule(draft));
        checkExpanded(content);
        return content;
    }

    /** The checks of {@link #validated} on content whose recurring reports are already expanded (a stored draft). */
    private void checkExpanded(PlanContent content) {
        if (content.issuingUnitId() == null) {
            throw ApiProblem.invalid("plan.field-missing", "issuingUnitId", "The plan's issuing unit is missing.", "Kế hoạch thiếu đơn vị ban hành.");
        }
        OrgUnit issuer = units.find(content.issuingUnitId(), "issuingUnitId");
        PlanRules.check(content, issuer.level(), levels);
        if (content.parentPlanId() != null) {
            Plan parent = mongo.findById(content.parentPlanId(), Plan.class);
            if (parent == null || parent.status() == Plan.Status.DRAFT) {
                throw ApiProblem.invalid("plan.parent-unknown", "parentPlanId", "The plan it implements is unknown or not issued.",
                        "Kế hoạch cấp trên không tồn tại hoặc chưa được ban hành.");
            }
            if (!issuer.ancestorIds().contains(parent.issuingUnitId())) {
                throw ApiProblem.invalid("plan.parent-not-higher", "parentPlanId",
                        "A plan can only implement a plan of a unit above its issuer.",
                        "Kế hoạch chỉ có thể cụ thể hóa kế hoạch của đơn vị cấp trên.");
            }
        }
    }

    /** The change and its events in one write, if the plan is still in the {@code expected} status. */
    private Plan change(Plan plan, Plan.Status expected, Update update, List<Event> events) {
        Plan changed = outbox.update(Query.query(Criteria.where("_id").is(plan.id()).and("status").is(expected)), update, Plan.class, events);
        if (changed == null) {
            throw changedMeanwhile();
        }
        return changed;
    }

    private static void requireStatus(Plan plan, Plan.Status status, String rule, String en, String vi) {
        if (plan.status() != status) {
            throw ApiProblem.conflict(rule, "status", en, vi);
        }
    }

    private static ApiProblem changedMeanwhile() {
        return ApiProblem.conflict("plan.changed-meanwhile", "status", "The plan was changed by someone else meanwhile; reload and retry.",
                "Kế hoạch vừa được người khác thay đổi; vui lòng tải lại và thử lại.");
    }

    private static ApiProblem numberTaken(PlanContent content) {
        return ApiProblem.conflict("plan.number-taken", "number",
                "The issuing unit already has a plan numbered " + content.number() + " in " + yearText(content) + ".",
                "Đơn vị ban hành đã có văn bản số " + content.number() + " " + (content.issuedOn() == null ? "chưa ghi ngày" : "trong năm " + yearText(content)) + ".");
    }

    private static String yearText(PlanContent content) {
        return content.issuedOn() == null ? "a draft without a date" : String.valueOf(content.issuedOn().getYear());
    }
}
