package vn.doan.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.doan.localstack.AccessExpectations.Place;
import vn.doan.localstack.AccessExpectations.Role;
import vn.doan.localstack.AccessExpectations.Rule;

/**
 * Calls every operation as every caller, about what lies inside the caller's subtree and outside it, on the service's own
 * port and through the gateway; then says which answers break the operation's rule.
 */
final class AccessMatrix {

    enum Via { SERVICE, GATEWAY }

    record Call(ApiOperation op, Role role, Place place, Via via, int status, String body) {
    }

    /** A call whose answer breaks the rules, and how. */
    record Mismatch(Call call, String what) {
    }

    /** A body no service accepts (an unknown field → 400), for writes whose access does not depend on the body. */
    static final String REFUSED_BODY = "{\"truongKhongCo\":true}";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Services services;
    private final AccessFixture fixture;
    private final Map<Role, String> tokens;

    AccessMatrix(Services services, AccessFixture fixture, Map<Role, String> tokens) {
        this.services = services;
        this.fixture = fixture;
        this.tokens = tokens;
    }

    /**
     * Every call, deletions last (a deleted person would be unknown to the calls after it, which let unknown ids through to
     * answer 404); for each operation each role in {@link Role} order, outside before inside, the service before the gateway.
     */
    List<Call> run(List<ApiOperation> operations) {
        List<ApiOperation> ordered = operations.stream().sorted(Comparator.comparing(op -> op.method().equals("DELETE"))).toList();
        List<Call> calls = new ArrayList<>();
        for (ApiOperation op : ordered) {
            Rule rule = AccessExpectations.RULES.get(op.name());
            for (Role role : Role.values()) {
                for (Place place : List.of(Place.OUTSIDE, rule.inside())) {
                    String path = path(op, place);
                    Map<String, String> headers = headers(op, place, role);
                    calls.add(call(op, role, place, Via.SERVICE, services.url(op.service()) + path, body(op, place), headers));
                    calls.add(call(op, role, place, Via.GATEWAY, services.url(Services.Service.GATEWAY) + path, body(op, place), headers));
                }
            }
        }
        return calls;
    }

    /** Answers that break the rules: the wrong side of access control, a 5xx, the gateway not answering as the service did. */
    List<Mismatch> mismatches(List<Call> calls) {
        List<Mismatch> found = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            Call call = calls.get(i);
            Rule rule = AccessExpectations.RULES.get(call.op().name());
            int expected = rule.expected(call.role(), call.place());
            int status = call.status();
            if (status >= 500) {
                found.add(new Mismatch(call, "answered " + status));
            } else if (expected != 0 && status != expected) {
                found.add(new Mismatch(call, "expected " + expected + ", answered " + status));
            } else if (expected == 0 && (status == 401 || status == 403)) {
                found.add(new Mismatch(call, "expected to pass access control, answered " + status));
            } else if (rule == AccessExpectations.FILTERED_LIST && expected == 0 && status == 200 && call.role() != Role.ADMIN
                    && !onlyUnits(call.body(), fixture.callersSubtree())) {
                found.add(new Mismatch(call, "lists a unit outside the caller's subtree: " + call.body()));
            }
            if (call.via() == Via.GATEWAY && !sameAnswer(calls.get(i - 1), call)) {
                found.add(new Mismatch(call, "the gateway answered " + status + ", the service " + calls.get(i - 1).status()));
            }
        }
        return found;
    }

    /**
     * The same status. A write the service carried out has changed the state the gateway's repeat meets: a deleted thing is
     * gone (404), a transition already made cannot be made again (409); access control let both through alike.
     */
    private static boolean sameAnswer(Call service, Call gateway) {
        boolean carriedOutWrite = !service.op().method().equals("GET") && service.status() / 100 == 2;
        return service.status() == gateway.status() || carriedOutWrite && (gateway.status() == 404 || gateway.status() == 409);
    }

    private static boolean onlyUnits(String body, java.util.Set<String> units) {
        JsonNode list = JSON.readTree(body);
        return list.isArray() && list.values().stream().allMatch(item -> units.contains(item.path("unitId").asString()));
    }

    /**
     * The matrix for a person to read: per service, an operation a row, each caller inside and outside a column; a cell is the
     * service's answer, with the gateway's after "gw" when it differs; ✗ marks a broken rule, ⚠ a known exception.
     */
    static String markdown(List<Call> calls, List<Mismatch> failures, Map<Mismatch, AccessExpectations.KnownException> known) {
        StringBuilder md = new StringBuilder("# Access matrix\n\nWritten by `AccessMatrixTest` from the four services' OpenAPI documents. Callers: "
                + "no token; ADMIN (`quantri`); CADRE and DEPARTMENT_STAFF (`bt.thoxuan`, `btg.thoxuan`) of Huyện đoàn Thọ Xuân; ANALYST "
                + "(`phantich`). *in*: the district's own plan, report or reminder for writes, Đoàn xã Thọ Lập's (below it) for reads and "
                + "reviews; *out*: Tỉnh đoàn Kiên Giang's and Đoàn xã Mong Thọ A's. A cell is the service's answer, `gw` the gateway's "
                + "where it differs; ✗ breaks the rule, ⚠ a known exception.\n");
        List<Role> roles = List.of(Role.ADMIN, Role.CADRE, Role.STAFF, Role.ANALYST);
        for (Services.Service service : calls.stream().map(c -> c.op().service()).distinct().toList()) {
            md.append("\n## ").append(service.configName).append("\n\n| operation | rule | no token |");
            roles.forEach(r -> md.append(" ").append(r).append(" in | ").append(r).append(" out |"));
            md.append("\n|---|---|---|").append("---|---|".repeat(roles.size())).append("\n");
            for (ApiOperation op : calls.stream().map(Call::op).filter(o -> o.service() == service).distinct()
                    .sorted(Comparator.comparing(ApiOperation::path).thenComparing(ApiOperation::method)).toList()) {
                Rule rule = AccessExpectations.RULES.get(op.name());
                md.append("| `").append(op.name()).append("` | ").append(rule.says()).append(" | ")
                        .append(cell(calls, op, Role.NONE, Place.OUTSIDE, failures, known)).append(" |");
                for (Role role : roles) {
                    md.append(" ").append(cell(calls, op, role, rule.inside(), failures, known)).append(" | ")
                            .append(cell(calls, op, role, Place.OUTSIDE, failures, known)).append(" |");
                }
                md.append("\n");
            }
        }
        md.append("\n## Known exceptions\n\n");
        known.values().stream().distinct().forEach(k -> md.append("- **").append(k.name()).append("**: ").append(k.why()).append("\n"));
        md.append("\n## Broken rules\n\n");
        failures.forEach(f -> md.append("- ").append(describe(f)).append("\n"));
        return md.toString();
    }

    static String describe(Mismatch m) {
        Call c = m.call();
        return c.op().name() + " (" + c.op().service().configName + ") as " + c.role() + ", " + c.place() + ", via " + c.via() + ": " + m.what();
    }

    private static String cell(List<Call> calls, ApiOperation op, Role role, Place place, List<Mismatch> failures,
            Map<Mismatch, AccessExpectations.KnownException> known) {
        List<Call> pair = calls.stream().filter(c -> c.op() == op && c.role() == role && c.place() == place).toList();
        String text = pair.get(0).status() + (pair.get(1).status() == pair.get(0).status() ? "" : " · gw " + pair.get(1).status());
        boolean broken = failures.stream().anyMatch(f -> pair.contains(f.call()));
        boolean excused = known.keySet().stream().anyMatch(k -> pair.contains(k.call()));
        return text + (broken ? " ✗" : excused ? " ⚠" : "");
    }

    private String path(ApiOperation op, Place place) {
        String path = op.path();
        List<String> query = new ArrayList<>();
        for (ApiOperation.Parameter parameter : op.parameters()) {
            String value = URLEncoder.encode(fixture.value(op, parameter, place), StandardCharsets.UTF_8);
            switch (parameter.in()) {
                case "path" -> path = path.replace("{" + parameter.name() + "}", value);
                case "query" -> query.add(parameter.name() + "=" + value);
                case "header" -> { }
                default -> throw new AssertionError("Parameter " + parameter.name() + " of " + op.name() + " is in " + parameter.in());
            }
        }
        return query.isEmpty() ? path : path + "?" + String.join("&", query);
    }

    private Map<String, String> headers(ApiOperation op, Place place, Role role) {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        op.parameters().stream().filter(p -> p.in().equals("header")).forEach(p -> headers.put(p.name(), fixture.value(op, p, place)));
        if (tokens.get(role) != null) {
            headers.put("Authorization", "Bearer " + tokens.get(role));
        }
        return headers;
    }

    private String body(ApiOperation op, Place place) {
        String kind = AccessExpectations.VALID_BODIES.get(op.name());
        return kind != null ? JSON.writeValueAsString(fixture.body(kind, place)) : op.takesBody() ? REFUSED_BODY : null;
    }

    /** One request; a live stream is closed once its status is known. */
    private Call call(ApiOperation op, Role role, Place place, Via via, String url, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .method(op.method(), body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null && !headers.containsKey("Content-Type")) {
            // an upload of an Office file goes as one (the service then refuses its content), every other body as JSON
            boolean office = op.bodyType() != null && op.bodyType().startsWith("application/vnd.");
            request.header("Content-Type", office ? op.bodyType() : "application/json");
        }
        headers.forEach(request::header);
        try {
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                boolean stream = response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream");
                return new Call(op, role, place, via, response.statusCode(), stream ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new AssertionError(op.name() + " as " + role + " via " + via + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
