package vn.doan.reportservice.report.web;

import jakarta.validation.Valid;
import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.doan.reportservice.report.ReportBatch;
import vn.doan.reportservice.report.web.ReportBatchBodies.Answer;
import vn.doan.reportservice.report.web.ReportBatchBodies.Batch;
import vn.doan.support.security.Caller;

/**
 * Many new reports in one request, each answered on its own (see {@link ReportBatch}); a cadre sends them for their
 * own unit and the units below it ({@link ReportAccess#sendsFor}).
 */
@RestController
@RequestMapping("/api/reports")
class ReportBatchController {

    private final ReportBatch batch;
    private final ReportAccess access;

    ReportBatchController(ReportBatch batch, ReportAccess access) {
        this.batch = batch;
        this.access = access;
    }

    /** 200 with an answer per report, in the batch's order; a batch refused whole is problem+json and stores nothing. */
    @PostMapping("/batch")
    Answer submit(@Valid @RequestBody Batch body) {
        Caller caller = Caller.current();
        List<ReportBatch.Item> items = body.items();
        return Answer.of(items, batch.submit(items, access.sendsFor(caller), caller.subject()));
    }
}
