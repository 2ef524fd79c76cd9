package vn.doan.reportservice.consolidated.web;

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

    @GetMapping(path = "/{planId}/{periodId}/units/{unitId}", params = "!format")
    ConsolidatedReport draft(@PathVariable String planId, @PathVariable String periodId, @PathVariable String unitId) {
        return consolidation.draft(planId, periodId, unitId);
    }

    @GetMapping(path = "/{planId}/{periodId}/units/{unitId}", params = "format")
    ResponseEntity<byte[]> document(@PathVariable String planId, @PathVariable String periodId, @PathVariable String unitId,
            @RequestParam String format) {
        DocumentFormat as = DocumentFormat.of(format).orElseThrow(() -> ApiProblem.invalid("report.format-unknown", "format",
                "format is docx, pdf or xlsx.", "Định dạng phải là docx, pdf hoặc xlsx."));
        ConsolidatedReport report = consolidation.draft(planId, periodId, unitId);
        ContentDisposition disposition = ContentDisposition.attachment().filename(as.fileName(report), StandardCharsets.UTF_8).build();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(as.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString()).body(as.write(report));
    }
}
