package io.kccommunity.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** Who may call the membership endpoints, and what bad input and races do to them: nothing. */
@ExtendWith(RealKeycloak.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MembershipSecurityIT {

    private Api api;
    private TestRealm realm;
    private TestRealm other;

    @BeforeAll
    void realms() {
        api = Api.forServer();
        realm = TestRealm.create(api, "guarded");
        realm.enableCommunity(Map.of());
        other = TestRealm.create(api, "foreign");
        other.enableCommunity(Map.of());
    }

    @Test
    void everyMemberEndpointRefusesMissingForeignAndTamperedTokens() {
        other.createUser("intruder");
        String foreign = other.token("intruder");
        realm.createUser("victim");
        String valid = realm.token("victim");
        String tampered = valid.substring(0, valid.lastIndexOf('.') + 1) + "AAAA" + valid.substring(valid.lastIndexOf('.') + 5);
        for (String token : new String[] {null, "garbage", foreign, tampered}) {
            Expect.error(api.get(realm.path("/me"), token), 401, "invalid_token");
            Expect.error(api.get(realm.path("/membership"), token), 401, "invalid_token");
            Expect.error(api.post(realm.path("/membership"), token, null), 401, "invalid_token");
            Expect.error(api.delete(realm.path("/membership"), token), 401, "invalid_token");
        }
        assertEquals("none", Expect.ok(api.get(realm.path("/me"), valid), 200).at("/membership/status").asText());
    }

    @Test
    void serviceAccountsCannotJoin() {
        Expect.error(api.post(realm.path("/membership"), realm.serviceToken(), null), 403, "forbidden");
    }

    @Test
    void malformedOversizedAndMistypedBodiesGet4xxAndWriteNothing() {
        realm.createUser("typo");
        String token = realm.token("typo");
        String path = realm.path("/membership");
        Expect.error(api.send("POST", path, token, Api.JSON_TYPE, "{\"acceptedCodeOfConductVersion\": "), 400, "invalid_request");
        Expect.error(api.send("POST", path, token, Api.JSON_TYPE, "{\"handle\": \"x\"}"), 400, "invalid_request");
        Expect.error(api.send("POST", path, token, Api.JSON_TYPE, "\"just a string\""), 400, "invalid_request");
        Expect.error(api.send("POST", path, token, Api.JSON_TYPE, "{\"acceptedCodeOfConductVersion\": [1]}"), 400, "invalid_request");
        Expect.error(api.send("POST", path, token, "application/xml", "<join/>"), 415);
        Expect.error(api.send("POST", path, token, Api.JSON_TYPE, "{\"a\":\"" + "\u202e".repeat(600_000) + "\"}"), 413);
        assertEquals("none", Expect.ok(api.get(realm.path("/me"), token), 200).at("/membership/status").asText());
    }

    @Test
    void joiningTwiceConcurrentlyCreatesOneMembership() throws Exception {
        String userId = realm.createUser("racer");
        String token = realm.token("racer");
        List<Api.Reply> replies = concurrently(16, () -> api.post(realm.path("/membership"), token, null));
        long created = replies.stream().filter(r -> r.status() == 201).count();
        for (Api.Reply reply : replies) {
            assertTrue(List.of(200, 201, 409).contains(reply.status()), reply::toString);
        }
        assertEquals(1, created, replies::toString);
        long rows = 0;
        for (JsonNode member : api.get(realm.adminPath("/members?max=100"), api.adminToken()).json()) {
            rows += member.get("userId").asText().equals(userId) ? 1 : 0;
        }
        assertEquals(1, rows);
        assertTrue(MembershipIT.roles(Api.claims(realm.token("racer"))).contains("community-member"));
    }

    @Test
    void concurrentApprovalsOfOneRequestApproveItOnce() throws Exception {
        TestRealm approval = TestRealm.create(api, "approve-race");
        approval.enableCommunity(Map.of("joinPolicy", "approval"));
        String userId = approval.createUser("waiter");
        Expect.ok(api.post(approval.path("/membership"), approval.token("waiter"), null), 201);
        String admin = api.adminToken();
        List<Api.Reply> replies = concurrently(8, () -> api.post(approval.adminPath("/members/" + userId + "/approve"), admin, null));
        assertEquals(1, replies.stream().filter(r -> r.status() == 200).count(), replies::toString);
        for (Api.Reply reply : replies) {
            if (reply.status() != 200) {
                Expect.error(reply, 409);
            }
        }
        assertEquals(1, approval.adminEvents("COMMUNITY_MEMBERSHIP").size(), "one admin event for one approval");
        assertTrue(Api.claims(approval.token("waiter")).at("/community/member").asBoolean());
    }

    @Test
    void leavingAndRejoiningConcurrentlyNeverAnswers5xx() throws Exception {
        realm.createUser("flipper");
        String token = realm.token("flipper");
        Expect.ok(api.post(realm.path("/membership"), token, null), 201);
        List<Api.Reply> replies = concurrently(12, () -> api.delete(realm.path("/membership"), token));
        replies.addAll(concurrently(12, () -> api.post(realm.path("/membership"), token, null)));
        replies.forEach(Expect::notServerError);
        JsonNode me = Expect.ok(api.get(realm.path("/me"), token), 200);
        boolean member = me.at("/membership/member").asBoolean();
        assertEquals(member, MembershipIT.roles(Api.claims(realm.token("flipper"))).contains("community-member"),
                "role and status agree after the race");
    }

    @Test
    void adminMemberEndpointsCheckRightsAndRealm() {
        String plainId = realm.createUser("plain-member");
        String viewerId = realm.createUser("member-viewer");
        realm.grantRealmManagementRole(viewerId, "view-users");
        String foreignUser = other.createUser("elsewhere");
        String members = realm.adminPath("/members");

        Expect.unauthorized(api.get(members, null));
        Expect.error(api.get(members, realm.token("plain-member")), 403);
        Expect.ok(api.get(members, realm.token("member-viewer")), 200);
        Expect.error(api.post(members + "/" + plainId + "/invite", realm.token("member-viewer"), null), 403);
        Expect.error(api.delete(members + "/" + plainId, realm.token("member-viewer")), 403);
        Expect.error(api.post(members + "/" + foreignUser + "/invite", api.adminToken(), null), 404, "user_not_found");
        Expect.error(api.get(members + "/no-such-user", api.adminToken()), 404, "user_not_found");
        Expect.error(api.get(members + "/" + "%3Cscript%3E" + "x".repeat(300), api.adminToken()), 404, "user_not_found");
        Expect.error(api.get(members + "?status=everyone", api.adminToken()), 400, "invalid_request");
        Expect.error(api.get(members + "?max=0", api.adminToken()), 400, "invalid_request");
        Expect.error(api.get(members + "?max=1000", api.adminToken()), 400, "invalid_request");
        Expect.error(api.get(members + "?first=-1", api.adminToken()), 400, "invalid_request");
        Expect.error(api.get(members + "?first=abc", api.adminToken()), 400, "invalid_request");
        assertEquals("none", Expect.ok(api.get(members + "/" + plainId, api.adminToken()), 200).get("status").asText());
    }

    @Test
    void browsersGetCorsHeadersOnlyForTheClientsWebOrigins() {
        realm.createUser("browser");
        String token = realm.token("browser");
        Api.Reply allowed = api.send("GET", realm.path("/me"), token, null, null, Map.of("Origin", "http://app.example"));
        assertEquals(200, allowed.status(), allowed::toString);
        assertEquals(List.of("http://app.example"), allowed.headers().get("access-control-allow-origin"));
        Api.Reply foreign = api.send("GET", realm.path("/me"), token, null, null, Map.of("Origin", "http://evil.example"));
        assertEquals(null, foreign.headers().get("access-control-allow-origin"), foreign.headers()::toString);
        Api.Reply preflight = api.send("OPTIONS", realm.path("/membership"), null, null, null,
                Map.of("Origin", "http://app.example", "Access-Control-Request-Method", "POST"));
        assertEquals(200, preflight.status(), preflight::toString);
        assertTrue(String.valueOf(preflight.headers().get("access-control-allow-methods")).contains("POST"),
                preflight.headers()::toString);
    }

    private static List<Api.Reply> concurrently(int n, Callable<Api.Reply> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Callable<Api.Reply>> calls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                calls.add(call);
            }
            List<Api.Reply> replies = new ArrayList<>();
            for (Future<Api.Reply> future : pool.invokeAll(calls)) {
                replies.add(future.get());
            }
            return replies;
        } finally {
            pool.shutdownNow();
        }
    }
}
