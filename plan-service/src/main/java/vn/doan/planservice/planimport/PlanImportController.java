package vn.doan.planservice.planimport;

import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.doan.planservice.plan.Plan;
import vn.doan.planservice.plan.PlanContent;
import vn.doan.support.office.OfficeUploads;
import vn.doan.support.security.Access;
import vn.doan.support.security.Caller;
import vn.doan.support.web.ApiProblem;

/**
 * Plans from files: the Excel template, a filled-in workbook, a Word or text plan. The file is the request body, sent
 * with its own media type (no multipart), so the service's body limit ({@code doan.web.max-body-bytes}, 1 MB, 413 beyond)
 * is the upload limit.
 */
@RestController
@RequestMapping("/api/plans")
class PlanImportController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String XLSM = "application/vnd.ms-excel.sheet.macroEnabled.12";
    static final String DOCM = "application/vnd.ms-word.document.macroEnabled.12";

    private final PlanImportService imports;
    private final Access access;

    PlanImportController(PlanImportService imports, Access access) {
        this.imports = imports;
        this.access = access;
    }

    record ImportedPlan(String id, Plan.Status status, PlanContent plan) {
    }

    record ReviewDraftView(String id, Plan.Status status, PlanContent plan, String issuerInDocument, List<String> toReview) {
    }

    @Operation(summary = "The Excel template of a plan (sheet 'Kế hoạch': the plan; sheet 'Chỉ tiêu': one indicator per row)")
    @GetMapping(path = "/template.xlsx", produces = XLSX)
    ResponseEntity<byte[]> template() {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"mau-ke-hoach-" + PlanTemplate.VERSION + ".xlsx\"")
                .contentType(MediaType.parseMediaType(XLSX)).body(PlanTemplate.workbook());
    }

    @Operation(summary = "A draft plan from a filled-in template; 422 import.invalid-cells lists every bad cell (sheet, row, column) and nothing is stored")
    @PostMapping(path = "/import", consumes = XLSX)
    @ResponseStatus(HttpStatus.CREATED)
    ImportedPlan importWorkbook(@RequestParam String issuingUnitId, @RequestBody byte[] file) {
        writesFor(issuingUnitId);
        Plan plan = imports.importWorkbook(file, issuingUnitId);
        return new ImportedPlan(plan.id(), plan.status(), plan.content());
    }

    @Operation(summary = "A draft for review from a Word (.docx) or UTF-8 text plan: number, title, date and the indicators the text states; "
            + "number and issuedOn (dd/MM/yyyy) are needed only when the document does not state them")
    @PostMapping(path = "/import", consumes = {DOCX, MediaType.TEXT_PLAIN_VALUE})
    @ResponseStatus(HttpStatus.CREATED)
    ReviewDraftView importDocument(@RequestParam String issuingUnitId, @RequestParam(required = false) String number,
            @RequestParam(required = false) String issuedOn, @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
            @RequestBody byte[] file) {
        writesFor(issuingUnitId);
        String text = MediaType.parseMediaType(contentType).isCompatibleWith(MediaType.TEXT_PLAIN)
                ? WordText.ofPlainText(file) : WordText.ofDocx(file);
        PlanImportService.ReviewDraft draft = imports.importDocument(text, issuingUnitId, number, date(issuedOn));
        Plan plan = draft.plan();
        return new ReviewDraftView(plan.id(), plan.status(), plan.content(), draft.issuerInDocument(), draft.toReview());
    }

    /** A macro-enabled workbook or document sent as what it is: refused as such (422), not as a media type not taken (415). */
    @Operation(hidden = true)
    @PostMapping(path = "/import", consumes = {XLSM, DOCM})
    void importMacroEnabled(@RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType) {
        boolean word = MediaType.parseMediaType(contentType).isCompatibleWith(MediaType.parseMediaType(DOCM));
        throw OfficeUploads.macroEnabled(word ? OfficeUploads.Kind.DOCX : OfficeUploads.Kind.XLSX, "import");
    }

    private void writesFor(String issuingUnitId) {
        Access.require(access.canWriteFor(Caller.current(), issuingUnitId), "issuingUnitId");
    }

    private static LocalDate date(String issuedOn) {
        try {
            return issuedOn == null || issuedOn.isBlank() ? null : CellValues.date(issuedOn);
        } catch (CellValues.Invalid e) {
            throw ApiProblem.invalid(e.rule, "issuedOn", e.getMessage(), e.vi);
        }
    }
}
