package vn.doan.localstack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * One operation of a service's OpenAPI document (springdoc's {@code /v3/api-docs}): its method, path template,
 * parameters, whether it takes a body (and the first media type it takes) and whether it answers a live stream
 * (server-sent events).
 */
record ApiOperation(Services.Service service, String method, String path, List<Parameter> parameters, boolean takesBody,
        boolean streams, String bodyType) {

    record Parameter(String name, String in) {
    }

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

    /** "GET /api/units/{id}": how the expectations name it. */
    String name() {
        return method + " " + path;
    }

    /** The resource a path's {@code {id}} names: {@code /api/reports/{id}/accept} → reports. */
    String resource() {
        return path.split("/")[2];
    }

    /** Every operation of the service's document, read without a token (the document is public). */
    static List<ApiOperation> of(Services services, Services.Service service) {
        ApiClient.Answer answer = ApiClient.throughGateway(services, null).get(services.url(service) + "/v3/api-docs");
        if (answer.status() != 200) {
            throw new AssertionError(service + " /v3/api-docs answered " + answer.status() + ": " + answer.body());
        }
        List<ApiOperation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : answer.body().get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (!METHODS.contains(operation.getKey())) {
                    continue;
                }
                JsonNode node = operation.getValue();
                List<Parameter> parameters = new ArrayList<>();
                node.path("parameters").forEach(p -> parameters.add(new Parameter(p.get("name").asString(), p.get("in").asString())));
                boolean streams = node.path("responses").path("200").path("content").has("text/event-stream");
                String bodyType = node.path("requestBody").path("content").propertyNames().stream().findFirst().orElse(null);
                operations.add(new ApiOperation(service, operation.getKey().toUpperCase(java.util.Locale.ROOT), path.getKey(),
                        List.copyOf(parameters), node.has("requestBody"), streams, bodyType));
            }
        }
        return operations;
    }
}
