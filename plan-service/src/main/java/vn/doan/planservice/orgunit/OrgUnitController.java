package vn.doan.planservice.orgunit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.doan.events.plan.UnitLevel;

@RestController
@RequestMapping("/api/units")
class OrgUnitController {

    private final OrgUnitService service;

    OrgUnitController(OrgUnitService service) {
        this.service = service;
    }

    record CreateUnit(@NotBlank String code, @NotBlank String name, @NotNull UnitLevel level, String kind,
            String parentId, @NotNull LocalDate effectiveFrom) {
    }

    record UnitView(String id, String code, String name, UnitLevel level, String kind, String parentId,
            List<String> ancestorIds, LocalDate effectiveFrom) {

        static UnitView of(OrgUnit unit) {
            return new UnitView(unit.id(), unit.code(), unit.name(), unit.level(), unit.kind(), unit.parentId(),
                    unit.ancestorIds(), unit.effectiveFrom());
        }
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    UnitView create(@Valid @RequestBody CreateUnit body) {
        return UnitView.of(service.create(new OrgUnitService.NewUnit(body.code(), body.name(), body.level(),
                body.kind(), body.parentId(), body.effectiveFrom())));
    }

    @GetMapping("/{id}")
    UnitView get(@PathVariable String id) {
        return UnitView.of(service.find(id, "id"));
    }

    @GetMapping
    List<UnitView> children(@RequestParam String parentId) {
        return service.children(parentId).stream().map(UnitView::of).toList();
    }
}
