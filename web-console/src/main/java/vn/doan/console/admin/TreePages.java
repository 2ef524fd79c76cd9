package vn.doan.console.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.doan.console.gateway.Api;
import vn.doan.console.gateway.Gateway;
import vn.doan.console.gateway.Refused;
import vn.doan.console.web.Format;

/**
 * The administrator's organisation tree: a unit and its children, and the changes plan-service offers — add a unit
 * under it, rename, move, dissolve, merge children — each with the date it takes effect; and the CSV import, shown
 * row by row before it is sent, then refused as a whole with its errors by row and column, or imported.
 */
@Controller
class TreePages {

    private static final ParameterizedTypeReference<List<Api.Unit>> UNITS = new ParameterizedTypeReference<>() {
    };

    private final Gateway gateway;

    TreePages(Gateway gateway) {
        this.gateway = gateway;
    }

    @GetMapping("/to-chuc")
    String tree(@RequestParam(required = false) String unitId, Model model) {
        if (unitId != null && !unitId.isBlank()) {
            model.addAttribute("unit", gateway.get(Api.Unit.class, "/api/units/{id}", unitId));
            model.addAttribute("children", gateway.get(UNITS, "/api/units?parentId={id}", unitId));
        }
        model.addAttribute("today", new Format().date(Format.today()));
        return "tree";
    }

    /** Adds a unit under {@code parentId} (none: a new root), or renames, moves or dissolves {@code id}. */
    @PostMapping("/to-chuc/don-vi")
    String add(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", form.get("code"));
        body.put("name", form.get("name"));
        body.put("level", form.get("level"));
        body.put("kind", blankToNull(form.get("kind")));
        body.put("parentId", blankToNull(form.get("parentId")));
        body.put("effectiveFrom", Format.parseDate(form.get("effectiveFrom")));
        return change(redirect, form.get("parentId"), () -> gateway.send(HttpMethod.POST, body, Map.of(), Api.Unit.class, "/api/units"));
    }

    @PostMapping("/to-chuc/{id}/{change}")
    String change(@PathVariable String id, @PathVariable String change, @RequestParam Map<String, String> form,
            @RequestParam(name = "sourceUnitIds", required = false) List<String> sources, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("effectiveFrom", Format.parseDate(form.get("effectiveFrom")));
        String path = switch (change) {
            case "rename" -> {
                body.put("name", form.get("name"));
                yield "/api/units/" + id + "/rename";
            }
            case "move" -> {
                body.put("newParentId", form.get("newParentId"));
                yield "/api/units/" + id + "/move";
            }
            case "dissolve" -> {
                body.put("reason", blankToNull(form.get("reason")));
                yield "/api/units/" + id + "/dissolve";
            }
            case "merge" -> {
                // the children ticked are merged into the child chosen as target
                body.put("sourceUnitIds", sources == null ? List.of() : sources.stream().filter(s -> !s.equals(form.get("targetUnitId"))).toList());
                body.put("targetUnitId", form.get("targetUnitId"));
                yield "/api/units/merge";
            }
            case "split" -> {
                // two new units take the unit's place; each of its children goes to the part chosen for it
                List<Map<String, Object>> parts = new ArrayList<>();
                for (String part : List.of("1", "2")) {
                    Map<String, Object> newPart = new LinkedHashMap<>();
                    newPart.put("code", form.get("code-" + part));
                    newPart.put("name", form.get("name-" + part));
                    newPart.put("kind", blankToNull(form.get("kind")));
                    parts.add(newPart);
                }
                Map<String, String> assignments = new LinkedHashMap<>();
                form.forEach((name, part) -> {
                    if (name.startsWith("child-")) {
                        assignments.put(name.substring("child-".length()), form.get("code-" + part));
                    }
                });
                body.put("parts", parts);
                body.put("childAssignments", assignments);
                yield "/api/units/" + id + "/split";
            }
            default -> throw new IllegalArgumentException("Unknown change " + change);
        };
        String back = change.equals("merge") ? id : form.getOrDefault("back", id);
        return change(redirect, back, () -> gateway.send(HttpMethod.POST, body, Map.of(), Object.class, path));
    }

    /** A row of the CSV as the administrator sees it before sending: its number and its columns. */
    record CsvRow(int number, List<String> cells) {
    }

    /** Shows the rows of the CSV (preview); with {@code send}, sends it: plan-service imports all rows or none. */
    @PostMapping("/to-chuc/nhap")
    String importCsv(@RequestParam String csv, @RequestParam(required = false) String send, Model model) {
        model.addAttribute("csv", csv);
        model.addAttribute("today", new Format().date(Format.today()));
        List<CsvRow> rows = new ArrayList<>();
        String[] lines = csv.strip().split("\\R");
        for (int i = 1; i < lines.length; i++) {
            rows.add(new CsvRow(i, List.of(lines[i].split(",", -1))));
        }
        model.addAttribute("header", lines.length == 0 ? List.of() : List.of(lines[0].split(",", -1)));
        model.addAttribute("rows", rows);
        if (send != null) {
            try {
                Map<?, ?> result = gateway.send(HttpMethod.POST, csv, new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8),
                        Map.class, "/api/units/import");
                model.addAttribute("imported", result.get("created"));
            } catch (Refused e) {
                if (e.forbidden()) {
                    throw e;
                }
                model.addAttribute("importError", e.detailVi());
                model.addAttribute("importErrors", e.errors());
            }
        }
        return "tree";
    }

    private static String change(RedirectAttributes redirect, String back, Runnable call) {
        try {
            call.run();
            redirect.addFlashAttribute("notice", "tree.changed");
        } catch (Refused e) {
            if (e.forbidden()) {
                throw e;
            }
            redirect.addFlashAttribute("changeError", e.toShow());
        }
        return "redirect:/to-chuc" + (back == null || back.isBlank() ? "" : "?unitId=" + back);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
