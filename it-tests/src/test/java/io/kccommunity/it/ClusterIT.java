package io.kccommunity.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two Keycloak nodes on one database (the shared test server is node A; this class starts node B):
 * what one node writes, the other serves at once, and uniqueness holds across nodes. Runs where the
 * database is shared (-Dit.db=postgres or mariadb); on embedded H2 it reports itself skipped.
 */
@ExtendWith(RealKeycloak.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private KeycloakServer nodeB;
    private Api a;
    private Api b;
    private TestRealm realmA;
    private TestRealm realmB;

    @BeforeAll
    void startSecondNode() throws Exception {
        KeycloakServer nodeA = RealKeycloak.server();
        if (nodeA.database() == Database.H2) {
            System.out.println("ClusterIT skipped: a cluster needs a shared database (-Dit.db=postgres or -Dit.db=mariadb)");
        }
        Assumptions.assumeTrue(nodeA.database() != Database.H2,
                "a cluster needs a shared database: run with -Dit.db=postgres or -Dit.db=mariadb");
        nodeB = nodeA.anotherNode("node-b");
        nodeB.join();
        assertTrue(nodeB.logText().matches("(?s).*ISPN000094: Received new cluster view[^\\n]*\\(2\\).*"),
                "node B joined node A's cluster (jdbc-ping through the shared database)");
        a = Api.forServer();
        b = new Api(nodeB.baseUrl());
        realmA = TestRealm.create(a, "cluster");
        realmA.enableCommunity(Map.of());
        realmB = realmA.on(b);
    }

    @AfterAll
    void stopSecondNode() {
        if (nodeB != null) {
            nodeB.stop();
        }
    }

    @Test
    void aMemberWhoJoinsOnNodeAIsAMemberInTokensFromNodeB() {
        realmA.createUser("wanderer");
        JsonNode before = Api.claims(realmB.token("wanderer"));
        assertFalse(before.at("/community/member").asBoolean(true), "node B has seen (and cached) a non-member");
        Expect.ok(a.post(realmA.path("/membership"), realmA.token("wanderer"), null), 201);
        JsonNode after = Api.claims(realmB.token("wanderer"));
        assertTrue(after.at("/community/member").asBoolean(), after::toString);
        assertTrue(MembershipIT.roles(after).contains("community-member"));

        Expect.ok(b.delete(realmB.path("/membership"), realmB.token("wanderer")), 204);
        assertFalse(Api.claims(realmA.token("wanderer")).at("/community/member").asBoolean(true), "left on B, gone on A");
    }

    @Test
    void settingsChangedOnNodeAAreInForceOnNodeBAtOnce() {
        realmA.createUser("watcher");
        String token = realmB.token("watcher");
        Expect.ok(b.get(realmB.path("/me"), token), 200);
        Expect.ok(a.put(realmA.adminPath("/config"), a.adminToken(), Map.of("joinPolicy", "invite")), 200);
        try {
            Expect.error(b.post(realmB.path("/membership"), token, null), 403);
            Expect.ok(a.put(realmA.adminPath("/config"), a.adminToken(), Map.of("enabled", false)), 200);
            Expect.error(b.get(realmB.path("/me"), token), 404, "community_not_enabled");
        } finally {
            realmA.enableCommunity(Map.of("joinPolicy", "open"));
        }
    }

    @Test
    void joiningConcurrentlyOnBothNodesCreatesOneMembership() throws Exception {
        String userId = realmA.createUser("doubler");
        String tokenA = realmA.token("doubler");
        String tokenB = realmB.token("doubler");
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Api.Reply> replies = new ArrayList<>();
        try {
            List<Callable<Api.Reply>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> a.post(realmA.path("/membership"), tokenA, null));
                calls.add(() -> b.post(realmB.path("/membership"), tokenB, null));
            }
            for (Future<Api.Reply> reply : pool.invokeAll(calls)) {
                replies.add(reply.get());
            }
        } finally {
            pool.shutdownNow();
        }
        replies.forEach(r -> assertTrue(List.of(200, 201, 409).contains(r.status()), r::toString));
        assertEquals(1, replies.stream().filter(r -> r.status() == 201).count(), replies::toString);
        long rows = 0;
        for (JsonNode member : a.get(realmA.adminPath("/members?max=100"), a.adminToken()).json()) {
            rows += member.get("userId").asText().equals(userId) ? 1 : 0;
        }
        assertEquals(1, rows);
    }

    /** 2 x 25 threads send the same 500 events, each once to node A and once to node B. */
    @Test
    void reputationSentToBothNodesAtOnceCountsEachEventOnce() throws Exception {
        realmA.grantServiceAccountRole(TestRealm.SERVICE, ReputationIT.API_CLIENT, ReputationIT.AWARD_ROLE);
        Expect.ok(a.put(realmA.adminPath("/reputation/rules"), a.adminToken(), Map.of("dailyCap", 0, "floor", -100_000)), 200);
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            members.add(realmA.createUser("earner-" + i));
            Expect.ok(a.post(realmA.path("/membership"), realmA.token("earner-" + i), null), 201);
        }
        int[] before = new int[members.size()];
        for (int m = 0; m < members.size(); m++) {
            before[m] = a.get(realmA.adminPath("/reputation/members/" + members.get(m)), a.adminToken()).json().get("total").asInt();
        }
        String appA = realmA.serviceToken();
        String appB = realmB.serviceToken();
        int[] expected = before.clone();
        List<Callable<Api.Reply>> calls = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            int m = i % members.size();
            String type = i % 3 == 0 ? "post-downvoted" : "helpful-flag";
            expected[m] += i % 3 == 0 ? -2 : 2;
            Map<String, Object> event = ReputationIT.event(members.get(m), type, "cluster-" + i);
            calls.add(() -> Api.resendingConflicts(() -> a.post(realmA.path("/reputation/events"), appA, event)));
            calls.add(() -> Api.resendingConflicts(() -> b.post(realmB.path("/reputation/events"), appB, event)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(50);
        List<Api.Reply> replies = new ArrayList<>();
        try {
            for (Future<Api.Reply> reply : pool.invokeAll(calls)) {
                replies.add(reply.get());
            }
        } finally {
            pool.shutdownNow();
        }
        long resendsAsked = replies.stream().filter(r -> r.status() == 409).count();
        replies.forEach(r -> assertTrue(List.of(200, 201, 409).contains(r.status()), r::toString));
        assertEquals(500, replies.stream().filter(r -> r.status() == 201).count(), "each event created once: " + resendsAsked
                + " answers asked for a resend");
        for (int m = 0; m < members.size(); m++) {
            assertEquals(expected[m], b.get(realmB.adminPath("/reputation/members/" + members.get(m)), b.adminToken()).json()
                    .get("total").asInt(), "total of earner-" + m + " read on node B");
            assertEquals(expected[m], Api.claims(realmB.token("earner-" + m)).at("/community/reputation").asInt(),
                    "node B's token shows what both nodes wrote");
        }
    }

    /** Both nodes' timers fire every interval; the job clock in the database lets one sweep through. */
    @Test
    void theTimedSweepRunsOncePerIntervalAcrossBothNodes() throws Exception {
        long intervalMillis = KeycloakServer.SWEEP_INTERVAL_SECONDS * 1000L;
        long windowStart = System.currentTimeMillis();
        Thread.sleep(intervalMillis * 6);
        long windowEnd = System.currentTimeMillis();
        List<Long> starts = new ArrayList<>();
        for (JsonNode run : Expect.ok(a.get(realmA.adminPath("/advocacy/sweeps?max=100"), a.adminToken()), 200)) {
            long at = java.time.Instant.parse(run.get("startedAt").asText()).toEpochMilli();
            if (at >= windowStart && at <= windowEnd) {
                starts.add(at);
            }
        }
        java.util.Collections.sort(starts);
        System.out.printf("sweeps in %d ms on two nodes with a %d ms interval: %d%n", windowEnd - windowStart, intervalMillis,
                starts.size());
        // once per node would be about 12 in this window; once per cluster about 6
        assertTrue(starts.size() >= 3 && starts.size() <= 7, "sweeps in the window: " + starts);
        for (int i = 1; i < starts.size(); i++) {
            assertTrue(starts.get(i) - starts.get(i - 1) >= intervalMillis * 8 / 10, "two sweeps too close: " + starts);
        }
    }

    @Test
    void aCircleJoinedOnNodeAIsInNodeBsNextToken() {
        String founder = realmA.createUser("founder");
        realmA.createUser("joiner");
        for (String who : List.of("founder", "joiner")) {
            Expect.ok(a.post(realmA.path("/membership"), realmA.token(who), null), 201);
        }
        Expect.ok(a.post(realmA.adminPath("/reputation/members/" + founder + "/adjustments"), a.adminToken(),
                Map.of("points", 100, "reason", "trusted")), 201);
        Expect.ok(a.post(realmA.path("/circles"), realmA.token("founder"), Map.of("slug", "node-circle", "name", "Nodes")), 201);
        assertEquals("[]", Api.claims(realmB.token("joiner")).at("/community/circles").toString(), "node B has cached the user");
        Expect.ok(a.post(realmA.path("/circles/node-circle/membership"), realmA.token("joiner"), null), 201);
        assertEquals("[{\"slug\":\"node-circle\",\"role\":\"member\"}]",
                Api.claims(realmB.token("joiner")).at("/community/circles").toString());
        Expect.ok(b.delete(realmB.path("/circles/node-circle/membership"), realmB.token("joiner")), 204);
        assertEquals("[]", Api.claims(realmA.token("joiner")).at("/community/circles").toString(), "left on B, gone on A");
    }

    @Test
    void webhookMessagesAreSentOnceByTheClusterWhileBothNodesRun() throws Exception {
        new ClusterWebhooks(a, b).eachMessageOnceWhileBothNodesRun(20);
    }

    /** Last: it kills node B. */
    @Test
    @Order(Integer.MAX_VALUE)
    void aWebhookMessageWhoseNodeDiesMidDeliveryIsSentByTheOtherNode() throws Exception {
        new ClusterWebhooks(a, b).aMessageWhoseNodeDiesIsSentByTheOther(nodeB);
    }
}
