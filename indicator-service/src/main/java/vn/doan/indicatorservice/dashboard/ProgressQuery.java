package vn.doan.indicatorservice.dashboard;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.springframework.stereotype.Service;
import vn.doan.events.EventCodec;
import vn.doan.events.UnitPeriod;
import vn.doan.indicatorservice.replica.PlanDefinition;
import vn.doan.indicatorservice.replica.Plans;
import vn.doan.indicatorservice.replica.Tree;
import vn.doan.indicatorservice.replica.UnitNode;
import vn.doan.indicatorservice.rollup.Progress;
import vn.doan.indicatorservice.rollup.Rollup;
import vn.doan.indicatorservice.rollup.RollupStore;
import vn.doan.indicatorservice.rollup.Totals;
import vn.doan.support.security.Caller;
import vn.doan.support.web.ApiProblem;

/** The dashboards: one unit's indicators, and one row per child unit, as the caller may see them. */
@Service
public class ProgressQuery {

    private final RollupStore rollups;
    private final Plans plans;
    private final Tree tree;
    private final Clock clock;

    ProgressQuery(RollupStore rollups, Plans plans, Tree tree, Clock clock) {
        this.rollups = rollups;
        this.plans = plans;
        this.tree = tree;
        this.clock = clock;
    }

    public record IndicatorProgress(String code, String text, String kind, BigDecimal target, BigDecimal targetMax,
            Progress.Measure own, Progress.Measure subtree, boolean achieved) {
    }

    /**
     * {@code reports}: who in the subtree had to report and who did, counted as the roll-up stands (read from the unit's
     * roll-up document and the count of expected units per tree version, not by listing the subtree's units).
     */
    public record UnitProgress(String planId, String periodId, String unitId, String unitName, String level, Integer ownVersion,
            Integer daysLate, List<IndicatorProgress> indicators, Reports reports) {
    }

    /**
     * The subtree's reports in force, on time and late, returned for revision, and the units without one: missing past the due
     * date, not yet due before it. expected = submitted + returned + missing + notYetDue, as in {@link Completeness}.
     */
    public record Reports(int expected, int submitted, int onTime, int late, int returned, int missing, int notYetDue) {

        static Reports of(Rollup doc, int expected, boolean overdue) {
            Totals reports = doc == null ? null : doc.reports().orElse(null);
            int submitted = reports == null ? 0 : reports.units();
            int late = reports == null ? 0 : reports.late();
            int returned = doc == null ? 0 : doc.returned();
            // while the roll-up's copy of a changed tree differs from the count's, never below 0
            int without = Math.max(0, expected - submitted - returned);
            return new Reports(expected, submitted, submitted - late, late, returned, overdue ? without : 0, overdue ? 0 : without);
        }
    }

    /**
     * Who under a unit had to report the period (README, "Who is expected to report"), who did, on time or late, whose
     * report was returned, who is missing past the due date and who has not reported before it; {@code missingUnits} lists
     * the units without a report (missing or not yet due). expected = submitted + returned + missing + notYetDue.
     */
    public record Completeness(String planId, String periodId, String unitId, int expected, int submitted, int onTime, int late,
            int missing, List<MissingUnit> missingUnits, int returned, int notYetDue) {

        public Completeness(String planId, String periodId, String unitId, int expected, int submitted, int onTime, int late, int missing,
                List<MissingUnit> missingUnits) {
            this(planId, periodId, unitId, expected, submitted, onTime, late, missing, missingUnits, 0, 0);
        }
    }

    public record MissingUnit(String unitId, String unitName, String level) {
    }

    public Completeness completeness(String planId, String periodId, String unitId) {
        PlanDefinition plan = plan(planId);
        PlanDefinition.Period period = period(plan, periodId);
        List<UnitNode> expected = tree.expected(plan, period, unitId);
        Map<String, Rollup.Own> reports = rollups.ownReports(expected.stream().map(u -> new UnitPeriod(planId, periodId, u.id())).toList());
        List<Rollup.Own> inForce = reports.values().stream().filter(own -> !own.isReturned()).toList();
        int late = (int) inForce.stream().filter(own -> own.daysLate() > 0).count();
        int returned = reports.size() - inForce.size();
        List<MissingUnit> missing = expected.stream().filter(u -> !reports.containsKey(u.id())).sorted(Comparator.comparing(UnitNode::name))
                .map(u -> new MissingUnit(u.id(), u.name(), u.level().name())).toList();
        boolean overdue = overdue(period);
        return new Completeness(planId, periodId, unitId, expected.size(), inForce.size(), inForce.size() - late, late,
                overdue ? missing.size() : 0, missing, returned, overdue ? 0 : missing.size());
    }

    /** The unit's dashboard for every period of the plan, in the plan's order. */
    public List<UnitProgress> history(String planId, String unitId) {
        return plan(planId).schedule().stream().map(p -> unit(planId, p.periodId(), unitId)).toList();
    }

    public UnitProgress unit(String planId, String periodId, String unitId) {
        PlanDefinition plan = plan(planId);
        PlanDefinition.Period period = period(plan, periodId);
        UnitNode unit = tree.find(unitId).orElseThrow(() -> ApiProblem.notFound("progress.unit-unknown", "unitId",
                "No unit " + unitId + " is known here.", "Không tìm thấy đơn vị " + unitId + "."));
        return view(plan, period, unit, rollups.find(new UnitPeriod(planId, periodId, unitId)), tree.version());
    }

    public List<UnitProgress> children(String planId, String periodId, String unitId) {
        return children(planId, periodId, unitId, null);
    }

    /** One row per direct child; with an indicator code, each row holds that indicator alone. */
    public List<UnitProgress> children(String planId, String periodId, String unitId, String indicatorCode) {
        PlanDefinition plan = plan(planId);
        if (indicatorCode != null && plan.indicators().stream().noneMatch(i -> i.code().equals(indicatorCode))) {
            throw ApiProblem.notFound("progress.indicator-unknown", "indicator", "Plan has no indicator " + indicatorCode + ".",
                    "Kế hoạch không có chỉ tiêu " + indicatorCode + ".");
        }
        PlanDefinition.Period period = period(plan, periodId);
        List<UnitNode> children = tree.children(unitId, period.from(), period.to());
        Map<String, Rollup> docs = rollups.findByUnit(children.stream().map(c -> new UnitPeriod(planId, periodId, c.id())).toList());
        long treeVersion = tree.version();
        return children.stream().sorted(Comparator.comparing(UnitNode::name))
                .map(child -> view(plan, period, child, docs.get(child.id()), treeVersion))
                .map(row -> indicatorCode == null ? row : new UnitProgress(row.planId(), row.periodId(), row.unitId(), row.unitName(), row.level(),
                        row.ownVersion(), row.daysLate(), row.indicators().stream().filter(i -> i.code().equals(indicatorCode)).toList(),
                        row.reports()))
                .toList();
    }

    private UnitProgress view(PlanDefinition plan, PlanDefinition.Period period, UnitNode unit, Rollup doc, long treeVersion) {
        Reports reports = Reports.of(doc, tree.expectedCount(plan, period, unit, treeVersion), overdue(period));
        return view(plan, period, unit, doc, LocalDate.now(clock), Caller.current(), reports);
    }

    private boolean overdue(PlanDefinition.Period period) {
        return period.dueDate() == null || LocalDate.now(clock.withZone(EventCodec.ZONE)).isAfter(period.dueDate());
    }

    /** The dashboard of {@code unit} ({@code doc} null: nothing reported in its subtree) on {@code today}, as {@code caller} may see it. */
    static UnitProgress view(PlanDefinition plan, PlanDefinition.Period period, UnitNode unit, Rollup doc, LocalDate today, Caller caller,
            Reports reports) {
        Map<String, Totals> own = Totals.byCode(doc == null ? List.of() : doc.ownTotals());
        Map<String, Totals> subtree = Totals.byCode(doc == null ? List.of() : doc.subtree());
        List<IndicatorProgress> indicators = plan.indicators().stream().filter(followedBy(caller)).map(indicator -> {
            Progress.Measure ownMeasure = Progress.measure(indicator, period, own.get(indicator.code()), true, today);
            Progress.Measure subtreeMeasure = Progress.measure(indicator, period, subtree.get(indicator.code()), false, today);
            return new IndicatorProgress(indicator.code(), indicator.text(), indicator.kind().name(), indicator.target(period),
                    indicator.targetMax(), ownMeasure, subtreeMeasure, subtreeMeasure.status() == Progress.Status.ACHIEVED);
        }).toList();
        Rollup.Own report = doc == null ? null : doc.own();
        return new UnitProgress(plan.id(), period.periodId(), unit.id(), unit.name(), unit.level().name(),
                report == null ? null : report.version(), report == null ? null : report.daysLate(), indicators, reports);
    }

    /** Department staff follow the indicators assigned to their department; everyone else sees all of them. */
    private static Predicate<PlanDefinition.Indicator> followedBy(Caller caller) {
        boolean staffOnly = caller.is(Caller.DEPARTMENT_STAFF) && !caller.is(Caller.CADRE) && !caller.is(Caller.ADMIN);
        return indicator -> !staffOnly || Objects.equals(indicator.department(), caller.department());
    }

    private PlanDefinition plan(String planId) {
        return plans.find(planId).orElseThrow(() -> ApiProblem.notFound("progress.plan-unknown", "planId",
                "No plan " + planId + " is known here.", "Không tìm thấy kế hoạch " + planId + "."));
    }

    private static PlanDefinition.Period period(PlanDefinition plan, String periodId) {
        return plan.period(periodId).orElseThrow(() -> ApiProblem.notFound("progress.period-unknown", "periodId",
                "Plan has no period " + periodId + ".", "Kế hoạch không có kỳ " + periodId + "."));
    }
}
