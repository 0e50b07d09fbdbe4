package io.kccommunity.it;

import static io.kccommunity.it.HostileEndpoints.ENDPOINTS;
import static io.kccommunity.it.HostileEndpoints.PREFLIGHTS;
import static io.kccommunity.it.HostileEndpoints.PUBLIC_DOCUMENTS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kccommunity.it.HostileEndpoints.Caller;
import io.kccommunity.it.HostileEndpoints.Endpoint;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every endpoint of the extension, one table ({@link HostileEndpoints}): each gets missing, garbage, tampered, expired and
 * foreign tokens, malformed Authorization headers, the wrong caller, hostile path and paging values
 * and, where it reads a body, malformed, mistyped, oversized (in bytes), deeply nested and
 * unicode-broken JSON, invalid UTF-8 and wrong content types, multipart included (also where it
 * writes without a body; see {@link HostileRequests}). Each must answer 4xx with a JSON error and
 * description, never 5xx, and leave the realm exactly as it was (its rows counted in the database
 * where the test can reach it, and its state read through the admin API).
 * {@link #everyEndpointIsInTheTable} fails when an endpoint is added without a row in the table.
 */
@ExtendWith(RealKeycloak.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputIT {

    private static final List<String> HOSTILE_SEGMENTS = List.of(
            "<img src=x onerror=alert(1)>", "' OR '1'='1' --", "1; DROP TABLE COMMUNITY_MEMBER", "\u202Eevil\u202C",
            "a\u200Bb\uFEFF", "\uD83D\uDE00", "..", "%00", "x".repeat(5000), "-1", "99999999999999999999");

    /** What Jackson's own messages name: Java packages, nested classes, its settings in backquotes. */
    private static final Pattern JAVA_NAMES = Pattern.compile("java\\.|io\\.kccommunity|\\w\\$\\w|`");

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

        Expect.ok(api.post(realm.adminPath("/circles"), admin, Map.of("slug", "hostile-circle", "name", "Hostile <b>circle</b>",
                "visibility", "members", "staff", List.of(alice))), 201);
        // alice also owns it, so her requests reach every check of the owners' endpoints
        Expect.ok(api.put(realm.adminPath("/circles/hostile-circle/members/" + alice), admin, Map.of("role", "owner")), 200);
        String webhook = Expect.ok(api.post(realm.adminPath("/webhooks"), admin, Map.of("url", "http://127.0.0.1:9/hooks",
                "events", List.of("election.certified"))), 201).get("id").asText();

        values.putAll(Map.of("{realm}", realm.name, "{user}", alice, "{handle}", "alice.h", "{role}", "guru",
                "{badge}", "helpful", "{election}", election, "{event}", event, "{candidate}", candidate, "{webhook}", webhook,
                "{circle}", "hostile-circle"));

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
        listed.addAll(PUBLIC_DOCUMENTS.keySet());
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

    /** Bad tokens and headers, hostile query values: the same document each time (two Authorization headers: 401). */
    @TestFactory
    Stream<DynamicTest> publicDocumentsIgnoreTokensAndChangeNothing() {
        return PUBLIC_DOCUMENTS.values().stream().map(path -> DynamicTest.dynamicTest("GET " + path, () -> {
            String before = snapshot();
            String document = Expect.ok(api.get(fill(path), null), 200).toString();
            List<String> tokens = new ArrayList<>(List.of("not.a.jwt", tampered(this.tokens.get(Caller.MEMBER))));
            tokens.addAll(expired.values());
            tokens.addAll(foreign.values());
            for (String token : tokens) {
                assertEquals(document, Expect.ok(api.get(fill(path), token), 200).toString(), "with token " + abbreviate(token));
            }
            for (Map.Entry<String, List<String>> header : HostileRequests.authorizations(this.tokens.get(Caller.MEMBER)).entrySet()) {
                Api.Reply reply = api.sendBytes("GET", fill(path), null, null, null, Map.of("Authorization", header.getValue()));
                assertEquals(header.getValue().size() > 1 ? 401 : 200, reply.status(), () -> header.getKey() + ": " + reply);
            }
            for (String hostile : HOSTILE_SEGMENTS) {
                String query = "?q=" + URLEncoder.encode(hostile, StandardCharsets.UTF_8);
                assertEquals(document, Expect.ok(api.get(fill(path) + query, null), 200).toString(), abbreviate(hostile));
            }
            assertEquals(before, snapshot(), "the realm changed under requests for a document");
        }));
    }

    private void attack(Endpoint e) throws Exception {
        String before = snapshot();
        List<String> failures = new ArrayList<>();
        badTokens(e, failures);
        hostilePathValues(e, failures);
        badPaging(e, failures);
        hostileBodies(e, failures);
        badAuthorizationHeaders(e, failures);
        assertTrue(failures.isEmpty(), () -> failures.size() + " answers were not a 4xx JSON error:\n" + String.join("\n", failures));
        assertEquals(before, snapshot(), "the realm changed under refused requests");
    }

    /**
     * Tokens that are no good, and the wrong caller's. On admin paths Keycloak's admin root refuses
     * bad tokens (401, or 403 for another realm's admin) before any code of ours runs, and without
     * an error_description.
     */
    private void badTokens(Endpoint e, List<String> failures) throws Exception {
        String path = fill(e.path());
        String right = tokens.get(e.caller());
        boolean adminRoot = e.path().startsWith("/admin/");
        check(failures, "no token", send(e, path, null, body(e)), adminRoot);
        check(failures, "garbage token", send(e, path, "not.a.jwt", body(e)), adminRoot);
        check(failures, "tampered token", send(e, path, tampered(right), body(e)), adminRoot);
        check(failures, "expired token", send(e, path, expired.get(e.caller()), body(e)), adminRoot);
        check(failures, "token of another realm", send(e, path, foreign.get(e.caller()), body(e)), adminRoot);
        if (e.wrong() != null) {
            check(failures, "caller " + e.wrong(), send(e, path, tokens.get(e.wrong()), body(e)), false);
        }
        check(failures, "a service account without community-api roles", send(e, path, plainService, body(e)), false);
        boolean acts = e.path().startsWith("/realms/") && !e.method().equals("GET") && e.caller() != Caller.APP;
        if (acts) {
            check(failures, "another app's token, which only reads", send(e, path, readers.get(e.caller()), body(e)), false);
        }
        for (String privileged : PRIVILEGED_BODIES.getOrDefault(e.handler(), List.of())) {
            check(failures, "privileged " + privileged, send(e, path, right, fill(privileged)), false);
        }
        for (String refused : HostileEndpoints.REFUSED_VALUES.getOrDefault(e.handler(), List.of())) {
            check(failures, "refused value " + abbreviate(refused), send(e, path, right, refused), false);
        }
    }

    private void hostilePathValues(Endpoint e, List<String> failures) {
        String right = tokens.get(e.caller());
        for (Map.Entry<String, String> param : values.entrySet()) {
            if (param.getKey().equals("{realm}") || !e.path().contains(param.getKey())) {
                continue;
            }
            for (String hostile : HOSTILE_SEGMENTS) {
                String attacked = fill(e.path().replace(param.getKey(), URLEncoder.encode(hostile, StandardCharsets.UTF_8)));
                check(failures, param.getKey() + "=" + abbreviate(hostile), send(e, attacked, right, body(e)), false);
            }
            if (param.getKey().equals("{user}")) {
                String foreignUser = other.api.get(other.adminPath("/members?max=1"), api.adminToken()).json().at("/0/userId").asText();
                check(failures, "user of another realm", send(e, fill(e.path().replace("{user}", foreignUser)), right, body(e)), false);
            }
        }
    }

    private void badPaging(Endpoint e, List<String> failures) {
        if (!e.paged()) {
            return;
        }
        String path = fill(e.path());
        String join = path.contains("?") ? "&" : "?";
        for (String query : List.of("first=-1", "max=0", "max=1000000", "first=abc", "max=%3Cscript%3E", "first=1e3",
                "max=99999999999999999999", "period=forever")) {
            if (query.startsWith("period") && !e.handler().endsWith("leaderboard")) {
                continue; // only the leaderboard reads a period
            }
            check(failures, "?" + query, api.send(e.method(), path + join + query, tokens.get(e.caller()), null, null), false);
        }
    }

    /**
     * Broken bodies where the endpoint reads one; multipart also where it writes without one, and
     * from the wrong caller (Keycloak would parse it before any permission check of ours).
     */
    private void hostileBodies(Endpoint e, List<String> failures) throws Exception {
        boolean writes = e.method().equals("POST") || e.method().equals("PUT");
        Map<String, HostileRequests.Body> forms = writes ? HostileRequests.forms(e.hasBody() ? fill(e.body()) : "{}") : Map.of();
        send(e, failures, e.caller(), e.hasBody() ? HostileRequests.bodies(fill(e.body()), e.byteLimit()) : forms);
        if (e.wrong() != null) {
            send(e, failures, e.wrong(), forms);
        }
    }

    private void send(Endpoint e, List<String> failures, Caller caller, Map<String, HostileRequests.Body> bodies) {
        for (Map.Entry<String, HostileRequests.Body> hostile : bodies.entrySet()) {
            HostileRequests.Body body = hostile.getValue();
            String what = hostile.getKey() + " from " + caller;
            Api.Reply reply = api.sendBytes(e.method(), fill(e.path()), tokens.get(caller), body.contentType(), body.bytes(), Map.of());
            check(failures, what, reply, false);
            if (body.status() != 0 && reply.status() != body.status()) {
                failures.add("  " + what + " -> " + reply + " (expected " + body.status() + ")");
            }
        }
    }

    /** Each 401; two headers are refused by us everywhere, the others on admin paths by Keycloak's admin root. */
    private void badAuthorizationHeaders(Endpoint e, List<String> failures) {
        byte[] valid = e.hasBody() ? fill(e.body()).getBytes(StandardCharsets.UTF_8) : null;
        for (Map.Entry<String, List<String>> header : HostileRequests.authorizations(tokens.get(e.caller())).entrySet()) {
            Api.Reply reply = api.sendBytes(e.method(), fill(e.path()), null, valid == null ? null : Api.JSON_TYPE, valid,
                    Map.of("Authorization", header.getValue()));
            boolean ours = !e.path().startsWith("/admin/") || header.getValue().size() > 1;
            check(failures, header.getKey(), reply, !ours);
            if (reply.status() != 401 || (ours && !reply.body().contains("\"invalid_token\""))) {
                failures.add("  " + header.getKey() + " -> " + reply + " (expected 401" + (ours ? " invalid_token)" : ")"));
            }
        }
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

    /**
     * A 4xx with a JSON {@code error} and an {@code error_description} that names no Java type
     * (optional when Keycloak's admin root answered).
     */
    private void check(List<String> failures, String what, Api.Reply reply, boolean keycloakAdminRoot) {
        checked.incrementAndGet();
        boolean jsonError;
        boolean described;
        try {
            JsonNode body = reply.json();
            jsonError = body.hasNonNull("error") && !body.get("error").asText().isBlank();
            String description = body.path("error_description").asText("");
            described = !description.isBlank() && !JAVA_NAMES.matcher(description).find();
        } catch (AssertionError notJson) {
            jsonError = false;
            described = false;
        }
        if (reply.status() < 400 || reply.status() >= 500 || !jsonError || !(described || keycloakAdminRoot)) {
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
        for (String read : List.of("/config", "/members?max=100", "/reputation/rules", "/topics", "/advocacy/rules",
                "/reputation/members/" + user, "/reputation/members/" + user + "/events?max=100", "/elections",
                "/elections/" + values.get("{election}"), "/webhooks", "/circles", "/circles/hostile-circle/members?status=active",
                "/circles/hostile-circle/members?status=banned", "/circles/settings")) {
            state.append(read).append(": ").append(api.get(realm.adminPath(read), admin).body()).append('\n');
        }
        state.append("advocacy: ").append(api.get(realm.adminPath("/advocacy/members/" + user), admin).json().get("roles"));
        state.append("\nballots: ").append(api.get(realm.path("/elections/" + values.get("{election}")), tokens.get(Caller.MEMBER))
                .json().get("you"));
        return state.toString();
    }
}
