package vn.doan.notificationservice.template;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.doan.support.web.ApiProblem;

/** The message texts a Union office can read and edit, per language; deleting an edit restores the default. */
@RestController
@RequestMapping("/api/templates")
class TemplateController {

    record TemplateText(@NotBlank String text) {
    }

    private final Templates templates;

    TemplateController(Templates templates) {
        this.templates = templates;
    }

    @GetMapping("/{language}")
    Map<String, String> all(@PathVariable String language) {
        return templates.all(check(language, null));
    }

    @PutMapping("/{language}/{key}")
    Map<String, String> edit(@PathVariable String language, @PathVariable String key, @Valid @RequestBody TemplateText body) {
        templates.edit(check(language, key), key, body.text());
        return Map.of(key, body.text());
    }

    @DeleteMapping("/{language}/{key}")
    ResponseEntity<Void> reset(@PathVariable String language, @PathVariable String key) {
        templates.reset(check(language, key), key);
        return ResponseEntity.noContent().build();
    }

    private String check(String language, String key) {
        if (!Templates.LANGUAGES.contains(language)) {
            throw ApiProblem.notFound("template.language", "language", "Languages are vi and en.", "Ngôn ngữ hỗ trợ: vi và en.");
        }
        if (key != null && !templates.known(key)) {
            throw ApiProblem.notFound("template.unknown", "key", "No template " + key + ".", "Không có mẫu tin " + key + ".");
        }
        return language;
    }
}
