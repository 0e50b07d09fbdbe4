package io.kccommunity.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Phases follow the clock, not the sweep: on a server of its own that sweeps at the product's
 * default interval (an hour, and a node checks hourly too, so no sweep runs during the test), nominations open, voting opens and
 * voting closes at the second the schedule says.
 */
@ExtendWith(RealKeycloak.class)
class ElectionClockIT {

    @Test
    void eachPhaseBeginsAndEndsAtItsTimeWithAnHourlySweep() throws Exception {
        KeycloakServer shared = RealKeycloak.server();
        if (shared.database() != Database.H2) {
            System.out.println("ElectionClockIT runs on H2 only: the clock is the server's, whatever its database");
        }
        Assumptions.assumeTrue(shared.database() == Database.H2, "database-independent: run once, on H2");
        KeycloakServer server = shared.separate(shared.log().getParent().resolve("keycloak-clock"),
                Path.of(System.getProperty("extension.jar")), "keycloak_community_clock").sweepingEvery(3600);
        server.start();
        try {
            Api api = new Api(server.baseUrl());
            TestRealm realm = TestRealm.create(api, "clock");
            realm.enableCommunity(Map.of());
            for (String name : List.of("ana", "bob")) {
                realm.createUser(name);
                Expect.ok(api.post(realm.path("/membership"), realm.token(name), null), 201);
                Expect.ok(api.updateAccount(realm.name, realm.token(name), Map.of("handle", List.of(name + ".h"))), 204);
            }
            long start = System.currentTimeMillis();
            String id = Expect.ok(api.post(realm.adminPath("/elections"), api.adminToken(), Map.of("title", "Chair",
                    "method", "irv", "nominationsOpenAt", iso(start + 3_000), "votingOpensAt", iso(start + 7_000),
                    "votingClosesAt", iso(start + 11_000))), 201).get("id").asText();
            String election = realm.path("/elections/" + id);

            waitUntil(start + 3_500);
            Expect.ok(api.post(election + "/candidates", realm.token("bob"), Map.of("handle", "bob.h")), 201);
            waitUntil(start + 7_500);
            String bob = Expect.ok(api.get(election, realm.token("ana")), 200).at("/candidates/0/id").asText();
            Expect.ok(api.put(election + "/ballot", realm.token("ana"), Map.of("ranking", List.of(bob))), 201);
            waitUntil(start + 12_000);
            Expect.error(api.put(election + "/ballot", realm.token("bob"), Map.of("ranking", List.of(bob))), 409, "invalid_phase");
            assertEquals("closed", Expect.ok(api.get(election, realm.token("bob")), 200).get("phase").asText());
            assertEquals(0, Expect.ok(api.get(realm.adminPath("/advocacy/sweeps"), api.adminToken()), 200).size(),
                    "no timed sweep ran: the clock alone moved the election");
        } finally {
            server.stop();
        }
    }

    private static String iso(long millis) {
        return java.time.Instant.ofEpochMilli(millis).toString();
    }

    private static void waitUntil(long millis) throws InterruptedException {
        Thread.sleep(Math.max(0, millis - System.currentTimeMillis()));
    }
}
