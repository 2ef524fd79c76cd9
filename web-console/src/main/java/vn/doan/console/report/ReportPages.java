package vn.doan.console.report;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.doan.console.gateway.Api;
import vn.doan.console.gateway.Gateway;
import vn.doan.console.gateway.Refused;
import vn.doan.console.gateway.ServiceDown;
import vn.doan.console.plan.PlanDirectory;
import vn.doan.console.web.CurrentUser;

/**
 * A unit's report: the form (save a draft, submit, revise a returned report) and the report's page (values,
 * narrative, evidence, versions and history; accept or return for the level above).
 */
@Controller
class ReportPages {

    private final Gateway gateway;
    private final PlanDirectory plans;

    ReportPages(Gateway gateway, PlanDirectory plans) {
        this.gateway = gateway;
        this.plans = plans;
    }

    /**
     * A new report, empty or, with {@code tongHop}, filled with report-service's consolidated report of the user's unit: the
     * unit's own values and the sections drafted from its units' reports, to edit and send as the unit's own report (the
     * subtree's figures are not sent, so they are not counted twice up the tree).
     */
    @GetMapping("/bao-cao/moi")
    String newReport(@RequestParam String planId, @RequestParam String periodId, @RequestParam(defaultValue = "false") boolean tongHop,
            Model model) {
        Api.Plan plan = plans.plan(planId);
        String unitId = CurrentUser.get().unitId();
        String key = UUID.randomUUID().toString();
        ReportForm form;
        if (tongHop) {
            Api.ConsolidatedDraft draft = gateway.get(Api.ConsolidatedDraft.class, "/api/reports/consolidated/{p}/{q}/units/{u}", planId,
                    periodId, unitId);
            form = ReportForm.drafted(draft.submission(), plan, periodId, key);
            model.addAttribute("fromConsolidated", true);
        } else {
            form = ReportForm.of(null, plan, key);
            form.set("periodId", periodId);
        }
        return form(model, form, plan, unitId);
    }

    @GetMapping("/bao-cao/{id}/sua")
    String edit(@PathVariable String id, Model model) {
        Api.Report report = report(id);
        if (!report.editable()) {
            return "redirect:/bao-cao/" + id;
        }
        Api.Plan plan = plans.plan(report.planId());
        model.addAttribute("report", report);
        return form(model, ReportForm.of(report, plan, UUID.randomUUID().toString()), plan, report.unitId());
    }

    /** Save as draft ({@code action=draft}) or submit; a refusal or an outage shows the form again with all that was typed. */
    @PostMapping("/bao-cao")
    String save(@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
        ReportForm form = ReportForm.typed(params);
        boolean submit = !"draft".equals(form.get("action"));
        Api.Plan plan = plans.plan(form.get("planId"));
        String unitId = CurrentUser.get().unitId();
        Api.Unit unit = plans.unit(unitId);
        List<Api.Value> values = form.values(shown(plan, unit), submit);
        if (form.hasErrors()) {
            return form(model, form, plan, unitId);
        }
        Map<String, String> key = Map.of("Idempotency-Key", form.get("key"));
        String reportId = form.get("reportId");
        try {
            Api.Report saved;
            if (reportId.isBlank()) {
                Map<String, Object> body = Map.of("planId", plan.id(), "unitId", unitId, "periodId", form.get("periodId"),
                        "values", values, "sections", form.sections());
                saved = gateway.send(HttpMethod.POST, body, key, Api.Report.class, submit ? "/api/reports" : "/api/reports/drafts");
            } else {
                saved = gateway.send(HttpMethod.PUT, Map.of("values", values, "sections", form.sections()), Map.of(), Api.Report.class,
                        "/api/reports/{id}", reportId);
                if (submit) {
                    saved = gateway.send(HttpMethod.POST, null, key, Api.Report.class, "/api/reports/{id}/submit", reportId);
                }
            }
            redirect.addFlashAttribute("notice", submit ? "report.submitted" : "report.saved");
            return submit ? "redirect:/bao-cao/" + saved.id() : "redirect:/bao-cao/" + saved.id() + "/sua";
        } catch (Refused e) {
            if (e.forbidden()) {
                throw e;
            }
            form.refusedAt(e.field(), e.toShow());
        } catch (ServiceDown e) {
            form.error(ReportForm.GENERAL, "Hệ thống báo cáo tạm thời không phản hồi. Những gì bạn đã nhập vẫn còn nguyên; hãy bấm gửi lại sau ít phút.");
        }
        if (!reportId.isBlank()) {
            model.addAttribute("report", report(reportId));
        }
        return form(model, form, plan, unitId);
    }

    @GetMapping("/bao-cao/{id}")
    String view(@PathVariable String id, Model model) {
        Api.Report report = report(id);
        Api.Plan plan = plans.plan(report.planId());
        Api.Unit unit = plans.unit(report.unitId());
        CurrentUser me = CurrentUser.get();
        model.addAttribute("report", report);
        model.addAttribute("plan", plan);
        model.addAttribute("unit", unit);
        model.addAttribute("period", plan.period(report.periodId()));
        model.addAttribute("mine", report.unitId().equals(me.unitId()));
        model.addAttribute("reviewer", report.underReview() && unit.parentId() != null && unit.parentId().equals(me.unitId()));
        return "report";
    }

    @PostMapping("/bao-cao/{id}/duyet")
    String accept(@PathVariable String id, RedirectAttributes redirect) {
        gateway.send(HttpMethod.POST, Map.of(), Map.of(), Api.Report.class, "/api/reports/{id}/accept", id);
        redirect.addFlashAttribute("notice", "report.accepted");
        return "redirect:/bao-cao/" + id;
    }

    @PostMapping("/bao-cao/{id}/tra-lai")
    String returnForRevision(@PathVariable String id, @RequestParam String reason, Model model, RedirectAttributes redirect) {
        try {
            gateway.send(HttpMethod.POST, Map.of("reason", reason), Map.of(), Api.Report.class, "/api/reports/{id}/return", id);
        } catch (Refused e) {
            if (e.forbidden()) {
                throw e;
            }
            model.addAttribute("reasonError", e.detailVi());
            model.addAttribute("reason", reason);
            return view(id, model);
        }
        redirect.addFlashAttribute("notice", "report.returned");
        return "redirect:/bao-cao/" + id;
    }

    /** Evidence (a photo or a PDF) for a report not yet accepted; report-service checks its type and size. */
    @PostMapping("/bao-cao/{id}/minh-chung")
    String attach(@PathVariable String id, @RequestParam("file") org.springframework.web.multipart.MultipartFile file,
            RedirectAttributes redirect) throws java.io.IOException {
        org.springframework.util.LinkedMultiValueMap<String, Object> parts = new org.springframework.util.LinkedMultiValueMap<>();
        String filename = file.getOriginalFilename();
        parts.add("file", new org.springframework.core.io.ByteArrayResource(file.getBytes()) {
            @Override
            public String getFilename() {
                return filename;
            }
        });
        try {
            gateway.send(HttpMethod.POST, parts, org.springframework.http.MediaType.MULTIPART_FORM_DATA, Api.Attachment.class,
                    "/api/reports/{id}/attachments", id);
            redirect.addFlashAttribute("notice", "report.attached");
        } catch (Refused e) {
            if (e.forbidden()) {
                throw e;
            }
            redirect.addFlashAttribute("uploadError", e.toShow());
        }
        return "redirect:/bao-cao/" + id;
    }

    /** Downloads a piece of evidence through the console (the browser never calls the gateway itself). */
    @GetMapping("/bao-cao/{id}/minh-chung/{attachmentId}")
    org.springframework.http.ResponseEntity<byte[]> evidence(@PathVariable String id, @PathVariable String attachmentId) {
        Api.Attachment attachment = report(id).attachments().stream().filter(a -> a.id().equals(attachmentId)).findFirst()
                .orElseThrow(() -> new Refused(404, "attachmentId", "No such attachment", "Không tìm thấy minh chứng."));
        byte[] content = gateway.get(byte[].class, "/api/reports/{id}/attachments/{a}", id, attachmentId);
        return org.springframework.http.ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.parseMediaType(attachment.contentType()))
                .header("Content-Disposition", org.springframework.http.ContentDisposition.attachment()
                        .filename(attachment.filename(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(content);
    }

    private Api.Report report(String id) {
        return gateway.get(Api.Report.class, "/api/reports/{id}", id);
    }

    /** The indicators this unit reports on. */
    static List<Api.Indicator> shown(Api.Plan plan, Api.Unit unit) {
        return plan.indicators().stream().filter(i -> i.reportedBy(unit.level())).toList();
    }

    private String form(Model model, ReportForm form, Api.Plan plan, String unitId) {
        Api.Unit unit = plans.unit(unitId);
        model.addAttribute("form", form);
        model.addAttribute("plan", plan);
        model.addAttribute("unit", unit);
        model.addAttribute("period", plan.period(form.get("periodId")));
        model.addAttribute("indicators", shown(plan, unit));
        return "report-form";
    }
}
