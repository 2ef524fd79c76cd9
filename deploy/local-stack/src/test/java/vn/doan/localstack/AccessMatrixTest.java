package vn.doan.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.doan.authserver.TokenClient;
import vn.doan.localstack.AccessExpectations.KnownException;
import vn.doan.localstack.AccessExpectations.Role;

/**
 * The access matrix, generated: every operation of the four services' OpenAPI documents, called with no token and as the
 * administrator, a district's cadre, its department staff and an analyst (real logins at the real authorisation server),
 * about what lies inside the district's subtree and in another province, on the service's own port and through the gateway.
 * Each answer must follow the operation's rule in {@link AccessExpectations}; the matrix is written to
 * {@code target/access-matrix.md}.
 */
class AccessMatrixTest {

    static final Map<Role, String> LOGINS = Map.of(Role.ADMIN, "quantri", Role.CADRE, "bt.thoxuan", Role.STAFF, "btg.thoxuan",
            Role.ANALYST, "phantich");
    static final List<Services.Service> SERVICES = List.of(Services.Service.PLAN, Services.Service.REPORT, Services.Service.INDICATOR,
            Services.Service.NOTIFICATION);

    @TempDir
    static Path dataDir;
    static StackRun stack;
    static Services services;
    static AccessFixture fixture;
    static List<ApiOperation> operations = new ArrayList<>();

    @BeforeAll
    static void start() {
        stack = StackRun.start(dataDir, List.of("--doan.outbox.interval=50ms",
                "--doan.gateway.rate-limit.capacity=100000", "--doan.gateway.rate-limit.per-second=10000",
                "--doan.reminders.interval=300ms", "--doan.reminders.quiet-from=00:00", "--doan.reminders.quiet-until=00:00",
                "--doan.deliveries.interval=200ms",
                // the live streams the matrix opened stay open on the server until it stops: do not wait for them
                "--server.shutdown=immediate"));
        services = stack.services();
        fixture = AccessFixture.create(services);
        SERVICES.forEach(service -> operations.addAll(ApiOperation.of(services, service)));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void everyOperationInTheOpenApiDocumentsHasAnExpectation() {
        assertThat(operations.stream().map(ApiOperation::service).distinct()).as("services whose document lists operations")
                .containsExactlyInAnyOrderElementsOf(SERVICES);
        assertThat(operations.stream().filter(op -> !AccessExpectations.RULES.containsKey(op.name())).map(ApiOperation::name).toList())
                .as("operations with no rule in AccessExpectations: classify each").isEmpty();
        List<String> documented = operations.stream().map(ApiOperation::name).toList();
        assertThat(AccessExpectations.RULES.keySet().stream().filter(rule -> !documented.contains(rule)).toList())
                .as("rules for operations that no document lists").isEmpty();
    }

    @Test
    void theRulesSayWhatTheReadmeSays() {
        AccessExpectations.RULES.forEach((operation, rule) -> {
            if (!operation.startsWith("GET ") || operation.startsWith("GET /api/reports/{id}")) {
                assertThat(rule.analyst()).as("analysts neither write nor read a single report: " + operation).isFalse();
            }
            if (!operation.startsWith("GET ")) {
                assertThat(rule.roles()).as("department staff only read: " + operation).doesNotContain(Role.STAFF);
            }
        });
    }

    @Test
    void healthAndTheOpenApiDocumentAreOpenWithoutAToken() {
        ApiClient anonymous = ApiClient.throughGateway(services, null);
        for (Services.Service service : SERVICES) {
            for (String path : AccessExpectations.PUBLIC_PATHS) {
                assertThat(anonymous.get(services.url(service) + path).status()).as(service + " " + path).isEqualTo(200);
            }
        }
    }

    @Test
    void everyOperationAnswersEveryCallerAsItsRuleSaysOnTheServiceAndThroughTheGateway() throws IOException {
        List<ApiOperation> classified = operations.stream().filter(op -> AccessExpectations.RULES.containsKey(op.name())).toList();
        TokenClient tokens = ApiClient.tokens(services);
        Map<Role, String> bearer = new EnumMap<>(Role.class);
        LOGINS.forEach((role, user) -> bearer.put(role, tokens.login(GatewayEndToEndTest.WEB, GatewayEndToEndTest.CALLBACK, user,
                GatewayEndToEndTest.PASSWORD)));
        AccessMatrix matrix = new AccessMatrix(services, fixture, bearer);

        List<AccessMatrix.Call> calls = matrix.run(classified);
        List<AccessMatrix.Mismatch> failures = new ArrayList<>();
        Map<AccessMatrix.Mismatch, KnownException> known = new LinkedHashMap<>();
        for (AccessMatrix.Mismatch mismatch : matrix.mismatches(calls)) {
            AccessExpectations.KNOWN.stream().filter(k -> k.covers().test(mismatch.call())).findFirst()
                    .ifPresentOrElse(k -> known.put(mismatch, k), () -> failures.add(mismatch));
        }
        Path file = Path.of("target", "access-matrix.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, AccessMatrix.markdown(calls, failures, known));

        assertThat(calls).hasSize(classified.size() * Role.values().length * 2 * 2);
        assertThat(failures.stream().map(AccessMatrix::describe).toList()).as("answers that break the rules (see " + file.toAbsolutePath() + ")")
                .isEmpty();
        assertThat(AccessExpectations.KNOWN.stream().filter(k -> !known.containsValue(k)).map(KnownException::name).toList())
                .as("known exceptions that no longer occur: remove them from AccessExpectations.KNOWN").isEmpty();
    }
}
