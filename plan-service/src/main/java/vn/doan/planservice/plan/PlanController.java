package vn.doan.planservice.plan;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/plans")
class PlanController {

    private final PlanService service;
    private final vn.doan.support.security.Access access;

    PlanController(PlanService service, vn.doan.support.security.Access access) {
        this.service = service;
        this.access = access;
    }

    record Revise(@NotBlank String reason, @NotNull PlanContent plan) {
    }

    record Close(@NotNull LocalDate closedOn, String reason) {
    }

    record PlanView(String id, Plan.Status status, int version, List<Plan.Revision> revisions, LocalDate closedOn,
            String closeReason, @JsonUnwrapped PlanContent content) {

        static PlanView of(Plan p) {
            return new PlanView(p.id(), p.status(), p.version(), p.revisions(), p.closedOn(), p.closeReason(), p.content());
        }
    }

    /** With a due date the first four counts; without one ("no date given") {@code issued} and {@code notIssued}. */
    record Implementation(String planId, long issuedOnTime, long issuedLate, long notYetDue, long overdue,
            List<PlanService.Obligation> units, long issued, long notIssued) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    PlanView create(@Valid @RequestBody PlanContent body) {
        issuesFor(body);
        return PlanView.of(service.createDraft(body));
    }

    @PutMapping("/{id}")
    PlanView update(@PathVariable String id, @Valid @RequestBody PlanContent body) {
        issuesFor(body);
        return PlanView.of(service.updateDraft(id, body));
    }

    @PostMapping("/{id}/issue")
    PlanView issue(@PathVariable String id) {
        return PlanView.of(service.issue(id));
    }

    @PostMapping("/{id}/revisions")
    PlanView revise(@PathVariable String id, @Valid @RequestBody Revise body) {
        issuesFor(body.plan());
        return PlanView.of(service.revise(id, body.reason(), body.plan()));
    }

    @PostMapping("/{id}/close")
    PlanView close(@PathVariable String id, @Valid @RequestBody Close body) {
        return PlanView.of(service.close(id, body.closedOn(), body.reason()));
    }

    @GetMapping("/{id}")
    PlanView get(@PathVariable String id) {
        return PlanView.of(service.find(id));
    }

    @GetMapping
    List<PlanView> issuedBy(@RequestParam String issuingUnitId) {
        return service.issuedBy(issuingUnitId).stream().map(PlanView::of).toList();
    }

    @GetMapping("/{id}/implementation")
    Implementation implementation(@PathVariable String id) {
        List<PlanService.Obligation> units = service.implementation(id);
        return new Implementation(id, count(units, PlanService.Obligation.State.ISSUED_ON_TIME),
                count(units, PlanService.Obligation.State.ISSUED_LATE), count(units, PlanService.Obligation.State.NOT_YET_DUE),
                count(units, PlanService.Obligation.State.OVERDUE), units, count(units, PlanService.Obligation.State.ISSUED),
                count(units, PlanService.Obligation.State.NOT_ISSUED));
    }

    /** A cadre writes plans for their own unit only (the stored plan's unit is checked by PlanAccess). */
    private void issuesFor(PlanContent body) {
        vn.doan.support.security.Access.require(access.canWriteFor(vn.doan.support.security.Caller.current(), body.issuingUnitId()),
                "issuingUnitId");
    }

    private static long count(List<PlanService.Obligation> units, PlanService.Obligation.State state) {
        return units.stream().filter(u -> u.state() == state).count();
    }
}
