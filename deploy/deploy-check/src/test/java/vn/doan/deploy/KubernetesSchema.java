package vn.doan.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.List;
import java.util.Map;

/**
 * Kubernetes' own kinds read into the Kubernetes API model (fabric8 kubernetes-model) strictly ({@link StrictJackson}):
 * a field the API does not have, or a value of the wrong shape, is refused.
 */
final class KubernetesSchema {

    private static final Map<String, Class<?>> KINDS = Map.of(
            "v1/Namespace", Namespace.class,
            "v1/ConfigMap", ConfigMap.class,
            "v1/Secret", Secret.class,
            "v1/Service", Service.class,
            "apps/v1/Deployment", Deployment.class,
            "apps/v1/StatefulSet", StatefulSet.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class,
            "networking.k8s.io/v1/Ingress", Ingress.class);

    private KubernetesSchema() {
    }

    static boolean knows(Map<String, Object> doc) {
        return KINDS.containsKey(doc.get("apiVersion") + "/" + doc.get("kind"));
    }

    /** What is wrong with the document for its kind's API model: empty when it reads strictly. */
    static List<String> problems(Map<String, Object> doc) {
        return problems(doc, KINDS.get(doc.get("apiVersion") + "/" + doc.get("kind")));
    }

    static List<String> problems(Object value, Class<?> type) {
        try {
            StrictJackson.MAPPER.convertValue(value, type);
            return List.of();
        } catch (IllegalArgumentException e) {
            return List.of(type.getSimpleName() + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    static List<String> metadataProblems(Map<String, Object> doc) {
        return problems(doc.get("metadata"), ObjectMeta.class);
    }
}
