package vn.doan.reportservice.report;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import vn.doan.reportservice.catalog.Catalog;
import vn.doan.reportservice.catalog.PlanView;
import vn.doan.reportservice.catalog.UnitView;
import vn.doan.support.outbox.EventTooLarge;
import vn.doan.support.outbox.Outbox;
import vn.doan.support.security.Access;
import vn.doan.support.web.ApiProblem;

/**
 * Many new reports in one request — a phone's queue sent when it is back online, a district's sheet of its communes.
 * Each is checked as a single submission is and answered on its own: created, the same as before, or refused. Every
 * accepted report is stored with its event in one bulk write. Each report's idempotency key is claimed as a single
 * submission's is ({@code POST /api/reports} and a batch may retry each other), so a batch sent again changes nothing.
 */
@Service
public class ReportBatch {

    /** The most reports one request carries: a district's sheet of its grassroots units fits (Thọ Xuân has 67). */
    public static final int MAX_REPORTS = 500;

    private static final int DUPLICATE_KEY = 11000;

    private final MongoTemplate mongo;
    private final Catalog catalog;
    private final Clock clock;
    private final Outbox outbox;
    private final ReportService reports;

    ReportBatch(MongoTemplate mongo, Catalog catalog, Clock clock, Outbox outbox, ReportService reports) {
        this.mongo = mongo;
        this.catalog = catalog;
        this.clock = clock;
        this.outbox = outbox;
        this.reports = reports;
    }

    /** A report to create and submit, with the client's idempotency key. */
    public record Item(String key, ReportService.Submission submission) {
    }

    /**
     * One item's answer: the report created by this request ({@code created}) or an earlier one with the same key, or
     * the refusal ({@link ApiProblem} or {@link EventTooLarge}) that stored nothing for it.
     */
    public record Answer(Report report, boolean created, RuntimeException refusal) {
    }

    /** An item that passed every rule, on its way to be stored. */
    private record Accepted(int index, Item item, PlanView.ReportingPeriod period, String request) {

        ReportService.Submission s() {
            return item.submission();
        }

        List<String> unitAndPeriod() {
            return List.of(s().planId(), s().unitId(), s().periodId());
        }
    }

    /**
     * Creates and submits every item the caller may send ({@code sendsFor}) and the rules accept; the answers are in the
     * items' order. A batch over {@value #MAX_REPORTS} reports, or with a key missing or given twice, is refused whole.
     */
    public List<Answer> submit(List<Item> items, Predicate<UnitView> sendsFor, String actor) {
        checkBatch(items);
        Answer[] answers = new Answer[items.size()];
        List<Accepted> accepted = check(items, sendsFor, answers);
        Map<String, String> reportIds = claim(accepted, answers);
        accepted.removeIf(a -> answers[a.index()] != null);
        Set<String> released = new HashSet<>();
        List<Accepted> toWrite = answerExisting(accepted, reportIds, answers, released);

        Instant now = Instant.now(clock);
        Outbox.Bulk<Report> bulk = outbox.bulk(Report.class);
        List<Accepted> written = new ArrayList<>();
        List<Report> created = new ArrayList<>();
        for (Accepted a : toWrite) {
            Report report = Report.draft(reportIds.get(a.item().key()), a.s(), a.period().dueDate(), actor, now)
                    .submitted(Report.Status.SUBMITTED, actor, a.item().key(), now);
            try {
                bulk.insert(report, List.of(ReportService.submittedEvent(report)));
                written.add(a);
                created.add(report);
            } catch (EventTooLarge tooLarge) {
                answers[a.index()] = new Answer(null, false, tooLarge);
                released.add(a.item().key());
            }
        }
        Set<Integer> failed = written.isEmpty() ? Set.of() : bulk.executeRacingFailures();
        List<Accepted> raced = new ArrayList<>();
        for (int i = 0; i < written.size(); i++) {
            if (failed.contains(i)) {
                raced.add(written.get(i));
            } else {
                answers[written.get(i).index()] = new Answer(created.get(i), true, null);
                reports.accepted(created.get(i).daysLate());
            }
        }
        // a same-key request stored it first (the same report), or another report of the unit came first
        for (Accepted a : answerExisting(raced, reportIds, answers, released)) {
            answers[a.index()] = new Answer(null, false, ReportService.changedMeanwhile());
        }
        if (!released.isEmpty()) {
            mongo.remove(Query.query(Criteria.where("_id").in(released)), IdempotencyKey.class);
        }
        return List.of(answers);
    }

    /**
     * What {@link #submit} would refuse, storing nothing: each refused item's index and refusal. An item whose key names an
     * earlier report of the same request is not refused (it would be answered as the same as before). A report of the
     * unit stored between this check and the submission is still refused then, on its own.
     */
    public Map<Integer, RuntimeException> refusals(List<Item> items, Predicate<UnitView> sendsFor) {
        checkBatch(items);
        Answer[] answers = new Answer[items.size()];
        List<Accepted> accepted = check(items, sendsFor, answers);
        Map<String, String> reportIds = new HashMap<>();
        if (!accepted.isEmpty()) {
            Map<String, IdempotencyKey> claimed = new HashMap<>();
            mongo.find(Query.query(Criteria.where("_id").in(accepted.stream().map(a -> a.item().key()).toList())), IdempotencyKey.class)
                    .forEach(k -> claimed.put(k.key(), k));
            for (Accepted a : accepted) {
                IdempotencyKey claim = claimed.get(a.item().key());
                if (claim != null && !claim.request().equals(a.request())) {
                    answers[a.index()] = new Answer(null, false, IdempotencyKey.reused("idempotencyKey"));
                }
                reportIds.put(a.item().key(), claim == null ? "" : claim.reportId());
            }
            accepted.removeIf(a -> answers[a.index()] != null);
            answerExisting(accepted, reportIds, answers, new HashSet<>());
        }
        Map<Integer, RuntimeException> refusals = new java.util.TreeMap<>();
        for (int i = 0; i < answers.length; i++) {
            if (answers[i] != null && answers[i].refusal() != null) {
                refusals.put(i, answers[i].refusal());
            }
        }
        return refusals;
    }

    private static void checkBatch(List<Item> items) {
        if (items == null || items.isEmpty()) {
            throw ApiProblem.invalid("report.batch-empty", "reports", "A batch needs at least one report.",
                    "Cần gửi ít nhất một báo cáo.");
        }
        if (items.size() > MAX_REPORTS) {
            throw ApiProblem.invalid("report.batch-too-large", "reports",
                    "A batch carries at most " + MAX_REPORTS + " reports, not " + items.size() + "; send the rest in another.",
                    "Mỗi lần gửi tối đa " + MAX_REPORTS + " báo cáo (đang gửi " + items.size() + "); hãy chia thành nhiều lần.")
                    .with("maxReports", MAX_REPORTS).with("reports", items.size());
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            String field = "reports[" + i + "].idempotencyKey";
            IdempotencyKey.check(items.get(i).key(), field);
            Integer first = seen.putIfAbsent(items.get(i).key(), i);
            if (first != null) {
                throw ApiProblem.invalid("report.batch-key-repeated", field,
                        "Reports " + first + " and " + i + " of the batch have the same idempotency key; each report needs its own.",
                        "Báo cáo thứ " + (first + 1) + " và thứ " + (i + 1) + " có cùng khóa Idempotency-Key; mỗi báo cáo cần một khóa riêng.");
            }
        }
    }

    /** The items the caller may send and the rules accept; the others answered with their refusal. */
    private List<Accepted> check(List<Item> items, Predicate<UnitView> sendsFor, Answer[] answers) {
        Set<String> unitIds = new HashSet<>();
        items.forEach(item -> unitIds.add(item.submission().unitId()));
        Map<String, UnitView> units = catalog.units(unitIds);
        Map<String, Optional<PlanView>> plans = new HashMap<>();
        Map<List<String>, Integer> reported = new HashMap<>();
        List<Accepted> accepted = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            ReportService.Submission s = items.get(i).submission();
            try {
                PlanView plan = plans.computeIfAbsent(s.planId(), catalog::plan).orElseThrow(() -> ReportRules.planUnknown(s.planId()));
                UnitView unit = Optional.ofNullable(units.get(s.unitId())).orElseThrow(() -> ReportRules.unitUnknown(s.unitId()));
                Access.require(sendsFor.test(unit), "unitId");
                PlanView.ReportingPeriod period = ReportRules.checkScope(plan, unit, s.periodId());
                ReportRules.checkValues(plan, unit, s.values(), false);
                Integer first = reported.putIfAbsent(List.of(s.planId(), s.unitId(), s.periodId()), i);
                if (first != null) {
                    throw ReportRules.alreadySubmitted(period, null).with("sameAsReport", first);
                }
                accepted.add(new Accepted(i, items.get(i), period, IdempotencyKey.request("create", true, s)));
            } catch (ApiProblem refused) {
                answers[i] = new Answer(null, false, refused);
            }
        }
        return accepted;
    }

    /**
     * Claims every accepted item's key in one bulk write; a key claimed before names the report of the same request, or
     * the item is refused. Returns the report id of each key.
     */
    private Map<String, String> claim(List<Accepted> accepted, Answer[] answers) {
        Map<String, String> reportIds = new HashMap<>();
        if (accepted.isEmpty()) {
            return reportIds;
        }
        BulkOperations claims = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, IdempotencyKey.class);
        for (Accepted a : accepted) {
            IdempotencyKey claim = new IdempotencyKey(a.item().key(), UUID.randomUUID().toString(), a.request());
            claims.insert(claim);
            reportIds.put(claim.key(), claim.reportId());
        }
        Set<String> taken = new HashSet<>();
        try {
            claims.execute();
        } catch (BulkOperationException e) {
            e.getErrors().forEach(error -> {
                if (error.getCode() != DUPLICATE_KEY) {
                    throw e;
                }
                taken.add(accepted.get(error.getIndex()).item().key());
            });
        }
        if (taken.isEmpty()) {
            return reportIds;
        }
        Map<String, IdempotencyKey> earlier = new HashMap<>();
        mongo.find(Query.query(Criteria.where("_id").in(taken)), IdempotencyKey.class).forEach(k -> earlier.put(k.key(), k));
        for (Accepted a : accepted) {
            if (taken.contains(a.item().key())) {
                IdempotencyKey claim = earlier.get(a.item().key());
                if (claim == null || !claim.request().equals(a.request())) {
                    answers[a.index()] = new Answer(null, false, IdempotencyKey.reused("idempotencyKey"));
                } else {
                    reportIds.put(claim.key(), claim.reportId());
                }
            }
        }
        return reportIds;
    }

    /**
     * Answers, in one read, the items whose report exists: their key's report (the same as before), or another report
     * of the unit for the period (refused, the key released). Returns the items still to write.
     */
    private List<Accepted> answerExisting(List<Accepted> items, Map<String, String> reportIds, Answer[] answers, Set<String> released) {
        if (items.isEmpty()) {
            return items;
        }
        Set<String> ids = new HashSet<>();
        Set<String> planIds = new HashSet<>();
        Set<String> unitIds = new HashSet<>();
        Set<String> periodIds = new HashSet<>();
        for (Accepted a : items) {
            ids.add(reportIds.get(a.item().key()));
            planIds.add(a.s().planId());
            unitIds.add(a.s().unitId());
            periodIds.add(a.s().periodId());
        }
        Map<String, Report> byId = new HashMap<>();
        Map<List<String>, Report> byUnitAndPeriod = new HashMap<>();
        mongo.find(Query.query(new Criteria().orOperator(Criteria.where("_id").in(ids),
                Criteria.where("planId").in(planIds).and("unitId").in(unitIds).and("periodId").in(periodIds))), Report.class)
                .forEach(r -> {
                    byId.put(r.id(), r);
                    byUnitAndPeriod.put(List.of(r.planId(), r.unitId(), r.periodId()), r);
                });
        List<Accepted> toWrite = new ArrayList<>();
        for (Accepted a : items) {
            Report same = byId.get(reportIds.get(a.item().key()));
            Report other = byUnitAndPeriod.get(a.unitAndPeriod());
            if (same != null) {
                answers[a.index()] = new Answer(same, false, null);
            } else if (other != null) {
                answers[a.index()] = new Answer(null, false, ReportRules.alreadySubmitted(a.period(), other.id()));
                released.add(a.item().key());
            } else {
                toWrite.add(a);
            }
        }
        return toWrite;
    }
}
