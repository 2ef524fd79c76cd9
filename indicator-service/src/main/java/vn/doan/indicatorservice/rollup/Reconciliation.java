package vn.doan.indicatorservice.rollup;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import vn.doan.indicatorservice.replica.Tree;
import vn.doan.indicatorservice.replica.UnitNode;

/**
 * Recomputes every unit's subtree totals for a plan's period from the stored own values and the tree
 * alone, independently of the children snapshots the incremental path maintains, and compares. With
 * {@code repair} it rewrites the snapshots from the recomputation. Runs nightly for every period and on
 * demand through the admin endpoint.
 */
@Service
public class Reconciliation {

    private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);
    /** Documents per reply: a period of the whole country is ≈300,000 of them, far over one reply's 48 MB. */
    private static final int BATCH = 2_000;

    private final MongoTemplate mongo;
    private final Tree tree;

    Reconciliation(MongoTemplate mongo, Tree tree) {
        this.mongo = mongo;
        this.tree = tree;
    }

    public record Result(String planId, String periodId, int nodes, int mismatches, List<String> mismatchedUnits, boolean repaired) {
    }

    public Result run(String planId, String periodId, boolean repair) {
        Query period = Query.query(Criteria.where("planId").is(planId).and("periodId").is(periodId)).cursorBatchSize(BATCH);
        period.fields().include("unitId", "periodFrom", "parentId", "own.version", "own.daysLate", "own.totals", "subtree", "rev");
        List<Rollup> docs;
        try (Stream<Rollup> read = mongo.stream(period, Rollup.class)) {
            docs = read.toList();
        }
        if (docs.isEmpty()) {
            return new Result(planId, periodId, 0, 0, List.of(), false);
        }
        LocalDate periodFrom = docs.get(0).periodFrom();
        Map<String, UnitNode> units = tree.all();
        Map<String, List<Totals>> own = new LinkedHashMap<>();
        docs.stream().filter(doc -> doc.own() != null).forEach(doc -> own.put(doc.unitId(), doc.ownTotals()));
        Map<String, List<Totals>> expected = SubtreeTotals.of(own, unit -> units.get(unit).placementFor(periodFrom).ancestorIds());
        Map<String, Rollup> byUnit = docs.stream().collect(Collectors.toMap(Rollup::unitId, Function.identity()));
        Set<String> all = new HashSet<>(expected.keySet());
        all.addAll(byUnit.keySet());
        List<String> mismatched = all.stream().filter(u -> !same(expected.get(u), byUnit.containsKey(u) ? byUnit.get(u).subtree() : null))
                .sorted().toList();
        if (repair && !mismatched.isEmpty()) {
            repair(docs, expected, byUnit, units, periodFrom);
            log.warn("Reconciliation of plan {} period {} repaired {} units: {}", planId, periodId, mismatched.size(), mismatched);
        }
        return new Result(planId, periodId, all.size(), mismatched.size(), mismatched, repair && !mismatched.isEmpty());
    }

    /** Rewrites each node's parent link, children snapshots and subtree totals from the recomputation. */
    private void repair(List<Rollup> docs, Map<String, List<Totals>> expected, Map<String, Rollup> byUnit, Map<String, UnitNode> units,
            LocalDate periodFrom) {
        Map<String, List<String>> childrenOf = new HashMap<>();
        for (UnitNode unit : units.values()) {
            String parent = unit.placementFor(periodFrom).parentId();
            if (parent != null && expected.containsKey(unit.id())) {
                childrenOf.computeIfAbsent(parent, p -> new ArrayList<>()).add(unit.id());
            }
        }
        for (Rollup doc : docs) {
            Document children = new Document();
            for (String child : childrenOf.getOrDefault(doc.unitId(), List.of())) {
                Rollup childDoc = byUnit.get(child);
                children.put(child, Rollup.ChildSnapshot.of(childDoc == null ? 0 : childDoc.rev(), expected.get(child)));
            }
            UnitNode unit = units.get(doc.unitId());
            String parent = unit == null ? doc.parentId() : unit.placementFor(periodFrom).parentId();
            mongo.updateFirst(Query.query(Criteria.where("_id").is(doc.id())), new Update().set("children", children).set("parentId", parent)
                    .set("subtree", expected.getOrDefault(doc.unitId(), List.of())).inc("rev", 1), Rollup.class);
        }
    }

    @Scheduled(cron = "${doan.reconciliation.cron}", zone = "Asia/Ho_Chi_Minh")
    public void nightly() {
        for (Document period : mongo.getCollection("rollups").aggregate(List.of(
                new Document("$group", new Document("_id", new Document("planId", "$planId").append("periodId", "$periodId")))))) {
            Document key = period.get("_id", Document.class);
            Result result = run(key.getString("planId"), key.getString("periodId"), true);
            log.info("Nightly reconciliation of plan {} period {}: {} nodes, {} mismatches", result.planId(), result.periodId(),
                    result.nodes(), result.mismatches());
        }
    }

    private static boolean same(List<Totals> a, List<Totals> b) {
        return normalised(a).equals(normalised(b));
    }

    private static Map<String, Totals> normalised(List<Totals> totals) {
        Map<String, Totals> map = new TreeMap<>();
        if (totals != null) {
            totals.stream().filter(t -> t.units() != 0 || t.numerator() != 0 || t.denominator() != 0).forEach(t -> map.put(t.code(), t));
        }
        return map;
    }
}
