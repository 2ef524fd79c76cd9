package vn.doan.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** What an operations team expects of every installation, checked on the base and each overlay as rendered. */
class ClusterPolicyTest {

    static final List<String> TARGETS = Kustomize.TARGETS;
    private static final Map<String, Object> RESTRICTED = Map.of(
            "allowPrivilegeEscalation", false,
            "readOnlyRootFilesystem", true,
            "runAsNonRoot", true,
            "capabilities", Map.of("drop", List.of("ALL")),
            "seccompProfile", Map.of("type", "RuntimeDefault"));

    /** Every pod the installation creates, its own and the operators' (through their templates), runs restricted. */
    @ParameterizedTest
    @FieldSource("TARGETS")
    void everyPodRunsAsNonRootOnAReadOnlyRootWithoutPrivilegesOrCapabilities(String target) {
        List<Map<String, Object>> docs = Kustomize.render(target);
        List<String> checked = new ArrayList<>();
        for (Map<String, Object> doc : docs) {
            String kind = String.valueOf(doc.get("kind"));
            if (kind.equals("Deployment") || kind.equals("StatefulSet")) {
                Map<String, Object> pod = Yamls.map(Yamls.at(doc, "spec.template.spec"));
                assertRestrictedPod(kind + " " + Kustomize.name(doc), pod);
                List<Object> containers = new ArrayList<>(Yamls.list(pod.get("containers")));
                containers.addAll(Yamls.list(pod.get("initContainers")));
                for (Object c : containers) {
                    Map<String, Object> container = Yamls.map(c);
                    String id = kind + " " + Kustomize.name(doc) + "/" + container.get("name");
                    assertThat(Yamls.map(container.get("securityContext"))).as(id).containsExactlyInAnyOrderEntriesOf(RESTRICTED);
                    assertThat(mountPaths(container)).as(id + ": a writable /tmp on the read-only root").contains("/tmp");
                    checked.add(id);
                }
            }
        }
        Map<String, Object> pool = Kustomize.named(docs, "KafkaNodePool", "doan-kafka-nodes");
        assertRestrictedPod("Kafka nodes", Yamls.map(Yamls.at(pool, "spec.template.pod")));
        for (String container : List.of("spec.template.kafkaContainer", "spec.template.initContainer")) {
            assertThat(Yamls.map(Yamls.at(pool, container + ".securityContext"))).as(container).containsExactlyInAnyOrderEntriesOf(RESTRICTED);
        }
        Map<String, Object> kafka = Kustomize.named(docs, "Kafka", "doan-kafka");
        for (String template : List.of("spec.kafka.template.pod", "spec.entityOperator.template.pod", "spec.kafkaExporter.template.pod")) {
            assertRestrictedPod(template, Yamls.map(Yamls.at(kafka, template)));
        }
        for (String container : List.of("spec.entityOperator.template.topicOperatorContainer", "spec.kafkaExporter.template.container")) {
            assertThat(Yamls.map(Yamls.at(kafka, container + ".securityContext"))).as(container).containsExactlyInAnyOrderEntriesOf(RESTRICTED);
        }
        Map<String, Object> mongoPod = Yamls.map(Yamls.at(Kustomize.named(docs, "MongoDBCommunity", "doan-mongodb"), "spec.statefulSet.spec.template.spec"));
        assertRestrictedPod("MongoDB members", mongoPod);
        for (Object container : Yamls.list(mongoPod.get("containers"))) {
            assertThat(Yamls.map(Yamls.map(container).get("securityContext"))).as("MongoDB " + Yamls.map(container).get("name"))
                    .containsExactlyInAnyOrderEntriesOf(RESTRICTED);
        }
        assertThat(checked).as(target).contains("Deployment gateway/gateway", "Deployment web-console/web-console",
                "Deployment keycloak/build", "Deployment keycloak/keycloak", "StatefulSet keycloak-postgres/postgres");
    }

    /**
     * Every container asks for CPU and memory and is held to its memory, every persistent volume names its storage class:
     * the applications', Keycloak's and PostgreSQL's, and those the operators create from the Kafka and MongoDB resources.
     */
    @ParameterizedTest
    @FieldSource("TARGETS")
    void everyContainerHasRequestsAndAMemoryLimitAndEveryVolumeAStorageClass(String target) {
        List<Map<String, Object>> docs = Kustomize.render(target);
        Map<String, Object> resources = new java.util.LinkedHashMap<>();
        List<Object> claims = new ArrayList<>();
        for (Map<String, Object> doc : docs) {
            for (String containers : List.of("spec.template.spec.containers", "spec.template.spec.initContainers")) {
                for (Object c : Yamls.list(Yamls.at(doc, containers))) {
                    resources.put(Kustomize.name(doc) + "/" + Yamls.map(c).get("name"), Yamls.map(c).get("resources"));
                }
            }
            claims.addAll(Yamls.list(Yamls.at(doc, "spec.volumeClaimTemplates")));
        }
        Map<String, Object> kafka = Kustomize.named(docs, "Kafka", "doan-kafka");
        Map<String, Object> pool = Kustomize.named(docs, "KafkaNodePool", "doan-kafka-nodes");
        Map<String, Object> mongo = Kustomize.named(docs, "MongoDBCommunity", "doan-mongodb");
        resources.put("kafka nodes", Yamls.at(pool, "spec.resources"));
        resources.put("topic operator", Yamls.at(kafka, "spec.entityOperator.topicOperator.resources"));
        resources.put("kafka-exporter", Yamls.at(kafka, "spec.kafkaExporter.resources"));
        for (Object c : Yamls.list(Yamls.at(mongo, "spec.statefulSet.spec.template.spec.containers"))) {
            resources.put("mongodb/" + Yamls.map(c).get("name"), Yamls.map(c).get("resources"));
        }
        resources.forEach((container, r) -> {
            assertThat(Yamls.map(Yamls.at(r, "requests"))).as(target + " " + container).containsKeys("cpu", "memory");
            assertThat(Yamls.map(Yamls.at(r, "limits"))).as(target + " " + container).containsKey("memory");
        });
        assertThat(resources).hasSize(14);

        claims.addAll(Yamls.list(Yamls.at(mongo, "spec.statefulSet.spec.volumeClaimTemplates")));
        assertThat(claims).hasSize(3).allSatisfy(claim -> assertThat(Yamls.at(claim, "spec.storageClassName")).as(target).isNotNull());
        assertThat(Yamls.list(Yamls.at(pool, "spec.storage.volumes"))).singleElement()
                .satisfies(volume -> assertThat(Yamls.map(volume)).containsKey("class").containsEntry("deleteClaim", false));
    }

    /**
     * Each Deployment scales between at least two replicas and a maximum, and keeps at least one running through a
     * drain; a budget of zero would let a drain stop a service, and one of all replicas would block every drain.
     */
    @ParameterizedTest
    @FieldSource("TARGETS")
    void everyDeploymentHasAnAutoscalerFromTwoReplicasAndABudgetThatKeepsOneRunning(String target) {
        List<Map<String, Object>> docs = Kustomize.render(target);
        List<Map<String, Object>> deployments = Kustomize.ofKind(docs, "Deployment");
        assertThat(deployments).extracting(Kustomize::name).containsExactlyInAnyOrder("plan-service", "report-service", "indicator-service",
                "notification-service", "gateway", "web-console", "keycloak");
        for (Map<String, Object> deployment : deployments) {
            String name = Kustomize.name(deployment);
            Map<String, Object> hpa = Yamls.map(Kustomize.named(docs, "HorizontalPodAutoscaler", name).get("spec"));
            assertThat(Yamls.at(hpa, "scaleTargetRef.name")).isEqualTo(name);
            int min = (Integer) hpa.get("minReplicas");
            assertThat(min).as(target + " " + name).isGreaterThanOrEqualTo(2);
            assertThat((Integer) hpa.get("maxReplicas")).as(target + " " + name).isGreaterThanOrEqualTo(min);
            Map<String, Object> pdb = Yamls.map(Kustomize.named(docs, "PodDisruptionBudget", name).get("spec"));
            assertThat(pdb.get("minAvailable")).as(target + " " + name).isEqualTo(1);
            assertThat(Yamls.at(pdb, "selector.matchLabels")).isEqualTo(Yamls.at(deployment, "spec.selector.matchLabels"));
        }
    }

    @Test
    void onlyTheGatewayReachesTheServicesAndOnlyTheServicesReachKafkaAndMongoDb() {
        List<Map<String, Object>> docs = Kustomize.render("base");
        Map<String, Object> denyAll = Kustomize.named(docs, "NetworkPolicy", "default-deny-ingress");
        assertThat(Yamls.at(denyAll, "spec.podSelector")).isEqualTo(Map.of());
        assertThat(Yamls.at(denyAll, "spec.ingress")).isNull();

        Map<String, Object> services = Kustomize.named(docs, "NetworkPolicy", "services-from-gateway");
        assertThat(Yamls.at(services, "spec.podSelector.matchLabels")).isEqualTo(Map.of("app.kubernetes.io/component", "service"));
        assertThat(peers(services)).containsExactlyInAnyOrder("pod app=gateway", "namespace kubernetes.io/metadata.name=monitoring");
        // the four services, and nothing else, carry the label that opens Kafka and MongoDB
        List<String> labelledService = new ArrayList<>();
        for (Map<String, Object> deployment : Kustomize.ofKind(docs, "Deployment")) {
            if ("service".equals(Yamls.map(Yamls.at(deployment, "spec.template.metadata.labels")).get("app.kubernetes.io/component"))) {
                labelledService.add(Kustomize.name(deployment));
            }
        }
        assertThat(labelledService).containsExactlyInAnyOrderElementsOf(ServiceConfig.NAMES);
        assertThat(Kustomize.ofKind(docs, "StatefulSet")).extracting(Kustomize::name).containsExactly("keycloak-postgres");
        // the public port from the ingress controller and the console; the management port (metrics, no token) from Prometheus only
        assertThat(rules(Kustomize.named(docs, "NetworkPolicy", "gateway-from-ingress-and-console"))).containsExactly(
                "[namespace kubernetes.io/metadata.name=ingress-nginx, pod app=web-console] → [http]",
                "[namespace kubernetes.io/metadata.name=monitoring] → [management]");
        assertThat(peers(Kustomize.named(docs, "NetworkPolicy", "mongodb-from-services")))
                .containsExactlyInAnyOrder("pod app.kubernetes.io/component=service", "pod app=doan-mongodb-svc");
        List<Object> listeners = Yamls.list(Yamls.at(Kustomize.named(docs, "Kafka", "doan-kafka"), "spec.kafka.listeners"));
        assertThat(listeners).hasSize(1);
        assertThat(Yamls.at(listeners.get(0), "networkPolicyPeers"))
                .isEqualTo(List.of(Map.of("podSelector", Map.of("matchLabels", Map.of("app.kubernetes.io/component", "service")))));
        assertThat(ServiceConfig.text(Kustomize.K8S.resolve("base/config.yaml")))
                .contains("KAFKA_BOOTSTRAP_SERVERS: doan-kafka-kafka-bootstrap:" + Yamls.at(listeners.get(0), "port"));
    }

    @Test
    void theIngressServesEveryHostOverTlsAndTheIssuerIsOneOfThem() {
        List<Map<String, Object>> docs = Kustomize.render("base");
        Map<String, Object> ingress = Kustomize.named(docs, "Ingress", "doan");
        Set<String> hosts = new LinkedHashSet<>();
        Yamls.list(Yamls.at(ingress, "spec.rules")).forEach(r -> hosts.add(String.valueOf(Yamls.map(r).get("host"))));
        List<String> gatewayPorts = new ArrayList<>();
        for (Object rule : Yamls.list(Yamls.at(ingress, "spec.rules"))) {
            for (Object path : Yamls.list(Yamls.at(rule, "http.paths"))) {
                if ("gateway".equals(Yamls.at(path, "backend.service.name"))) {
                    gatewayPorts.add(String.valueOf(Yamls.at(path, "backend.service.port.name")));
                }
            }
        }
        assertThat(gatewayPorts).as("the gateway's management port is never routed from outside").containsExactly("http");
        assertThat(hosts).containsExactly("baocao.doan.example", "api.baocao.doan.example", "sso.doan.example");
        List<Object> tls = Yamls.list(Yamls.at(ingress, "spec.tls"));
        assertThat(tls).hasSize(1);
        assertThat(Yamls.list(Yamls.at(tls.get(0), "hosts"))).containsExactlyElementsOf(hosts);
        assertThat(Yamls.at(tls.get(0), "secretName")).isEqualTo("doan-tls");
        String issuer = String.valueOf(Yamls.at(Kustomize.named(docs, "ConfigMap", "doan-config"), "data.DOAN_OIDC_ISSUER_URI"));
        assertThat(issuer).startsWith("https://sso.doan.example/realms/");
    }

    /**
     * The lag the autoscalers ask for exists: kafka-exporter (from the Kafka resource) exports it for the scaled consumer
     * groups, Prometheus scrapes it, and prometheus-adapter serves it under the name the autoscalers use.
     */
    @Test
    void theConsumerLagTheAutoscalersUseIsExportedScrapedAndServed() {
        List<Map<String, Object>> docs = Kustomize.render("base");
        Map<String, Object> exporter = Yamls.map(Yamls.at(Kustomize.named(docs, "Kafka", "doan-kafka"), "spec.kafkaExporter"));
        Pattern groups = Pattern.compile(String.valueOf(exporter.get("groupRegex")));
        Map<String, Object> adapter = Yamls.read(Kustomize.K8S.resolve("prometheus-adapter/values.yaml")).get(0);
        List<Object> rules = Yamls.list(Yamls.at(adapter, "rules.external"));
        Set<String> served = new LinkedHashSet<>();
        rules.forEach(r -> served.add(String.valueOf(Yamls.at(r, "name.as"))));

        List<String> scaledOnLag = new ArrayList<>();
        for (Map<String, Object> hpa : Kustomize.ofKind(docs, "HorizontalPodAutoscaler")) {
            for (Object metric : Yamls.list(Yamls.at(hpa, "spec.metrics"))) {
                if ("External".equals(Yamls.map(metric).get("type"))) {
                    assertThat(served).contains(String.valueOf(Yamls.at(metric, "external.metric.name")));
                    String group = String.valueOf(Yamls.at(metric, "external.metric.selector.matchLabels.consumergroup"));
                    assertThat(groups.matcher(group).matches()).as(group).isTrue();
                    assertThat(ServiceConfig.text(ServiceConfig.ROOT.resolve(group).resolve("src/main/resources").resolve(group + ".yml")))
                            .contains("group: " + group);
                    scaledOnLag.add(Kustomize.name(hpa));
                }
            }
        }
        assertThat(scaledOnLag).containsExactlyInAnyOrder("indicator-service", "notification-service");
        assertThat(String.valueOf(Yamls.at(rules.get(0), "seriesQuery"))).startsWith("kafka_consumergroup_lag{");
        Map<String, Object> podMonitor = Kustomize.named(docs, "PodMonitor", "kafka-exporter");
        assertThat(Yamls.at(podMonitor, "spec.selector.matchLabels")).isEqualTo(Map.of("strimzi.io/name", "doan-kafka-kafka-exporter"));
    }

    @Test
    void prometheusScrapesEveryServiceOnItsActuatorEndpoint() {
        List<Map<String, Object>> docs = Kustomize.render("base");
        Map<String, Object> monitor = Kustomize.named(docs, "ServiceMonitor", "doan-services");
        Object selector = Yamls.at(monitor, "spec.selector.matchLabels");
        Map<String, Object> endpoint = Yamls.map(Yamls.list(Yamls.at(monitor, "spec.endpoints")).get(0));
        assertThat(endpoint).containsEntry("path", "/actuator/prometheus");
        List<String> selected = new ArrayList<>();
        for (Map<String, Object> service : Kustomize.ofKind(docs, "Service")) {
            Map<String, Object> labels = Yamls.map(Yamls.at(service, "metadata.labels"));
            if (labels != null && labels.entrySet().containsAll(Yamls.map(selector).entrySet())) {
                selected.add(Kustomize.name(service));
                assertThat(Yamls.list(Yamls.at(service, "spec.ports"))).extracting(p -> Yamls.map(p).get("name")).contains(endpoint.get("port"));
            }
        }
        assertThat(selected).containsExactlyInAnyOrderElementsOf(ServiceConfig.NAMES);

        // the gateway's registry, on its management port, on the Service the monitor selects and nowhere else
        Map<String, Object> gatewayMonitor = Kustomize.named(docs, "ServiceMonitor", "gateway");
        assertThat(Yamls.list(Yamls.at(gatewayMonitor, "spec.endpoints"))).singleElement()
                .satisfies(e -> assertThat(Yamls.map(e)).containsEntry("port", "management").containsEntry("path", "/actuator/prometheus"));
        Map<String, Object> gatewayLabels = Yamls.map(Yamls.at(Kustomize.named(docs, "Service", "gateway"), "metadata.labels"));
        assertThat(gatewayLabels.entrySet()).containsAll(Yamls.map(Yamls.at(gatewayMonitor, "spec.selector.matchLabels")).entrySet());
        assertThat(Yamls.list(Yamls.at(Kustomize.named(docs, "Service", "gateway"), "spec.ports"))).extracting(p -> Yamls.map(p).get("name"))
                .containsExactly("http", "management");
    }

    private static void assertRestrictedPod(String id, Map<String, Object> pod) {
        Map<String, Object> context = Yamls.map(pod.get("securityContext"));
        assertThat(context).as(id).containsEntry("runAsNonRoot", true).containsEntry("seccompProfile", Map.of("type", "RuntimeDefault"));
    }

    private static Set<String> mountPaths(Map<String, Object> container) {
        Set<String> paths = new LinkedHashSet<>();
        Yamls.list(container.get("volumeMounts")).forEach(m -> paths.add(String.valueOf(Yamls.map(m).get("mountPath"))));
        return paths;
    }

    /** Each ingress rule of a policy as "[its sources] → [its ports]". */
    private static List<String> rules(Map<String, Object> policy) {
        List<String> rules = new ArrayList<>();
        for (Object rule : Yamls.list(Yamls.at(policy, "spec.ingress"))) {
            List<String> ports = new ArrayList<>();
            Yamls.list(Yamls.map(rule).get("ports")).forEach(p -> ports.add(String.valueOf(Yamls.map(p).get("port"))));
            rules.add(peers(Map.of("spec", Map.of("ingress", List.of(rule)))) + " → " + ports);
        }
        return rules;
    }

    /** The sources a policy admits, as "pod k=v" or "namespace k=v". */
    private static List<String> peers(Map<String, Object> policy) {
        List<String> peers = new ArrayList<>();
        for (Object rule : Yamls.list(Yamls.at(policy, "spec.ingress"))) {
            for (Object from : Yamls.list(Yamls.map(rule).get("from"))) {
                Map<String, Object> peer = Yamls.map(from);
                String kind = peer.containsKey("podSelector") ? "pod" : "namespace";
                Map<String, Object> labels = Yamls.map(Yamls.at(peer, (kind.equals("pod") ? "podSelector" : "namespaceSelector") + ".matchLabels"));
                labels.forEach((k, v) -> peers.add(kind + " " + k + "=" + v));
            }
        }
        return peers;
    }
}
