package vn.doan.console.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import vn.doan.console.gateway.Api;
import vn.doan.console.gateway.Gateway;
import vn.doan.console.gateway.Refused;
import vn.doan.console.plan.PlanDirectory;

/**
 * Reports in bulk from Excel, for a district office that types in the paper reports of its branches: report-service's
 * template of a plan's period for the unit's subtree, and the filled sheet sent back — every row stored, or only the valid
 * ones — with how many reports were created, unchanged (the same file sent again) or refused, and each wrong cell by row
 * and column. report-service reads the file and decides everything; a file it refuses whole (not a spreadsheet, with
 * macros, too large) shows its Vietnamese reason.
 */
@Controller
class ReportSheetPages {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    /** Sent as what it is, so report-service refuses it as a file with macros. */
    static final MediaType XLSM = MediaType.parseMediaType("application/vnd.ms-excel.sheet.macroEnabled.12");
    static final List<String> MODES = List.of("all-or-nothing", "valid-rows");

    /** report-service's answer to an upload: its filled rows and what became of them. */
    record Outcome(int rows, int created, int repeated, int refused, List<CellError> errors) {
    }

    /** A wrong cell as Excel shows it: row number, column letter, the column's header and the Vietnamese refusal. */
    record CellError(int row, String column, String header, String unitId, @JsonProperty("detail_vi") String detailVi) {

        /** One of the {@code errors} of report-service's 422 problem, which lists the cells as the 200 answer does. */
        static CellError of(Map<String, Object> error) {
            Object row = error.get("row");
            return new CellError(row instanceof Number n ? n.intValue() : 0, text(error, "column"), text(error, "header"),
                    text(error, "unitId"), text(error, "detail_vi"));
        }

        private static String text(Map<String, Object> error, String name) {
            Object value = error.get(name);
            return value == null ? null : value.toString();
        }
    }

    private final Gateway gateway;
    private final PlanDirectory plans;

    ReportSheetPages(Gateway gateway, PlanDirectory plans) {
        this.gateway = gateway;
        this.plans = plans;
    }

    @GetMapping("/bao-cao/nhap-excel")
    String form(@RequestParam String planId, @RequestParam String periodId, @RequestParam String unitId, Model model) {
        return page(model, planId, periodId, unitId, MODES.get(0));
    }

    /** The template as report-service makes it, its file name kept. */
    @GetMapping("/bao-cao/nhap-excel/mau.xlsx")
    ResponseEntity<byte[]> template(@RequestParam String planId, @RequestParam String periodId, @RequestParam String unitId) {
        ResponseEntity<byte[]> file = gateway.file("/api/reports/sheet.xlsx?planId={p}&periodId={q}&unitId={u}", planId, periodId, unitId);
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, file.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).body(file.getBody());
    }

    @PostMapping("/bao-cao/nhap-excel")
    String upload(@RequestParam("file") MultipartFile file, @RequestParam String mode, @RequestParam String planId,
            @RequestParam String periodId, @RequestParam String unitId, Model model) throws IOException {
        String chosen = MODES.contains(mode) ? mode : MODES.get(0);
        try {
            model.addAttribute("outcome", gateway.send(HttpMethod.POST, file.getBytes(), type(file), Outcome.class,
                    "/api/reports/sheet?mode={m}", chosen));
        } catch (Refused e) {
            if (e.forbidden()) {
                throw e;
            }
            model.addAttribute("refusal", e.toShow());
            model.addAttribute("refusedCells", e.errors().stream().map(CellError::of).toList());
        }
        model.addAttribute("filename", file.getOriginalFilename());
        return page(model, planId, periodId, unitId, chosen);
    }

    private String page(Model model, String planId, String periodId, String unitId, String mode) {
        Api.Plan plan = plans.plan(planId);
        model.addAttribute("plan", plan);
        model.addAttribute("period", plan.period(periodId));
        model.addAttribute("periodId", periodId);
        model.addAttribute("unit", plans.unit(unitId));
        model.addAttribute("mode", mode);
        model.addAttribute("modes", MODES);
        return "report-sheet";
    }

    /** A workbook by its name; anything else as the browser named it, for report-service to refuse in its own words. */
    private static MediaType type(MultipartFile file) {
        String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename().toLowerCase(Locale.ROOT);
        if (name.endsWith(".xlsx")) {
            return XLSX;
        }
        if (name.endsWith(".xlsm")) {
            return XLSM;
        }
        try {
            return file.getContentType() == null ? MediaType.APPLICATION_OCTET_STREAM : MediaType.parseMediaType(file.getContentType());
        } catch (InvalidMediaTypeException e) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
    }
}
