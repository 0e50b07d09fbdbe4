package io.kccommunity.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Joining and leaving, end to end: REST, realm role, and the claim in fresh tokens. */
@ExtendWith(RealKeycloak.class)
class MembershipIT {

    private final Api api = Api.forServer();

    @Test
    void joiningAnOpenCommunityPutsRoleAndClaimInTheNextTokensAndLeavingTakesThemOut() {
        TestRealm realm = TestRealm.create(api, "open");
        realm.enableCommunity(Map.of("name", "Open Bakers"));
        realm.createUser("ana");

        JsonNode before = Api.claims(realm.token("ana"));
        assertFalse(before.at("/community/member").asBoolean(true), before::toString);
        assertFalse(roles(before).contains("community-member"));

        JsonNode joined = Expect.ok(api.post(realm.path("/membership"), realm.token("ana"), null), 201);
        assertTrue(joined.get("member").asBoolean());
        assertEquals("active", joined.get("status").asText());

        JsonNode tokens = realm.tokens("ana");
        JsonNode access = Api.claims(tokens.get("access_token").asText());
        assertTrue(roles(access).contains("community-member"), access::toString);
        assertTrue(access.at("/community/member").asBoolean(), access::toString);
        assertEquals(joined.get("since").asText(), access.at("/community/since").asText());
        JsonNode id = Api.claims(tokens.get("id_token").asText());
        assertTrue(id.at("/community/member").asBoolean(), id::toString);
        JsonNode userinfo = Expect.ok(api.get("/realms/" + realm.name + "/protocol/openid-connect/userinfo",
                tokens.get("access_token").asText()), 200);
        assertTrue(userinfo.at("/community/member").asBoolean(), userinfo::toString);
        JsonNode introspected = Expect.ok(api.form("/realms/" + realm.name + "/protocol/openid-connect/token/introspect",
                Map.of("client_id", TestRealm.SERVICE, "client_secret", TestRealm.SERVICE_SECRET,
                        "token", tokens.get("access_token").asText())), 200);
        assertTrue(introspected.get("active").asBoolean(), introspected::toString);
        assertTrue(introspected.at("/community/member").asBoolean(), introspected::toString);

        JsonNode me = Expect.ok(api.get(realm.path("/me"), realm.token("ana")), 200);
        assertEquals("active", me.at("/membership/status").asText());
        assertEquals("Open Bakers", me.at("/community/name").asText());
        assertEquals("open", me.at("/community/joinPolicy").asText());

        Expect.ok(api.post(realm.path("/membership"), realm.token("ana"), null), 200);

        Expect.ok(api.delete(realm.path("/membership"), realm.token("ana")), 204);
        JsonNode after = Api.claims(realm.token("ana"));
        assertFalse(after.at("/community/member").asBoolean(true), after::toString);
        assertFalse(roles(after).contains("community-member"), after::toString);
        Expect.error(api.delete(realm.path("/membership"), realm.token("ana")), 404, "not_a_member");
        assertEquals("left", Expect.ok(api.get(realm.path("/membership"), realm.token("ana")), 200).get("status").asText());
    }

    @Test
    void underApprovalAMemberIsPendingUntilAnAdminApprovesAndRejectionWorks() {
        TestRealm realm = TestRealm.create(api, "approval");
        realm.enableCommunity(Map.of("joinPolicy", "approval"));
        String bob = realm.createUser("bob");
        String cyd = realm.createUser("cyd");

        assertEquals("pending", Expect.ok(api.post(realm.path("/membership"), realm.token("bob"), null), 201).get("status").asText());
        assertEquals("pending", Expect.ok(api.post(realm.path("/membership"), realm.token("cyd"), null), 201).get("status").asText());
        JsonNode pendingToken = Api.claims(realm.token("bob"));
        assertFalse(pendingToken.at("/community/member").asBoolean(true));
        assertFalse(roles(pendingToken).contains("community-member"));

        JsonNode pending = Expect.ok(api.get(realm.adminPath("/members?status=pending"), api.adminToken()), 200);
        assertEquals(2, pending.size(), pending::toString);

        JsonNode approved = Expect.ok(api.post(realm.adminPath("/members/" + bob + "/approve"), api.adminToken(), null), 200);
        assertEquals("active", approved.get("status").asText());
        assertEquals("bob", approved.get("username").asText());
        JsonNode token = Api.claims(realm.token("bob"));
        assertTrue(token.at("/community/member").asBoolean(), token::toString);
        assertTrue(roles(token).contains("community-member"));

        assertEquals("rejected", Expect.ok(api.post(realm.adminPath("/members/" + cyd + "/reject"), api.adminToken(), null), 200)
                .get("status").asText());
        assertFalse(Api.claims(realm.token("cyd")).at("/community/member").asBoolean(true));
        Expect.error(api.post(realm.adminPath("/members/" + cyd + "/approve"), api.adminToken(), null), 409, "not_pending");
        Expect.error(api.post(realm.adminPath("/members/" + bob + "/approve"), api.adminToken(), null), 409, "not_pending");

        List<JsonNode> events = realm.adminEvents("COMMUNITY_MEMBERSHIP");
        assertEquals(2, events.size(), events::toString);
        assertTrue(events.stream().anyMatch(e -> e.get("resourcePath").asText().equals("community/members/" + bob + "/approve")));
    }

    @Test
    void underInviteOnlyJoiningNeedsAnInvitation() {
        TestRealm realm = TestRealm.create(api, "invite");
        realm.enableCommunity(Map.of("joinPolicy", "invite"));
        String dee = realm.createUser("dee");
        realm.createUser("eve");

        Expect.error(api.post(realm.path("/membership"), realm.token("eve"), null), 403);
        assertEquals("invited", Expect.ok(api.post(realm.adminPath("/members/" + dee + "/invite"), api.adminToken(), null), 200)
                .get("status").asText());
        assertFalse(Api.claims(realm.token("dee")).at("/community/member").asBoolean(true), "an invitation is not membership");
        assertEquals("active", Expect.ok(api.post(realm.path("/membership"), realm.token("dee"), null), 201).get("status").asText());
        assertTrue(Api.claims(realm.token("dee")).at("/community/member").asBoolean());
        Expect.error(api.post(realm.adminPath("/members/" + dee + "/invite"), api.adminToken(), null), 409, "already_member");

        JsonNode removed = Expect.ok(api.delete(realm.adminPath("/members/" + dee), api.adminToken()), 200);
        assertEquals("left", removed.get("status").asText());
        assertFalse(Api.claims(realm.token("dee")).at("/community/member").asBoolean(true));
    }

    @Test
    void aCodeOfConductMustBeAcceptedInItsCurrentVersion() {
        TestRealm realm = TestRealm.create(api, "coc");
        realm.enableCommunity(Map.of("codeOfConductUrl", "https://example.com/coc", "codeOfConductVersion", "2026-1"));
        realm.createUser("fay");
        String token = realm.token("fay");

        Expect.error(api.post(realm.path("/membership"), token, null), 400, "code_of_conduct_not_accepted");
        Expect.error(api.post(realm.path("/membership"), token, Map.of("acceptedCodeOfConductVersion", "2025-9")), 400,
                "code_of_conduct_not_accepted");
        Expect.error(api.post(realm.path("/membership"), token,
                Map.of("acceptedCodeOfConductVersion", "<img src=x onerror=alert(1)>" + "'; DROP TABLE X; --".repeat(200))), 400);
        assertEquals("none", Expect.ok(api.get(realm.path("/me"), token), 200).at("/membership/status").asText(),
                "refused joins wrote nothing");

        JsonNode joined = Expect.ok(api.post(realm.path("/membership"), token, Map.of("acceptedCodeOfConductVersion", "2026-1")), 201);
        assertEquals("2026-1", joined.get("acceptedCodeOfConductVersion").asText());
        JsonNode me = Expect.ok(api.get(realm.path("/me"), token), 200);
        assertEquals("https://example.com/coc", me.at("/community/codeOfConductUrl").asText());
    }

    @Test
    void deletingAUserDeletesTheirMembership() {
        TestRealm realm = TestRealm.create(api, "delete");
        realm.enableCommunity(Map.of());
        String gus = realm.createUser("gus");
        Expect.ok(api.post(realm.path("/membership"), realm.token("gus"), null), 201);
        assertEquals(1, api.get(realm.adminPath("/members"), api.adminToken()).json().size());
        Expect.ok(api.delete("/admin/realms/" + realm.name + "/users/" + gus, api.adminToken()), 204);
        assertEquals(0, api.get(realm.adminPath("/members"), api.adminToken()).json().size());
    }

    static List<String> roles(JsonNode claims) {
        List<String> roles = new ArrayList<>();
        claims.at("/realm_access/roles").forEach(role -> roles.add(role.asText()));
        return roles;
    }
}
