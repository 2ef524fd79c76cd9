package vn.doan.reportservice.consolidated;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.doan.reportservice.report.Report;

/** The sections of a consolidated draft, written from the subtree's figures and the children's own sections, for the office to edit. */
final class DraftSections {

    private DraftSections() {
    }

    static Report.Sections of(List<ConsolidatedReport.IndicatorFigure> figures, ConsolidatedReport.Timeliness timeliness,
            List<ConsolidatedReport.ChildNarrative> children) {
        String results = "Kết quả thực hiện các chỉ tiêu:\n" + figures.stream().map(f -> "- " + label(f) + ": " + f.result())
                .collect(Collectors.joining("\n")) + byChild(children, ConsolidatedReport.ChildNarrative::results);
        String shortcomings = (timelinessLine(timeliness) + byChild(children, ConsolidatedReport.ChildNarrative::shortcomings)).strip();
        String proposals = byChild(children, ConsolidatedReport.ChildNarrative::proposals).strip();
        return new Report.Sections(results, shortcomings, proposals);
    }

    static String label(ConsolidatedReport.IndicatorFigure f) {
        return f.text() == null ? f.code() : f.code() + " " + f.text();
    }

    /** "Chậm báo cáo: Đoàn xã Xuân Hòa (3 ngày). Chưa báo cáo: Đoàn trường THPT Thọ Xuân 4." */
    static String timelinessLine(ConsolidatedReport.Timeliness t) {
        String late = t.units().stream().filter(u -> u.state().equals("LATE")).map(u -> u.name() + " (" + u.daysLate() + " ngày)")
                .collect(Collectors.joining(", "));
        String missing = t.units().stream().filter(u -> u.state().equals("MISSING")).map(ConsolidatedReport.UnitState::name)
                .collect(Collectors.joining(", "));
        return (late.isEmpty() ? "" : "Chậm báo cáo: " + late + ". ") + (missing.isEmpty() ? "" : "Chưa báo cáo: " + missing + ".");
    }

    private static String byChild(List<ConsolidatedReport.ChildNarrative> children, Function<ConsolidatedReport.ChildNarrative, String> section) {
        String text = children.stream().filter(c -> section.apply(c) != null && !section.apply(c).isBlank())
                .map(c -> c.name() + ": " + section.apply(c).strip()).collect(Collectors.joining("\n"));
        return text.isEmpty() ? "" : "\n" + text;
    }
}
