package io.kccommunity.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Who may act for a member and what an app may read: a token of any other app of the realm reads
 * (with the {@code community} scope) but never acts; apps are service accounts with a role of
 * {@code community-api}, not any service account; refusals carry CORS headers; only active members
 * have a profile.
 */
@ExtendWith(RealKeycloak.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrustBoundariesIT {

    static final String READER_APP = "reader-app";
    private static final String ORIGIN = "http://app.example";

    private Api api;
    private TestRealm realm;
    private String election;
    private String candidate;

    @BeforeAll
    void realmWithTwoMembersAnOpenElectionAndAReadingApp() {
        api = Api.forServer();
        realm = TestRealm.create(api, "trust");
        realm.enableCommunity(Map.of());
        String admin = api.adminToken();
        // another app of the realm, created after enabling: the community scope is offered to it, participation is not
        Expect.ok(api.post("/admin/realms/" + realm.name + "/clients", admin, Map.of("clientId", READER_APP,
                "publicClient", true, "directAccessGrantsEnabled", true, "webOrigins", List.of(ORIGIN))), 201);
        for (String name : List.of("ana", "bob")) {
            realm.createUser(name);
            Expect.ok(api.post(realm.path("/membership"), realm.token(name), null), 201);
            Expect.ok(api.updateAccount(realm.name, realm.token(name), Map.of("handle", List.of(name + ".h"))), 204);
        }
        realm.createUser("carol");
        election = Expect.ok(api.post(realm.adminPath("/elections"), admin, Map.of("title", "Board", "method", "irv")), 201)
                .get("id").asText();
        Expect.ok(api.post(realm.adminPath("/elections/" + election + "/open-nominations"), admin, null), 200);
        Expect.ok(api.post(realm.path("/elections/" + election + "/candidates"), realm.token("bob"), Map.of("handle", "bob.h")), 201);
        Expect.ok(api.post(realm.adminPath("/elections/" + election + "/open-voting"), admin, null), 200);
        candidate = Expect.ok(api.get(realm.path("/elections/" + election), realm.token("ana")), 200).at("/candidates/0/id").asText();
    }

    private String readerToken(String username) {
        Api.Reply reply = api.passwordGrant(realm.name, READER_APP, null, username, "pw-" + username, TestRealm.READ_SCOPE);
        assertEquals(200, reply.status(), reply::toString);
        return reply.json().get("access_token").asText();
    }

    @Test
    void anotherAppOfTheRealmReadsTheMembersDataButCannotActForThem() {
        String ana = readerToken("ana");
        assertFalse(Api.claims(ana).get("scope").asText().contains(TestRealm.PARTICIPATION), "never granted without the admin");
        assertEquals("active", Expect.ok(api.get(realm.path("/me"), ana), 200).at("/membership/status").asText());
        assertEquals("active", Expect.ok(api.get(realm.path("/membership"), ana), 200).get("status").asText());
        assertEquals(1, Expect.ok(api.get(realm.path("/elections"), ana), 200).size());

        String base = realm.path("/elections/" + election);
        Expect.error(api.put(base + "/ballot", ana, Map.of("ranking", List.of(candidate))), 403, "insufficient_scope");
        Expect.error(api.post(base + "/receipt", ana, Map.of("receipt", "x")), 403, "insufficient_scope");
        Expect.error(api.post(base + "/candidates", ana, Map.of("handle", "ana.h")), 403, "insufficient_scope");
        Expect.error(api.put(base + "/candidacy", readerToken("bob"), Map.of("accept", false)), 403, "insufficient_scope");
        Expect.error(api.delete(realm.path("/membership"), ana), 403, "insufficient_scope");
        Expect.error(api.post(realm.path("/membership"), readerToken("carol"), null), 403, "insufficient_scope");

        assertFalse(Expect.ok(api.get(base, realm.token("ana")), 200).at("/you/voted").asBoolean(true), "no ballot was cast");
        assertEquals("bob.h", Expect.ok(api.get(base, realm.token("bob")), 200).at("/candidates/0/handle").asText(),
                "bob still stands");
        assertEquals("active", Expect.ok(api.get(realm.path("/membership"), realm.token("ana")), 200).get("status").asText());
        assertEquals("none", Expect.ok(api.get(realm.path("/membership"), realm.token("carol")), 200).get("status").asText());
    }

    @Test
    void aTokenWithoutTheCommunityScopeReadsNothing() {
        String plain = api.passwordGrant(realm.name, READER_APP, null, "ana", "pw-ana", "openid").json().get("access_token").asText();
        for (String path : List.of("/me", "/me/reputation", "/membership", "/members", "/leaderboard", "/elections",
                "/roles/guru/members")) {
            Expect.error(api.get(realm.path(path), plain), 403, "insufficient_scope");
        }
        Expect.error(api.get(realm.path("/members/bob.h"), plain), 404, "profile_not_found");
    }

    @Test
    void theParticipationScopeIsOfferedToNoClientUnlessAnAdminAddsIt() {
        String admin = api.adminToken();
        for (String defaults : List.of("/default-default-client-scopes", "/default-optional-client-scopes")) {
            JsonNode scopes = Expect.ok(api.get("/admin/realms/" + realm.name + defaults, admin), 200);
            assertFalse(scopes.toString().contains(TestRealm.PARTICIPATION), defaults + ": " + scopes);
        }
        JsonNode scope = java.util.stream.StreamSupport.stream(
                        Expect.ok(api.get("/admin/realms/" + realm.name + "/client-scopes", admin), 200).spliterator(), false)
                .filter(s -> TestRealm.PARTICIPATION.equals(s.get("name").asText())).findFirst().orElseThrow();
        assertEquals("true", scope.at("/attributes/display.on.consent.screen").asText(), scope::toString);
        assertTrue(scope.at("/attributes/consent.screen.text").asText().startsWith("${"), "a translated consent text");
    }

    /** An app named like the ledger's own sources could reverse admins' adjustments or block built-in awards. */
    @Test
    void appsNamedLikeTheLedgersOwnSourcesMayNotAwardReputation() {
        for (String clientId : List.of("admin", "community")) {
            realm.createServiceClient(clientId);
            realm.grantServiceAccountRole(clientId, ReputationIT.API_CLIENT, "award-reputation");
            String app = realm.serviceToken(clientId);
            int before = Expect.ok(api.get(realm.path("/me"), realm.token("ana")), 200).at("/reputation/total").asInt();
            Expect.error(api.post(realm.path("/reputation/events"), app,
                    ReputationIT.event(userId("ana"), "helpful-flag", clientId + "-1")), 403, "forbidden");
            Expect.error(api.post(realm.path("/reputation/events/some-id/reversal"), app, Map.of()), 403, "forbidden");
            assertEquals(before, Expect.ok(api.get(realm.path("/me"), realm.token("ana")), 200).at("/reputation/total").asInt(),
                    "nothing booked for " + clientId);
        }
    }

    @Test
    void serviceAccountsWithoutACommunityApiRoleAreNotApps() {
        realm.createServiceClient("plain-service");
        String plain = realm.serviceToken("plain-service");
        for (String path : List.of("/members", "/leaderboard", "/elections", "/roles/guru/members", "/me")) {
            Expect.error(api.get(realm.path(path), plain), 403);
        }
        Expect.error(api.get(realm.path("/members/ana.h"), plain), 404, "profile_not_found");
        Expect.error(api.post(realm.path("/reputation/events"), plain,
                ReputationIT.event(userId("ana"), "helpful-flag", "plain-1")), 403, "forbidden");

        realm.grantServiceAccountRole("plain-service", ReputationIT.API_CLIENT, "view-members");
        String app = realm.serviceToken("plain-service");
        assertEquals(2, Expect.ok(api.get(realm.path("/members"), app), 200).size());
        Expect.ok(api.get(realm.path("/leaderboard"), app), 200);
        assertEquals(1, Expect.ok(api.get(realm.path("/elections"), app), 200).size());
        assertEquals("ana.h", Expect.ok(api.get(realm.path("/members/ana.h"), app), 200).get("handle").asText());
        Expect.error(api.post(realm.path("/reputation/events"), app,
                ReputationIT.event(userId("ana"), "helpful-flag", "plain-2")), 403, "forbidden");
    }

    @Test
    void refusalsCarryCorsHeadersSoBrowserAppsCanReadThem() {
        Api.Reply unauthenticated = api.send("GET", realm.path("/me"), null, null, null, Map.of("Origin", ORIGIN));
        Expect.error(unauthenticated, 401, "invalid_token");
        assertEquals(ORIGIN, header(unauthenticated, "access-control-allow-origin"), unauthenticated.headers()::toString);

        String plain = api.passwordGrant(realm.name, READER_APP, null, "ana", "pw-ana", "openid").json().get("access_token").asText();
        Api.Reply refused = api.send("GET", realm.path("/me"), plain, null, null, Map.of("Origin", ORIGIN));
        Expect.error(refused, 403, "insufficient_scope");
        assertEquals(ORIGIN, header(refused, "access-control-allow-origin"), refused.headers()::toString);

        Api.Reply elsewhere = api.send("GET", realm.path("/me"), plain, null, null, Map.of("Origin", "http://evil.example"));
        Expect.error(elsewhere, 403, "invalid_origin");
        assertNull(header(elsewhere, "access-control-allow-origin"), "an origin the client does not allow gets none");
    }

    @Test
    void onlyActiveMembersHaveAProfileForEveryCaller() {
        String admin = realm.createUser("keeper");
        realm.grantRealmManagementRole(admin, "view-users");
        String keeper = realm.token("keeper");
        realm.createUser("dora");
        Expect.ok(api.post(realm.path("/membership"), realm.token("dora"), null), 201);
        Expect.ok(api.updateAccount(realm.name, realm.token("dora"), Map.of("handle", List.of("dora.h"),
                "profileVisibility", List.of("public"))), 204);
        assertEquals(200, api.get(realm.path("/members/dora.h"), keeper).status());
        Expect.ok(api.delete(realm.path("/membership"), realm.token("dora")), 204);
        realm.createUser("eddie");
        Expect.ok(api.updateAccount(realm.name, realm.token("eddie"), Map.of("handle", List.of("eddie.h"))), 204);
        for (String handle : List.of("dora.h", "eddie.h")) {
            for (String viewer : new String[] {null, keeper, realm.token("ana")}) {
                Expect.error(api.get(realm.path("/members/" + handle), viewer), 404, "profile_not_found");
            }
        }
        assertEquals(200, api.get(realm.path("/members/ana.h"), keeper).status(), "an active member's profile");
    }

    private String userId(String username) {
        return api.get("/admin/realms/" + realm.name + "/users?exact=true&username=" + username, api.adminToken()).json()
                .get(0).get("id").asText();
    }

    static String header(Api.Reply reply, String name) {
        List<String> values = reply.headers().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
