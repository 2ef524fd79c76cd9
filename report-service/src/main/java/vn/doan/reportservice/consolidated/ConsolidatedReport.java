package vn.doan.reportservice.consolidated;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import vn.doan.events.plan.IndicatorKind;
import vn.doan.reportservice.report.Report;

/**
 * The draft of a unit's report to its superior for a plan's period, drafted from its subtree: the subtree's figures of
 * every indicator (for reading: they are indicator-service's roll-up of the units' own values), who reported on time,
 * late or not at all, and each direct child's narrative under its name. {@code submission} is what the office edits
 * and submits as its own report through {@code POST /api/reports}: its values are only the unit's own (those it already
 * entered), never the subtree figures, so nothing the unit consolidated is counted twice up the tree. {@code ranking} ranks
 * the direct children where the plan sets an emulation ranking (null where it sets none).
 */
public record ConsolidatedReport(
        Plan plan,
        Period period,
        Unit unit,
        Unit superior,
        String place,
        LocalDate draftedOn,
        List<IndicatorFigure> figures,
        Timeliness timeliness,
        List<ChildNarrative> children,
        List<UnitRow> units,
        Submission submission,
        List<RankedUnit> ranking) {

    public record Plan(String id, String number, String title) {
    }

    public record Period(String id, String label, LocalDate dueDate) {
    }

    public record Unit(String id, String name, String level) {
    }

    /**
     * One indicator of the whole subtree: the sums, units reporting, value and the target it is compared with (percent),
     * status, and in words what it reached ({@code result}) and the target as the plan states it ({@code targetText}: "2–3",
     * "≤ 3%", "Hoàn thành trước ngày 15/11/2018").
     */
    public record IndicatorFigure(String code, String text, IndicatorKind kind, long numerator, long denominator, int reportingUnits,
            BigDecimal value, BigDecimal target, String status, String result, String targetText) {
    }

    /** The units below that had to report: how many, and by name those on time, late (with days) and missing. */
    public record Timeliness(int expected, int onTime, int late, int missing, int notYetDue, List<UnitState> units) {
    }

    /** {@code state}: ON_TIME, LATE, MISSING or NOT_YET_DUE. */
    public record UnitState(String unitId, String name, String state, int daysLate) {
    }

    /** A direct child's report: its sections under its name; null sections while it has not reported. */
    public record ChildNarrative(String unitId, String name, String state, String results, String shortcomings, String proposals) {
    }

    /** One unit of the subtree and its subtree figures (for a unit without units below: its own), for the spreadsheet. */
    public record UnitRow(String unitId, String name, String level, String parentName, String state, List<IndicatorFigure> figures) {
    }

    /** A direct child's place (1 = best), score out of 100, its subtree's expected and late reports, and its class. */
    public record RankedUnit(int rank, String unitId, String name, BigDecimal score, int expected, int late, String rankClass) {
    }

    /** The body of {@code POST /api/reports}: the unit's own values and the sections drafted from its children's. */
    public record Submission(String planId, String unitId, String periodId, List<Report.Value> values, Report.Sections sections) {
    }
}
