package vn.doan.reportservice.report.web;

import jakarta.validation.Valid;
import java.io.IOException;
import java.util.List;
import org.springframework.core.io.InputStreamResource;
import org.springframework.data.mongodb.gridfs.GridFsResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.doan.reportservice.report.Completeness;
import vn.doan.reportservice.report.Evidence;
import vn.doan.reportservice.report.Report;
import vn.doan.reportservice.report.ReportService;
import vn.doan.reportservice.report.web.ReportBodies.Attachment;
import vn.doan.reportservice.report.web.ReportBodies.Edit;
import vn.doan.reportservice.report.web.ReportBodies.ReportView;
import vn.doan.reportservice.report.web.ReportBodies.Return;
import vn.doan.reportservice.report.web.ReportBodies.Revise;
import vn.doan.reportservice.report.web.ReportBodies.Sections;
import vn.doan.reportservice.report.web.ReportBodies.Value;
import vn.doan.reportservice.report.web.ReportBodies.Write;
import vn.doan.support.security.Access;
import vn.doan.support.security.Caller;

/**
 * Reports over HTTP. Who acts is the access token's subject; it is recorded on every transition. Access by
 * report id is checked in {@link ReportAccess}; the unit named in a new report's body is checked here.
 */
@RestController
@RequestMapping("/api/reports")
class ReportController {

    private final ReportService reports;
    private final Completeness completeness;
    private final Evidence evidence;
    private final Access access;

    ReportController(ReportService reports, Completeness completeness, Evidence evidence, Access access) {
        this.reports = reports;
        this.completeness = completeness;
        this.evidence = evidence;
        this.access = access;
    }

    /** Creates and submits in one step: 201, or 200 with the same report for a retry with the same Idempotency-Key. */
    @PostMapping
    ResponseEntity<ReportView> submitNew(@RequestHeader("Idempotency-Key") String key,
            @Valid @RequestBody Write body) {
        submitsFor(body.unitId());
        return answer(reports.create(key, body.submission(), true, actor()));
    }

    @PostMapping("/drafts")
    ResponseEntity<ReportView> draft(@RequestHeader("Idempotency-Key") String key,
            @Valid @RequestBody Write body) {
        submitsFor(body.unitId());
        return answer(reports.create(key, body.submission(), false, actor()));
    }

    @PutMapping("/{id}")
    ReportView edit(@PathVariable String id, @RequestBody Edit body) {
        return ReportView.of(reports.edit(id, Value.stored(body.values()), Sections.stored(body.sections()), body.links()));
    }

    @PostMapping("/{id}/submit")
    ResponseEntity<ReportView> submit(@PathVariable String id, @RequestHeader("Idempotency-Key") String key) {
        return answer(reports.submit(id, key, actor()));
    }

    @PostMapping("/{id}/revisions")
    ResponseEntity<ReportView> revise(@PathVariable String id, @RequestHeader("Idempotency-Key") String key,
            @RequestBody Revise body) {
        return answer(reports.revise(id, key, Value.stored(body.values()), actor()));
    }

    @PostMapping("/{id}/return")
    ReportView returnForRevision(@PathVariable String id, @RequestBody Return body) {
        return ReportView.of(reports.returnForRevision(id, body.reason(), actor()));
    }

    @PostMapping("/{id}/accept")
    ReportView accept(@PathVariable String id) {
        return ReportView.of(reports.accept(id, actor()));
    }

    @PostMapping(path = "/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Attachment attach(@PathVariable String id, @RequestPart("file") MultipartFile file) throws IOException {
        return Attachment.of(evidence.attach(id, file.getOriginalFilename(), file.getBytes()));
    }

    @GetMapping("/{id}/attachments/{attachmentId}")
    ResponseEntity<InputStreamResource> download(@PathVariable String id, @PathVariable String attachmentId) throws IOException {
        GridFsResource file = evidence.read(id, attachmentId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.getContentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename*=UTF-8''" + java.net.URLEncoder.encode(file.getFilename(),
                        java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"))
                .body(new InputStreamResource(file.getInputStream()));
    }

    @GetMapping("/{id}")
    ReportView get(@PathVariable String id) {
        return ReportView.of(reports.find(id));
    }

    /** The period's reports the caller may read; {@code unitIds} (comma-separated) keeps those of the units named. */
    @GetMapping
    List<ReportView> forPeriod(@RequestParam String planId, @RequestParam String periodId,
            @RequestParam(required = false) List<String> unitIds) {
        Caller caller = Caller.current();
        List<Report> found = unitIds == null || unitIds.isEmpty() ? reports.forPeriod(planId, periodId) : reports.forPeriod(planId, periodId, unitIds);
        return found.stream().filter(r -> access.canRead(caller, r.unitId())).map(ReportView::of).toList();
    }

    @GetMapping("/completeness")
    Completeness.View completeness(@RequestParam String planId, @RequestParam String periodId, @RequestParam(required = false) String unitId) {
        return completeness.of(planId, periodId, unitId);
    }

    private static String actor() {
        return Caller.current().subject();
    }

    /** A cadre writes reports for their own unit only. */
    private void submitsFor(String unitId) {
        Access.require(access.canWriteFor(Caller.current(), unitId), "unitId");
    }

    private static ResponseEntity<ReportView> answer(ReportService.Outcome outcome) {
        return ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK).body(ReportView.of(outcome.report()));
    }
}
