package vn.doan.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The deployment files say what the services need: every setting, topic, port and probe. */
class DeploymentTest {

    private static final Path DEPLOY = ServiceConfig.ROOT.resolve("deploy");

    @Test
    void composeGivesEveryServiceItsClustersPortAndProbe() {
        Map<String, Object> compose = yaml(DEPLOY.resolve("compose/compose.yaml")).get(0);
        Map<String, Object> services = map(compose.get("services"));
        for (ServiceConfig service : ServiceConfig.all()) {
            Map<String, Object> container = map(services.get(service.name()));
            assertThat(container).as(service.name() + " in compose.yaml").isNotNull();
            Map<String, Object> env = map(container.get("environment"));
            assertThat(env.keySet()).as(service.name() + " environment").containsAll(ServiceConfig.requiredInDeployment());
            assertThat(String.valueOf(env.get("MONGODB_URI"))).contains("replicaSet=rs0", "w=majority");
            assertThat(String.valueOf(env.get("KAFKA_BOOTSTRAP_SERVERS")).split(",")).hasSize(3);
            assertThat(String.valueOf(env.get("KAFKA_REPLICATION_FACTOR"))).isEqualTo("3");
            assertThat(String.valueOf(env.get("PORT"))).isEqualTo(String.valueOf(service.port()));
            assertThat(list(container.get("ports"))).contains(service.port() + ":" + service.port());
            assertThat(list(map(container.get("healthcheck")).get("test")).toString())
                    .contains("localhost:" + service.port() + "/actuator/health/readiness");
        }
        for (String infra : List.of("kafka-1", "kafka-2", "kafka-3", "mongo-1", "mongo-2", "mongo-3", "mongo-init", "prometheus", "grafana")) {
            assertThat(services).containsKey(infra);
        }
    }

    @Test
    void kubernetesRunsEachServiceWithItsPortProbesSettingsAutoscalerAndBudget() {
        List<Map<String, Object>> base = kustomizeBase();
        Map<String, Object> mongo = named(base, "MongoDBCommunity", "doan-mongodb");
        for (ServiceConfig service : ServiceConfig.all()) {
            Map<String, Object> container = container(base, service.name());
            assertThat(Settings.of(base, container).keySet()).as(service.name()).containsAll(ServiceConfig.requiredInDeployment());
            assertThat(map(list(container.get("ports")).get(0)).get("containerPort")).as(service.name()).isEqualTo(service.port());
            assertThat(map(map(container.get("readinessProbe")).get("httpGet")).get("path")).isEqualTo("/actuator/health/readiness");
            assertThat(map(map(container.get("livenessProbe")).get("httpGet")).get("path")).isEqualTo("/actuator/health/liveness");
            assertThat(map(map(container.get("resources")).get("limits"))).containsKey("memory");
            assertThat(map(list(map(named(base, "Service", service.name()).get("spec")).get("ports")).get(0)).get("port")).isEqualTo(service.port());
            assertThat(named(base, "HorizontalPodAutoscaler", service.name())).isNotNull();
            assertThat(named(base, "PodDisruptionBudget", service.name())).isNotNull();

            // MONGODB_URI: the connection string the operator writes for this service's own user, who may use its database only
            Map<String, Object> uri = map(Yamls.at(env(container, "MONGODB_URI"), "valueFrom.secretKeyRef"));
            assertThat(uri.get("key")).isEqualTo("connectionString.standard");
            Map<String, Object> user = list(Yamls.at(mongo, "spec.users")).stream().map(Yamls::map)
                    .filter(u -> uri.get("name").equals(u.get("connectionStringSecretName"))).findFirst()
                    .orElseThrow(() -> new AssertionError("no MongoDB user writes " + uri.get("name")));
            assertThat(list(user.get("roles"))).as(service.name())
                    .containsExactly(Map.of("name", "readWrite", "db", service.database()));
        }
        assertThat(ServiceConfig.text(ServiceConfig.ROOT.resolve("service-support/src/main/resources/doan-service-defaults.yml")))
                .contains("endpoint.health.probes.enabled: true");
        for (String overlay : List.of("province", "national")) {
            assertThat(list(yaml(DEPLOY.resolve("k8s/overlays").resolve(overlay).resolve("kustomization.yaml")).get(0).get("resources")))
                    .containsExactly("../../base");
        }
    }

    /** Email is on only where spring.mail.host is set; the sender is doan.deliveries.mail-from (EmailChannel). */
    @Test
    void notificationServiceHasAnSmtpServerAndASenderInComposeAndKubernetes() {
        assertThat(ServiceConfig.text(ServiceConfig.ROOT.resolve(
                "notification-service/src/main/java/vn/doan/notificationservice/delivery/EmailChannel.java"))).contains("${doan.deliveries.mail-from");
        List<String> mail = List.of("SPRING_MAIL_HOST", "SPRING_MAIL_PORT", "DOAN_DELIVERIES_MAILFROM");

        Map<String, Object> services = map(yaml(DEPLOY.resolve("compose/compose.yaml")).get(0).get("services"));
        Map<String, Object> composeEnv = map(map(services.get("notification-service")).get("environment"));
        assertThat(composeEnv.keySet()).containsAll(mail);
        assertThat(services).as("the SMTP host is a service of the stack").containsKey(String.valueOf(composeEnv.get("SPRING_MAIL_HOST")));
        assertThat(String.valueOf(composeEnv.get("DOAN_DELIVERIES_MAILFROM"))).contains("@");

        List<Map<String, Object>> base = kustomizeBase();
        Map<String, Object> container = container(base, "notification-service");
        assertThat(list(container.get("env")).stream().map(e -> String.valueOf(map(e).get("name"))).toList()).containsAll(mail);
        assertThat(list(container.get("envFrom")).toString()).contains("doan-mail");
        assertThat(map(named(base, "Secret", "doan-mail").get("stringData"))).containsKeys("SPRING_MAIL_USERNAME", "SPRING_MAIL_PASSWORD");
    }

    @Test
    void everyTopicAServiceUsesIsDeclaredReplicatedAndTheProgressTopicIsCompacted() {
        Set<String> used = new LinkedHashSet<>(ServiceConfig.contractTopics());
        ServiceConfig.all().forEach(s -> used.addAll(s.boundTopics()));
        assertThat(used).contains("doan.report.reports.v1", "doan.indicator.progress.v1");
        Map<String, Map<String, Object>> declared = new java.util.HashMap<>();
        for (Map<String, Object> doc : kustomizeBase()) {
            if ("KafkaTopic".equals(doc.get("kind"))) {
                declared.put(String.valueOf(map(doc.get("spec")).get("topicName")), map(doc.get("spec")));
            }
        }
        assertThat(declared.keySet()).containsAll(used);
        for (String topic : used) {
            Map<String, Object> spec = declared.get(topic);
            assertThat(spec.get("replicas")).as(topic).isEqualTo(3);
            assertThat(map(spec.get("config")).get("min.insync.replicas")).as(topic).isEqualTo(2);
        }
        assertThat(map(declared.get("doan.indicator.progress.v1").get("config")).get("cleanup.policy")).isEqualTo("compact");
        // each consumer group's dead letters go to "<topic>.<group>.dlt" (the group is the service's name); the services
        // do not create topics in Kubernetes
        for (ServiceConfig service : ServiceConfig.all()) {
            for (String topic : service.boundTopics()) {
                String deadLetters = topic + "." + service.name() + ".dlt";
                assertThat(declared).as(deadLetters).containsKey(deadLetters);
                assertThat(declared.get(deadLetters).get("replicas")).as(deadLetters).isEqualTo(3);
            }
        }
    }

    /**
     * What an acknowledged write promises in production: MongoDB answers once a majority of the replica set has the write
     * in its journal, Kafka once two of three replicas have the record, and no out-of-sync replica may become leader.
     */
    @Test
    void noDeploymentWeakensWhatAnAcknowledgedWritePromises() throws IOException {
        Map<String, Object> compose = yaml(DEPLOY.resolve("compose/compose.yaml")).get(0);
        Map<String, Object> composeServices = map(compose.get("services"));
        List<String> uris = new ArrayList<>();
        for (ServiceConfig service : ServiceConfig.all()) {
            uris.add(String.valueOf(map(map(composeServices.get(service.name())).get("environment")).get("MONGODB_URI")));
        }
        // the MongoDB operator appends the resource's options to every user's connection string (no user overrides them)
        Map<String, Object> mongo = named(kustomizeBase(), "MongoDBCommunity", "doan-mongodb");
        Map<String, Object> operatorOptions = map(Yamls.at(mongo, "spec.additionalConnectionStringConfig"));
        assertThat(operatorOptions).containsOnly(Map.entry("w", "majority"), Map.entry("journal", true));
        assertThat(list(Yamls.at(mongo, "spec.users"))).allSatisfy(u -> assertThat(map(u)).doesNotContainKey("additionalConnectionStringConfig"));
        assertThat(uris).hasSize(ServiceConfig.all().size());
        for (String uri : uris) {
            Map<String, String> options = new java.util.HashMap<>();
            for (String option : uri.substring(uri.indexOf('?') + 1).split("&")) {
                options.put(option.substring(0, option.indexOf('=')).toLowerCase(java.util.Locale.ROOT), option.substring(option.indexOf('=') + 1));
            }
            assertThat(options).as(uri).containsEntry("w", "majority").containsEntry("journal", "true").doesNotContainKey("wtimeoutms");
        }
        for (String broker : List.of("kafka-1", "kafka-2", "kafka-3")) {
            Map<String, Object> env = map(map(composeServices.get(broker)).get("environment"));
            assertThat(String.valueOf(env.get("KAFKA_MIN_INSYNC_REPLICAS"))).as(broker).isEqualTo("2");
            assertThat(String.valueOf(env.get("KAFKA_DEFAULT_REPLICATION_FACTOR"))).as(broker).isEqualTo("3");
            assertThat(env).as(broker).doesNotContainKey("KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE");
        }
        for (Map<String, Object> doc : kustomizeBase()) {
            if ("KafkaTopic".equals(doc.get("kind"))) {
                Map<String, Object> config = map(map(doc.get("spec")).get("config"));
                assertThat(String.valueOf(config.getOrDefault("unclean.leader.election.enable", "false"))).as("%s", doc).isEqualTo("false");
            }
        }
        Map<String, Object> broker = map(Yamls.at(named(kustomizeBase(), "Kafka", "doan-kafka"), "spec.kafka.config"));
        assertThat(broker).containsEntry("min.insync.replicas", 2).containsEntry("default.replication.factor", 3)
                .containsEntry("unclean.leader.election.enable", false);
        // the producers acknowledge on every in-sync replica (acks=all): nothing in a deployment may lower it
        try (Stream<Path> files = Files.walk(DEPLOY)) {
            // (deploy-check's own copies of the operators' CRDs are not deployment files)
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .filter(f -> !f.startsWith(DEPLOY.resolve("deploy-check"))).toList()) {
                assertThat(ServiceConfig.text(file).toLowerCase(java.util.Locale.ROOT)).as(file.toString()).doesNotContain("acks");
            }
        }
    }

    @Test
    void prometheusScrapesEveryServiceAndEveryDashboardMetricExistsInTheCode() throws IOException {
        String prometheus = ServiceConfig.text(DEPLOY.resolve("compose/prometheus/prometheus.yml"));
        for (ServiceConfig service : ServiceConfig.all()) {
            assertThat(prometheus).contains("'" + service.name() + ":" + service.port() + "'");
        }
        assertThat(prometheus).contains("metrics_path: /actuator/prometheus");

        JsonNode dashboard = JsonMapper.builder().build().readTree(DEPLOY.resolve("grafana/dashboards/doan.json").toFile());
        String code = mainSources();
        Matcher metric = Pattern.compile("doan_[a-z_]+").matcher(dashboard.toString());
        List<String> missing = new ArrayList<>();
        int found = 0;
        while (metric.find()) {
            found++;
            String meter = metric.group().replaceAll("(_seconds)?(_total|_bucket|_sum|_count|_max)?$", "").replace('_', '.');
            if (!code.contains("\"" + meter + "\"")) {
                missing.add(metric.group());
            }
        }
        assertThat(found).isGreaterThanOrEqualTo(6);
        assertThat(missing).as("dashboard metrics no service registers").isEmpty();
        assertThat(dashboard.toString()).contains("spring_cloud_stream_binder_kafka_offset");
    }

    private static String mainSources() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(ServiceConfig.ROOT)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java") && f.toString().contains("/src/main/")).toList()) {
                all.append(Files.readString(file));
            }
        }
        return all.toString();
    }

    private static List<Map<String, Object>> kustomizeBase() {
        return Kustomize.render("base");
    }

    private static Map<String, Object> container(List<Map<String, Object>> docs, String deployment) {
        return map(list(Yamls.at(named(docs, "Deployment", deployment), "spec.template.spec.containers")).get(0));
    }

    private static Map<String, Object> env(Map<String, Object> container, String name) {
        return list(container.get("env")).stream().map(Yamls::map).filter(e -> name.equals(e.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name));
    }

    private static Map<String, Object> named(List<Map<String, Object>> docs, String kind, String name) {
        return Kustomize.named(docs, kind, name);
    }

    private static List<Map<String, Object>> yaml(Path file) {
        return Yamls.read(file);
    }

    private static Map<String, Object> map(Object value) {
        return Yamls.map(value);
    }

    private static List<Object> list(Object value) {
        return Yamls.list(value);
    }
}
