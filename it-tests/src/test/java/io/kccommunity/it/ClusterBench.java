package io.kccommunity.it;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Benchmark, not a test: ballots and reputation events per second sent to one node and spread over
 * two nodes of a cluster, next to Keycloak's own account endpoint measured the same way in the same
 * run (how Keycloak itself scales here is the baseline). Needs a shared database:
 * {@code mvn -B verify -Pbench -Dit.db=postgres}.
 */
@ExtendWith(RealKeycloak.class)
class ClusterBench {

    static final int VOTERS = 600;
    static final int EVENTS = 2_000;
    static final int THREADS = 16;

    @Test
    void throughputOnOneNodeAndOnTwo() throws Exception {
        KeycloakServer nodeA = RealKeycloak.server();
        Assumptions.assumeTrue(nodeA.database() != Database.H2, "a cluster needs a shared database");
        KeycloakServer nodeB = nodeA.anotherNode("bench-b");
        nodeB.join();
        try {
            Api a = Api.forServer();
            Api b = new Api(nodeB.baseUrl());
            Api[] nodes = {a, b};
            TestRealm realm = TestRealm.create(a, "cluster-bench");
            Expect.ok(a.put("/admin/realms/" + realm.name, a.adminToken(), Map.of("passwordPolicy", "hashIterations(1)",
                    "accessTokenLifespan", 3600)), 204);
            realm.enableCommunity(Map.of());
            Expect.ok(a.put(realm.adminPath("/reputation/rules"), a.adminToken(), Map.of("dailyCap", 0)), 200);
            realm.grantServiceAccountRole(TestRealm.SERVICE, ReputationIT.API_CLIENT, ReputationIT.AWARD_ROLE);
            realm.importUsers("voter", VOTERS);
            String[] tokens = new String[VOTERS];
            Bench.throughput(i -> {
                tokens[i] = realm.token("voter-" + i);
                return a.post(realm.path("/membership"), tokens[i], null);
            }, VOTERS, 8);
            List<String> members = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                members.add(Api.claims(tokens[i]).get("sub").asText());
            }
            // the nodes answer on different ports without a shared hostname: a token names its node as issuer
            String[] tokensB = new String[VOTERS];
            TestRealm onB = realm.on(b);
            Bench.throughput(i -> {
                tokensB[i] = onB.token("voter-" + i);
                return b.get(realm.path("/me"), tokensB[i]);
            }, VOTERS, 8);
            String[][] nodeTokens = {tokens, tokensB};
            String id = Bench.openElection(a, realm, tokens);
            String candidate = a.get(realm.path("/elections/" + id), tokens[0]).json().at("/candidates/0/id").asText();
            String ballot = realm.path("/elections/" + id + "/ballot");
            String account = "/realms/" + realm.name + "/account/";
            String app = realm.serviceToken();
            String[] apps = {app, onB.serviceToken()};
            String events = realm.path("/reputation/events");

            Bench.throughput(i -> a.get(account, tokens[i % VOTERS]), 2 * VOTERS, THREADS);
            double accountOne = Bench.throughput(i -> a.get(account, tokens[i % VOTERS]), 2 * VOTERS, THREADS);
            double accountTwo = Bench.throughput(i -> nodes[i % 2].get(account, nodeTokens[i % 2][i % VOTERS]), 2 * VOTERS, THREADS);
            int half = VOTERS / 2;
            double ballotsOne = Bench.throughput(i -> Api.resendingConflicts(() -> a.put(ballot, tokens[i],
                    Map.of("choices", List.of(candidate)))), half, THREADS);
            double ballotsTwo = Bench.throughput(i -> Api.resendingConflicts(() -> nodes[i % 2].put(ballot, nodeTokens[i % 2][half + i],
                    Map.of("choices", List.of(candidate)))), half, THREADS);
            double eventsOne = Bench.throughput(i -> Api.resendingConflicts(() -> a.post(events, app,
                    ReputationIT.event(members.get(i % members.size()), "helpful-flag", "one-" + i))), EVENTS, THREADS);
            double eventsTwo = Bench.throughput(i -> Api.resendingConflicts(() -> nodes[i % 2].post(events, apps[i % 2],
                    ReputationIT.event(members.get(i % members.size()), "helpful-flag", "two-" + i))), EVENTS, THREADS);

            Bench.reportRate("first ballots, one node, " + THREADS + " threads", ballotsOne, "account, one node", accountOne);
            Bench.reportRate("first ballots, two nodes, " + THREADS + " threads", ballotsTwo, "account, two nodes", accountTwo);
            Bench.reportRate("reputation events, one node, " + THREADS + " threads", eventsOne, "account, one node", accountOne);
            Bench.reportRate("reputation events, two nodes, " + THREADS + " threads", eventsTwo, "account, two nodes", accountTwo);
            Bench.report("scaling one node -> two nodes: ballots / events", Bench.ratio(ballotsTwo, ballotsOne) + " / "
                    + Bench.ratio(eventsTwo, eventsOne), "account " + Bench.ratio(accountTwo, accountOne), "");
        } finally {
            nodeB.stop();
        }
    }
}
