package vn.doan.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** YAML files as plain maps and lists, and a path into them. */
final class Yamls {

    private Yamls() {
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> read(Path file) {
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Object doc : new Yaml(new LoaderOptions()).loadAll(ServiceConfig.text(file))) {
            if (doc != null) {
                docs.add((Map<String, Object>) doc);
            }
        }
        return docs;
    }

    /** The value at a dotted path ({@code spec.template.spec}; a number picks a list element), or null. */
    static Object at(Object node, String path) {
        Object current = node;
        for (String step : path.split("\\.")) {
            if (current instanceof Map<?, ?> m) {
                current = m.get(step);
            } else if (current instanceof List<?> l && step.matches("\\d+")) {
                current = Integer.parseInt(step) < l.size() ? l.get(Integer.parseInt(step)) : null;
            } else {
                return null;
            }
        }
        return current;
    }

    /** A Spring configuration file as property names: nested and dotted keys joined ({@code spring.security.oauth2…}). */
    static Map<String, Object> properties(Path file) {
        Map<String, Object> properties = new java.util.LinkedHashMap<>();
        for (Map<String, Object> doc : read(file)) {
            flatten("", doc, properties);
        }
        return properties;
    }

    private static void flatten(String prefix, Object value, Map<String, Object> into) {
        if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> flatten(prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k, v, into));
        } else {
            into.put(prefix, value);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return value == null ? List.of() : (List<Object>) value;
    }
}
