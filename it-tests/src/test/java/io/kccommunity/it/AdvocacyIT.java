package io.kccommunity.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Advocate roles end to end: promotion by rule, grace, manual grants, expiry, nominations, listings. */
@ExtendWith(RealKeycloak.class)
class AdvocacyIT {

    private final Api api = Api.forServer();
    private TestRealm realm;
    private String app;

    @BeforeEach
    void realmWithRules() {
        realm = TestRealm.create(api, "advocacy");
        realm.enableCommunity(Map.of());
        realm.grantServiceAccountRole(TestRealm.SERVICE, ReputationIT.API_CLIENT, ReputationIT.AWARD_ROLE);
        Expect.ok(api.put(realm.adminPath("/reputation/rules"), api.adminToken(), Map.of("dailyCap", 0,
                "builtIn", Map.of("join", 0, "daily-login", 0, "profile-complete", 0))), 200);
        Expect.ok(api.put(realm.adminPath("/advocacy/rules"), api.adminToken(), Map.of("roles", Map.of(
                "advocate", Map.of("promotion", Map.of("minReputation", 100)),
                "guru", Map.of("promotion", Map.of("minReputation", 50, "graceDays", 1,
                        "eventCount", Map.of("type", "answer-accepted", "count", 2, "days", 30))),
                "ambassador", Map.of("promotion", Map.of("nominated", true, "minReputation", 10, "grantOnly", true))))), 200);
        app = realm.serviceToken();
    }

    @Test
    void crossingAThresholdPromotesFallingBelowDemotesAndGraceStopsFlapping() {
        String ana = member("ana");
        for (int i = 0; i < 7; i++) {
            award(ana, "post-upvoted", "up-" + i);
        }
        assertEquals(List.of(), communityRoles("ana"));
        award(ana, "answer-accepted", "a1");
        String second = award(ana, "answer-accepted", "a2");

        JsonNode token = Api.claims(realm.token("ana"));
        assertTrue(MembershipIT.roles(token).containsAll(List.of("community-advocate", "community-guru")), token::toString);
        assertEquals(List.of("advocate", "guru"), communityRoles("ana"));
        JsonNode me = Expect.ok(api.get(realm.path("/me"), realm.token("ana")), 200);
        assertEquals(2, me.get("roles").size(), me::toString);
        assertEquals("rule", me.at("/roles/0/source").asText());
        JsonNode ambassador = me.at("/progress/ambassador");
        assertEquals("reputation", ambassador.get(0).get("kind").asText(), ambassador::toString);
        assertTrue(ambassador.get(0).get("met").asBoolean());
        assertFalse(ambassador.get(1).get("met").asBoolean(), "not nominated: " + ambassador);

        // one downvote: below 100, the advocate rule (no grace) takes its role back at once
        award(ana, "post-downvoted", "d1");
        assertEquals(List.of("guru"), communityRoles("ana"));
        assertFalse(MembershipIT.roles(Api.claims(realm.token("ana"))).contains("community-advocate"));
        // a reversal leaves one accepted answer of two: guru has a day of grace, so it stays
        Expect.ok(api.post(realm.path("/reputation/events/" + second + "/reversal"), app, null), 201);
        assertEquals(List.of("guru"), communityRoles("ana"));
        Expect.ok(api.post(realm.adminPath("/advocacy/sweep"), api.adminToken(), null), 200);
        assertEquals(List.of("guru"), communityRoles("ana"), "the sweep respects the grace period too");

        List<String> history = new ArrayList<>();
        admin(ana).get("history").forEach(h -> history.add(h.get("action").asText() + " " + h.get("role").asText()
                + " " + h.get("source").asText()));
        assertTrue(history.containsAll(List.of("grant advocate rule", "grant guru rule", "revoke advocate rule")), history::toString);
    }

    @Test
    void aManualGrantIsStickyAndAnExpiryRemovesTheRoleWhenItPasses() throws Exception {
        String bob = member("bob");
        String admin = api.adminToken();
        String soon = Instant.now().plusSeconds(4).toString();
        Expect.ok(api.put(realm.adminPath("/advocacy/members/" + bob + "/roles/moderator"), admin,
                Map.of("reason", "keeps the forum tidy", "expiresAt", soon)), 200);
        Expect.ok(api.put(realm.adminPath("/advocacy/members/" + bob + "/roles/advocate"), admin,
                Map.of("reason", "spoke at our conference")), 200);
        assertEquals(2, realm.adminEvents("COMMUNITY_ROLE").size());
        assertTrue(MembershipIT.roles(Api.claims(realm.token("bob"))).containsAll(List.of("community-moderator", "community-advocate")));
        JsonNode held = admin(bob).get("roles");
        assertEquals(Instant.parse(soon).truncatedTo(ChronoUnit.MILLIS), Instant.parse(held.findValue("expiresAt").asText()),
                held::toString);

        Expect.ok(api.post(realm.adminPath("/advocacy/sweep"), admin, null), 200);
        assertTrue(communityRoles("bob").contains("advocate"), "a manual grant survives the rule it does not meet");

        // the timed sweep (every few seconds in tests) removes the expired grant without being asked
        long deadline = System.currentTimeMillis() + 20_000;
        while (communityRoles("bob").contains("moderator") && System.currentTimeMillis() < deadline) {
            Thread.sleep(500);
        }
        assertEquals(List.of("advocate"), communityRoles("bob"));
        assertFalse(MembershipIT.roles(Api.claims(realm.token("bob"))).contains("community-moderator"));
        assertTrue(admin(bob).get("history").toString().contains("\"source\":\"expiry\""));

        Expect.ok(api.delete(realm.adminPath("/advocacy/members/" + bob + "/roles/advocate?reason=stepped%20down"), admin), 200);
        Expect.error(api.delete(realm.adminPath("/advocacy/members/" + bob + "/roles/advocate?reason=again"), admin), 404, "role_not_held");
        assertEquals(List.of(), communityRoles("bob"));
        assertEquals(3, realm.adminEvents("COMMUNITY_ROLE").size());
        assertTrue(Expect.ok(api.get(realm.adminPath("/advocacy/sweeps?max=5"), admin), 200).size() >= 1, "timed sweeps are logged");
    }

    @Test
    void aNominationCompletesTheRuleAndAGrantOnlyRoleIsKept() {
        String cyd = member("cyd");
        award(cyd, "post-upvoted", "u1");
        award(cyd, "post-upvoted", "u2");
        assertEquals(List.of(), communityRoles("cyd"));
        Expect.ok(api.put(realm.adminPath("/advocacy/members/" + cyd + "/nominations/ambassador"), api.adminToken(), Map.of()), 200);
        assertEquals(List.of("ambassador"), communityRoles("cyd"));
        assertEquals(1, realm.adminEvents("COMMUNITY_NOMINATION").size());
        Expect.ok(api.post(realm.adminPath("/reputation/members/" + cyd + "/adjustments"), api.adminToken(),
                Map.of("points", -20, "reason", "test")), 201);
        assertEquals(List.of("ambassador"), communityRoles("cyd"), "grant-only: kept below the bar");

        // leaving gives up every role
        Expect.ok(api.delete(realm.path("/membership"), realm.token("cyd")), 204);
        assertFalse(MembershipIT.roles(Api.claims(realm.token("cyd"))).contains("community-ambassador"));
        assertEquals(0, admin(cyd).get("roles").size());
    }

    @Test
    void holdersAreListedForAppsAndForMembersWhenTheRoleIsListed() {
        String dee = member("dee");
        member("eve");
        String admin = api.adminToken();
        Expect.ok(api.put(realm.adminPath("/advocacy/members/" + dee + "/roles/guru"), admin, Map.of("reason", "r")), 200);
        Expect.ok(api.put(realm.adminPath("/advocacy/members/" + dee + "/roles/advocate"), admin, Map.of("reason", "r")), 200);

        JsonNode gurus = Expect.ok(api.get(realm.path("/roles/guru/members"), realm.token("eve")), 200);
        assertEquals(1, gurus.size(), gurus::toString);
        assertEquals(dee, gurus.get(0).get("userId").asText());
        Expect.error(api.get(realm.path("/roles/advocate/members"), realm.token("eve")), 403, "forbidden");
        Expect.error(api.get(realm.path("/roles/advocate/members"), app), 403, "forbidden");
        realm.grantServiceAccountRole(TestRealm.SERVICE, ReputationIT.API_CLIENT, "view-members");
        assertEquals(1, Expect.ok(api.get(realm.path("/roles/advocate/members"), realm.serviceToken()), 200).size());
        Expect.error(api.get(realm.path("/roles/wizard/members"), realm.token("eve")), 404, "role_not_found");
        Expect.unauthorized(api.get(realm.path("/roles/guru/members"), null));
        Expect.error(api.get(realm.path("/roles/guru/members?max=0"), realm.token("eve")), 400);
    }

    @Test
    void badInputGetsAClearErrorAndChangesNothing() {
        String fay = member("fay");
        String admin = api.adminToken();
        String roles = realm.adminPath("/advocacy/members/" + fay + "/roles/");
        Expect.error(api.put(roles + "wizard", admin, Map.of("reason", "r")), 404, "role_not_found");
        Expect.error(api.put(roles + "board-member", admin, Map.of("reason", "r")), 400);
        Expect.error(api.put(roles + "moderator", admin, Map.of("reason", "r", "expiresAt", "2020-01-01T00:00:00Z")), 400, "invalid_expiresAt");
        Expect.error(api.put(roles + "moderator", admin, Map.of("reason", "r", "expiresAt", "tomorrow")), 400, "invalid_expiresAt");
        Expect.error(api.put(roles + "moderator", admin, Map.of()), 400, "invalid_reason");
        Expect.error(api.put(roles + "moderator", admin, Map.of("reason", "<b>\uD83D\uDE00</b>")), 400, "invalid_reason");
        Expect.error(api.send("PUT", roles + "moderator", admin, Api.JSON_TYPE, "{\"reason\": "), 400);
        Expect.error(api.put(roles + "moderator", realm.token("fay"), Map.of("reason", "r")), 403);
        String viewer = realm.createUser("viewer");
        realm.grantRealmManagementRole(viewer, "view-users");
        Expect.error(api.put(roles + "moderator", realm.token("viewer"), Map.of("reason", "r")), 403);
        Expect.ok(api.get(realm.adminPath("/advocacy/members/" + fay), realm.token("viewer")), 200);
        TestRealm other = TestRealm.create(api, "other-adv");
        Expect.error(api.put(realm.adminPath("/advocacy/members/" + other.createUser("foreigner") + "/roles/moderator"), admin,
                Map.of("reason", "r")), 404, "user_not_found");

        JsonNode before = Expect.ok(api.get(realm.adminPath("/advocacy/rules"), admin), 200);
        List<Map<String, Object>> bad = List.of(
                Map.of("roles", Map.of("wizard", Map.of("promotion", Map.of("minReputation", 1)))),
                Map.of("roles", Map.of("advocate", Map.of("promotion", Map.of("minLevel", "grandmaster")))),
                Map.of("roles", Map.of("advocate", Map.of("promotion", Map.of("badges", List.of("no-such-badge"))))),
                Map.of("roles", Map.of("advocate", Map.of("promotion", Map.of("eventCount",
                        Map.of("type", "answer-accepted", "count", 1, "days", 0))))),
                Map.of("roles", Map.of("advocate", Map.of("promotion", Map.of("eventCount",
                        Map.of("type", "nope", "count", 1, "days", 5))))),
                Map.of("roles", Map.of("advocate", Map.of("promotion", Map.of("graceDays", -1, "minReputation", 5)))),
                Map.of("roles", Map.of("advocate", Map.of("promotion", Map.of()))),
                Map.of("roles", Map.of("board-member", Map.of("promotion", Map.of("minReputation", 5)))),
                Map.of("roles", Map.of("guru", Map.of("realmRole", "no-such-realm-role"))));
        for (Map<String, Object> body : bad) {
            Expect.error(api.put(realm.adminPath("/advocacy/rules"), admin, body), 400);
        }
        assertEquals(before, Expect.ok(api.get(realm.adminPath("/advocacy/rules"), admin), 200));
        assertEquals(1, realm.adminEvents("COMMUNITY_ADVOCACY_RULES").size(), "only the set-up's change");
        assertEquals(0, realm.adminEvents("COMMUNITY_ROLE").size());
    }

    // --- helpers

    private String member(String username) {
        String id = realm.createUser(username);
        Expect.ok(api.post(realm.path("/membership"), realm.token(username), null), 201);
        return id;
    }

    /** Awards an event and returns its id. */
    private String award(String userId, String type, String key) {
        return Expect.ok(api.post(realm.path("/reputation/events"), app, ReputationIT.event(userId, type, key)), 201)
                .get("id").asText();
    }

    private List<String> communityRoles(String username) {
        List<String> roles = new ArrayList<>();
        Api.claims(realm.token(username)).at("/community/roles").forEach(r -> roles.add(r.asText()));
        return roles;
    }

    private JsonNode admin(String userId) {
        return Expect.ok(api.get(realm.adminPath("/advocacy/members/" + userId), api.adminToken()), 200);
    }
}
