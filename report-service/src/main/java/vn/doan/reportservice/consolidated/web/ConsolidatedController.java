package vn.doan.reportservice.consolidated.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.doan.reportservice.consolidated.ConsolidatedReport;
import vn.doan.reportservice.consolidated.Consolidation;
import vn.doan.reportservice.consolidated.DocumentFormat;
import vn.doan.support.web.ApiProblem;

/**
 * A unit's consolidated report for a plan's period: the JSON draft, or with {@code format=docx|pdf|xlsx} the file,
 * named in Vietnamese. Who may ask is in {@link ConsolidatedAccess}.
 */
@RestController
@RequestMapping("/api/reports/consolidated")
class ConsolidatedController {

    private final Consolidation consolidation;

    ConsolidatedController(Consolidation consolidation) {
        this.consolidation = consolidation;
    }

    @GetMapping("/{planId}/{periodId}/units/{unitId}")
    @Operation(summary = "A unit's consolidated report (báo cáo tổng hợp) drafted from its subtree",
            description = "The subtree's figures of every indicator, who reported on time, late or not at all, each direct child's "
                    + "sections under its name, and `submission`: the body to edit and send to POST /api/reports as the unit's own "
                    + "report (its values are the unit's own only). With `format`, the same as a Word document in the Union's form, "
                    + "its PDF, or a workbook with one row per unit of the subtree. Read by the unit's cadres and those above it.")
    @ApiResponse(responseCode = "200", description = "the draft, or the file (Content-Disposition names it in Vietnamese)", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ConsolidatedReport.class)),
            @Content(mediaType = DocumentFormat.DOCX_TYPE), @Content(mediaType = DocumentFormat.PDF_TYPE),
            @Content(mediaType = DocumentFormat.XLSX_TYPE)})
    @ApiResponse(responseCode = "404", description = "plan, period or unit unknown")
    @ApiResponse(responseCode = "422", description = "unit outside the plan's scope, or an unknown format")
    ResponseEntity<?> consolidated(@PathVariable String planId, @PathVariable String periodId, @PathVariable String unitId,
            @Parameter(description = "docx, pdf or xlsx; none for the JSON draft", schema = @Schema(allowableValues = {"docx", "pdf", "xlsx"}))
            @RequestParam(required = false) String format) {
        if (format == null) {
            return ResponseEntity.ok(consolidation.draft(planId, periodId, unitId));
        }
        DocumentFormat as = DocumentFormat.of(format).orElseThrow(() -> ApiProblem.invalid("report.format-unknown", "format",
                "format is docx, pdf or xlsx.", "Định dạng phải là docx, pdf hoặc xlsx."));
        ConsolidatedReport report = consolidation.draft(planId, periodId, unitId);
        ContentDisposition disposition = ContentDisposition.attachment().filename(as.fileName(report), StandardCharsets.UTF_8).build();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(as.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString()).body(as.write(report));
    }
}
