package vn.doan.deploy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The environment a Kubernetes container gets: its own env entries and every key of the ConfigMaps and Secrets of its
 * envFrom. Values from a ConfigMap or a literal are given; those from a Secret are given as {@code <secret>}.
 */
final class Settings {

    static final String SECRET = "<secret>";

    private Settings() {
    }

    static Map<String, String> of(List<Map<String, Object>> docs, Map<String, Object> container) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (Object from : Yamls.list(container.get("envFrom"))) {
            Map<String, Object> source = Yamls.map(from);
            if (source.containsKey("configMapRef")) {
                Yamls.map(Kustomize.named(docs, "ConfigMap", String.valueOf(Yamls.at(source, "configMapRef.name"))).get("data"))
                        .forEach((k, v) -> settings.put(k, String.valueOf(v)));
            } else {
                Map<String, Object> secret = Kustomize.named(docs, "Secret", String.valueOf(Yamls.at(source, "secretRef.name")));
                Yamls.map(secret.getOrDefault("stringData", secret.get("data"))).keySet().forEach(k -> settings.put(k, SECRET));
            }
        }
        for (Object e : Yamls.list(container.get("env"))) {
            Map<String, Object> entry = Yamls.map(e);
            String name = String.valueOf(entry.get("name"));
            if (entry.containsKey("value")) {
                settings.put(name, String.valueOf(entry.get("value")));
            } else if (Yamls.at(entry, "valueFrom.configMapKeyRef") != null) {
                Map<String, Object> ref = Yamls.map(Yamls.at(entry, "valueFrom.configMapKeyRef"));
                settings.put(name, String.valueOf(Yamls.at(Kustomize.named(docs, "ConfigMap", String.valueOf(ref.get("name"))),
                        "data." + ref.get("key"))));
            } else {
                settings.put(name, SECRET);
            }
        }
        return settings;
    }
}
