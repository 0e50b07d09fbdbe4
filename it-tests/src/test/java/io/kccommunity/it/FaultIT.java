package io.kccommunity.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A node dies mid-traffic: while ballots and reputation events stream to both nodes of a cluster,
 * the second node is killed with SIGKILL and started again, three times. Every write that was
 * answered 2xx is in the database exactly once; writes whose answer was lost are sent again, as an
 * app would, and land at most once; the count of the election is the same before and after a restart.
 * Runs where the database is shared (-Dit.db=postgres or mariadb).
 */
@ExtendWith(RealKeycloak.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultIT {

    static final int CYCLES = 3;
    static final int VOTERS = 240;
    static final int EARNERS = 5;
    static final int THREADS = 12;
    /** Writes per kill cycle: enough to be in flight when the node dies, few enough to check one by one. */
    static final int EVENTS_PER_CYCLE = 1_000;

    private KeycloakServer nodeB;
    private Api a;
    private Api b;
    private TestRealm realm;
    private String[] tokens;
    private String election;
    private final List<String> candidates = new ArrayList<>();
    private final List<String> earners = new ArrayList<>();

    /** Acknowledged writes: event key -> points; voter -> receipt and ranking. */
    private final Map<String, Integer> events = new ConcurrentHashMap<>();
    private final Map<Integer, Ballot> ballots = new ConcurrentHashMap<>();
    /** Writes whose answer never came (the node died) or was not a 2xx: to send again. */
    private final Set<String> unknownEvents = ConcurrentHashMap.newKeySet();
    private final Set<Integer> unknownBallots = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> outcomes = new ConcurrentHashMap<>();
    private final Map<String, String> examples = new ConcurrentHashMap<>();

    record Ballot(String receipt, List<String> ranking) {
    }

    @BeforeAll
    void clusterWithAnOpenElection() throws Exception {
        KeycloakServer nodeA = RealKeycloak.server();
        if (nodeA.database() == Database.H2) {
            System.out.println("FaultIT skipped: a cluster needs a shared database (-Dit.db=postgres or -Dit.db=mariadb)");
        }
        Assumptions.assumeTrue(nodeA.database() != Database.H2, "a cluster needs a shared database");
        nodeB = nodeA.anotherNode("fault-b");
        nodeB.join();
        a = Api.forServer();
        b = new Api(nodeB.baseUrl());
        realm = TestRealm.create(a, "fault");
        Expect.ok(a.put("/admin/realms/" + realm.name, a.adminToken(), Map.of("passwordPolicy", "hashIterations(1)",
                "accessTokenLifespan", 3600)), 204);
        realm.enableCommunity(Map.of());
        Expect.ok(a.put(realm.adminPath("/reputation/rules"), a.adminToken(), Map.of("dailyCap", 0, "floor", -1_000_000)), 200);
        realm.grantServiceAccountRole(TestRealm.SERVICE, ReputationIT.API_CLIENT, ReputationIT.AWARD_ROLE);
        realm.importUsers("voter", VOTERS);
        tokens = new String[VOTERS];
        for (int i = 0; i < VOTERS; i++) {
            tokens[i] = realm.token("voter-" + i);
            Expect.ok(a.post(realm.path("/membership"), tokens[i], null), 201);
        }
        for (int i = 0; i < EARNERS; i++) {
            earners.add(Api.claims(tokens[i]).get("sub").asText());
        }
        for (int i = 0; i < 3; i++) {
            Expect.ok(a.updateAccount(realm.name, tokens[i], Map.of("handle", List.of("runner-" + i))), 204);
        }
        String admin = a.adminToken();
        election = Expect.ok(a.post(realm.adminPath("/elections"), admin, Map.of("title", "Crash election", "method", "irv")), 201)
                .get("id").asText();
        Expect.ok(a.post(realm.adminPath("/elections/" + election + "/open-nominations"), admin, null), 200);
        for (int i = 0; i < 3; i++) {
            Expect.ok(a.post(realm.path("/elections/" + election + "/candidates"), tokens[i], Map.of("handle", "runner-" + i)), 201);
        }
        Expect.ok(a.post(realm.adminPath("/elections/" + election + "/open-voting"), admin, null), 200);
        a.get(realm.path("/elections/" + election), tokens[0]).json().get("candidates").forEach(c -> candidates.add(c.get("id").asText()));
    }

    @AfterAll
    void stopSecondNode() {
        if (nodeB != null) {
            nodeB.stop();
        }
    }

    @Test
    void killingANodeLosesNoAcknowledgedWriteAndDuplicatesNone() throws Exception {
        AtomicInteger nextVoter = new AtomicInteger();
        AtomicInteger nextEvent = new AtomicInteger();
        String appA = realm.serviceToken();
        for (int cycle = 0; cycle < CYCLES; cycle++) {
            AtomicBoolean running = new AtomicBoolean(true);
            int cycleNo = cycle;
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                Random random = new Random(cycle * 100L + t);
                writers.add(pool.submit(() -> {
                    while (running.get()) {
                        boolean toB = random.nextBoolean();
                        boolean answered;
                        int voter = nextVoter.get() < VOTERS * (cycleNo + 1) / CYCLES && random.nextInt(3) == 0
                                ? nextVoter.getAndIncrement() : -1;
                        if (voter >= 0 && voter < VOTERS) {
                            answered = castFirstBallot(toB ? b : a, voter);
                        } else if (nextEvent.get() < EVENTS_PER_CYCLE * (cycleNo + 1)) {
                            answered = award(toB ? b : a, appA, nextEvent.getAndIncrement());
                        } else {
                            answered = false;
                        }
                        if (!answered) {
                            Thread.sleep(100); // a dead node, or this cycle's writes are sent: as an app would, wait a little
                        }
                    }
                    return null;
                }));
            }
            Thread.sleep(4000);
            nodeB.kill();
            System.out.printf("cycle %d: node B killed after %d events and %d first ballots sent%n", cycle + 1, nextEvent.get(),
                    Math.min(VOTERS, nextVoter.get()));
            Thread.sleep(3000);
            nodeB.join();
            assertTrue(nodeB.logText().matches("(?s).*ISPN000094: Received new cluster view[^\\n]*\\(2\\).*"),
                    "node B rejoined node A's cluster");
            Thread.sleep(3000);
            running.set(false);
            pool.shutdown();
            assertTrue(pool.awaitTermination(3, TimeUnit.MINUTES), "writers stopped");
            for (Future<?> writer : writers) {
                writer.get();
            }
        }
        System.out.printf("fault test: %d events and %d first ballots sent over %d kills; answers %s; %d events and %d ballots"
                        + " without an answer sent again; first answer of each kind: %s%n", nextEvent.get(),
                Math.min(VOTERS, nextVoter.get()), CYCLES, outcomes, unknownEvents.size(), unknownBallots.size(), examples);

        // an app sends again what it got no answer for: a replay or a first write, never a second one
        int ballotsCommittedWithoutAnswer = 0;
        ExecutorService resend = Executors.newFixedThreadPool(THREADS);
        List<Future<Api.Reply>> resent = new ArrayList<>();
        for (String key : unknownEvents) {
            resent.add(resend.submit(() -> Api.resendingConflicts(() -> a.post(realm.path("/reputation/events"), appA, event(key)))));
        }
        for (Future<Api.Reply> reply : resent) {
            assertTrue(reply.get().status() == 200 || reply.get().status() == 201, reply.get()::toString);
            events.put(reply.get().json().get("key").asText(), points(reply.get().json().get("key").asText()));
        }
        resend.shutdown();
        for (int voter : unknownBallots) {
            List<String> ranking = ranking(new Random(voter));
            Api.Reply reply = Api.resendingConflicts(() -> a.put(ballotPath(), tokens[voter], Map.of("ranking", ranking)));
            if (reply.status() == 409 && reply.body().contains("already_voted")) {
                ballotsCommittedWithoutAnswer++;
            } else {
                assertEquals(201, reply.status(), reply::toString);
                ballots.put(voter, new Ballot(reply.json().get("receipt").asText(), ranking));
            }
        }

        try (Connection db = RealKeycloak.server().connect(KeycloakServer.PG_DATABASE)) {
            Map<String, Integer> stored = eventKeys(db);
            assertEquals(events.keySet(), stored.keySet(), "every acknowledged event is stored, and nothing else");
            stored.forEach((key, rows) -> assertEquals(1, rows, "event " + key + " stored once"));
            assertEquals(ballots.size() + ballotsCommittedWithoutAnswer, count(db, "COMMUNITY_BALLOT"), "one ballot per voter");
            assertEquals(ballots.size() + ballotsCommittedWithoutAnswer, count(db, "COMMUNITY_VOTER"), "one voter row per voter");
        }
        try (Connection db = RealKeycloak.server().connect(KeycloakServer.PG_DATABASE)) {
            for (int e = 0; e < EARNERS; e++) {
                String member = earners.get(e);
                int total = a.get(realm.adminPath("/reputation/members/" + member), a.adminToken()).json().get("total").asInt();
                int acknowledged = 0;
                for (Map.Entry<String, Integer> event : events.entrySet()) {
                    acknowledged += earnerOf(event.getKey()) == e ? event.getValue() : 0;
                }
                assertEquals(acknowledged, pointsOf(db, member, true), "earner " + e + ": stored points of its events");
                assertEquals(total, pointsOf(db, member, false), "earner " + e + ": total = every stored event (incl. built-ins)");
                assertEquals(Integer.toString(total), mirrored(db, member), "earner " + e + ": the total mirrored for tokens");
                // logins book the day's first-login point (if a login under load has not yet): log in first, then compare
                realm.token("voter-" + e);
                realm.on(b).token("voter-" + e);
                total = a.get(realm.adminPath("/reputation/members/" + member), a.adminToken()).json().get("total").asInt();
                int onA = Api.claims(realm.token("voter-" + e)).at("/community/reputation").asInt();
                int onB = Api.claims(realm.on(b).token("voter-" + e)).at("/community/reputation").asInt();
                assertEquals(total, onA, "node A's token shows the total");
                assertEquals(total, onB, "node B's token shows the total");
                Expect.ok(a.post(realm.path("/reputation/events"), appA, event("settle-" + e, e)), 201);
                int settled = a.get(realm.adminPath("/reputation/members/" + member), a.adminToken()).json().get("total").asInt();
                int settledOnA = Api.claims(realm.token("voter-" + e)).at("/community/reputation").asInt();
                int settledOnB = Api.claims(realm.on(b).token("voter-" + e)).at("/community/reputation").asInt();
                System.out.printf("earner %d: total %d, tokens from A %d and B %d; after one more event on A %d, tokens %d and %d%n",
                        e, total, onA, onB, settled, settledOnA, settledOnB);
                assertEquals(total + 2, settled, "one more event counted");
                assertEquals(settled, settledOnA, "node A's token shows the total");
                assertEquals(settled, settledOnB, "node B's token shows the total");
            }
        }
        // these tokens were issued by node A: the nodes answer on different ports without a shared hostname, so
        // their issuer is node A's URL; node B accepts or refuses them exactly as Keycloak's own userinfo does
        int refusedByB = 0;
        for (Map.Entry<Integer, Ballot> ballot : ballots.entrySet()) {
            String token = tokens[ballot.getKey()];
            int ours = b.post(realm.path("/elections/" + election + "/receipt"), token,
                    Map.of("receipt", ballot.getValue().receipt())).status();
            int keycloaks = b.get("/realms/" + realm.name + "/protocol/openid-connect/userinfo", token).status();
            assertEquals(keycloaks == 200, ours == 200, "node B accepts a token when Keycloak's userinfo does: " + ours
                    + " / " + keycloaks);
            refusedByB += ours == 200 ? 0 : 1;
        }
        System.out.printf("receipts checked on node B: %d of %d node-A tokens refused there, as by Keycloak's userinfo%n",
                refusedByB, ballots.size());
        for (Map.Entry<Integer, Ballot> ballot : ballots.entrySet()) {
            JsonNode verified = Expect.ok(a.post(realm.path("/elections/" + election + "/receipt"), tokens[ballot.getKey()],
                    Map.of("receipt", ballot.getValue().receipt())), 200);
            List<String> counted = new ArrayList<>();
            verified.at("/ballot/choices").forEach(c -> counted.add(c.asText()));
            assertEquals(ballot.getValue().ranking(), counted, "voter " + ballot.getKey() + "'s ballot");
        }

        Expect.ok(a.post(realm.adminPath("/elections/" + election + "/close"), a.adminToken(), null), 200);
        JsonNode before = Expect.ok(a.get(realm.adminPath("/elections/" + election + "/results"), a.adminToken()), 200);
        nodeB.kill();
        nodeB.join();
        JsonNode after = Expect.ok(b.get(realm.adminPath("/elections/" + election + "/results"), b.adminToken()), 200);
        assertEquals(before, after, "the count after a crash and restart");
        assertEquals(ballots.size() + ballotsCommittedWithoutAnswer, after.get("ballots").asInt());
    }

    /** Sends a first ballot; true when it was acknowledged. */
    private boolean castFirstBallot(Api node, int voter) {
        List<String> ranking = ranking(new Random(voter));
        Api.Reply reply = send("ballot", () -> node.put(ballotPath(), tokens[voter], Map.of("ranking", ranking)));
        if (reply != null && reply.status() == 201) {
            ballots.put(voter, new Ballot(reply.json().get("receipt").asText(), ranking));
            return true;
        }
        unknownBallots.add(voter);
        return false;
    }

    /** Sends a reputation event; true when it was acknowledged. */
    private boolean award(Api node, String appToken, int n) {
        String key = "fault-" + n;
        Api.Reply reply = send("event", () -> node.post(realm.path("/reputation/events"), appToken, event(key)));
        if (reply != null && reply.status() == 201) {
            events.put(key, points(key));
            return true;
        }
        unknownEvents.add(key);
        return false;
    }

    /** The reply, or null when none came; tallies what kind of answer it was. */
    private Api.Reply send(String kind, java.util.function.Supplier<Api.Reply> request) {
        String outcome;
        Api.Reply reply = null;
        try {
            reply = Api.resendingConflicts(request);
            outcome = kind + " " + reply.status();
            examples.putIfAbsent(outcome, reply.toString().substring(0, Math.min(160, reply.toString().length())));
        } catch (UncheckedIOException lost) {
            outcome = kind + " no answer";
        }
        outcomes.merge(outcome, 1, Integer::sum);
        return reply;
    }

    private Map<String, Object> event(String key) {
        int n = Integer.parseInt(key.substring("fault-".length()));
        return ReputationIT.event(earners.get(n % EARNERS), n % 3 == 0 ? "post-downvoted" : "helpful-flag", key);
    }

    private Map<String, Object> event(String key, int earner) {
        return ReputationIT.event(earners.get(earner), "helpful-flag", key);
    }

    private static int points(String key) {
        return Integer.parseInt(key.substring("fault-".length())) % 3 == 0 ? -2 : 2;
    }

    private static int earnerOf(String key) {
        return Integer.parseInt(key.substring("fault-".length())) % EARNERS;
    }

    private List<String> ranking(Random random) {
        List<String> ranking = new ArrayList<>(candidates);
        Collections.shuffle(ranking, random);
        return ranking.subList(0, 1 + random.nextInt(candidates.size()));
    }

    private String ballotPath() {
        return realm.path("/elections/" + election + "/ballot");
    }

    private Map<String, Integer> eventKeys(Connection db) throws Exception {
        Map<String, Integer> keys = new java.util.HashMap<>();
        try (PreparedStatement query = db.prepareStatement("SELECT EVENT_KEY, COUNT(*) FROM COMMUNITY_REPUTATION_EVENT"
                + " WHERE REALM_ID = ? AND EVENT_KEY LIKE 'fault-%' GROUP BY EVENT_KEY")) {
            query.setString(1, realmId());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    keys.put(rows.getString(1), rows.getInt(2));
                }
            }
        }
        return keys;
    }

    private int pointsOf(Connection db, String userId, boolean ofThisTest) throws Exception {
        try (PreparedStatement query = db.prepareStatement("SELECT COALESCE(SUM(POINTS), 0) FROM COMMUNITY_REPUTATION_EVENT"
                + " WHERE USER_ID = ?" + (ofThisTest ? " AND EVENT_KEY LIKE 'fault-%'" : ""))) {
            query.setString(1, userId);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private String mirrored(Connection db, String userId) throws Exception {
        try (PreparedStatement query = db.prepareStatement("SELECT VALUE FROM USER_ATTRIBUTE WHERE USER_ID = ? AND NAME = 'reputation'")) {
            query.setString(1, userId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    private int count(Connection db, String table) throws Exception {
        try (PreparedStatement query = db.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE ELECTION_ID = ?")) {
            query.setString(1, election);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private String realmId() {
        return a.get("/admin/realms/" + realm.name, a.adminToken()).json().get("id").asText();
    }
}
