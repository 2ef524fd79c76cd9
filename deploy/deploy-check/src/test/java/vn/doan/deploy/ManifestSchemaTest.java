package vn.doan.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Every document that {@code kubectl apply -k} would send, from the base and each overlay, read strictly against the
 * Kubernetes API model or its CRD's schema: a misspelt or misplaced field fails here, not at the API server (which
 * would prune a custom resource's unknown field without a word).
 */
class ManifestSchemaTest {

    static final List<String> TARGETS = Kustomize.TARGETS;

    @ParameterizedTest
    @FieldSource("TARGETS")
    void everyRenderedDocumentReadsStrictlyAgainstItsSchema(String target) {
        List<Map<String, Object>> docs = Kustomize.render(target);
        Map<String, List<String>> problems = new LinkedHashMap<>();
        for (Map<String, Object> doc : docs) {
            String id = doc.get("kind") + " " + Kustomize.name(doc);
            if (KubernetesSchema.knows(doc)) {
                problems.put(id, KubernetesSchema.problems(doc));
            } else if (CrdSchema.knows(doc)) {
                problems.put(id, CrdSchema.problems(doc));
            } else {
                problems.put(id, List.of("no schema for " + doc.get("apiVersion") + " " + doc.get("kind")));
            }
        }
        problems.values().removeIf(List::isEmpty);
        assertThat(problems).as(target).isEmpty();
        assertThat(docs).extracting(d -> String.valueOf(d.get("kind"))).as(target).contains("Deployment", "StatefulSet",
                "HorizontalPodAutoscaler", "PodDisruptionBudget", "NetworkPolicy", "Ingress", "Kafka", "KafkaNodePool", "KafkaTopic",
                "MongoDBCommunity", "ServiceMonitor", "PodMonitor", "PrometheusRule");
    }

    @Test
    void aMisspeltFieldIsRefusedInACoreKindAndInACustomResource() {
        Map<String, Object> deployment = copy(Kustomize.named(Kustomize.render("base"), "Deployment", "plan-service"));
        Yamls.map(deployment.get("spec")).put("replica", 2);
        assertThat(KubernetesSchema.problems(deployment)).singleElement().asString().contains("replica");

        Map<String, Object> container = copy(Kustomize.named(Kustomize.render("base"), "Deployment", "gateway"));
        Map<String, Object> first = Yamls.map(Yamls.list(Yamls.at(container, "spec.template.spec.containers")).get(0));
        Yamls.map(first.get("securityContext")).put("readOnlyRootFileSystem", true);
        assertThat(KubernetesSchema.problems(container)).singleElement().asString().contains("readOnlyRootFileSystem");

        Map<String, Object> pool = copy(Kustomize.named(Kustomize.render("base"), "KafkaNodePool", "doan-kafka-nodes"));
        Yamls.map(Yamls.at(pool, "spec.template.pod")).put("antiAffinity", Map.of());
        assertThat(CrdSchema.problems(pool)).singleElement().asString().contains("antiAffinity");

        Map<String, Object> mongo = copy(Kustomize.named(Kustomize.render("base"), "MongoDBCommunity", "doan-mongodb"));
        Yamls.map(Yamls.at(mongo, "spec.statefulSet.spec.template.spec")).put("nodeSelectors", Map.of());
        assertThat(CrdSchema.problems(mongo)).singleElement().asString().contains("nodeSelectors");

        Map<String, Object> monitor = copy(Kustomize.named(Kustomize.render("base"), "ServiceMonitor", "doan-services"));
        Yamls.map(Yamls.list(Yamls.at(monitor, "spec.endpoints")).get(0)).put("metricsPath", "/actuator/prometheus");
        assertThat(CrdSchema.problems(monitor)).singleElement().asString().contains("metricsPath");

        Map<String, Object> rule = copy(Kustomize.named(Kustomize.render("base"), "PrometheusRule", "doan-dead-letters"));
        Yamls.map(Yamls.at(rule, "spec.groups.0.rules.0")).put("for_", "5m");
        assertThat(CrdSchema.problems(rule)).singleElement().asString().contains("for_");
    }

    /** A deep copy, so a test can spoil a document without touching the rendered one. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> copy(Map<String, Object> doc) {
        Map<String, Object> copy = new LinkedHashMap<>();
        doc.forEach((k, v) -> copy.put(k, deep(v)));
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Object deep(Object value) {
        if (value instanceof Map<?, ?> m) {
            return copy((Map<String, Object>) m);
        }
        if (value instanceof List<?> l) {
            List<Object> copy = new ArrayList<>();
            l.forEach(e -> copy.add(deep(e)));
            return copy;
        }
        return value;
    }
}
