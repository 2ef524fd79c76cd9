package vn.doan.reportservice.report;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.doan.events.report.ReportSubmitted;

@RestController
@RequestMapping("/api/reports")
class ReportController {

    private final ReportService reports;
    private final Completeness completeness;

    ReportController(ReportService reports, Completeness completeness) {
        this.reports = reports;
        this.completeness = completeness;
    }

    record Submit(@NotBlank String planId, @NotBlank String unitId, @NotBlank String periodId, @NotNull List<ReportSubmitted.Value> values) {
    }

    record Revise(@NotNull List<ReportSubmitted.Value> values) {
    }

    record ReportView(String id, int version, String planId, String unitId, String periodId, Instant submittedAt, LocalDate dueDate,
            int daysLate, boolean onTime, List<ReportSubmitted.Value> values, List<Report.Version> versions) {

        static ReportView of(Report r) {
            return new ReportView(r.id(), r.version(), r.planId(), r.unitId(), r.periodId(), r.submittedAt(), r.dueDate(), r.daysLate(),
                    r.daysLate() == 0, r.values(), r.versions());
        }
    }

    /** 201 for a new report; 200 with the same report for a retry with the same Idempotency-Key. */
    @PostMapping
    ResponseEntity<ReportView> submit(@RequestHeader("Idempotency-Key") String key, @Valid @RequestBody Submit body) {
        return answer(reports.submit(key, new ReportService.Submission(body.planId(), body.unitId(), body.periodId(), body.values())));
    }

    @PostMapping("/{id}/revisions")
    ResponseEntity<ReportView> revise(@PathVariable String id, @RequestHeader("Idempotency-Key") String key, @Valid @RequestBody Revise body) {
        return answer(reports.revise(id, key, body.values()));
    }

    @GetMapping("/{id}")
    ReportView get(@PathVariable String id) {
        return ReportView.of(reports.find(id));
    }

    @GetMapping
    List<ReportView> forPeriod(@RequestParam String planId, @RequestParam String periodId) {
        return reports.forPeriod(planId, periodId).stream().map(ReportView::of).toList();
    }

    @GetMapping("/completeness")
    Completeness.View completeness(@RequestParam String planId, @RequestParam String periodId, @RequestParam(required = false) String unitId) {
        return completeness.of(planId, periodId, unitId);
    }

    private static ResponseEntity<ReportView> answer(ReportService.Outcome outcome) {
        return ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK).body(ReportView.of(outcome.report()));
    }
}
