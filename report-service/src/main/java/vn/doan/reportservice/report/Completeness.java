package vn.doan.reportservice.report;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import vn.doan.events.EventCodec;
import vn.doan.events.plan.UnitLevel;
import vn.doan.reportservice.catalog.Catalog;
import vn.doan.reportservice.catalog.PlanView;
import vn.doan.reportservice.catalog.UnitView;
import vn.doan.support.web.ApiProblem;

/**
 * For the upper level: which units under it must report a plan's period, and who did, on time or late, whose report came
 * back, who is missing. Who is expected is defined once for the platform, in indicator-service's README ("Who is expected
 * to report"); report-service counts the same units from its own copy of the tree over time.
 */
@Service
public class Completeness {

    private final Catalog catalog;
    private final ReportService reports;
    private final Clock clock;

    Completeness(Catalog catalog, ReportService reports, Clock clock) {
        this.catalog = catalog;
        this.reports = reports;
        this.clock = clock;
    }

    /** A unit's report in force: on time or late; RETURNED for revision and not resubmitted; none yet (NOT_YET_DUE, MISSING). */
    public enum State { ON_TIME, LATE, NOT_YET_DUE, MISSING, RETURNED }

    public record UnitState(String unitId, String name, String level, State state, int daysLate, String reportId, Integer version) {
    }

    /** expected = submitted (on time + late) + returned + missing + notYetDue. */
    public record View(String planId, String periodId, LocalDate dueDate, String rootUnitId, int expected, long submitted,
            long onTime, long late, long missing, List<UnitState> units, long returned, long notYetDue) {
    }

    public View of(String planId, String periodId, String rootUnitId) {
        PlanView plan = catalog.plan(planId).orElseThrow(() -> ApiProblem.notFound("report.plan-unknown", "planId",
                "Plan " + planId + " is unknown here.", "Không tìm thấy kế hoạch " + planId + "."));
        PlanView.ReportingPeriod period = plan.period(periodId).orElseThrow(() -> ApiProblem.notFound("report.period-unknown", "periodId",
                "Plan has no reporting period " + periodId + ".", "Kế hoạch không có kỳ báo cáo " + periodId + "."));
        String root = rootUnitId == null ? plan.plan().issuingUnitId() : rootUnitId;
        List<UnitView> subtree = catalog.unitsUnder(root, plan.reportingLevels(period), period.from(), period.to());
        Map<String, Report> byUnit = reports.forPeriod(planId, periodId, subtree.stream().map(UnitView::id).toList()).stream()
                .collect(Collectors.toMap(Report::unitId, Function.identity()));
        return of(plan, period, root, subtree, byUnit);
    }

    /**
     * The same view from what the caller has read already: {@code subtree}, the units at or below {@code root} in the tree of
     * the period (of any level: those of the levels that report it are kept), and the period's reports by unit.
     */
    public View of(PlanView plan, PlanView.ReportingPeriod period, String root, List<UnitView> subtree, Map<String, Report> byUnit) {
        boolean overdue = LocalDate.now(clock.withZone(EventCodec.ZONE)).isAfter(period.dueDate());
        String issuer = plan.plan().issuingUnitId();
        List<UnitLevel> levels = plan.reportingLevels(period);
        List<UnitState> units = subtree.stream()
                .filter(u -> levels.contains(u.level()) && u.within(issuer, period.from()))
                .sorted(Comparator.comparing(UnitView::name))
                .map(u -> state(u, byUnit.get(u.id()), overdue)).toList();
        long onTime = count(units, State.ON_TIME);
        long late = count(units, State.LATE);
        return new View(plan.id(), period.periodId(), period.dueDate(), root, units.size(), onTime + late, onTime, late, count(units, State.MISSING),
                units, count(units, State.RETURNED), count(units, State.NOT_YET_DUE));
    }

    private static long count(List<UnitState> units, State state) {
        return units.stream().filter(u -> u.state() == state).count();
    }

    /** Late or on time by the version in force, as indicator-service counts it from the version its roll-up holds. */
    private static UnitState state(UnitView unit, Report report, boolean overdue) {
        if (report == null || report.version() == 0) {
            return new UnitState(unit.id(), unit.name(), unit.level().name(), overdue ? State.MISSING : State.NOT_YET_DUE, 0, null, null);
        }
        State state = report.status() == Report.Status.RETURNED ? State.RETURNED : report.daysLate() == 0 ? State.ON_TIME : State.LATE;
        return new UnitState(unit.id(), unit.name(), unit.level().name(), state, report.daysLate(), report.id(), report.version());
    }
}
