package io.kccommunity.it;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Benchmark, not a test: ballots cast per second over REST by 32 concurrent voters (first ballots,
 * then changes with the change key), against Keycloak's own {@code GET /realms/{realm}/account} by the
 * same voters in the same run. Runs on any database: {@code mvn -B verify -Pbench}.
 */
@ExtendWith(RealKeycloak.class)
class BallotBench {

    static final int VOTERS = 800;
    static final int THREADS = 32;

    @Test
    void ballotsPerSecondAtConcurrency32() throws Exception {
        Api api = Api.forServer();
        TestRealm realm = TestRealm.create(api, "ballot-bench");
        Expect.ok(api.put("/admin/realms/" + realm.name, api.adminToken(), Map.of("passwordPolicy", "hashIterations(1)",
                "accessTokenLifespan", 3600)), 204);
        realm.enableCommunity(Map.of());
        realm.importUsers("voter", VOTERS);
        String[] tokens = new String[VOTERS];
        Bench.throughput(i -> {
            tokens[i] = realm.token("voter-" + i);
            return api.post(realm.path("/membership"), tokens[i], null);
        }, VOTERS, 16);
        String id = Bench.openElection(api, realm, tokens);
        List<String> candidates = new ArrayList<>();
        Expect.ok(api.get(realm.path("/elections/" + id), tokens[0]), 200).get("candidates")
                .forEach(c -> candidates.add(c.get("id").asText()));

        String ballot = realm.path("/elections/" + id + "/ballot");
        String account = "/realms/" + realm.name + "/account/";
        String[] keys = new String[VOTERS];
        Bench.throughput(i -> api.get(account, tokens[i]), VOTERS, THREADS);
        double accountPerSecond = Bench.throughput(i -> api.get(account, tokens[i]), VOTERS, THREADS);
        double firstPerSecond = Bench.throughput(i -> {
            Api.Reply reply = api.put(ballot, tokens[i], Map.of("choices", List.of(candidates.get(i % 3))));
            keys[i] = reply.json().get("changeKey").asText();
            return reply;
        }, VOTERS, THREADS);
        double changePerSecond = Bench.throughput(i -> api.put(ballot, tokens[i],
                Map.of("choices", List.of(candidates.get((i + 1) % 3)), "changeKey", keys[i])), VOTERS, THREADS);
        System.out.printf("%nBallot benchmark: %d voters, %d threads, requests/s (ratio to GET /realms/{realm}/account)%n",
                VOTERS, THREADS);
        System.out.printf("  %-44s %8.1f/s   ratio %s%n", "first ballots (PUT .../ballot)", firstPerSecond,
                Bench.ratio(firstPerSecond, accountPerSecond));
        System.out.printf("  %-44s %8.1f/s   ratio %s%n", "changed ballots (with change key)", changePerSecond,
                Bench.ratio(changePerSecond, accountPerSecond));
        System.out.printf("  %-44s %8.1f/s   ratio 1.00%n", "GET /realms/{realm}/account/ (baseline)", accountPerSecond);
        Bench.reportRate("first ballots, " + THREADS + " threads", firstPerSecond, "account", accountPerSecond);
        Bench.reportRate("changed ballots, " + THREADS + " threads", changePerSecond, "account", accountPerSecond);
    }
}
