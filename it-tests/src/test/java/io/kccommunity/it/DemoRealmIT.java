package io.kccommunity.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The demo's realm and seeding, run against the test server: what a visitor of the demo gets. */
@ExtendWith(RealKeycloak.class)
class DemoRealmIT {

    @Test
    void theDemoRealmHasAnEnabledCommunityWithThreeMembers() throws Exception {
        Api api = Api.forServer();
        DemoServer.seed(api);
        String realm = DemoServer.REALM;
        JsonNode members = Expect.ok(api.get("/admin/realms/" + realm + "/community/members?status=active", api.adminToken()), 200);
        assertEquals(3, members.size(), members::toString);

        JsonNode ana = Api.claims(api.passwordGrant(realm, "recipe-forum", null, "ana", "ana", "openid community")
                .json().get("access_token").asText());
        assertTrue(ana.at("/community/member").asBoolean(), ana::toString);
        JsonNode dee = Api.claims(api.passwordGrant(realm, "recipe-forum", null, "dee", "dee", "openid community")
                .json().get("access_token").asText());
        assertFalse(dee.at("/community/member").asBoolean(true), dee::toString);

        assertEquals("ana.bakes", ana.at("/community/handle").asText(), ana::toString);
        // join (1) + completed profile (5) + the forum's awards (40), and perhaps today's first login (1)
        assertTrue(ana.at("/community/reputation").asInt() >= 46, ana::toString);
        assertTrue(ana.at("/community/badges").toString().contains("profile-complete"), ana::toString);
        assertEquals("[\"guru\"]", ana.at("/community/roles").toString(), ana::toString);
        assertTrue(MembershipIT.roles(ana).contains("community-guru"), ana::toString);
        JsonNode publicProfile = Expect.ok(api.get("/realms/" + realm + "/community/members/ana.bakes", null), 200);
        assertEquals("Ana Baker", publicProfile.get("displayName").asText());
        Expect.error(api.get("/realms/" + realm + "/community/members/rye-bob", null), 404, "profile_not_found");
        String bobToken = api.passwordGrant(realm, "recipe-forum", null, "bob", "bob", "openid community")
                .json().get("access_token").asText();
        JsonNode directory = Expect.ok(api.get("/realms/" + realm + "/community/members", bobToken), 200);
        assertEquals(2, directory.size(), "public and members-only profiles, not the private one: " + directory);
        assertEquals(100, Expect.ok(api.get("/realms/" + realm + "/community/me", bobToken), 200).at("/profile/completeness").asInt());
        JsonNode leaders = Expect.ok(api.get("/realms/" + realm + "/community/leaderboard", bobToken), 200).get("entries");
        assertEquals("ana.bakes", leaders.get(0).get("handle").asText(), leaders::toString);
        assertEquals("rye-bob", leaders.get(1).get("handle").asText(), leaders::toString);

        JsonNode elections = Expect.ok(api.get("/realms/" + realm + "/community/elections", bobToken), 200);
        assertEquals(2, elections.size(), elections::toString);
        assertEquals("voting", elections.get(0).get("phase").asText(), "the moderator election is open: " + elections);
        assertEquals("certified", elections.get(1).get("phase").asText());
        JsonNode results = Expect.ok(api.get("/realms/" + realm + "/community/elections/" + elections.get(1).get("id").asText()
                + "/results", bobToken), 200);
        assertEquals("rye-bob", results.at("/winners/0").asText(), results::toString);
        assertTrue(MembershipIT.roles(Api.claims(bobToken)).contains("community-board-member"));

        JsonNode circles = Expect.ok(api.get("/admin/realms/" + realm + "/community/circles", api.adminToken()), 200);
        assertEquals(4, circles.size(), circles::toString);
        assertEquals("[{\"slug\":\"sourdough-society\",\"role\":\"owner\"},{\"slug\":\"the-test-kitchen\",\"role\":\"recognized\"},"
                + "{\"slug\":\"starter-swap\",\"role\":\"owner\"}]", ana.at("/community/circles").toString());
        assertEquals(1, Expect.ok(api.get("/admin/realms/" + realm + "/community/circles/whole-grain-lab/members?status=requested",
                api.adminToken()), 200).size(), "cyrus's request waits");
        assertEquals("invited", Expect.ok(api.get("/realms/" + realm + "/community/circles/starter-swap", bobToken), 200)
                .at("/you/status").asText());

        String marta = api.passwordGrant(realm, "recipe-forum", null, "marta", "marta", "openid")
                .json().get("access_token").asText();
        JsonNode config = Expect.ok(api.get("/admin/realms/" + realm + "/community/config", marta), 200);
        assertEquals("The Baker's Circle", config.get("name").asText(), "the realm's own admin manages the community");
    }
}
