package vn.doan.reportservice.report;

import com.mongodb.MongoException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import org.bson.Document;
import org.springframework.dao.DataAccessException;
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
 * accepted report is stored with its idempotency key and its event in one bulk write; a report whose key or whose unit
 * and period another report holds fails to store, and one read then tells the same as before ({@code POST /api/reports}
 * and a batch may retry each other) from a refusal, so a batch sent again changes nothing.
 */
@Service
public class ReportBatch {

    /** The most reports one request carries: a district's sheet of its grassroots units fits (Thọ Xuân has 67). */
    public static final int MAX_REPORTS = 500;

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
    private record Accepted(int index, Item item, PlanView.ReportingPeriod period, IdempotencyKey key) {

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
     * A write whose acknowledgement was lost refuses the whole batch as {@code storage.outcome-unknown}.
     */
    public List<Answer> submit(List<Item> items, Predicate<UnitView> sendsFor, String actor) {
        checkBatch(items);
        Answer[] answers = new Answer[items.size()];
        List<Accepted> accepted = check(items, sendsFor, answers);

        Instant now = Instant.now(clock);
        Outbox.Bulk<Report> bulk = outbox.bulk(Report.class);
        List<Accepted> written = new ArrayList<>();
        List<Report> created = new ArrayList<>();
        for (Accepted a : accepted) {
            Report report = Report.draft(UUID.randomUUID().toString(), a.s(), a.period().dueDate(), actor, now, a.key())
                    .submitted(Report.Status.SUBMITTED, actor, a.item().key(), now);
            try {
                bulk.insert(report, List.of(ReportService.submittedEvent(report)));
                written.add(a);
                created.add(report);
            } catch (EventTooLarge tooLarge) {
                answers[a.index()] = new Answer(null, false, tooLarge);
            }
        }
        if (written.isEmpty()) {
            return List.of(answers);
        }
        Set<Integer> failed = UnconfirmedWrite.truthfully(bulk::executeRacingFailures);
        List<Accepted> notStored = new ArrayList<>();
        for (int i = 0; i < written.size(); i++) {
            if (failed.contains(i)) {
                notStored.add(written.get(i));
            } else {
                answers[written.get(i).index()] = new Answer(created.get(i), true, null);
                reports.accepted(created.get(i).daysLate());
            }
        }
        answerNotStored(notStored, answers);
        return List.of(answers);
    }

    /**
     * Answers the items whose report did not store: the key's report (this request sent before, or racing its retry) or
     * another report of the unit came first. The others are stored by now, so a failed read refuses none of them: each item
     * left is answered on its own as {@code storage.outcome-unknown}, to be sent again with its key.
     */
    private void answerNotStored(List<Accepted> notStored, Answer[] answers) {
        List<Accepted> unexplained;
        try {
            unexplained = answerExisting(notStored, answers);
        } catch (DataAccessException | MongoException e) {
            notStored.forEach(a -> answers[a.index()] = new Answer(null, false, UnconfirmedWrite.outcomeUnknown()));
            return;
        }
        unexplained.forEach(a -> answers[a.index()] = new Answer(null, false, ReportService.changedMeanwhile()));
    }

    /**
     * What {@link #submit} would refuse, storing nothing: each refused item's index and refusal. An item whose key names an
     * earlier report of the same request is not refused (it would be answered as the same as before). A report of the
     * unit stored between this check and the submission is still refused then, on its own.
     */
    public Map<Integer, RuntimeException> refusals(List<Item> items, Predicate<UnitView> sendsFor) {
        checkBatch(items);
        Answer[] answers = new Answer[items.size()];
        answerExisting(check(items, sendsFor, answers), answers);
        Map<Integer, RuntimeException> refusals = new TreeMap<>();
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
                accepted.add(new Accepted(i, items.get(i), period, IdempotencyKey.of(items.get(i).key(), "idempotencyKey", "create", true, s)));
            } catch (ApiProblem refused) {
                answers[i] = new Answer(null, false, refused);
            }
        }
        return accepted;
    }

    /**
     * Answers, in one read, the items whose key or whose unit and period a stored report holds: the same as before (the
     * report their key created, for the same request), refused as a key reused for another request, or as a second report
     * of the unit. Returns the items no stored report stands in the way of.
     */
    private List<Accepted> answerExisting(List<Accepted> items, Answer[] answers) {
        if (items.isEmpty()) {
            return items;
        }
        Set<String> keys = new HashSet<>();
        Set<String> planIds = new HashSet<>();
        Set<String> unitIds = new HashSet<>();
        Set<String> periodIds = new HashSet<>();
        for (Accepted a : items) {
            keys.add(a.item().key());
            planIds.add(a.s().planId());
            unitIds.add(a.s().unitId());
            periodIds.add(a.s().periodId());
        }
        Map<String, Report> byKey = new HashMap<>();
        Map<List<String>, Report> byUnitAndPeriod = new HashMap<>();
        mongo.find(Query.query(new Criteria().orOperator(Criteria.where("idempotencyKeys").in(keys),
                Criteria.where("planId").in(planIds).and("unitId").in(unitIds).and("periodId").in(periodIds))), Report.class)
                .forEach(r -> {
                    if (r.idempotencyKeys() != null) {
                        r.idempotencyKeys().forEach(k -> byKey.put(k, r));
                    }
                    byUnitAndPeriod.put(List.of(r.planId(), r.unitId(), r.periodId()), r);
                });
        Map<String, Document> claimedBefore = claimedBefore(items, byKey, byUnitAndPeriod);
        List<Accepted> free = new ArrayList<>();
        for (Accepted a : items) {
            String key = a.item().key();
            try {
                Report earlier = a.key().earlierReport(byKey.get(key), byUnitAndPeriod.get(a.unitAndPeriod()), () -> claimedBefore.get(key),
                        a.period(), "idempotencyKey");
                if (earlier != null) {
                    answers[a.index()] = new Answer(earlier, false, null);
                } else {
                    free.add(a);
                }
            } catch (ApiProblem refused) {
                answers[a.index()] = new Answer(null, false, refused);
            }
        }
        return free;
    }

    /**
     * The keys' documents in {@value IdempotencyKey#CLAIMED_BEFORE} for the items whose unit already has its report and whose
     * key no report holds: read only then (one read), so that a batch retried across the change to keys kept on reports gets
     * its answers.
     */
    private Map<String, Document> claimedBefore(List<Accepted> items, Map<String, Report> byKey, Map<List<String>, Report> byUnitAndPeriod) {
        List<String> keys = items.stream().filter(a -> !byKey.containsKey(a.item().key()) && byUnitAndPeriod.containsKey(a.unitAndPeriod()))
                .map(a -> a.item().key()).toList();
        Map<String, Document> claimed = new HashMap<>();
        if (!keys.isEmpty()) {
            mongo.find(Query.query(Criteria.where("_id").in(keys)), Document.class, IdempotencyKey.CLAIMED_BEFORE)
                    .forEach(d -> claimed.put(d.getString("_id"), d));
        }
        return claimed;
    }
}
