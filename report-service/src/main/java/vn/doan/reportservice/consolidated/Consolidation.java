package vn.doan.reportservice.consolidated;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import vn.doan.events.EventCodec;
import vn.doan.reportservice.catalog.Catalog;
import vn.doan.reportservice.catalog.PlanView;
import vn.doan.reportservice.catalog.UnitView;
import vn.doan.reportservice.consolidated.ConsolidatedReport.IndicatorFigure;
import vn.doan.reportservice.report.Completeness;
import vn.doan.reportservice.report.Report;
import vn.doan.reportservice.report.ReportService;
import vn.doan.support.web.ApiProblem;

/**
 * Drafts a unit's consolidated report from what report-service holds itself: the plan and tree (catalog), the reports
 * (their narratives and who reported when) and the subtree figures kept from the progress topic. It calls no service.
 */
@Service
public class Consolidation {

    private static final List<String> NAME_PREFIXES = List.of("Tỉnh đoàn ", "Thành đoàn ", "Huyện đoàn ", "Thị đoàn ", "Đoàn xã ",
            "Đoàn phường ", "Đoàn thị trấn ", "Đoàn trường ", "Chi đoàn ", "Đoàn ");

    private final Catalog catalog;
    private final Completeness completeness;
    private final ReportService reports;
    private final FiguresReplica figures;
    private final Clock clock;

    Consolidation(Catalog catalog, Completeness completeness, ReportService reports, FiguresReplica figures, Clock clock) {
        this.catalog = catalog;
        this.completeness = completeness;
        this.reports = reports;
        this.figures = figures;
        this.clock = clock;
    }

    public ConsolidatedReport draft(String planId, String periodId, String unitId) {
        PlanView plan = catalog.plan(planId).orElseThrow(() -> ApiProblem.notFound("report.plan-unknown", "planId",
                "Plan " + planId + " is unknown here.", "Không tìm thấy kế hoạch " + planId + "."));
        PlanView.ReportingPeriod period = plan.period(periodId).orElseThrow(() -> ApiProblem.notFound("report.period-unknown", "periodId",
                "Plan has no reporting period " + periodId + ".", "Kế hoạch không có kỳ báo cáo " + periodId + "."));
        UnitView unit = catalog.unit(unitId).orElseThrow(() -> ApiProblem.notFound("report.unit-unknown", "unitId",
                "No unit " + unitId + ".", "Không tìm thấy đơn vị " + unitId + "."));
        String issuer = plan.plan().issuingUnitId();
        if (!unit.id().equals(issuer) && !unit.ancestorIds().contains(issuer)) {
            throw ApiProblem.invalid("report.unit-out-of-scope", "unitId",
                    "Unit " + unit.name() + " is not under the unit that issued plan " + plan.plan().number() + ".",
                    "Đơn vị " + unit.name() + " không thuộc phạm vi của kế hoạch " + plan.plan().number() + ".");
        }
        Optional<UnitView> superior = Optional.ofNullable(unit.parentId()).flatMap(catalog::unit);

        // the subtree as it stood in the period, and the reports, read once: Completeness counts from the same
        List<UnitView> subtree = catalog.unitsUnder(unitId, period.from(), period.to()).stream()
                .sorted(Comparator.comparing((UnitView u) -> u.ancestorIds().size()).thenComparing(UnitView::name)).toList();
        Map<String, UnitView> byId = subtree.stream().collect(Collectors.toMap(UnitView::id, Function.identity()));
        Map<String, SubtreeFigures> figuresByUnit = figures.of(planId, periodId, byId.keySet());
        Map<String, Report> reportByUnit = reports.forPeriod(planId, periodId, List.copyOf(byId.keySet())).stream()
                .collect(Collectors.toMap(Report::unitId, Function.identity()));
        Completeness.View expected = completeness.of(plan, period, unitId, subtree, reportByUnit);
        ConsolidatedReport.Timeliness timeliness = timeliness(expected, unitId);
        Map<String, String> stateByUnit = timeliness.units().stream()
                .collect(Collectors.toMap(ConsolidatedReport.UnitState::unitId, ConsolidatedReport.UnitState::state));

        List<IndicatorFigure> total = figures(plan, period, figuresByUnit.get(unitId));
        List<UnitView> directChildren = subtree.stream().filter(u -> unitId.equals(u.placementFor(period.from()).parentId())).toList();
        List<ConsolidatedReport.ChildNarrative> children = directChildren.stream()
                .map(u -> narrative(u, reportByUnit.get(u.id()), stateByUnit.get(u.id()))).toList();
        List<ConsolidatedReport.UnitRow> rows = subtree.stream().map(u -> new ConsolidatedReport.UnitRow(u.id(), u.name(), u.level().name(),
                Optional.ofNullable(byId.get(u.parentId())).map(UnitView::name).orElse(superior.map(UnitView::name).orElse("")),
                stateByUnit.get(u.id()), figures(plan, period, figuresByUnit.get(u.id())))).toList();
        Report own = reportByUnit.get(unitId);
        ConsolidatedReport.Submission submission = new ConsolidatedReport.Submission(planId, unitId, periodId,
                own == null ? List.of() : own.values(), DraftSections.of(total, timeliness, children));

        return new ConsolidatedReport(new ConsolidatedReport.Plan(planId, plan.plan().number(), plan.plan().title()),
                new ConsolidatedReport.Period(periodId, period.label(), period.dueDate()), unit(unit), superior.map(Consolidation::unit).orElse(null),
                place(unit.name()), LocalDate.now(clock.withZone(EventCodec.ZONE)), total, timeliness, children, rows, submission,
                DraftRanking.of(plan, period, directChildren, figuresByUnit, expected.units(), byId));
    }

    /** Every indicator of the plan, in the plan's order, with the subtree's figures (none yet: no data) and the plan's target. */
    private static List<IndicatorFigure> figures(PlanView plan, PlanView.ReportingPeriod period, SubtreeFigures subtree) {
        return plan.plan().indicators().stream().map(i -> {
            Optional<SubtreeFigures.Figure> f = subtree == null ? Optional.empty() : subtree.figure(i.code());
            IndicatorFigure figure = f.map(x -> new IndicatorFigure(i.code(), i.text(), i.kind(), x.numerator(), x.denominator(),
                    x.reportingUnits(), x.value(), x.target(), x.status(), null, null))
                    .orElse(new IndicatorFigure(i.code(), i.text(), i.kind(), 0, 0, 0, null, null, "NO_DATA", null, null));
            return new IndicatorFigure(figure.code(), figure.text(), figure.kind(), figure.numerator(), figure.denominator(),
                    figure.reportingUnits(), figure.value(), figure.target(), figure.status(), VietnameseFormat.result(i.kind(), figure),
                    VietnameseFormat.target(i, period));
        }).toList();
    }

    /** Who below the unit had to report, and how they did; the unit itself is not its own reporter. */
    private static ConsolidatedReport.Timeliness timeliness(Completeness.View view, String unitId) {
        List<ConsolidatedReport.UnitState> units = view.units().stream().filter(u -> !u.unitId().equals(unitId))
                .map(u -> new ConsolidatedReport.UnitState(u.unitId(), u.name(), u.state().name(), u.daysLate())).toList();
        return new ConsolidatedReport.Timeliness(units.size(), count(units, "ON_TIME"), count(units, "LATE"), count(units, "MISSING"),
                count(units, "NOT_YET_DUE"), units);
    }

    private static int count(List<ConsolidatedReport.UnitState> units, String state) {
        return (int) units.stream().filter(u -> u.state().equals(state)).count();
    }

    private static ConsolidatedReport.ChildNarrative narrative(UnitView child, Report report, String state) {
        Report.Sections s = report == null || report.version() == 0 ? null : report.sections();
        return new ConsolidatedReport.ChildNarrative(child.id(), child.name(), state, s == null ? null : s.results(),
                s == null ? null : s.shortcomings(), s == null ? null : s.proposals());
    }

    private static ConsolidatedReport.Unit unit(UnitView u) {
        return new ConsolidatedReport.Unit(u.id(), u.name(), u.level().name());
    }

    /** The place a unit dates its documents from: its name without the kind of unit ("Huyện đoàn Thọ Xuân" → "Thọ Xuân"). */
    static String place(String unitName) {
        return NAME_PREFIXES.stream().filter(unitName::startsWith).findFirst().map(p -> unitName.substring(p.length())).orElse(unitName);
    }
}
