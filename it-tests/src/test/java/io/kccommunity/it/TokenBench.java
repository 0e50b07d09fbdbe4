package io.kccommunity.it;


import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Benchmark, not a test: what the community claim and the member endpoint cost, as same-run ratios
 * against Keycloak itself. Token refreshes with the {@code community} scope against without it, and
 * {@code GET /community/me} against Keycloak's account endpoint. Run with {@code mvn -B verify -Pbench}.
 */
@ExtendWith(RealKeycloak.class)
class TokenBench {

    static final int THREADS = 8;
    static final int REQUESTS = 400;
    static final int ROUNDS = 3;

    @Test
    void claimAndMemberEndpointAgainstKeycloakBaselines() throws Exception {
        Api api = Api.forServer();
        TestRealm realm = TestRealm.create(api, "tokenbench");
        realm.enableCommunity(Map.of());
        realm.createUser("bench");
        String token = realm.token("bench");
        Expect.ok(api.post(realm.path("/membership"), token, null), 201);
        Expect.ok(api.updateAccount(realm.name, token, Map.of("handle", List.of("bench.user"))), 204);
        String fresh = realm.token("bench");

        // refresh grants run every mapper again, without the password hashing that dominates a login
        String withRefresh = api.passwordGrant(realm.name, TestRealm.APP, null, "bench", "pw-bench", "openid community")
                .json().get("refresh_token").asText();
        String withoutRefresh = api.passwordGrant(realm.name, TestRealm.APP, null, "bench", "pw-bench", "openid")
                .json().get("refresh_token").asText();
        Callable<Api.Reply> withScope = () -> refresh(api, realm, withRefresh);
        Callable<Api.Reply> withoutScope = () -> refresh(api, realm, withoutRefresh);
        Callable<Api.Reply> me = () -> api.get(realm.path("/me"), fresh);
        Callable<Api.Reply> account = () -> api.get("/realms/" + realm.name + "/account/", fresh);

        double[] tokens = alternate(withScope, withoutScope);
        double[] endpoints = alternate(me, account);
        System.out.printf("%nToken and endpoint benchmark: %d threads, %d requests per measurement, best of %d, requests/s%n",
                THREADS, REQUESTS, ROUNDS);
        System.out.printf("  %-52s %8.1f/s%n", "token refresh, scope 'openid community'", tokens[0]);
        System.out.printf("  %-52s %8.1f/s   ratio %.2f%n", "token refresh, scope 'openid' (Keycloak baseline)", tokens[1], tokens[0] / tokens[1]);
        System.out.printf("  %-52s %8.1f/s%n", "GET /realms/{realm}/community/me", endpoints[0]);
        System.out.printf("  %-52s %8.1f/s   ratio %.2f%n", "GET /realms/{realm}/account/ (Keycloak baseline)", endpoints[1], endpoints[0] / endpoints[1]);
        Bench.reportRate("token refresh with the community scope (goal >= 0.95)", tokens[0], "without", tokens[1]);
        Bench.reportRate("GET /community/me (goal >= 0.8)", endpoints[0], "account", endpoints[1]);
    }

    private static Api.Reply refresh(Api api, TestRealm realm, String refreshToken) {
        return api.form("/realms/" + realm.name + "/protocol/openid-connect/token",
                Map.of("grant_type", "refresh_token", "client_id", TestRealm.APP, "refresh_token", refreshToken));
    }

    /** Best throughput of each over several alternating rounds, so drift hits both alike. */
    private static double[] alternate(Callable<Api.Reply> ours, Callable<Api.Reply> baseline) throws Exception {
        throughput(ours);
        throughput(baseline);
        double best = 0;
        double bestBaseline = 0;
        for (int round = 0; round < ROUNDS; round++) {
            best = Math.max(best, throughput(ours));
            bestBaseline = Math.max(bestBaseline, throughput(baseline));
        }
        return new double[] {best, bestBaseline};
    }

    private static double throughput(Callable<Api.Reply> request) throws Exception {
        return Bench.throughput(i -> {
            try {
                return request.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, REQUESTS, THREADS);
    }
}
