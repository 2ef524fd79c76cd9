package vn.doan.reportservice.report;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;
import vn.doan.events.EventCodec;
import vn.doan.events.plan.PlanIssued;
import vn.doan.events.report.ReportSubmitted;
import vn.doan.reportservice.catalog.Catalog;
import vn.doan.reportservice.catalog.PlanView;
import vn.doan.reportservice.catalog.UnitView;
import vn.doan.support.outbox.PendingEvent;
import vn.doan.support.web.ApiProblem;

/**
 * Accepts reports. A report and its ReportSubmitted event are one MongoDB write; the client's
 * idempotency key makes a retried submission return the same report instead of a second one.
 */
@Service
public class ReportService {

    private static final JsonMapper CANONICAL = JsonMapper.builder().build();

    private final MongoTemplate mongo;
    private final Catalog catalog;
    private final EventCodec codec;
    private final Clock clock;
    private final MeterRegistry registry;

    ReportService(MongoTemplate mongo, Catalog catalog, EventCodec codec, Clock clock, MeterRegistry registry) {
        this.mongo = mongo;
        this.catalog = catalog;
        this.codec = codec;
        this.clock = clock;
        this.registry = registry;
    }

    public record Submission(String planId, String unitId, String periodId, List<ReportSubmitted.Value> values) {
    }

    /** The report, and whether this request created it (false for a retry of an earlier request). */
    public record Outcome(Report report, boolean created) {
    }

    public Outcome submit(String key, Submission submission) {
        PlanView plan = catalog.plan(submission.planId()).orElseThrow(() -> ApiProblem.invalid("report.plan-unknown", "planId",
                "Plan " + submission.planId() + " is unknown here (not issued, or not yet received).",
                "Không tìm thấy kế hoạch " + submission.planId() + " (chưa ban hành hoặc chưa đồng bộ)."));
        UnitView unit = unit(submission.unitId());
        PlanIssued.ReportingPeriod period = ReportRules.checkScope(plan, unit, submission.periodId());
        ReportRules.checkValues(plan, unit, submission.values());

        IdempotencyKey claim = claim(key, UUID.randomUUID().toString(), 1, canonical(submission));
        Report existing = mongo.findById(claim.reportId(), Report.class);
        if (existing != null) {
            return new Outcome(existing, false);
        }
        Instant now = Instant.now(clock);
        int daysLate = daysLate(now, period.dueDate());
        Report report = new Report(claim.reportId(), submission.planId(), submission.unitId(), submission.periodId(), 1,
                submission.values(), now, period.dueDate(), daysLate,
                List.of(new Report.Version(1, submission.values(), now, daysLate, key)), List.of());
        report = withEvent(report);
        try {
            mongo.insert(report);
        } catch (DuplicateKeyException e) {
            Report raced = mongo.findById(claim.reportId(), Report.class);
            if (raced != null) {
                return new Outcome(raced, false);
            }
            mongo.remove(Query.query(Criteria.where("_id").is(key)), IdempotencyKey.class);
            Report other = mongo.findOne(Query.query(Criteria.where("planId").is(submission.planId()).and("unitId").is(submission.unitId())
                    .and("periodId").is(submission.periodId())), Report.class);
            throw ApiProblem.conflict("report.already-submitted", "periodId",
                    "This unit has already submitted its report for " + period.label() + "; submit a revision of it instead.",
                    "Đơn vị đã nộp báo cáo " + period.label() + "; hãy gửi bản điều chỉnh của báo cáo đó.")
                    .with("reportId", other == null ? null : other.id());
        }
        accepted(daysLate);
        return new Outcome(report, true);
    }

    /** A new version of a report: its values replace the previous ones downstream. */
    public Outcome revise(String reportId, String key, List<ReportSubmitted.Value> values) {
        Report current = find(reportId);
        PlanView plan = catalog.plan(current.planId()).orElseThrow();
        UnitView unit = unit(current.unitId());
        PlanIssued.ReportingPeriod period = ReportRules.checkScope(plan, unit, current.periodId());
        ReportRules.checkValues(plan, unit, values);

        IdempotencyKey claim = claim(key, reportId, current.version() + 1, canonical(new Submission(current.planId(), current.unitId(),
                current.periodId(), values)));
        if (!claim.reportId().equals(reportId)) {
            throw keyReused();
        }
        if (current.version() >= claim.version()) {
            return new Outcome(current, false);
        }
        Instant now = Instant.now(clock);
        int daysLate = daysLate(now, period.dueDate());
        Report next = withEvent(new Report(reportId, current.planId(), current.unitId(), current.periodId(), claim.version(), values, now,
                period.dueDate(), daysLate, List.of(), List.of()));
        Report saved = mongo.findAndModify(Query.query(Criteria.where("_id").is(reportId).and("version").is(claim.version() - 1)),
                new Update().set("version", claim.version()).set("values", values).set("submittedAt", now).set("daysLate", daysLate)
                        .push("versions", new Report.Version(claim.version(), values, now, daysLate, key))
                        .push("outbox", next.outbox().get(0)),
                FindAndModifyOptions.options().returnNew(true), Report.class);
        if (saved == null) {
            Report reloaded = find(reportId);
            if (reloaded.version() >= claim.version()) {
                return new Outcome(reloaded, false);
            }
            throw ApiProblem.conflict("report.changed-meanwhile", "version", "The report was changed meanwhile; reload and retry.",
                    "Báo cáo vừa được thay đổi; vui lòng tải lại và thử lại.");
        }
        accepted(daysLate);
        return new Outcome(saved, true);
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

    private UnitView unit(String unitId) {
        return catalog.unit(unitId).orElseThrow(() -> ApiProblem.invalid("report.unit-unknown", "unitId",
                "Unit " + unitId + " is unknown here.", "Không tìm thấy đơn vị " + unitId + "."));
    }

    /** Claims the key for this request, or returns the earlier claim after checking it was for the same request. */
    private IdempotencyKey claim(String key, String reportId, int version, String request) {
        if (key == null || key.isBlank() || key.length() > 200) {
            throw ApiProblem.invalid("report.idempotency-key-missing", "Idempotency-Key",
                    "Send an Idempotency-Key header (at most 200 characters) so that a retry cannot submit twice.",
                    "Cần gửi tiêu đề Idempotency-Key để tránh nộp trùng khi gửi lại.");
        }
        try {
            return mongo.insert(new IdempotencyKey(key, reportId, version, request));
        } catch (DuplicateKeyException e) {
            IdempotencyKey earlier = mongo.findById(key, IdempotencyKey.class);
            if (earlier == null || !earlier.request().equals(request)) {
                throw keyReused();
            }
            return earlier;
        }
    }

    private Report withEvent(Report report) {
        PendingEvent event = PendingEvent.of(codec.wrap(report.submitted(), report.unitId()));
        return new Report(report.id(), report.planId(), report.unitId(), report.periodId(), report.version(), report.values(),
                report.submittedAt(), report.dueDate(), report.daysLate(), report.versions(), List.of(event));
    }

    private int daysLate(Instant submittedAt, LocalDate dueDate) {
        LocalDate day = submittedAt.atZone(EventCodec.ZONE).toLocalDate();
        return (int) Math.max(0, ChronoUnit.DAYS.between(dueDate, day));
    }

    private void accepted(int daysLate) {
        registry.counter("doan.reports.accepted", "outcome", daysLate == 0 ? "on_time" : "late").increment();
    }

    private static ApiProblem keyReused() {
        return ApiProblem.invalid("report.idempotency-key-reused", "Idempotency-Key",
                "This Idempotency-Key was already used for a different request.",
                "Khóa Idempotency-Key này đã được dùng cho một yêu cầu khác.");
    }

    private static String canonical(Submission submission) {
        return CANONICAL.writeValueAsString(submission);
    }
}
