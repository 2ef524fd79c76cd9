package vn.doan.planservice.plan;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.doan.events.plan.PlanIssued;

@RestController
@RequestMapping("/api/plans")
class PlanController {

    private final PlanService service;

    PlanController(PlanService service) {
        this.service = service;
    }

    record CreatePlan(@NotBlank String number, @NotBlank String title, @NotBlank String issuingUnitId,
            @NotNull LocalDate issuedOn, @NotNull LocalDate periodFrom, @NotNull LocalDate periodTo,
            @NotEmpty List<PlanIssued.Indicator> indicators,
            @NotEmpty List<PlanIssued.ReportingPeriod> schedule) {
    }

    record PlanView(String id, String number, String title, String issuingUnitId, LocalDate issuedOn,
            LocalDate periodFrom, LocalDate periodTo, List<PlanIssued.Indicator> indicators,
            List<PlanIssued.ReportingPeriod> schedule, Plan.Status status) {

        static PlanView of(Plan p) {
            return new PlanView(p.id(), p.number(), p.title(), p.issuingUnitId(), p.issuedOn(), p.periodFrom(),
                    p.periodTo(), p.indicators(), p.schedule(), p.status());
        }
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    PlanView create(@Valid @RequestBody CreatePlan body) {
        return PlanView.of(service.createDraft(new PlanService.Draft(body.number(), body.title(), body.issuingUnitId(),
                body.issuedOn(), body.periodFrom(), body.periodTo(), body.indicators(), body.schedule())));
    }

    @PostMapping("/{id}/issue")
    PlanView issue(@PathVariable String id) {
        return PlanView.of(service.issue(id));
    }

    @GetMapping("/{id}")
    PlanView get(@PathVariable String id) {
        return PlanView.of(service.find(id));
    }
}
