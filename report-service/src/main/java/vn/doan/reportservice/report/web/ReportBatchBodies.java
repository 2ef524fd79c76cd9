package vn.doan.reportservice.report.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.doan.reportservice.report.ReportBatch;
import vn.doan.reportservice.report.ReportService;
import vn.doan.reportservice.report.web.ReportBodies.Sections;
import vn.doan.reportservice.report.web.ReportBodies.Value;
import vn.doan.support.web.ProblemHandler;

/** The JSON bodies of {@code POST /api/reports/batch}: many new reports, and an answer for each. */
final class ReportBatchBodies {

    private ReportBatchBodies() {
    }

    /** The reports to create and submit, each with its own idempotency key. */
    record Batch(@NotNull List<@NotNull @Valid Item> reports) {

        List<ReportBatch.Item> items() {
            return reports.stream().map(r -> new ReportBatch.Item(r.idempotencyKey, new ReportService.Submission(r.planId, r.unitId, r.periodId,
                    Value.stored(r.values), Sections.stored(r.sections), r.links))).toList();
        }
    }

    /** A new report as {@code POST /api/reports} takes it, with the idempotency key its header would carry. */
    record Item(String idempotencyKey, @NotBlank String planId, @NotBlank String unitId, @NotBlank String periodId, List<Value> values,
            Sections sections, List<String> links) {
    }

    enum Outcome {
        CREATED, REPEATED, REFUSED
    }

    /**
     * One report's answer, in the batch's order: {@code status} is what {@code POST /api/reports} would have answered —
     * 201 created, 200 the same report as before, or the refusal's status with its problem+json in {@code problem}.
     */
    record ItemAnswer(int index, String idempotencyKey, String unitId, Outcome outcome, int status, String reportId, Integer version,
            Integer daysLate, Boolean onTime, Map<String, Object> problem) {

        static ItemAnswer of(int index, ReportBatch.Item item, ReportBatch.Answer answer) {
            String unitId = item.submission().unitId();
            if (answer.refusal() != null) {
                Map<String, Object> problem = ProblemHandler.document(answer.refusal());
                return new ItemAnswer(index, item.key(), unitId, Outcome.REFUSED, (Integer) problem.get("status"), null, null, null, null, problem);
            }
            var r = answer.report();
            return new ItemAnswer(index, item.key(), unitId, answer.created() ? Outcome.CREATED : Outcome.REPEATED, answer.created() ? 201 : 200,
                    r.id(), r.version(), r.daysLate(), r.daysLate() == 0, null);
        }
    }

    /** How many reports were created now, were the same as before, were refused; and each one's answer. */
    record Answer(int created, int repeated, int refused, List<ItemAnswer> reports) {

        static Answer of(List<ReportBatch.Item> items, List<ReportBatch.Answer> answers) {
            List<ItemAnswer> each = new ArrayList<>();
            int[] counts = new int[Outcome.values().length];
            for (int i = 0; i < items.size(); i++) {
                ItemAnswer answer = ItemAnswer.of(i, items.get(i), answers.get(i));
                counts[answer.outcome().ordinal()]++;
                each.add(answer);
            }
            return new Answer(counts[Outcome.CREATED.ordinal()], counts[Outcome.REPEATED.ordinal()], counts[Outcome.REFUSED.ordinal()], each);
        }
    }
}
