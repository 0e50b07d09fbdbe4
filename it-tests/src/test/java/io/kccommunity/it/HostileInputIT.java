package io.kccommunity.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every endpoint of the extension, one table: each gets missing, garbage, tampered, expired and
 * foreign tokens, the wrong caller, hostile path and paging values and, where it reads a body,
 * malformed, mistyped, oversized, deeply nested and unicode-broken JSON and wrong content types.
 * Each must answer 4xx with a JSON error, never 5xx, and leave the realm exactly as it was (its rows
 * counted in the database where the test can reach it, and its state read through the admin API).
 * {@link #everyEndpointIsInTheTable} fails when an endpoint is added without a row here.
 */
@ExtendWith(RealKeycloak.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputIT {

    /** Who an endpoint serves: its right caller, and the caller it must refuse. */
    enum Caller { MEMBER, NON_MEMBER, APP, ADMIN }

    record Endpoint(String handler, String method, String path, Caller caller, Caller wrong, String body, boolean paged) {
        boolean hasBody() {
            return body != null;
        }
    }

    private static final List<Endpoint> ENDPOINTS = new ArrayList<>();

    private static void member(String handler, String method, String path, Caller caller, Caller wrong, String body,
                               boolean paged) {
        ENDPOINTS.add(new Endpoint(handler, method, "/realms/{realm}/community" + path, caller, wrong, body, paged));
    }

    private static void admin(String handler, String method, String path, String body, boolean paged) {
        ENDPOINTS.add(new Endpoint(handler, method, "/admin/realms/{realm}/community" + path, Caller.ADMIN, Caller.MEMBER,
                body, paged));
    }

    static {
        Caller m = Caller.MEMBER;
        member("MembershipResource.get", "GET", "/membership", m, null, null, false);
        member("MembershipResource.join", "POST", "/membership", Caller.NON_MEMBER, Caller.APP,
                "{\"acceptedCodeOfConductVersion\":\"1\"}", false);
        member("MembershipResource.leave", "DELETE", "/membership", m, Caller.APP, null, false);
        member("CommunityRealmResource.me", "GET", "/me", m, null, null, false);
        member("CommunityRealmResource.myHistory", "GET", "/me/reputation", m, null, null, true);
        member("CommunityRealmResource.leaderboard", "GET", "/leaderboard", m, null, null, true);
        member("CommunityRealmResource.roleHolders", "GET", "/roles/{role}/members", m, Caller.NON_MEMBER, null, true);
        member("ProfileResource.directory", "GET", "/members", m, null, null, true);
        member("ProfileResource.profile", "GET", "/members/{handle}", m, null, null, false);
        member("ElectionsResource.list", "GET", "/elections", m, Caller.NON_MEMBER, null, false);
        member("ElectionsResource.get", "GET", "/elections/{election}", m, Caller.NON_MEMBER, null, false);
        member("ElectionsResource.nominate", "POST", "/elections/{election}/candidates", m, Caller.NON_MEMBER,
                "{\"handle\":\"bob.h\",\"statement\":\"s\"}", false);
        member("ElectionsResource.answer", "PUT", "/elections/{election}/candidacy", m, Caller.NON_MEMBER,
                "{\"accept\":true,\"statement\":\"s\"}", false);
        member("ElectionsResource.cast", "PUT", "/elections/{election}/ballot", m, Caller.NON_MEMBER,
                "{\"ranking\":[\"{candidate}\"],\"changeKey\":\"k\"}", false);
        member("ElectionsResource.verify", "POST", "/elections/{election}/receipt", m, Caller.NON_MEMBER,
                "{\"receipt\":\"r\"}", false);
        member("ElectionsResource.results", "GET", "/elections/{election}/results", m, Caller.NON_MEMBER, null, false);
        member("ElectionsResource.ballots", "GET", "/elections/{election}/ballots", m, Caller.NON_MEMBER, null, false);
        member("ReputationResource.record", "POST", "/reputation/events", Caller.APP, m,
                "{\"userId\":\"{user}\",\"type\":\"helpful-flag\",\"key\":\"k-1\",\"reason\":\"r\"}", false);
        member("ReputationResource.reverse", "POST", "/reputation/events/{event}/reversal", Caller.APP, m,
                "{\"reason\":\"r\"}", false);

        admin("ConfigAdminResource.get", "GET", "/config", null, false);
        admin("ConfigAdminResource.update", "PUT", "/config", "{\"name\":\"n\",\"joinPolicy\":\"open\"}", false);
        admin("MembersAdminResource.list", "GET", "/members", null, true);
        admin("MembersAdminResource.get", "GET", "/members/{user}", null, false);
        admin("MembersAdminResource.approve", "POST", "/members/{user}/approve", null, false);
        admin("MembersAdminResource.reject", "POST", "/members/{user}/reject", null, false);
        admin("MembersAdminResource.invite", "POST", "/members/{user}/invite", null, false);
        admin("MembersAdminResource.remove", "DELETE", "/members/{user}", null, false);
        admin("ReputationAdminResource.rules", "GET", "/reputation/rules", null, false);
        admin("ReputationAdminResource.updateRules", "PUT", "/reputation/rules", "{\"dailyCap\":100,\"floor\":0}", false);
        admin("ReputationAdminResource.member", "GET", "/reputation/members/{user}", null, false);
        admin("ReputationAdminResource.history", "GET", "/reputation/members/{user}/events", null, true);
        admin("ReputationAdminResource.adjust", "POST", "/reputation/members/{user}/adjustments",
                "{\"points\":5,\"reason\":\"r\"}", false);
        admin("ReputationAdminResource.award", "PUT", "/reputation/members/{user}/badges/{badge}", null, false);
        admin("ReputationAdminResource.revoke", "DELETE", "/reputation/members/{user}/badges/{badge}", null, false);
        admin("AdvocacyAdminResource.rules", "GET", "/advocacy/rules", null, false);
        admin("AdvocacyAdminResource.updateRules", "PUT", "/advocacy/rules", "{\"roles\":{\"guru\":{\"listed\":false}}}", false);
        admin("AdvocacyAdminResource.member", "GET", "/advocacy/members/{user}", null, true);
        admin("AdvocacyAdminResource.grant", "PUT", "/advocacy/members/{user}/roles/{role}", "{\"reason\":\"r\"}", false);
        admin("AdvocacyAdminResource.revoke", "DELETE", "/advocacy/members/{user}/roles/{role}?reason=r", null, false);
        admin("AdvocacyAdminResource.nominate", "PUT", "/advocacy/members/{user}/nominations/{role}", null, false);
        admin("AdvocacyAdminResource.withdraw", "DELETE", "/advocacy/members/{user}/nominations/{role}", null, false);
        admin("AdvocacyAdminResource.sweep", "POST", "/advocacy/sweep", null, false);
        admin("AdvocacyAdminResource.sweeps", "GET", "/advocacy/sweeps", null, true);
        admin("ElectionsAdminResource.list", "GET", "/elections", null, false);
        admin("ElectionsAdminResource.create", "POST", "/elections", "{\"title\":\"t\",\"method\":\"irv\",\"seats\":1}", false);
        admin("ElectionsAdminResource.get", "GET", "/elections/{election}", null, false);
        admin("ElectionsAdminResource.edit", "PUT", "/elections/{election}", "{\"title\":\"t\",\"seats\":2}", false);
        admin("ElectionsAdminResource.advance", "POST", "/elections/{election}/close", null, false);
        admin("ElectionsAdminResource.results", "GET", "/elections/{election}/results", null, false);
    }

    /** CORS preflight handlers: they answer OPTIONS before any caller is known and read nothing. */
    private static final Map<String, String> PREFLIGHTS = Map.of(
            "Preflight.preflight", "/realms/{realm}/community/membership",
            "Preflight.preflightBelow", "/realms/{realm}/community/elections/{election}/ballot",
            "CommunityRealmResource.preflight", "/realms/{realm}/community/me");

    private static final List<String> HOSTILE_SEGMENTS = List.of(
            "<img src=x onerror=alert(1)>", "' OR '1'='1' --", "1; DROP TABLE COMMUNITY_MEMBER", "\u202Eevil\u202C",
            "a\u200Bb\uFEFF", "\uD83D\uDE00", "..", "%00", "x".repeat(5000), "-1", "99999999999999999999");

    private Api api;
    private TestRealm realm;
    private TestRealm other;
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<Caller, String> tokens = new LinkedHashMap<>();
    private final Map<Caller, String> expired = new LinkedHashMap<>();
    private final Map<Caller, String> foreign = new LinkedHashMap<>();
    /** Tokens of another app of the realm, with the community scope only: they read, never act. */
    private final Map<Caller, String> readers = new LinkedHashMap<>();
    /** A service account without any role of community-api: not an app. */
    private String plainService;

    /** Bodies that are well formed but ask for more than the caller may have. */
    private static final Map<String, List<String>> PRIVILEGED_BODIES = Map.of(
            "AdvocacyAdminResource.updateRules", List.of(
                    "{\"roles\":{\"guru\":{\"realmRole\":\"sneaky-admin\"}}}",
                    "{\"roles\":{\"advocate\":{\"realmRole\":\"realm-admin\"}}}",
                    "{\"roles\":{\"moderator\":{\"realmRole\":\"default-roles-{realm}\"}}}"));
    private final java.util.concurrent.atomic.AtomicInteger checked = new java.util.concurrent.atomic.AtomicInteger();

    @BeforeAll
    void realmWithMembersAnAppAndAnElection() throws Exception {
        api = Api.forServer();
        realm = TestRealm.create(api, "hostile");
        realm.enableCommunity(Map.of());
        other = TestRealm.create(api, "hostile-other");
        other.enableCommunity(Map.of());
        String admin = api.adminToken();
        realm.grantServiceAccountRole(TestRealm.SERVICE, ReputationIT.API_CLIENT, ReputationIT.AWARD_ROLE);
        String alice = realm.createUser("alice");
        String bob = realm.createUser("bob");
        realm.createUser("carol");
        String keeper = realm.createUser("keeper");
        realm.grantRealmManagementRole(keeper, "realm-admin");
        for (String name : List.of("alice", "bob")) {
            Expect.ok(api.post(realm.path("/membership"), realm.token(name), null), 201);
            Expect.ok(api.updateAccount(realm.name, realm.token(name), Map.of("handle", List.of(name + ".h"))), 204);
        }
        String event = Expect.ok(api.post(realm.path("/reputation/events"), realm.serviceToken(),
                ReputationIT.event(alice, "helpful-flag", "fixture-1")), 201).get("id").asText();

        Map<String, Object> board = Map.of("title", "Board", "method", "irv", "seats", 1);
        String election = Expect.ok(api.post(realm.adminPath("/elections"), admin, board), 201).get("id").asText();
        Expect.ok(api.post(realm.adminPath("/elections/" + election + "/open-nominations"), admin, null), 200);
        String base = realm.path("/elections/" + election);
        Expect.ok(api.post(base + "/candidates", realm.token("alice"), Map.of("userId", bob)), 201);
        Expect.ok(api.put(base + "/candidacy", realm.token("bob"), Map.of("accept", true)), 200);
        Expect.ok(api.post(realm.adminPath("/elections/" + election + "/open-voting"), admin, null), 200);
        String candidate = api.get(base, realm.token("alice")).json().at("/candidates/0/id").asText();
        Expect.ok(api.put(base + "/ballot", realm.token("alice"), Map.of("ranking", List.of(candidate))), 201);

        values.putAll(Map.of("{realm}", realm.name, "{user}", alice, "{handle}", "alice.h", "{role}", "guru",
                "{badge}", "helpful", "{election}", election, "{event}", event, "{candidate}", candidate));

        // tokens that expired: minted while the realm's tokens lived 2 seconds
        setTokenLifespan(2);
        expired.putAll(mint(realm));
        setTokenLifespan(300);
        tokens.putAll(mint(realm));
        String otherKeeper = other.createUser("keeper");
        other.grantRealmManagementRole(otherKeeper, "realm-admin");
        other.createUser("alice");
        Expect.ok(api.post(other.path("/membership"), other.token("alice"), null), 201);
        other.grantServiceAccountRole(TestRealm.SERVICE, ReputationIT.API_CLIENT, ReputationIT.AWARD_ROLE);
        foreign.putAll(mint(other));
        Expect.ok(api.post("/admin/realms/" + realm.name + "/clients", admin, Map.of("clientId", TrustBoundariesIT.READER_APP,
                "publicClient", true, "directAccessGrantsEnabled", true)), 201);
        for (Map.Entry<Caller, String> user : Map.of(Caller.MEMBER, "alice", Caller.NON_MEMBER, "carol").entrySet()) {
            readers.put(user.getKey(), api.passwordGrant(realm.name, TrustBoundariesIT.READER_APP, null, user.getValue(),
                    "pw-" + user.getValue(), TestRealm.READ_SCOPE).json().get("access_token").asText());
        }
        realm.createServiceClient("plain-service");
        plainService = realm.serviceToken("plain-service");
        // a composite role that carries realm-admin: no rule may hand it out
        Expect.ok(api.post("/admin/realms/" + realm.name + "/roles", admin, Map.of("name", "sneaky-admin")), 201);
        String management = api.get("/admin/realms/" + realm.name + "/clients?clientId=realm-management", admin).json()
                .get(0).get("id").asText();
        JsonNode realmAdmin = api.get("/admin/realms/" + realm.name + "/clients/" + management + "/roles/realm-admin", admin).json();
        Expect.ok(api.post("/admin/realms/" + realm.name + "/roles/sneaky-admin/composites", admin, List.of(realmAdmin)), 204);
        // wait only as long as the latest of the short-lived tokens still has to live (Keycloak allows no clock skew)
        long expiresAt = expired.values().stream().mapToLong(t -> Api.claims(t).get("exp").asLong() * 1000).max().orElse(0);
        Thread.sleep(Math.max(0, expiresAt + 1000 - System.currentTimeMillis()));
    }

    private Map<Caller, String> mint(TestRealm in) {
        Map<Caller, String> minted = new LinkedHashMap<>();
        minted.put(Caller.MEMBER, in.token("alice"));
        minted.put(Caller.NON_MEMBER, in.token(in == realm ? "carol" : "keeper"));
        minted.put(Caller.APP, in.serviceToken());
        minted.put(Caller.ADMIN, in.token("keeper"));
        return minted;
    }

    private void setTokenLifespan(int seconds) {
        Expect.ok(api.put("/admin/realms/" + realm.name, api.adminToken(), Map.of("accessTokenLifespan", seconds)), 204);
    }

    @Test
    void everyEndpointIsInTheTable() throws Exception {
        Set<String> listed = new TreeSet<>(PREFLIGHTS.keySet());
        ENDPOINTS.forEach(e -> assertTrue(listed.add(e.handler()), "listed twice: " + e.handler()));
        Set<String> found = EndpointCatalog.handlers();
        assertTrue(found.size() >= 40, "the scan found the resources: " + found);
        assertEquals(found, listed, "every JAX-RS method of the extension has a row in HostileInputIT");
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointRefusesHostileRequestsAndChangesNothing() {
        return ENDPOINTS.stream().map(e -> DynamicTest.dynamicTest(e.method() + " " + e.path(), () -> attack(e)));
    }

    @TestFactory
    Stream<DynamicTest> preflightsAnswerWithoutData() {
        return PREFLIGHTS.values().stream().map(path -> DynamicTest.dynamicTest("OPTIONS " + path, () -> {
            for (String origin : List.of("http://app.example", "http://evil.example", "<script>")) {
                Api.Reply reply = api.send("OPTIONS", fill(path), null, null, null,
                        Map.of("Origin", origin, "Access-Control-Request-Method", "PUT"));
                assertTrue(reply.status() < 300, () -> "preflight from " + origin + ": " + reply);
                assertTrue(reply.body().isEmpty(), () -> "a preflight carries no data: " + reply);
            }
        }));
    }

    private void attack(Endpoint e) throws Exception {
        String before = snapshot();
        String path = fill(e.path());
        String right = tokens.get(e.caller());
        List<String> failures = new ArrayList<>();
        check(failures, "no token", send(e, path, null, body(e)));
        check(failures, "garbage token", send(e, path, "not.a.jwt", body(e)));
        check(failures, "tampered token", send(e, path, tampered(right), body(e)));
        check(failures, "expired token", send(e, path, expired.get(e.caller()), body(e)));
        check(failures, "token of another realm", send(e, path, foreign.get(e.caller()), body(e)));
        if (e.wrong() != null) {
            check(failures, "caller " + e.wrong(), send(e, path, tokens.get(e.wrong()), body(e)));
        }
        check(failures, "a service account without community-api roles", send(e, path, plainService, body(e)));
        boolean acts = e.path().startsWith("/realms/") && !e.method().equals("GET") && e.caller() != Caller.APP;
        if (acts) {
            check(failures, "another app's token, which only reads", send(e, path, readers.get(e.caller()), body(e)));
        }
        for (String privileged : PRIVILEGED_BODIES.getOrDefault(e.handler(), List.of())) {
            check(failures, "privileged " + privileged, send(e, path, right, fill(privileged)));
        }
        for (Map.Entry<String, String> param : values.entrySet()) {
            if (param.getKey().equals("{realm}") || !e.path().contains(param.getKey())) {
                continue;
            }
            for (String hostile : HOSTILE_SEGMENTS) {
                String attacked = fill(e.path().replace(param.getKey(), URLEncoder.encode(hostile, StandardCharsets.UTF_8)));
                check(failures, param.getKey() + "=" + abbreviate(hostile), send(e, attacked, right, body(e)));
            }
            if (param.getKey().equals("{user}")) {
                String foreignUser = other.api.get(other.adminPath("/members?max=1"), api.adminToken()).json().at("/0/userId").asText();
                check(failures, "user of another realm", send(e, fill(e.path().replace("{user}", foreignUser)), right, body(e)));
            }
        }
        if (e.paged()) {
            String join = path.contains("?") ? "&" : "?";
            for (String query : List.of("first=-1", "max=0", "max=1000000", "first=abc", "max=%3Cscript%3E", "first=1e3",
                    "max=99999999999999999999", "period=forever")) {
                if (query.startsWith("period") && !e.handler().endsWith("leaderboard")) {
                    continue; // only the leaderboard reads a period
                }
                check(failures, "?" + query, api.send(e.method(), path + join + query, right, null, null));
            }
        }
        if (e.hasBody()) {
            for (Map.Entry<String, String> hostile : hostileBodies(e).entrySet()) {
                String[] typed = hostile.getValue().split("\n", 2);
                check(failures, hostile.getKey(), api.send(e.method(), path, right, typed[0], typed[1]));
            }
        }
        assertTrue(failures.isEmpty(), () -> failures.size() + " answers were not a 4xx JSON error:\n" + String.join("\n", failures));
        assertEquals(before, snapshot(), "the realm changed under refused requests");
    }

    /** Content type, a newline, then the body: each broken in one way. */
    private Map<String, String> hostileBodies(Endpoint e) throws Exception {
        String valid = fill(e.body());
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("malformed JSON", Api.JSON_TYPE + "\n{\"a\":");
        bodies.put("a number", Api.JSON_TYPE + "\n42");
        bodies.put("a string", Api.JSON_TYPE + "\n\"x\"");
        bodies.put("null", Api.JSON_TYPE + "\nnull");
        bodies.put("an array of numbers", Api.JSON_TYPE + "\n[1,2]");
        bodies.put("trailing data", Api.JSON_TYPE + "\n" + valid + "{}");
        bodies.put("unknown field", Api.JSON_TYPE + "\n" + valid.replaceFirst("\\{", "{\"sneaky\":1,"));
        bodies.put("nested 5,000 deep", Api.JSON_TYPE + "\n" + "[".repeat(5000) + "]".repeat(5000));
        bodies.put("1.1 MB", Api.JSON_TYPE + "\n" + valid.replaceFirst("\\{", "{\"padding\":\"" + "x".repeat(1_100_000) + "\","));
        bodies.put("text/plain", "text/plain\n" + valid);
        bodies.put("application/xml", "application/xml\n<a>" + valid + "</a>");
        bodies.put("form", "application/x-www-form-urlencoded\nname=x");
        ObjectNode template = (ObjectNode) Api.JSON.readTree(valid);
        template.fieldNames().forEachRemaining(field -> {
            JsonNode value = template.get(field);
            bodies.put(field + " as a nested array", Api.JSON_TYPE + "\n" + with(template, field, "[[[\"x\"]]]"));
            if (value.isTextual()) {
                bodies.put(field + " with a lone surrogate", Api.JSON_TYPE + "\n" + with(template, field, "\"a\\ud800b\""));
                bodies.put(field + " with a NUL", Api.JSON_TYPE + "\n" + with(template, field, "\"a\\u0000b\""));
                bodies.put(field + " 100,000 characters", Api.JSON_TYPE + "\n" + with(template, field, "\"" + "y".repeat(100_000) + "\""));
                bodies.put(field + " as a number", Api.JSON_TYPE + "\n" + with(template, field, "12"));
            }
            if (value.isNumber()) {
                for (String number : List.of("1e30", "-99999999999", "99999999999999999999", "2.5", "\"5\"")) {
                    bodies.put(field + " = " + number, Api.JSON_TYPE + "\n" + with(template, field, number));
                }
            }
            if (value.isBoolean()) {
                bodies.put(field + " as \"yes\"", Api.JSON_TYPE + "\n" + with(template, field, "\"yes\""));
                bodies.put(field + " as 1", Api.JSON_TYPE + "\n" + with(template, field, "1"));
            }
        });
        return bodies;
    }

    private static String with(ObjectNode template, String field, String rawValue) {
        ObjectNode copy = template.deepCopy();
        copy.put(field, "@@VALUE@@");
        return Api.write(copy).replace("\"@@VALUE@@\"", rawValue);
    }

    private Api.Reply send(Endpoint e, String path, String token, String body) {
        return api.send(e.method(), path, token, body == null ? null : Api.JSON_TYPE, body);
    }

    private String body(Endpoint e) {
        return e.hasBody() ? fill(e.body()) : null;
    }

    @AfterAll
    void report() {
        System.out.printf("HostileInputIT: %d endpoints, %d refused requests checked%n", ENDPOINTS.size(), checked.get());
    }

    private void check(List<String> failures, String what, Api.Reply reply) {
        checked.incrementAndGet();
        boolean jsonError;
        try {
            JsonNode body = reply.json();
            jsonError = body.hasNonNull("error") && !body.get("error").asText().isBlank();
        } catch (AssertionError notJson) {
            jsonError = false;
        }
        if (reply.status() < 400 || reply.status() >= 500 || !jsonError) {
            failures.add("  " + what + " -> " + reply);
        }
    }

    /** The token with its payload changed (another subject) and its signature kept. */
    private static String tampered(String token) throws Exception {
        String[] parts = token.split("\\.");
        ObjectNode payload = (ObjectNode) Api.claims(token);
        payload.put("sub", "00000000-0000-0000-0000-000000000000");
        payload.put("exp", payload.get("exp").asLong() + 86_400);
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(Api.JSON.writeValueAsBytes(payload));
        return parts[0] + "." + forged + "." + parts[2];
    }

    private String fill(String template) {
        String filled = template;
        for (Map.Entry<String, String> value : values.entrySet()) {
            filled = filled.replace(value.getKey(), value.getValue());
        }
        return filled;
    }

    private static String abbreviate(String s) {
        return s.length() > 30 ? s.substring(0, 30) + "...(" + s.length() + ")" : s;
    }

    /** What a write would change: the realm's rows (where the database is reachable) and its state read as an admin. */
    private String snapshot() throws Exception {
        StringBuilder state = new StringBuilder(RowCounts.ofRealm(realm));
        String admin = api.adminToken();
        String user = values.get("{user}");
        for (String read : List.of("/config", "/members?max=100", "/reputation/rules", "/advocacy/rules",
                "/reputation/members/" + user, "/reputation/members/" + user + "/events?max=100", "/elections",
                "/elections/" + values.get("{election}"))) {
            state.append(read).append(": ").append(api.get(realm.adminPath(read), admin).body()).append('\n');
        }
        state.append("advocacy: ").append(api.get(realm.adminPath("/advocacy/members/" + user), admin).json().get("roles"));
        state.append("\nballots: ").append(api.get(realm.path("/elections/" + values.get("{election}")), tokens.get(Caller.MEMBER))
                .json().get("you"));
        return state.toString();
    }
}
