package vn.doan.reportservice.report.web;

import jakarta.validation.constraints.NotBlank;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.doan.reportservice.report.Report;
import vn.doan.reportservice.report.ReportService;

/**
 * The JSON bodies of {@code /api/reports}: what clients send and receive, kept apart from the stored report so that
 * either can change without the other. Each maps to or from the stored types here and nowhere else.
 */
final class ReportBodies {

    private ReportBodies() {
    }

    /** A new report or draft. */
    record Write(@NotBlank String planId, @NotBlank String unitId, @NotBlank String periodId, List<Value> values, Sections sections,
            List<String> links) {

        ReportService.Submission submission() {
            return new ReportService.Submission(planId, unitId, periodId, Value.stored(values), Sections.stored(sections), links);
        }
    }

    record Edit(List<Value> values, Sections sections, List<String> links) {
    }

    record Revise(List<Value> values) {
    }

    record Return(String reason) {
    }

    /**
     * A reported value: numerator and denominator for shares and rates; the numerator alone for counts; 1 or 0 for a
     * yes/no; for a milestone 1 with the date it was done ({@code doneOn}), or 0.
     */
    record Value(String indicatorCode, long numerator, Long denominator, LocalDate doneOn) {

        static List<Report.Value> stored(List<Value> values) {
            return values == null ? null : values.stream()
                    .map(v -> v == null ? null : new Report.Value(v.indicatorCode, v.numerator, v.denominator, v.doneOn)).toList();
        }

        static List<Value> of(List<Report.Value> values) {
            return values == null ? null : values.stream()
                    .map(v -> new Value(v.indicatorCode(), v.numerator(), v.denominator(), v.doneOn())).toList();
        }
    }

    /** "Kết quả", "Hạn chế, nguyên nhân", "Đề xuất, kiến nghị". */
    record Sections(String results, String shortcomings, String proposals) {

        static Report.Sections stored(Sections s) {
            return s == null ? null : new Report.Sections(s.results, s.shortcomings, s.proposals);
        }

        static Sections of(Report.Sections s) {
            return s == null ? null : new Sections(s.results(), s.shortcomings(), s.proposals());
        }
    }

    record Attachment(String id, String filename, String contentType, long size, String sha256, Instant uploadedAt) {

        static Attachment of(Report.Attachment a) {
            return new Attachment(a.id(), a.filename(), a.contentType(), a.size(), a.sha256(), a.uploadedAt());
        }
    }

    record Version(int version, List<Value> values, Sections sections, Instant submittedAt, int daysLate, String submittedBy,
            String idempotencyKey) {

        static Version of(Report.Version v) {
            return new Version(v.version(), Value.of(v.values()), Sections.of(v.sections()), v.submittedAt(), v.daysLate(), v.submittedBy(),
                    v.idempotencyKey());
        }
    }

    record Transition(Report.Status from, Report.Status to, String by, Instant at, String reason) {

        static Transition of(Report.Transition t) {
            return new Transition(t.from(), t.to(), t.by(), t.at(), t.reason());
        }
    }

    /** The report in force, with every version and transition. */
    record ReportView(String id, Report.Status status, int version, String planId, String unitId, String periodId, Instant submittedAt,
            LocalDate dueDate, int daysLate, boolean onTime, List<Value> values, Sections sections, List<String> links,
            List<Attachment> attachments, List<Version> versions, List<Transition> transitions) {

        static ReportView of(Report r) {
            return new ReportView(r.id(), r.status(), r.version(), r.planId(), r.unitId(), r.periodId(), r.submittedAt(), r.dueDate(),
                    r.daysLate(), r.daysLate() == 0, Value.of(r.values()), Sections.of(r.sections()), r.links(),
                    map(r.attachments(), Attachment::of), map(r.versions(), Version::of), map(r.transitions(), Transition::of));
        }

        private static <S, T> List<T> map(List<S> stored, java.util.function.Function<S, T> body) {
            return stored == null ? null : stored.stream().map(body).toList();
        }
    }
}
