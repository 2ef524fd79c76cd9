package vn.doan.reportservice.report;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import vn.doan.reportservice.catalog.Catalog;
import vn.doan.reportservice.catalog.PlanView;
import vn.doan.reportservice.catalog.UnitView;
import vn.doan.support.outbox.Event;
import vn.doan.support.outbox.Outbox;
import vn.doan.support.web.ApiProblem;

/**
 * The life of a report. Each transition, with its event when it has one, is one MongoDB update of the
 * report document, conditional on the status it leaves, so two reviewers cannot both act on it. A
 * client's idempotency key makes a retried creation, submission or revision return the same report, also while
 * the first request is still running.
 */
@Service
public class ReportService {

    private static final int UNITS_PER_READ = 2_000;

    private final MongoTemplate mongo;
    private final Catalog catalog;
    private final Clock clock;
    private final MeterRegistry registry;
    private final Outbox outbox;

    ReportService(MongoTemplate mongo, Catalog catalog, Clock clock, MeterRegistry registry, Outbox outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.catalog = catalog;
        this.clock = clock;
        this.registry = registry;
    }

    public record Submission(String planId, String unitId, String periodId, List<Report.Value> values,
            Report.Sections sections, List<String> links) {
    }

    /** The report, and whether this request changed it (false for a retry of an earlier request). */
    public record Outcome(Report report, boolean created) {
    }

    /**
     * Creates a draft, or with {@code submit} creates and submits in one step: one write, the report with its idempotency
     * key and its event. When the key or the unit's report for the period is stored already, one read tells a retry
     * (the report it created) from a key reused for another request or a second report of the unit (refused).
     */
    public Outcome create(String key, Submission s, boolean submit, String actor) {
        PlanView plan = catalog.plan(s.planId()).orElseThrow(() -> ReportRules.planUnknown(s.planId()));
        UnitView unit = unit(s.unitId());
        PlanView.ReportingPeriod period = ReportRules.checkScope(plan, unit, s.periodId());
        ReportRules.checkValues(plan, unit, s.values(), !submit);

        IdempotencyKey claim = IdempotencyKey.of(key, "Idempotency-Key", "create", submit, s);
        Instant now = Instant.now(clock);
        Report draft = Report.draft(UUID.randomUUID().toString(), s, period.dueDate(), actor, now, claim);
        Report report = submit ? draft.submitted(Report.Status.SUBMITTED, actor, key, now) : draft;
        try {
            UnconfirmedWrite.truthfully(() -> outbox.insert(report, submit ? List.of(submittedEvent(report)) : List.of()));
        } catch (DuplicateKeyException e) {
            Report holder = null;
            Report unitsReport = null;
            for (Report found : mongo.find(Query.query(new Criteria().orOperator(Criteria.where("idempotencyKeys").is(key),
                    Criteria.where("planId").is(s.planId()).and("unitId").is(s.unitId()).and("periodId").is(s.periodId()))), Report.class)) {
                if (found.idempotencyKeys() != null && found.idempotencyKeys().contains(key)) {
                    holder = found;
                }
                if (found.planId().equals(s.planId()) && found.unitId().equals(s.unitId()) && found.periodId().equals(s.periodId())) {
                    unitsReport = found;
                }
            }
            Report earlier = claim.earlierReport(holder, unitsReport, () -> mongo.findById(key, Document.class, IdempotencyKey.CLAIMED_BEFORE),
                    period, "Idempotency-Key");
            if (earlier == null) {
                // the report that stood in the way is no longer found
                throw ReportRules.alreadySubmitted(period, null);
            }
            return new Outcome(earlier, false);
        }
        if (submit) {
            accepted(report.daysLate());
        }
        return new Outcome(report, true);
    }

    /** Edits a draft or a returned report. */
    public Report edit(String reportId, List<Report.Value> values, Report.Sections sections, List<String> links) {
        Report report = find(reportId);
        if (!report.status().editable()) {
            throw wrongStatus(report, "edited", "sửa");
        }
        PlanView plan = catalog.plan(report.planId()).orElseThrow();
        ReportRules.checkValues(plan, unit(report.unitId()), values, true);
        return change(report, new Update().set("values", list(values)).set("sections", sections).set("links", list(links)));
    }

    /** Submits a draft (→ SUBMITTED) or a returned report (→ RESUBMITTED) as a new version. */
    public Outcome submit(String reportId, String key, String actor) {
        Report report = find(reportId);
        IdempotencyKey claim = IdempotencyKey.of(key, "Idempotency-Key", "submit", reportId);
        if (report.repeatedBy(claim, "Idempotency-Key") || report.submittedWith(key)) {
            return new Outcome(report, false);
        }
        if (!report.status().editable()) {
            throw wrongStatus(report, "submitted", "nộp");
        }
        PlanView plan = catalog.plan(report.planId()).orElseThrow();
        UnitView unit = unit(report.unitId());
        ReportRules.checkScope(plan, unit, report.periodId());
        ReportRules.checkValues(plan, unit, report.values(), false);
        Report.Status to = report.status() == Report.Status.DRAFT ? Report.Status.SUBMITTED : Report.Status.RESUBMITTED;
        return saveSubmission(report, report.submitted(to, actor, key, Instant.now(clock)), claim);
    }

    /** Replaces the values and submits them in one step, as a new version. Not after acceptance. */
    public Outcome revise(String reportId, String key, List<Report.Value> values, String actor) {
        Report report = find(reportId);
        IdempotencyKey claim = IdempotencyKey.of(key, "Idempotency-Key", "revise", reportId, values);
        if (report.repeatedBy(claim, "Idempotency-Key") || report.submittedWith(key)) {
            return new Outcome(report, false);
        }
        if (report.status() == Report.Status.ACCEPTED || report.status() == Report.Status.DRAFT) {
            throw wrongStatus(report, "revised", "điều chỉnh");
        }
        PlanView plan = catalog.plan(report.planId()).orElseThrow();
        UnitView unit = unit(report.unitId());
        ReportRules.checkScope(plan, unit, report.periodId());
        ReportRules.checkValues(plan, unit, values, false);
        Report withValues = report.withValues(values);
        return saveSubmission(report, withValues.submitted(Report.Status.RESUBMITTED, actor, key, Instant.now(clock)), claim);
    }

    /** The upper level sends the report back, saying why. */
    public Report returnForRevision(String reportId, String reason, String actor) {
        if (reason == null || reason.isBlank()) {
            throw ApiProblem.invalid("report.return-reason-missing", "reason", "Say why the report is returned.",
                    "Cần nêu lý do trả lại báo cáo.");
        }
        Report report = reviewable(reportId, "returned", "trả lại");
        Instant now = Instant.now(clock);
        return transition(report, Report.Status.RETURNED, actor, now, reason, report.returned(reason, actor, now));
    }

    public Report accept(String reportId, String actor) {
        Report report = reviewable(reportId, "accepted", "duyệt");
        Instant now = Instant.now(clock);
        return transition(report, Report.Status.ACCEPTED, actor, now, null, report.accepted(actor, now));
    }

    void attach(String reportId, Report.Attachment attachment) {
        Report report = find(reportId);
        if (report.status() == Report.Status.ACCEPTED) {
            throw wrongStatus(report, "given more evidence", "bổ sung minh chứng");
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(reportId)), new Update().push("attachments", attachment), Report.class);
    }

    public Report find(String reportId) {
        Report report = mongo.findById(reportId, Report.class);
        if (report == null) {
            throw ApiProblem.notFound("report.unknown", "id", "No report with id " + reportId + ".", "Không tìm thấy báo cáo " + reportId + ".");
        }
        return report;
    }

    public List<Report> forPeriod(String planId, String periodId) {
        return mongo.find(Query.query(Criteria.where("planId").is(planId).and("periodId").is(periodId)).with(Sort.by("unitId")), Report.class);
    }

    /** The period's reports of these units, by unit, asked for {@value #UNITS_PER_READ} units at a time. */
    public List<Report> forPeriod(String planId, String periodId, List<String> unitIds) {
        List<Report> found = new ArrayList<>();
        for (int at = 0; at < unitIds.size(); at += UNITS_PER_READ) {
            List<String> some = unitIds.subList(at, Math.min(unitIds.size(), at + UNITS_PER_READ));
            found.addAll(mongo.find(Query.query(Criteria.where("planId").is(planId).and("unitId").in(some).and("periodId").is(periodId)),
                    Report.class));
        }
        found.sort(Comparator.comparing(Report::unitId));
        return found;
    }

    static Event submittedEvent(Report report) {
        return new Event(report.submitted(), report.unitId());
    }

    /**
     * Stores the new version, with its idempotency key, if the report is still as read. When it moved on meanwhile, a
     * request with the same key (a retry racing the first) stored it: that is the answer; any other change is a conflict.
     * A key another report holds is refused.
     */
    private Outcome saveSubmission(Report before, Report after, IdempotencyKey key) {
        Report saved;
        try {
            saved = UnconfirmedWrite.truthfully(() -> outbox.update(
                    Query.query(Criteria.where("_id").is(before.id()).and("version").is(before.version()).and("status").is(before.status())),
                    new Update().set("status", after.status()).set("version", after.version()).set("values", after.values())
                            .set("submittedAt", after.submittedAt()).set("daysLate", after.daysLate())
                            .push("versions", after.versions().get(after.versions().size() - 1))
                            .push("transitions", after.transitions().get(after.transitions().size() - 1))
                            .push("idempotencyKeys", key.key()).push("idempotentRequests", key),
                    Report.class, List.of(submittedEvent(after))));
        } catch (DuplicateKeyException e) {
            throw IdempotencyKey.reused("Idempotency-Key");
        }
        if (saved == null) {
            Report now = find(before.id());
            if (now.repeatedBy(key, "Idempotency-Key")) {
                return new Outcome(now, false);
            }
            throw changedMeanwhile();
        }
        accepted(saved.daysLate());
        return new Outcome(saved, true);
    }

    private Report transition(Report report, Report.Status to, String actor, Instant now, String reason, Object event) {
        Report saved = outbox.update(Query.query(Criteria.where("_id").is(report.id()).and("status").is(report.status())
                        .and("version").is(report.version())),
                new Update().set("status", to).push("transitions", new Report.Transition(report.status(), to, actor, now, reason)),
                Report.class, List.of(new Event(event, report.unitId())));
        if (saved == null) {
            throw changedMeanwhile();
        }
        return saved;
    }

    private Report change(Report report, Update update) {
        Report saved = mongo.findAndModify(Query.query(Criteria.where("_id").is(report.id()).and("status").is(report.status())
                .and("version").is(report.version())), update, FindAndModifyOptions.options().returnNew(true), Report.class);
        if (saved == null) {
            throw changedMeanwhile();
        }
        return saved;
    }

    private Report reviewable(String reportId, String en, String vi) {
        Report report = find(reportId);
        if (!report.status().underReview()) {
            throw wrongStatus(report, en, vi);
        }
        return report;
    }

    private UnitView unit(String unitId) {
        return catalog.unit(unitId).orElseThrow(() -> ReportRules.unitUnknown(unitId));
    }

    /** Counts a submitted version, on time or late. */
    void accepted(int daysLate) {
        registry.counter("doan.reports.accepted", "outcome", daysLate == 0 ? "on_time" : "late").increment();
    }

    private static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static ApiProblem wrongStatus(Report report, String en, String vi) {
        return ApiProblem.conflict("report.wrong-status", "status", "A " + report.status() + " report cannot be " + en + ".",
                "Báo cáo đang ở trạng thái " + report.status() + " nên không thể " + vi + ".");
    }

    static ApiProblem changedMeanwhile() {
        return ApiProblem.conflict("report.changed-meanwhile", "version", "The report was changed meanwhile; reload and retry.",
                "Báo cáo vừa được thay đổi; vui lòng tải lại và thử lại.");
    }
}
