package io.kccommunity.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Points Keycloak itself awards: joining, the first login of a day, a completed profile; each once. */
@ExtendWith(RealKeycloak.class)
class BuiltInReputationIT {

    private final Api api = Api.forServer();

    @Test
    void joiningLoggingInAndCompletingTheProfileEachCountOnce() {
        TestRealm realm = TestRealm.create(api, "builtin");
        realm.enableCommunity(Map.of());
        String ana = realm.createUser("ana");
        realm.token("ana"); // a login before joining earns nothing
        Expect.ok(api.post(realm.path("/membership"), realm.token("ana"), null), 201);
        assertEquals(List.of("join"), types(realm, ana));

        realm.token("ana");
        realm.token("ana");
        assertEquals(List.of("daily-login", "join"), types(realm, ana), "one daily login a day");

        Expect.ok(api.updateAccount(realm.name, realm.token("ana"), Map.of("handle", List.of("ana.bakes"),
                "displayName", List.of("Ana"), "bio", List.of("Bakes"), "location", List.of("Lisbon"),
                "website", List.of("https://ana.example"), "avatarUrl", List.of("https://ana.example/a.png"),
                "interests", List.of("how-to"), "languages", List.of("pt"))), 204);
        assertEquals(List.of("profile-complete", "daily-login", "join"), types(realm, ana));
        JsonNode claim = Api.claims(realm.token("ana")).get("community");
        assertEquals(7, claim.get("reputation").asInt(), claim::toString);
        assertTrue(claim.get("badges").toString().contains("profile-complete"), "the default badge for it: " + claim);

        // leaving and joining again does not pay twice
        Expect.ok(api.delete(realm.path("/membership"), realm.token("ana")), 204);
        Expect.ok(api.post(realm.path("/membership"), realm.token("ana"), null), 201);
        assertEquals(3, types(realm, ana).size());

        // every member earns their own: a second member's join and login count too
        String cal = realm.createUser("cal");
        Expect.ok(api.post(realm.path("/membership"), realm.token("cal"), null), 201);
        realm.token("cal");
        assertEquals(List.of("daily-login", "join"), types(realm, cal));

        // switched off in the rules: nothing is booked
        Expect.ok(api.put(realm.adminPath("/reputation/rules"), api.adminToken(),
                Map.of("builtIn", Map.of("join", 0, "daily-login", 1, "profile-complete", 5))), 200);
        realm.createUser("ben");
        Expect.ok(api.post(realm.path("/membership"), realm.token("ben"), null), 201);
        String ben = api.get("/admin/realms/" + realm.name + "/users?username=ben", api.adminToken()).json().get(0).get("id").asText();
        assertEquals(List.of(), types(realm, ben));
    }

    private List<String> types(TestRealm realm, String userId) {
        JsonNode events = Expect.ok(api.get(realm.adminPath("/reputation/members/" + userId + "/events"), api.adminToken()), 200);
        List<String> types = new ArrayList<>();
        events.forEach(e -> types.add(e.get("type").asText()));
        return types;
    }
}
