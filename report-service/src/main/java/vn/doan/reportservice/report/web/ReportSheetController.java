package vn.doan.reportservice.report.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.doan.reportservice.catalog.Catalog;
import vn.doan.reportservice.catalog.UnitView;
import vn.doan.reportservice.sheet.ReportSheets;
import vn.doan.reportservice.sheet.SheetAnswer;
import vn.doan.support.security.Access;
import vn.doan.support.security.Caller;
import vn.doan.support.web.ApiProblem;

/**
 * Reports in bulk from Excel (see {@link ReportSheets}): the template of a plan's period for a unit's subtree, and the
 * filled workbook sent back as the request body (no multipart), so the service's body limit
 * ({@code doan.web.max-body-bytes}, 1 MB, 413 beyond) is the upload limit. A cadre uses it for their own unit and the
 * units below ({@link ReportAccess#sendsFor}).
 */
@RestController
@RequestMapping("/api/reports")
class ReportSheetController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final ReportSheets sheets;
    private final ReportAccess access;
    private final Catalog catalog;

    ReportSheetController(ReportSheets sheets, ReportAccess access, Catalog catalog) {
        this.sheets = sheets;
        this.access = access;
        this.catalog = catalog;
    }

    /** The sheet of plan {@code planId}'s period {@code periodId} for {@code unitId} (default: the caller's unit) and the units below. */
    @Operation(summary = "The Excel sheet to enter the reports of a plan's period for a unit's subtree",
            description = "Sheet 'Báo cáo': a row per unit of the subtree the period expects (the unit first, then by Vietnamese name), "
                    + "column A the unit's id, B its name, then a column per value of each indicator; a very hidden sheet holds the "
                    + "template version, plan, period and unit. Fill it in and send it to POST /api/reports/sheet.")
    @ApiResponse(responseCode = "200", description = "the template", content = @Content(mediaType = XLSX))
    @ApiResponse(responseCode = "403", description = "the unit is not the caller's nor below it")
    @GetMapping(path = "/sheet.xlsx", produces = XLSX)
    ResponseEntity<byte[]> template(@RequestParam String planId, @RequestParam String periodId, @RequestParam(required = false) String unitId) {
        Caller caller = Caller.current();
        String rootId = unitId != null ? unitId : caller.unitId();
        if (rootId == null) {
            throw ApiProblem.invalid("sheet.unit-missing", "unitId", "Name the unit whose sheet you want (unitId).",
                    "Cần chọn đơn vị lập bảng nhập báo cáo (unitId).");
        }
        UnitView root = catalog.unit(rootId).orElseThrow(() -> ApiProblem.invalid("report.unit-unknown", "unitId",
                "Unit " + rootId + " is unknown here.", "Không tìm thấy đơn vị " + rootId + "."));
        Access.require(access.sendsFor(caller).test(root), "unitId");
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"bao-cao-" + periodId + ".xlsx\"")
                .contentType(MediaType.parseMediaType(XLSX)).body(sheets.template(planId, periodId, root));
    }

    /**
     * 200 with what was created, repeated and refused; all-or-nothing with a wrong row is 422 sheet.invalid-rows, nothing stored.
     * No {@code consumes}: a file sent as another media type (a macro-enabled workbook's) is refused in the service's own words.
     */
    @Operation(summary = "Reports in bulk: the filled sheet of GET /api/reports/sheet.xlsx, each filled row a report",
            description = "Every row is checked as POST /api/reports checks a report; errors name the row and column as Excel shows them. "
                    + "The same file sent again changes nothing (each row's idempotency key is made from its values). Refused whole, "
                    + "nothing stored (422): not an .xlsx (sheet.not-xlsx), macro-enabled (sheet.macro-enabled), a zip bomb "
                    + "(sheet.zip-bomb), another template version (sheet.wrong-version), a header row not the plan's now "
                    + "(sheet.template-outdated), more rows than the subtree's expected units or than 5,000 (sheet.too-many-rows); "
                    + "a body over 1 MiB is 413 request.too-large.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "the filled workbook, as the whole body (no multipart)",
            required = true, content = @Content(mediaType = XLSX, schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "200", description = "rows, created, repeated, refused and the errors by row and column",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SheetAnswer.class)))
    @ApiResponse(responseCode = "413", description = "the body is over 1 MiB (doan.web.max-body-bytes); nothing stored")
    @ApiResponse(responseCode = "422", description = "mode all-or-nothing and a wrong cell (sheet.invalid-rows, with the errors), "
            + "or a file refused whole; nothing stored")
    @PostMapping("/sheet")
    SheetAnswer upload(@Parameter(description = "all-or-nothing (the default): any wrong cell and nothing is stored; valid-rows: the right "
            + "rows are stored, the wrong ones listed", schema = @Schema(allowableValues = {"all-or-nothing", "valid-rows"}))
            @RequestParam(defaultValue = "all-or-nothing") String mode,
            @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) String contentType, @RequestBody byte[] file) {
        Caller caller = Caller.current();
        return sheets.upload(file, contentType, ReportSheets.Mode.of(mode), access.sendsFor(caller), caller.subject());
    }
}
