package vn.doan.planservice.plan;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import vn.doan.events.EventCodec;
import vn.doan.events.plan.IndicatorKind;
import vn.doan.events.plan.PlanIssued;
import vn.doan.planservice.orgunit.OrgUnitService;
import vn.doan.support.outbox.PendingEvent;
import vn.doan.support.web.ApiProblem;

@Service
public class PlanService {

    private static final Set<IndicatorKind> PERCENT_KINDS =
            Set.of(IndicatorKind.SHARE_OF_PEOPLE, IndicatorKind.SHARE_OF_UNITS, IndicatorKind.RATE_AT_MOST, IndicatorKind.YES_NO);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final MongoTemplate mongo;
    private final OrgUnitService units;
    private final EventCodec codec;
    private final Counter issuedPlans;

    PlanService(MongoTemplate mongo, OrgUnitService units, EventCodec codec, MeterRegistry registry) {
        this.mongo = mongo;
        this.units = units;
        this.codec = codec;
        this.issuedPlans = Counter.builder("doan.plans.issued").description("Plans issued").register(registry);
    }

    public record Draft(String number, String title, String issuingUnitId, LocalDate issuedOn, LocalDate periodFrom,
            LocalDate periodTo, List<PlanIssued.Indicator> indicators, List<PlanIssued.ReportingPeriod> schedule) {
    }

    public Plan createDraft(Draft draft) {
        units.find(draft.issuingUnitId(), "issuingUnitId");
        validate(draft);
        Plan plan = new Plan(UUID.randomUUID().toString(), draft.number(), draft.title(), draft.issuingUnitId(),
                draft.issuedOn(), draft.periodFrom(), draft.periodTo(), draft.indicators(), draft.schedule(),
                Plan.Status.DRAFT, List.of());
        try {
            return mongo.insert(plan);
        } catch (DuplicateKeyException e) {
            throw ApiProblem.conflict("plan.number-taken", "number",
                    "The issuing unit already has a plan numbered " + draft.number() + ".",
                    "Đơn vị ban hành đã có văn bản số " + draft.number() + ".");
        }
    }

    /** Issues a draft: the status change and the PlanIssued event are one MongoDB update. */
    public Plan issue(String planId) {
        Plan plan = find(planId);
        if (plan.status() != Plan.Status.DRAFT) {
            throw ApiProblem.conflict("plan.not-draft", "status", "Only a draft plan can be issued; this one is " + plan.status() + ".",
                    "Chỉ ban hành được kế hoạch đang ở trạng thái dự thảo.");
        }
        PendingEvent event = PendingEvent.of(codec.wrap(plan.issued(), plan.issuingUnitId()));
        Plan issued = mongo.findAndModify(
                new Query(Criteria.where("_id").is(planId).and("status").is(Plan.Status.DRAFT)),
                new Update().set("status", Plan.Status.ISSUED).push("outbox", event),
                FindAndModifyOptions.options().returnNew(true), Plan.class);
        if (issued == null) {
            throw ApiProblem.conflict("plan.not-draft", "status", "The plan was issued meanwhile.",
                    "Kế hoạch vừa được ban hành bởi người khác.");
        }
        issuedPlans.increment();
        return issued;
    }

    public Plan find(String planId) {
        Plan plan = mongo.findById(planId, Plan.class);
        if (plan == null) {
            throw ApiProblem.notFound("plan.unknown", "planId", "No plan with id " + planId + ".",
                    "Không tìm thấy kế hoạch " + planId + ".");
        }
        return plan;
    }

    private static void validate(Draft draft) {
        if (draft.periodTo().isBefore(draft.periodFrom())) {
            throw ApiProblem.invalid("plan.period-reversed", "periodTo", "The plan period ends before it starts.",
                    "Thời gian kết thúc của kế hoạch trước thời gian bắt đầu.");
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < draft.indicators().size(); i++) {
            PlanIssued.Indicator indicator = draft.indicators().get(i);
            String field = "indicators[" + i + "]";
            if (indicator.code() == null || indicator.text() == null || indicator.kind() == null
                    || indicator.target() == null || indicator.reportingLevels() == null) {
                throw ApiProblem.invalid("indicator.incomplete", field,
                        "An indicator needs code, text, kind, target and reportingLevels.",
                        "Chỉ tiêu phải có mã, nội dung, loại, mức chỉ tiêu và cấp báo cáo.");
            }
            if (!codes.add(indicator.code())) {
                throw ApiProblem.invalid("indicator.code-duplicate", field + ".code",
                        "Indicator code " + indicator.code() + " appears twice.", "Mã chỉ tiêu " + indicator.code() + " bị trùng.");
            }
            if (indicator.target().signum() < 0
                    || PERCENT_KINDS.contains(indicator.kind()) && indicator.target().compareTo(HUNDRED) > 0) {
                throw ApiProblem.invalid("indicator.target-out-of-range", field + ".target",
                        "Target " + indicator.target().toPlainString() + " is out of range for a " + indicator.kind() + " indicator.",
                        "Chỉ tiêu " + indicator.code() + " có mức " + indicator.target().toPlainString() + " không hợp lệ (tỷ lệ phải từ 0 đến 100%).");
            }
        }
        for (int i = 0; i < draft.schedule().size(); i++) {
            PlanIssued.ReportingPeriod period = draft.schedule().get(i);
            String field = "schedule[" + i + "]";
            if (period.periodId() == null || period.from() == null || period.to() == null
                    || period.dueDate() == null || period.reportingLevels() == null) {
                throw ApiProblem.invalid("schedule.incomplete", field,
                        "A reporting period needs periodId, from, to, dueDate and reportingLevels.",
                        "Kỳ báo cáo phải có mã kỳ, từ ngày, đến ngày, hạn nộp và cấp báo cáo.");
            }
            if (period.from().isBefore(draft.periodFrom()) || period.to().isAfter(draft.periodTo()) || period.to().isBefore(period.from())) {
                throw ApiProblem.invalid("schedule.period-outside-plan", field,
                        "Reporting period " + period.periodId() + " lies outside the plan's period.",
                        "Kỳ báo cáo " + period.periodId() + " nằm ngoài thời gian của kế hoạch.");
            }
            if (period.dueDate().isBefore(period.from())) {
                throw ApiProblem.invalid("schedule.due-before-period", field + ".dueDate",
                        "The report for " + period.periodId() + " is due before its period starts.",
                        "Hạn báo cáo kỳ " + period.periodId() + " sớm hơn ngày bắt đầu kỳ.");
            }
        }
    }
}
