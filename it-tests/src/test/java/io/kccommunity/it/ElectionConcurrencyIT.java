package io.kccommunity.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * 50 threads cast 5,000 ballots for 1,000 voters, each voter five times (the later ones changing
 * the ballot with its change key): the count holds exactly 1,000 ballots, and each is its voter's last.
 */
@ExtendWith(RealKeycloak.class)
class ElectionConcurrencyIT {

    static final int VOTERS = 1_000;
    static final int CASTS_PER_VOTER = 5;
    static final int THREADS = 50;

    private final Api api = Api.forServer();

    @Test
    void fiveThousandCastsByAThousandVotersLeaveAThousandBallotsEachTheLast() throws Exception {
        TestRealm realm = TestRealm.create(api, "ballots");
        // cheap password hashing and hour-long tokens: the test logs in a thousand voters once
        Expect.ok(api.put("/admin/realms/" + realm.name, api.adminToken(), Map.of("passwordPolicy", "hashIterations(1)",
                "accessTokenLifespan", 3600)), 204);
        realm.enableCommunity(Map.of());
        realm.importUsers("voter", VOTERS);
        String[] tokens = new String[VOTERS];
        run(16, VOTERS, i -> {
            tokens[i] = realm.token("voter-" + i);
            Expect.ok(api.post(realm.path("/membership"), tokens[i], null), 201);
        });
        for (int i = 0; i < 3; i++) {
            int runner = i;
            Expect.ok(api.updateAccount(realm.name, tokens[i], Map.of("handle", List.of("runner-" + i))), 204,
                    () -> "token " + Api.claims(tokens[runner]) + " at " + System.currentTimeMillis() / 1000);
        }

        String admin = api.adminToken();
        String id = Expect.ok(api.post(realm.adminPath("/elections"), admin, Map.of("title", "Busy election", "method", "irv")), 201)
                .get("id").asText();
        Expect.ok(api.post(realm.adminPath("/elections/" + id + "/open-nominations"), admin, null), 200);
        for (int i = 0; i < 3; i++) {
            Expect.ok(api.post(realm.path("/elections/" + id + "/candidates"), tokens[i], Map.of("handle", "runner-" + i)), 201);
        }
        Expect.ok(api.post(realm.adminPath("/elections/" + id + "/open-voting"), api.adminToken(), null), 200);
        List<String> candidates = new ArrayList<>();
        Expect.ok(api.get(realm.path("/elections/" + id), tokens[0]), 200).get("candidates")
                .forEach(c -> candidates.add(c.get("id").asText()));

        // each thread owns 20 voters and casts for them in turns; a voter's casts are in order
        String ballot = realm.path("/elections/" + id + "/ballot");
        Map<Integer, String> receipts = new ConcurrentHashMap<>();
        Map<Integer, String> keys = new ConcurrentHashMap<>();
        Map<Integer, List<String>> last = new ConcurrentHashMap<>();
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        int perThread = VOTERS / THREADS;
        run(THREADS, THREADS, t -> {
            Random random = new Random(t);
            for (int round = 0; round < CASTS_PER_VOTER; round++) {
                for (int v = t * perThread; v < (t + 1) * perThread; v++) {
                    List<String> ranking = new ArrayList<>(candidates);
                    Collections.shuffle(ranking, random);
                    ranking = ranking.subList(0, 1 + random.nextInt(3));
                    Map<String, Object> body = keys.containsKey(v) ? Map.of("ranking", ranking, "changeKey", keys.get(v))
                            : Map.of("ranking", ranking);
                    int voter = v;
                    Api.Reply reply = Api.resendingConflicts(() -> api.put(ballot, tokens[voter], body));
                    statuses.merge(reply.status(), 1, Integer::sum);
                    assertEquals(keys.containsKey(v) ? 200 : 201, reply.status(), reply::toString);
                    receipts.putIfAbsent(v, reply.json().get("receipt").asText());
                    keys.computeIfAbsent(v, k -> reply.json().get("changeKey").asText());
                    last.put(v, ranking);
                }
            }
        });
        System.out.printf("ballot concurrency: %d casts by %d voters on %d threads, statuses %s%n",
                VOTERS * CASTS_PER_VOTER, VOTERS, THREADS, statuses);

        Expect.ok(api.post(realm.adminPath("/elections/" + id + "/close"), api.adminToken(), null), 200);
        JsonNode count = Expect.ok(api.get(realm.adminPath("/elections/" + id + "/results"), api.adminToken()), 200);
        assertEquals(VOTERS, count.get("ballots").asInt());
        assertEquals(VOTERS, count.get("turnout").asInt());
        assertEquals(VOTERS, count.get("receiptHashes").size());
        String receipt = realm.path("/elections/" + id + "/receipt");
        run(16, VOTERS, v -> {
            JsonNode verified = Expect.ok(api.post(receipt, tokens[v], Map.of("receipt", receipts.get(v))), 200);
            List<String> counted = new ArrayList<>();
            verified.at("/ballot/choices").forEach(c -> counted.add(c.asText()));
            assertEquals(last.get(v), counted, "voter " + v + "'s last ballot is the one counted");
        });
    }

    interface Task {
        void run(int index) throws Exception;
    }

    /** Runs task(0..count-1) on a pool of {@code threads}; rethrows the first failure. */
    static void run(int threads, int count, Task task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Void>> calls = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                calls.add(() -> {
                    task.run(index);
                    return null;
                });
            }
            for (Future<Void> done : pool.invokeAll(calls)) {
                done.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
