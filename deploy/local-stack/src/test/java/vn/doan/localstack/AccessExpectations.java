package vn.doan.localstack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The one hand-written part of the access matrix: who passes access control on each operation of the four services,
 * read from the README's "Who may do what". An operation of the OpenAPI documents that is not named here fails
 * {@link AccessMatrixTest}, so no endpoint ships unclassified.
 */
final class AccessExpectations {

    private AccessExpectations() {
    }

    /** The callers, in the order they call: the administrator last, so what its allowed writes change comes after the others. */
    enum Role { NONE, ANALYST, STAFF, CADRE, ADMIN }

    /**
     * What is asked about, seen from the callers' unit (Huyện đoàn Thọ Xuân): its own unit's (plan, report, reminder), a unit's
     * below it (Đoàn xã Thọ Lập), or a unit's in the other province (Đoàn xã Mong Thọ A, Tỉnh đoàn Kiên Giang).
     */
    enum Place { OWN, CHILD, OUTSIDE }

    /**
     * Who passes: the administrator always, nobody without a token; the cadre and department staff in {@code roles} — when
     * {@code scoped}, only for what lies at {@code inside} and never outside; analysts everywhere when {@code analyst}.
     */
    record Rule(String says, Place inside, Set<Role> roles, boolean scoped, boolean analyst) {

        boolean passes(Role role, Place place) {
            return switch (role) {
                case NONE -> false;
                case ADMIN -> true;
                case ANALYST -> analyst;
                default -> roles.contains(role) && (!scoped || place == inside);
            };
        }

        /** 401, 403, or 0 for "past access control" (any answer but those two and 5xx). */
        int expected(Role role, Place place) {
            return role == Role.NONE ? 401 : passes(role, place) ? 0 : 403;
        }
    }

    private static final Set<Role> BOTH = Set.of(Role.CADRE, Role.STAFF);
    private static final Set<Role> CADRE = Set.of(Role.CADRE);

    static final Rule ADMIN_ONLY = new Rule("administrator only", Place.CHILD, Set.of(), false, false);
    static final Rule SUBTREE_READ = new Rule("cadre and staff read their subtree", Place.CHILD, BOTH, true, false);
    static final Rule AGGREGATE_READ = new Rule("cadre and staff read their subtree; analysts read everywhere", Place.CHILD, BOTH, true, true);
    static final Rule OWN_WRITE = new Rule("cadre writes for their own unit", Place.OWN, CADRE, true, false);
    static final Rule REVIEW = new Rule("cadre reviews the units directly below", Place.CHILD, CADRE, true, false);
    static final Rule URGE = new Rule("cadre reminds the units below by hand", Place.CHILD, CADRE, true, false);
    // a batch names a unit per report: the endpoint lets any cadre through, each report is then checked against their subtree
    static final Rule SUBTREE_BATCH = new Rule("cadre sends reports for their subtree, each report checked", Place.CHILD, CADRE, false, false);
    static final Rule SUBTREE_SHEET = new Rule("cadre downloads the report sheet of their subtree", Place.CHILD, CADRE, true, false);
    static final Rule MANAGE_PEOPLE = new Rule("cadre registers the people of their subtree", Place.CHILD, CADRE, true, false);
    static final Rule FILTERED_LIST = new Rule("cadre and staff list, filtered to their subtree", Place.CHILD, BOTH, false, false);
    static final Rule SIGNED_IN = new Rule("anyone signed in", Place.CHILD, BOTH, false, true);
    // "reading an inbox is for its owner": none of the callers owns the secretary of Thọ Lập's inbox
    static final Rule INBOX_OWNER = new Rule("the inbox's owner (no caller here owns it)", Place.CHILD, Set.of(), true, false);

    static final Map<String, Rule> RULES = rules(
            ADMIN_ONLY, List.of("POST /api/units", "POST /api/units/{id}/rename", "POST /api/units/{id}/move", "POST /api/units/{id}/dissolve",
                    "POST /api/units/{id}/departments", "POST /api/units/{id}/split", "POST /api/units/merge", "POST /api/units/import",
                    "POST /api/admin/reconcile/{planId}/{periodId}", "PUT /api/templates/{language}/{key}", "DELETE /api/templates/{language}/{key}",
                    "GET /api/deliveries", "GET /api/deliveries/{id}", "POST /api/deliveries/{id}/retry"),
            AGGREGATE_READ, List.of("GET /api/units", "GET /api/units/{id}", "GET /api/plans", "GET /api/plans/{id}",
                    "GET /api/plans/{id}/implementation", "GET /api/reports/completeness",
                    "GET /api/progress/{planId}/{periodId}/units/{unitId}", "GET /api/progress/{planId}/{periodId}/units/{unitId}/children",
                    "GET /api/progress/{planId}/{periodId}/units/{unitId}/completeness", "GET /api/progress/{planId}/{periodId}/units/{unitId}/ranking",
                    "GET /api/progress/{planId}/{periodId}/units/{unitId}/behind", "GET /api/progress/{planId}/{periodId}/units/{unitId}/dashboard",
                    "GET /api/progress/{planId}/units/{unitId}/history"),
            SUBTREE_READ, List.of("GET /api/reports/{id}", "GET /api/reports/{id}/attachments/{attachmentId}",
                    "GET /api/reports/consolidated/{planId}/{periodId}/units/{unitId}", "GET /api/reminders",
                    "GET /api/recipients", "GET /api/recipients/{id}"),
            OWN_WRITE, List.of("POST /api/plans", "PUT /api/plans/{id}", "POST /api/plans/{id}/issue", "POST /api/plans/{id}/revisions",
                    "POST /api/plans/{id}/close", "POST /api/plans/import", "POST /api/reports", "POST /api/reports/drafts", "PUT /api/reports/{id}",
                    "POST /api/reports/{id}/submit", "POST /api/reports/{id}/revisions", "POST /api/reports/{id}/attachments",
                    "POST /api/reminders/{id}/read"),
            REVIEW, List.of("POST /api/reports/{id}/accept", "POST /api/reports/{id}/return"),
            SUBTREE_BATCH, List.of("POST /api/reports/batch", "POST /api/reports/sheet"),
            SUBTREE_SHEET, List.of("GET /api/reports/sheet.xlsx"),
            URGE, List.of("POST /api/reminders/now"),
            MANAGE_PEOPLE, List.of("PUT /api/recipients/{id}", "DELETE /api/recipients/{id}"),
            FILTERED_LIST, List.of("GET /api/reports"),
            SIGNED_IN, List.of("GET /api/templates/{language}", "GET /api/plans/template.xlsx"),
            INBOX_OWNER, List.of("GET /api/inbox", "GET /api/inbox/stream", "POST /api/inbox/{id}/read", "POST /api/inbox/{id}/unread"));

    /**
     * Operations whose unit is named in the body, checked after the body is read: they get a valid body for the place
     * ({@link AccessFixture#body}). Every other operation that takes a body gets one the service refuses (400), so an allowed
     * call changes nothing.
     */
    static final Map<String, String> VALID_BODIES = Map.of("POST /api/plans", "plan", "POST /api/reports", "report",
            "POST /api/reports/drafts", "report", "PUT /api/recipients/{id}", "recipient");

    /** Open without a token on every service: health and the OpenAPI document. */
    static final List<String> PUBLIC_PATHS = List.of("/actuator/health", "/v3/api-docs");

    /** A cell of the matrix that is wrong today, known and named, to be fixed; one that no longer occurs fails the test. */
    record KnownException(String name, String why, Predicate<AccessMatrix.Call> covers) {
    }

    /** None today: a wrong cell found later is named here until it is fixed. */
    static final List<KnownException> KNOWN = List.of();

    private static Map<String, Rule> rules(Object... ruleThenOperations) {
        Map<String, Rule> rules = new LinkedHashMap<>();
        for (int i = 0; i < ruleThenOperations.length; i += 2) {
            Rule rule = (Rule) ruleThenOperations[i];
            for (Object operation : (List<?>) ruleThenOperations[i + 1]) {
                if (rules.put((String) operation, rule) != null) {
                    throw new IllegalStateException(operation + " has two rules");
                }
            }
        }
        return rules;
    }
}
