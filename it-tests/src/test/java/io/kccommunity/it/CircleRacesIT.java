package io.kccommunity.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What of circles the database decides, run on every database: concurrent joins and foundings meet
 * the unique keys and the circle's row lock, and an elected moderator's term ends at the timed sweep.
 */
@ExtendWith(RealKeycloak.class)
class CircleRacesIT {

    private final Api api = Api.forServer();
    private TestRealm realm;
    private String admin;
    private String bob;

    @BeforeEach
    void realmWithAFounder() {
        realm = TestRealm.create(api, "circle-races");
        realm.enableCommunity(Map.of());
        admin = api.adminToken();
        String ana = realm.createUser("ana");
        bob = realm.createUser("bob");
        for (String name : List.of("ana", "bob")) {
            Expect.ok(api.post(realm.path("/membership"), realm.token(name), null), 201);
            Expect.ok(api.updateAccount(realm.name, realm.token(name), Map.of("handle", List.of(name + ".r"))), 204);
        }
        Expect.ok(api.post(realm.adminPath("/reputation/members/" + ana + "/adjustments"), admin,
                Map.of("points", 100, "reason", "trusted")), 201);
        Expect.ok(api.put(realm.adminPath("/circles/settings"), admin, Map.of("maxFoundedPerMember", 100)), 200);
    }

    @Test
    void concurrentJoinsMakeOneMembershipAndConcurrentFoundingsOneCircle() throws Exception {
        CirclesIT.found(realm, "ana", "busy-circle", Map.of());
        String token = realm.token("bob");
        List<Api.Reply> joins = all(20, () -> api.post(realm.path("/circles/busy-circle/membership"), token, null));
        joins.forEach(r -> assertTrue(List.of(200, 201, 409).contains(r.status()), r::toString));
        assertEquals(2, Expect.ok(api.get(realm.adminPath("/circles/busy-circle"), admin), 200).get("memberCount").asInt());
        assertEquals(2, Expect.ok(api.get(realm.adminPath("/circles/busy-circle/members"), admin), 200).size());

        String ana = realm.token("ana");
        List<Api.Reply> foundings = all(20, () -> api.post(realm.path("/circles"), ana, Map.of("slug", "same-slug", "name", "Same")));
        assertEquals(1, foundings.stream().filter(r -> r.status() == 201).count(), foundings::toString);
        foundings.forEach(r -> assertTrue(r.status() == 201 || r.status() == 409, r::toString));
        assertEquals(List.of("same-slug"), CirclesIT.slugs(Expect.ok(api.get(realm.adminPath("/circles?search=same"), admin), 200)));
    }

    @Test
    void anElectedModeratorsTermEndsAtTheTimedSweep() throws Exception {
        KeycloakServer server = RealKeycloak.server();
        if (server.database() == Database.H2) {
            System.out.println("CircleRacesIT: the end of a term is checked where the test reaches the database"
                    + " (-Dit.db=postgres or mariadb)");
            return;
        }
        CirclesIT.found(realm, "ana", "voters", Map.of());
        Expect.ok(api.post(realm.path("/circles/voters/membership"), realm.token("bob"), null), 201);
        String elections = realm.adminPath("/elections");
        String id = Expect.ok(api.post(elections, admin, Map.of("title", "Voters' moderator", "method", "irv", "circle", "voters",
                "termDays", 30)), 201).get("id").asText();
        Expect.ok(api.post(elections + "/" + id + "/open-nominations", admin, null), 200);
        Expect.ok(api.post(realm.path("/elections/" + id + "/candidates"), realm.token("bob"), Map.of("handle", "bob.r")), 201);
        Expect.ok(api.post(elections + "/" + id + "/open-voting", admin, null), 200);
        String candidate = api.get(realm.path("/elections/" + id), realm.token("ana")).json().at("/candidates/0/id").asText();
        Expect.ok(api.put(realm.path("/elections/" + id + "/ballot"), realm.token("ana"), Map.of("ranking", List.of(candidate))), 201);
        Expect.ok(api.post(elections + "/" + id + "/close", admin, null), 200);
        Expect.ok(api.post(elections + "/" + id + "/certify", admin, null), 200);
        assertEquals(List.of("voters:moderator"), CirclesIT.claim(realm, "bob"));

        try (Connection db = server.connect(KeycloakServer.PG_DATABASE);
             PreparedStatement end = db.prepareStatement("UPDATE COMMUNITY_CIRCLE_MEMBER SET ROLE_UNTIL = 1 WHERE USER_ID = ?"
                     + " AND ROLE_UNTIL IS NOT NULL")) {
            end.setString(1, bob);
            assertEquals(1, end.executeUpdate(), "bob's term has an end");
        }
        long deadline = System.currentTimeMillis() + 30_000;
        while (!CirclesIT.claim(realm, "bob").equals(List.of("voters:member")) && System.currentTimeMillis() < deadline) {
            Thread.sleep(500);
        }
        assertEquals(List.of("voters:member"), CirclesIT.claim(realm, "bob"), "the timed sweep ended the term");
    }

    private static List<Api.Reply> all(int n, Callable<Api.Reply> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Api.Reply> replies = new ArrayList<>();
            for (Future<Api.Reply> reply : pool.invokeAll(java.util.Collections.nCopies(n, call))) {
                replies.add(reply.get());
            }
            return replies;
        } finally {
            pool.shutdownNow();
        }
    }
}
