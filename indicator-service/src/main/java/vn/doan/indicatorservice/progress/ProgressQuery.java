package vn.doan.indicatorservice.progress;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import vn.doan.events.plan.PlanIssued;
import vn.doan.indicatorservice.plan.PlanDefinition;
import vn.doan.indicatorservice.plan.Plans;
import vn.doan.indicatorservice.tree.Tree;
import vn.doan.indicatorservice.tree.UnitNode;
import vn.doan.support.security.Caller;
import vn.doan.support.web.ApiProblem;

/** The dashboards: one unit's indicators, and one row per child unit. */
@Service
public class ProgressQuery {

    private final MongoTemplate mongo;
    private final Plans plans;
    private final Tree tree;
    private final Clock clock;

    ProgressQuery(MongoTemplate mongo, Plans plans, Tree tree, Clock clock) {
        this.mongo = mongo;
        this.plans = plans;
        this.tree = tree;
        this.clock = clock;
    }

    public record Measure(long numerator, long denominator, int reportingUnits, int unitsMet, int below, int within, int above,
            int doneOnTime, int doneLate, BigDecimal value, BigDecimal percent, BigDecimal target, Progress.Status status) {
    }

    public record IndicatorProgress(String code, String text, String kind, BigDecimal target, BigDecimal targetMax,
            Measure own, Measure subtree, boolean achieved) {
    }

    public record UnitProgress(String planId, String periodId, String unitId, String unitName, String level, Integer ownVersion,
            Integer daysLate, List<IndicatorProgress> indicators) {
    }

    /** Who under a unit had to report the period, who did, on time or late, and who is missing. */
    public record Completeness(String planId, String periodId, String unitId, int expected, int submitted, int onTime, int late,
            int missing, List<MissingUnit> missingUnits) {
    }

    public record MissingUnit(String unitId, String unitName, String level) {
    }

    public Completeness completeness(String planId, String periodId, String unitId) {
        PlanDefinition plan = plan(planId);
        PlanIssued.ReportingPeriod period = period(plan, periodId);
        List<UnitNode> expected = tree.subtree(unitId, period.from()).stream()
                .filter(u -> period.reportingLevels().contains(u.level())).toList();
        Query reportedQuery = Query.query(Criteria.where("_id").in(expected.stream().map(u -> Rollup.key(planId, periodId, u.id())).toList())
                .and("own").ne(null));
        reportedQuery.fields().include("unitId", "rev");
        java.util.Set<String> reported = mongo.find(reportedQuery, Rollup.class).stream().map(Rollup::unitId).collect(Collectors.toSet());
        Rollup doc = find(planId, periodId, unitId);
        Totals reports = doc == null ? null : byCode(doc.subtree()).get(Contribution.REPORTS);
        int onTime = reports == null ? 0 : reports.onTime();
        int late = reports == null ? 0 : reports.late();
        List<MissingUnit> missing = expected.stream().filter(u -> !reported.contains(u.id())).sorted(Comparator.comparing(UnitNode::name))
                .map(u -> new MissingUnit(u.id(), u.name(), u.level().name())).toList();
        return new Completeness(planId, periodId, unitId, expected.size(), onTime + late, onTime, late, missing.size(), missing);
    }

    /** The unit's dashboard for every period of the plan, in the plan's order. */
    public List<UnitProgress> history(String planId, String unitId) {
        return plan(planId).plan().schedule().stream().map(p -> unit(planId, p.periodId(), unitId)).toList();
    }

    public UnitProgress unit(String planId, String periodId, String unitId) {
        PlanDefinition plan = plan(planId);
        PlanIssued.ReportingPeriod period = period(plan, periodId);
        UnitNode unit = tree.find(unitId).orElseThrow(() -> ApiProblem.notFound("progress.unit-unknown", "unitId",
                "No unit " + unitId + " is known here.", "Không tìm thấy đơn vị " + unitId + "."));
        return view(plan, period, unit, find(planId, periodId, unitId));
    }

    public List<UnitProgress> children(String planId, String periodId, String unitId) {
        return children(planId, periodId, unitId, null);
    }

    /** One row per direct child; with an indicator code, each row holds that indicator alone. */
    public List<UnitProgress> children(String planId, String periodId, String unitId, String indicatorCode) {
        PlanDefinition plan = plan(planId);
        if (indicatorCode != null && plan.plan().indicators().stream().noneMatch(i -> i.code().equals(indicatorCode))) {
            throw ApiProblem.notFound("progress.indicator-unknown", "indicator", "Plan has no indicator " + indicatorCode + ".",
                    "Kế hoạch không có chỉ tiêu " + indicatorCode + ".");
        }
        PlanIssued.ReportingPeriod period = period(plan, periodId);
        List<UnitNode> children = tree.children(unitId, period.from());
        Map<String, Rollup> docs = mongo.find(Rollup.lean(Query.query(Criteria.where("_id")
                                .in(children.stream().map(c -> Rollup.key(planId, periodId, c.id())).toList())), List.of()), Rollup.class)
                .stream().collect(Collectors.toMap(Rollup::unitId, Function.identity()));
        return children.stream().sorted(Comparator.comparing(UnitNode::name))
                .map(child -> view(plan, period, child, docs.get(child.id())))
                .map(row -> indicatorCode == null ? row : new UnitProgress(row.planId(), row.periodId(), row.unitId(), row.unitName(), row.level(),
                        row.ownVersion(), row.daysLate(), row.indicators().stream().filter(i -> i.code().equals(indicatorCode)).toList()))
                .toList();
    }

    /** The unit's rollup document without its children's snapshots, which the subtree totals already sum. */
    private Rollup find(String planId, String periodId, String unitId) {
        return mongo.findOne(Rollup.lean(Query.query(Criteria.where("_id").is(Rollup.key(planId, periodId, unitId))), List.of()), Rollup.class);
    }

    /** The dashboard a rollup document stands for, or empty if its plan, period or unit is not known. */
    java.util.Optional<UnitProgress> view(Rollup doc, Lookups lookups) {
        return lookups.plan(doc.planId()).flatMap(plan -> plan.period(doc.periodId())
                .flatMap(period -> lookups.unit(doc.unitId()).map(unit -> view(plan, period, unit, doc))));
    }

    static java.util.Optional<Totals> reports(Rollup doc) {
        return doc.subtree().stream().filter(t -> t.code().equals(Contribution.REPORTS)).findFirst();
    }

    private UnitProgress view(PlanDefinition plan, PlanIssued.ReportingPeriod period, UnitNode unit, Rollup doc) {
        LocalDate today = LocalDate.now(clock);
        Map<String, Totals> own = byCode(doc == null ? List.of() : doc.ownTotals());
        Map<String, Totals> subtree = byCode(doc == null ? List.of() : doc.subtree());
        List<IndicatorProgress> indicators = plan.plan().indicators().stream().filter(followedBy(Caller.current())).map(indicator -> {
            Measure ownMeasure = measure(indicator, period, own.get(indicator.code()), true, today);
            Measure subtreeMeasure = measure(indicator, period, subtree.get(indicator.code()), false, today);
            return new IndicatorProgress(indicator.code(), indicator.text(), indicator.kind().name(), indicator.targetFor(period.to().getYear()),
                    indicator.targetMax(), ownMeasure, subtreeMeasure, subtreeMeasure.status() == Progress.Status.ACHIEVED);
        }).toList();
        Rollup.Own report = doc == null ? null : doc.own();
        return new UnitProgress(plan.id(), period.periodId(), unit.id(), unit.name(), unit.level().name(),
                report == null ? null : report.version(), report == null ? null : report.daysLate(), indicators);
    }

    /** Department staff follow the indicators assigned to their department; everyone else sees all of them. */
    private static java.util.function.Predicate<PlanIssued.Indicator> followedBy(Caller caller) {
        boolean staffOnly = caller.is(Caller.DEPARTMENT_STAFF) && !caller.is(Caller.CADRE) && !caller.is(Caller.ADMIN);
        return indicator -> !staffOnly || java.util.Objects.equals(indicator.department(), caller.department());
    }

    private static Measure measure(PlanIssued.Indicator indicator, PlanIssued.ReportingPeriod period, Totals totals, boolean ownOnly, LocalDate today) {
        Totals t = totals == null ? new Totals(indicator.code(), 0, 0, 0, 0, 0, 0, 0, 0, 0) : totals;
        BigDecimal value = Progress.value(indicator.kind(), t, ownOnly);
        BigDecimal target = Progress.target(indicator, period, ownOnly);
        BigDecimal percent = Contribution.isShare(indicator.kind()) ? Progress.percent(t.numerator(), t.denominator()) : value;
        return new Measure(t.numerator(), t.denominator(), t.units(), t.met(), t.below(), t.within(), t.above(), t.onTime(), t.late(),
                value, percent, target, Progress.status(indicator.kind(), value, target, t, ownOnly, period, today));
    }

    private static Map<String, Totals> byCode(List<Totals> totals) {
        return totals.stream().collect(Collectors.toMap(Totals::code, Function.identity()));
    }

    private PlanDefinition plan(String planId) {
        return plans.find(planId).orElseThrow(() -> ApiProblem.notFound("progress.plan-unknown", "planId",
                "No plan " + planId + " is known here.", "Không tìm thấy kế hoạch " + planId + "."));
    }

    private static PlanIssued.ReportingPeriod period(PlanDefinition plan, String periodId) {
        return plan.period(periodId).orElseThrow(() -> ApiProblem.notFound("progress.period-unknown", "periodId",
                "Plan has no period " + periodId + ".", "Kế hoạch không có kỳ " + periodId + "."));
    }
}
