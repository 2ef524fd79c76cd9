package vn.doan.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * What {@code kubectl apply -k} would send: the base or an overlay rendered by Kustomize itself ({@code kubectl kustomize},
 * which the project's machines have), each document as a map. Rendered once per directory and test run. Where kubectl is
 * missing, the tests that need the rendering are skipped, not failed.
 */
final class Kustomize {

    static final Path K8S = ServiceConfig.ROOT.resolve("deploy/k8s");
    static final List<String> TARGETS = List.of("base", "overlays/province", "overlays/national");
    private static final Map<String, List<Map<String, Object>>> RENDERED = new ConcurrentHashMap<>();

    private Kustomize() {
    }

    static List<Map<String, Object>> render(String target) {
        return RENDERED.computeIfAbsent(target, Kustomize::run);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> run(String target) {
        try {
            Process kubectl = new ProcessBuilder("kubectl", "kustomize", K8S.resolve(target).toString()).redirectErrorStream(true).start();
            String output = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!kubectl.waitFor(60, TimeUnit.SECONDS) || kubectl.exitValue() != 0) {
                throw new IllegalStateException("kubectl kustomize " + target + " failed:\n" + output);
            }
            List<Map<String, Object>> docs = new ArrayList<>();
            for (Object doc : new Yaml(new LoaderOptions()).loadAll(output)) {
                docs.add((Map<String, Object>) doc);
            }
            return docs;
        } catch (IOException noKubectl) {
            // as the Docker tests do where there is no Docker: reported as skipped, with what to install
            Assumptions.abort("kubectl is not installed: the rendered " + target + " is not checked (install kubectl to run this test): "
                    + noKubectl.getMessage());
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static List<Map<String, Object>> ofKind(List<Map<String, Object>> docs, String kind) {
        return docs.stream().filter(d -> kind.equals(d.get("kind"))).toList();
    }

    static Map<String, Object> named(List<Map<String, Object>> docs, String kind, String name) {
        return docs.stream().filter(d -> kind.equals(d.get("kind")) && name.equals(Yamls.map(d.get("metadata")).get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    static String name(Map<String, Object> doc) {
        return String.valueOf(Yamls.map(doc.get("metadata")).get("name"));
    }
}
