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
import vn.doan.reportservice.catalog.Catalog;
import vn.doan.reportservice.catalog.PlanView;
import vn.doan.reportservice.catalog.UnitView;
import vn.doan.support.web.ApiProblem;

/** For the upper level: which units under it must report a plan's period, and who did, on time or late. */
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

    public enum State { ON_TIME, LATE, NOT_YET_DUE, MISSING }

    public record UnitState(String unitId, String name, String level, State state, int daysLate, String reportId, Integer version) {
    }

    public record View(String planId, String periodId, LocalDate dueDate, String rootUnitId, int expected, long submitted,
            long onTime, long late, long missing, List<UnitState> units) {
    }

    public View of(String planId, String periodId, String rootUnitId) {
        PlanView plan = catalog.plan(planId).orElseThrow(() -> ApiProblem.notFound("report.plan-unknown", "planId",
                "Plan " + planId + " is unknown here.", "Không tìm thấy kế hoạch " + planId + "."));
        PlanView.ReportingPeriod period = plan.period(periodId).orElseThrow(() -> ApiProblem.notFound("report.period-unknown", "periodId",
                "Plan has no reporting period " + periodId + ".", "Kế hoạch không có kỳ báo cáo " + periodId + "."));
        String root = rootUnitId == null ? plan.plan().issuingUnitId() : rootUnitId;
        Map<String, Report> byUnit = reports.forPeriod(planId, periodId).stream()
                .collect(Collectors.toMap(Report::unitId, Function.identity()));
        boolean overdue = LocalDate.now(clock.withZone(EventCodec.ZONE)).isAfter(period.dueDate());
        List<UnitState> units = catalog.unitsUnder(root, period.reportingLevels()).stream()
                .filter(u -> u.id().equals(plan.plan().issuingUnitId()) || u.ancestorIds().contains(plan.plan().issuingUnitId()))
                .sorted(Comparator.comparing(UnitView::name))
                .map(u -> state(u, byUnit.get(u.id()), overdue)).toList();
        long onTime = units.stream().filter(u -> u.state() == State.ON_TIME).count();
        long late = units.stream().filter(u -> u.state() == State.LATE).count();
        return new View(planId, periodId, period.dueDate(), root, units.size(), onTime + late, onTime, late,
                units.stream().filter(u -> u.state() == State.MISSING).count(), units);
    }

    private static UnitState state(UnitView unit, Report report, boolean overdue) {
        if (report == null || report.version() == 0) {
            return new UnitState(unit.id(), unit.name(), unit.level().name(), overdue ? State.MISSING : State.NOT_YET_DUE, 0, null, null);
        }
        int firstDaysLate = report.versions().isEmpty() ? report.daysLate() : report.versions().get(0).daysLate();
        return new UnitState(unit.id(), unit.name(), unit.level().name(), firstDaysLate == 0 ? State.ON_TIME : State.LATE, firstDaysLate,
                report.id(), report.version());
    }
}
