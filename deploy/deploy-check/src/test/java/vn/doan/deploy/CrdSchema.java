package vn.doan.deploy;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import io.fabric8.kubernetes.api.model.apps.StatefulSetSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Custom resources against the OpenAPI schema of their CustomResourceDefinition, as the API server checks them, but
 * stricter: the API server prunes unknown fields silently, this refuses them (every object schema that lists its
 * properties and does not preserve unknown fields gets {@code additionalProperties: false}). The CRDs are those of the
 * operator releases deploy/README.md names, copied to src/test/resources/crds.
 */
final class CrdSchema {

    private static final Path CRDS = Path.of("src/test/resources/crds");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, Schema> SCHEMAS = load();

    private CrdSchema() {
    }

    static boolean knows(Map<String, Object> doc) {
        return SCHEMAS.containsKey(doc.get("apiVersion") + "/" + doc.get("kind"));
    }

    static List<String> problems(Map<String, Object> doc) {
        List<String> problems = new ArrayList<>();
        for (Error error : SCHEMAS.get(doc.get("apiVersion") + "/" + doc.get("kind")).validate(JSON.valueToTree(doc))) {
            problems.add(error.getInstanceLocation() + ": " + error.getMessage());
        }
        problems.addAll(KubernetesSchema.metadataProblems(doc));
        // the MongoDB operator takes a StatefulSet spec to merge into its own, which its CRD does not describe
        Object statefulSet = Yamls.at(doc, "spec.statefulSet.spec");
        if ("MongoDBCommunity".equals(doc.get("kind")) && statefulSet != null) {
            problems.addAll(KubernetesSchema.problems(statefulSet, StatefulSetSpec.class));
        }
        return problems;
    }

    private static Map<String, Schema> load() {
        // OpenAPI's and Kubernetes' own keywords say nothing a validator checks here
        Dialect.Builder dialect = Dialect.builder(Dialects.getDraft4());
        for (String keyword : List.of("nullable", "example", "x-kubernetes-preserve-unknown-fields", "x-kubernetes-int-or-string",
                "x-kubernetes-map-type", "x-kubernetes-list-type", "x-kubernetes-list-map-keys", "x-kubernetes-validations",
                "x-kubernetes-embedded-resource")) {
            dialect.keyword(new NonValidationKeyword(keyword));
        }
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(dialect.build());
        YAMLMapper yaml = YAMLMapper.builder().build();
        Map<String, Schema> schemas = new HashMap<>();
        try (Stream<Path> files = Files.list(CRDS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                JsonNode crd = yaml.readTree(file.toFile());
                String group = crd.path("spec").path("group").asString();
                String kind = crd.path("spec").path("names").path("kind").asString();
                for (JsonNode version : crd.path("spec").path("versions")) {
                    ObjectNode schema = (ObjectNode) version.path("schema").path("openAPIV3Schema");
                    strict(schema);
                    schemas.put(group + "/" + version.path("name").asString() + "/" + kind, registry.getSchema(schema));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return schemas;
    }

    private static void strict(JsonNode schema) {
        if (!(schema instanceof ObjectNode object)) {
            return;
        }
        if (object.has("properties") && !object.has("additionalProperties")
                && !object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
            object.put("additionalProperties", false);
        }
        object.path("properties").forEach(CrdSchema::strict);
        strict(object.path("items"));
        strict(object.path("additionalProperties"));
        for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
            object.path(combinator).forEach(CrdSchema::strict);
        }
    }
}
