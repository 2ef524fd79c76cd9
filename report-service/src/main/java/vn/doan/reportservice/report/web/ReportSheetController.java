package vn.doan.reportservice.report.web;

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

    /** 200 with what was created, repeated and refused; all-or-nothing with a wrong row is 422 sheet.invalid-rows, nothing stored. */
    @PostMapping("/sheet")
    SheetAnswer upload(@RequestParam(defaultValue = "all-or-nothing") String mode,
            @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) String contentType, @RequestBody byte[] file) {
        Caller caller = Caller.current();
        return sheets.upload(file, contentType, ReportSheets.Mode.of(mode), access.sendsFor(caller), caller.subject());
    }
}
