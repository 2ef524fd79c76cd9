package vn.doan.planservice.orgunit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.doan.events.plan.UnitLevel;
import vn.doan.support.web.ApiProblem;

@RestController
@RequestMapping("/api/units")
class OrgUnitController {

    private static final int LISTED_ERRORS = 500;

    private final OrgUnitService units;
    private final RestructuringService restructuring;
    private final UnitImportService importer;

    OrgUnitController(OrgUnitService units, RestructuringService restructuring, UnitImportService importer) {
        this.units = units;
        this.restructuring = restructuring;
        this.importer = importer;
    }

    record CreateUnit(@NotBlank String code, @NotBlank String name, @NotNull UnitLevel level, String kind,
            String parentId, @NotNull LocalDate effectiveFrom, List<OrgUnit.Department> departments) {
    }

    record Rename(@NotBlank String name, @NotNull LocalDate effectiveFrom) {
    }

    record Move(@NotBlank String newParentId, @NotNull LocalDate effectiveFrom) {
    }

    record Dissolve(@NotNull LocalDate effectiveFrom, String reason) {
    }

    record Merge(@NotEmpty List<String> sourceUnitIds, String targetUnitId, RestructuringService.NewPart newTarget,
            @NotNull LocalDate effectiveFrom) {
    }

    record Split(@NotEmpty List<RestructuringService.NewPart> parts, Map<String, String> childAssignments,
            @NotNull LocalDate effectiveFrom) {
    }

    record ImportRows(@NotNull List<UnitImportService.Row> rows) {
    }

    record UnitView(String id, String code, String name, UnitLevel level, String kind, String parentId,
            List<String> ancestorIds, LocalDate effectiveFrom, OrgUnit.Status status, LocalDate dissolvedOn,
            List<OrgUnit.Department> departments, List<OrgUnit.Change> history) {

        static UnitView of(OrgUnit u) {
            return new UnitView(u.id(), u.code(), u.name(), u.level(), u.kind(), u.parentId(), u.ancestorIds(),
                    u.effectiveFrom(), u.status(), u.dissolvedOn(), u.departments(), u.history());
        }
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    UnitView create(@Valid @RequestBody CreateUnit body) {
        return UnitView.of(units.create(new OrgUnitService.NewUnit(body.code(), body.name(), body.level(),
                body.kind(), body.parentId(), body.effectiveFrom(), body.departments())));
    }

    @GetMapping("/{id}")
    UnitView get(@PathVariable String id) {
        return UnitView.of(units.find(id, "id"));
    }

    @GetMapping
    List<UnitView> children(@RequestParam String parentId) {
        return units.children(parentId).stream().map(UnitView::of).toList();
    }

    @PostMapping("/{id}/rename")
    UnitView rename(@PathVariable String id, @Valid @RequestBody Rename body) {
        return UnitView.of(units.rename(id, body.name(), body.effectiveFrom()));
    }

    @PostMapping("/{id}/move")
    UnitView move(@PathVariable String id, @Valid @RequestBody Move body) {
        return UnitView.of(units.move(id, body.newParentId(), body.effectiveFrom(), null));
    }

    @PostMapping("/{id}/dissolve")
    UnitView dissolve(@PathVariable String id, @Valid @RequestBody Dissolve body) {
        return UnitView.of(units.dissolve(id, body.effectiveFrom(), body.reason(), null));
    }

    @PostMapping("/{id}/departments")
    UnitView addDepartment(@PathVariable String id, @Valid @RequestBody OrgUnit.Department body) {
        return UnitView.of(units.addDepartment(id, body));
    }

    @PostMapping("/merge")
    UnitView merge(@Valid @RequestBody Merge body) {
        return UnitView.of(restructuring.merge(body.sourceUnitIds(), body.targetUnitId(), body.newTarget(), body.effectiveFrom()));
    }

    @PostMapping("/{id}/split")
    List<UnitView> split(@PathVariable String id, @Valid @RequestBody Split body) {
        return restructuring.split(id, body.parts(), body.childAssignments(), body.effectiveFrom()).stream().map(UnitView::of).toList();
    }

    @PostMapping(path = "/import", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    UnitImportService.Result importJson(@Valid @RequestBody ImportRows body) {
        return importRows(body.rows());
    }

    /** CSV with the header {@code code,name,level,kind,parentCode,effectiveFrom}; dates as dd/MM/yyyy or ISO. */
    @PostMapping(path = "/import", consumes = "text/csv")
    @ResponseStatus(HttpStatus.CREATED)
    UnitImportService.Result importCsv(@RequestBody byte[] csv) {
        return importRows(UnitCsv.parse(csv));
    }

    private UnitImportService.Result importRows(List<UnitImportService.Row> rows) {
        try {
            return importer.importTree(rows);
        } catch (UnitImportService.InvalidImport e) {
            List<UnitImportService.RowError> errors = e.errors();
            UnitImportService.RowError first = errors.get(0);
            throw ApiProblem.invalid(first.rule(), "rows[" + (first.row() - 1) + "]." + first.field(),
                    errors.size() + " of " + rows.size() + " rows cannot be imported; nothing was imported. First: " + first.detail(),
                    errors.size() + " trên " + rows.size() + " dòng không hợp lệ; chưa nhập dòng nào. Lỗi đầu tiên: " + first.detailVi())
                    .with("errorCount", errors.size())
                    .with("errors", errors.subList(0, Math.min(LISTED_ERRORS, errors.size())));
        }
    }
}
