package vn.doan.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The data layer the operators create from the rendered resources, in the base and each overlay: Kafka as three KRaft
 * nodes that are controller and broker, one per machine, racks from the zones; MongoDB as a replica set of three, one
 * member per machine. And the alert on dead letters, the same in Kubernetes as in compose, on the metric the services
 * register.
 */
class DataLayerTest {

    static final List<String> TARGETS = Kustomize.TARGETS;

    @ParameterizedTest
    @FieldSource("TARGETS")
    void kafkaIsThreeKraftNodesOnePerMachineWithTheirZoneAsRack(String target) {
        List<Map<String, Object>> docs = Kustomize.render(target);
        assertThat(Kustomize.ofKind(docs, "KafkaNodePool")).as(target).hasSize(1);
        Map<String, Object> pool = Kustomize.named(docs, "KafkaNodePool", "doan-kafka-nodes");
        Map<String, Object> kafka = Kustomize.named(docs, "Kafka", "doan-kafka");
        assertThat(Yamls.map(Yamls.at(pool, "metadata.labels"))).containsEntry("strimzi.io/cluster", Kustomize.name(kafka));
        assertThat(Yamls.at(pool, "spec.replicas")).as(target).isEqualTo(3);
        assertThat(Yamls.list(Yamls.at(pool, "spec.roles"))).as("KRaft: no ZooKeeper, the nodes elect among themselves")
                .containsExactlyInAnyOrder("controller", "broker");
        assertThat(Yamls.list(Yamls.at(pool, "spec.storage.volumes"))).singleElement()
                .satisfies(volume -> assertThat(Yamls.map(volume)).containsEntry("kraftMetadata", "shared").containsEntry("class", "fast-ssd"));
        assertOnePerMachine(target + " Kafka", Yamls.at(pool, "spec.template.pod.affinity"),
                Map.of("strimzi.io/cluster", "doan-kafka", "strimzi.io/pool-name", "doan-kafka-nodes"));

        assertThat(Yamls.at(kafka, "spec.kafka.rack.topologyKey")).isEqualTo("topology.kubernetes.io/zone");
        assertThat(Yamls.map(Yamls.at(kafka, "spec.kafka.config")))
                .containsEntry("replica.selector.class", "org.apache.kafka.common.replica.RackAwareReplicaSelector")
                .containsEntry("default.replication.factor", 3).containsEntry("min.insync.replicas", 2);
        assertThat(Yamls.at(kafka, "spec.zookeeper")).isNull();
    }

    @ParameterizedTest
    @FieldSource("TARGETS")
    void mongoDbIsAReplicaSetOfThreeOnePerMachineWithItsVolumesOnNamedStorageClasses(String target) {
        Map<String, Object> mongo = Kustomize.named(Kustomize.render(target), "MongoDBCommunity", "doan-mongodb");
        assertThat(Yamls.at(mongo, "spec.type")).isEqualTo("ReplicaSet");
        assertThat(Yamls.at(mongo, "spec.members")).as(target).isEqualTo(3);
        Map<String, Object> statefulSet = Yamls.map(Yamls.at(mongo, "spec.statefulSet.spec"));
        // the operator labels the members app=<name>-svc
        assertOnePerMachine(target + " MongoDB", Yamls.at(statefulSet, "template.spec.affinity"), Map.of("app", Kustomize.name(mongo) + "-svc"));
        assertThat(Yamls.list(statefulSet.get("volumeClaimTemplates"))).extracting(c -> Yamls.at(c, "metadata.name") + " on "
                + Yamls.at(c, "spec.storageClassName")).containsExactlyInAnyOrder("data-volume on fast-ssd", "logs-volume on standard");
    }

    /** Compose's alert file and the Kubernetes PrometheusRule say the same, on the counter DeadLetters registers. */
    @Test
    void deadLettersRaiseTheSameAlertInComposeAndKubernetesOnTheMetricTheServicesRegister() {
        Map<String, Object> composeRules = Yamls.read(ServiceConfig.ROOT.resolve("deploy/compose/prometheus/alerts-dead-letters.yml")).get(0);
        Map<String, Object> rule = Kustomize.named(Kustomize.render("base"), "PrometheusRule", "doan-dead-letters");
        assertThat(Yamls.at(rule, "spec.groups")).isEqualTo(composeRules.get("groups"));
        assertThat(Yamls.map(Yamls.at(rule, "metadata.labels"))).as("the label the ServiceMonitors carry for the operator to pick up")
                .isEqualTo(Yamls.at(Kustomize.named(Kustomize.render("base"), "ServiceMonitor", "doan-services"), "metadata.labels"));
        assertThat(ServiceConfig.text(ServiceConfig.ROOT.resolve("deploy/compose/prometheus/prometheus.yml")))
                .contains("- /etc/prometheus/alerts-dead-letters.yml");

        String expr = String.valueOf(Yamls.at(rule, "spec.groups.0.rules.0.expr"));
        assertThat(expr).contains("doan_events_dead_lettered_total").contains("by (service, topic)");
        String deadLetters = ServiceConfig.text(ServiceConfig.ROOT.resolve("service-support/src/main/java/vn/doan/support/events/DeadLetters.java"));
        assertThat(deadLetters).contains("Counter.builder(\"doan.events.dead.lettered\")").contains(".tag(\"service\", service).tag(\"topic\", topic)");
    }

    /** Required anti-affinity on the host name for exactly the pods of this set, so no machine holds two of them. */
    private static void assertOnePerMachine(String id, Object affinity, Map<String, Object> labels) {
        List<Object> required = Yamls.list(Yamls.at(affinity, "podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution"));
        assertThat(required).as(id).singleElement().satisfies(term -> {
            assertThat(Yamls.at(term, "topologyKey")).isEqualTo("kubernetes.io/hostname");
            assertThat(Yamls.at(term, "labelSelector.matchLabels")).isEqualTo(labels);
        });
    }
}
