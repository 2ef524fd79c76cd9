package vn.doan.console.plan;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.doan.console.gateway.Gateway;
import vn.doan.console.gateway.Refused;
import vn.doan.console.web.CurrentUser;

/**
 * A plan from a file: the Excel template to download, an upload (a filled-in template, a Word plan or a text plan) that
 * plan-service turns into a draft, shown here for review with its indicators — or refused with every bad cell by row and
 * column — and the button that issues the draft through plan-service's normal rules.
 */
@Controller
class PlanImportPages {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    static final MediaType DOCX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    /** plan-service's draft: the plan as read and, for a Word or text plan, what the reviewer must check. */
    record Draft(String id, String status, Content plan, String issuerInDocument, List<String> toReview) {
    }

    record Content(String number, String title, LocalDate issuedOn, LocalDate periodFrom, LocalDate periodTo, List<Indicator> indicators) {
    }

    record Indicator(String code, String text, String kind, BigDecimal target, BigDecimal targetMax) {
    }

    private final Gateway gateway;

    PlanImportPages(Gateway gateway) {
        this.gateway = gateway;
    }

    @GetMapping("/ke-hoach/nhap")
    String form() {
        return "plan-import";
    }

    @GetMapping("/ke-hoach/mau.xlsx")
    ResponseEntity<byte[]> template() {
        byte[] workbook = gateway.get(byte[].class, "/api/plans/template.xlsx");
        return ResponseEntity.ok().contentType(XLSX).header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"mau-ke-hoach.xlsx\"")
                .body(workbook);
    }

    @PostMapping("/ke-hoach/nhap")
    String upload(@RequestParam("file") MultipartFile file, @RequestParam(required = false) String number,
            @RequestParam(required = false) String issuedOn, Model model) throws IOException {
        MediaType type = type(file.getOriginalFilename());
        if (type == null) {
            model.addAttribute("fileError", "planImport.fileType");
            return "plan-import";
        }
        try {
            Draft draft = gateway.send(HttpMethod.POST, file.getBytes(), type, Draft.class,
                    "/api/plans/import?issuingUnitId={unit}&number={number}&issuedOn={issuedOn}", CurrentUser.get().unitId(),
                    number == null ? "" : number.strip(), issuedOn == null ? "" : issuedOn.strip());
            model.addAttribute("draft", draft);
        } catch (Refused e) {
            if (e.forbidden()) {
                throw e;
            }
            model.addAttribute("importError", e.toShow());
            model.addAttribute("importErrors", e.errors());
        }
        return "plan-import";
    }

    /** Issues the reviewed draft; plan-service applies every rule again and its refusal is shown on the plans page. */
    @PostMapping("/ke-hoach/nhap/{id}/ban-hanh")
    String issue(@PathVariable String id, RedirectAttributes redirect) {
        try {
            gateway.send(HttpMethod.POST, null, Map.of(), Object.class, "/api/plans/{id}/issue", id);
            redirect.addFlashAttribute("notice", "plan.issued");
        } catch (Refused e) {
            if (e.forbidden()) {
                throw e;
            }
            redirect.addFlashAttribute("closeError", e.toShow());
        }
        return "redirect:/ke-hoach";
    }

    private static MediaType type(String filename) {
        String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
        if (name.endsWith(".xlsx")) {
            return XLSX;
        }
        if (name.endsWith(".docx")) {
            return DOCX;
        }
        return name.endsWith(".txt") ? new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8) : null;
    }
}
