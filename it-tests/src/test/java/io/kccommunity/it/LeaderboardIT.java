package io.kccommunity.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The leaderboard: order, deterministic ties, periods, privacy and who may read it. */
@ExtendWith(RealKeycloak.class)
class LeaderboardIT {

    private final Api api = Api.forServer();

    @Test
    void membersAreRankedByPointsWithStableTiesAndPrivateProfilesStayAnonymous() {
        TestRealm realm = TestRealm.create(api, "leaders");
        realm.enableCommunity(Map.of());
        realm.grantServiceAccountRole(TestRealm.SERVICE, ReputationIT.API_CLIENT, ReputationIT.AWARD_ROLE);
        // reading the leaderboard is view-members' (awarding alone is not enough)
        realm.grantServiceAccountRole(TestRealm.SERVICE, ReputationIT.API_CLIENT, "view-members");
        Expect.ok(api.put(realm.adminPath("/reputation/rules"), api.adminToken(),
                Map.of("builtIn", Map.of("join", 0, "daily-login", 0, "profile-complete", 0))), 200);
        String ana = join(realm, "ana", "ana.bakes", "public");
        String ben = join(realm, "ben", "ben.bakes", "members");
        String cyd = join(realm, "cyd", "cyd.bakes", "private");
        String dan = join(realm, "dan", "dan.bakes", "members");
        realm.createUser("outsider");
        String app = realm.serviceToken();
        award(realm, app, ben, "answer-accepted", "1");
        award(realm, app, cyd, "answer-accepted", "2");
        award(realm, app, cyd, "post-upvoted", "3");
        award(realm, app, ana, "answer-accepted", "4");

        JsonNode all = Expect.ok(api.get(realm.path("/leaderboard?period=all"), realm.token("dan")), 200);
        assertEquals("all", all.get("period").asText());
        JsonNode entries = all.get("entries");
        assertEquals(4, entries.size(), all::toString);
        assertEquals(25, entries.get(0).get("points").asInt());
        assertTrue(!entries.get(0).has("handle") || entries.get(0).get("handle").isNull(), "cyd is private: " + entries);
        // ana and ben tie at 15: ana joined first
        assertEquals("ana.bakes", entries.get(1).get("handle").asText());
        assertEquals("ben.bakes", entries.get(2).get("handle").asText());
        assertEquals(2, entries.get(1).get("rank").asInt());
        assertEquals("dan.bakes", entries.get(3).get("handle").asText());
        assertEquals(0, entries.get(3).get("points").asInt());
        assertEquals(entries, Expect.ok(api.get(realm.path("/leaderboard"), realm.token("dan")), 200).get("entries"));

        JsonNode page = Expect.ok(api.get(realm.path("/leaderboard?first=1&max=2"), realm.token("dan")), 200).get("entries");
        assertEquals(List.of("ana.bakes", "ben.bakes"), List.of(page.get(0).get("handle").asText(), page.get(1).get("handle").asText()));
        assertEquals(3, page.get(1).get("rank").asInt());

        // this week: only who earned points, same order
        JsonNode week = Expect.ok(api.get(realm.path("/leaderboard?period=week"), realm.token("cyd")), 200).get("entries");
        assertEquals(3, week.size(), week::toString);
        assertEquals("cyd.bakes", week.get(0).get("handle").asText(), "cyd sees herself");
        assertEquals(25, Expect.ok(api.get(realm.path("/leaderboard?period=month"), app), 200).at("/entries/0/points").asInt());
        String boss = realm.createUser("boss");
        realm.grantRealmManagementRole(boss, "view-users");
        assertEquals("cyd.bakes", Expect.ok(api.get(realm.path("/leaderboard"), realm.token("boss")), 200)
                .at("/entries/0/handle").asText(), "user admins see private members");

        Expect.error(api.get(realm.path("/leaderboard"), realm.token("outsider")), 403, "forbidden");
        Expect.unauthorized(api.get(realm.path("/leaderboard"), null));
        Expect.error(api.get(realm.path("/leaderboard?period=year"), realm.token("dan")), 400);
        Expect.error(api.get(realm.path("/leaderboard?max=0"), realm.token("dan")), 400);
        Expect.error(api.get(realm.path("/leaderboard?max=abc"), realm.token("dan")), 400);
    }

    private String join(TestRealm realm, String username, String handle, String visibility) {
        String id = realm.createUser(username);
        Expect.ok(api.post(realm.path("/membership"), realm.token(username), null), 201);
        Expect.ok(api.updateAccount(realm.name, realm.token(username), Map.of("handle", List.of(handle),
                "profileVisibility", List.of(visibility))), 204);
        return id;
    }

    private void award(TestRealm realm, String app, String userId, String type, String key) {
        Expect.ok(api.post(realm.path("/reputation/events"), app, ReputationIT.event(userId, type, key)), 201);
    }
}
