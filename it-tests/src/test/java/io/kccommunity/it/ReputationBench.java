package io.kccommunity.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Benchmark, not a test: reputation events per second through the REST API (singly and in batches)
 * and leaderboard latency at 100,000 members, each against Keycloak's own
 * {@code GET /admin/realms/{realm}/users/count} measured in the same run. Seeds PostgreSQL directly:
 * {@code mvn -B verify -Pbench -Dit.db=postgres}.
 */
@ExtendWith(RealKeycloak.class)
class ReputationBench {

    static final int MEMBERS = 100_000;
    static final int THREADS = 8;
    static final int SINGLE_REQUESTS = 800;
    static final int BATCHES = 40;
    static final int BATCH_SIZE = 100;
    static final int SAMPLES = 100;

    @Test
    void eventsPerSecondAndLeaderboardAtOneHundredThousandMembers() throws Exception {
        Assumptions.assumeTrue(RealKeycloak.server().database() == Database.POSTGRES,
                "the reputation benchmark seeds PostgreSQL directly: run with -Dit.db=postgres");
        Api api = Api.forServer();
        TestRealm realm = TestRealm.create(api, "rep-bench");
        realm.enableCommunity(Map.of());
        realm.grantServiceAccountRole(TestRealm.SERVICE, ReputationIT.API_CLIENT, ReputationIT.AWARD_ROLE);
        Expect.ok(api.put(realm.adminPath("/reputation/rules"), api.adminToken(), Map.of("dailyCap", 0)), 200);
        realm.createUser("reader");
        Expect.ok(api.post(realm.path("/membership"), realm.token("reader"), null), 201);
        String realmId = api.get("/admin/realms/" + realm.name, api.adminToken()).json().get("id").asText();
        List<String> members = seed(realmId);

        String count = "/admin/realms/" + realm.name + "/users/count";
        String events = realm.path("/reputation/events");
        long run = System.nanoTime();

        // tokens are taken right before each measurement: the admin's lives 60 s, others 5 minutes
        double baselinePerSecond = Bench.throughput(i -> api.get(count, api.adminToken()), SINGLE_REQUESTS, THREADS);
        String app = realm.serviceToken();
        double singlePerSecond = Bench.throughput(i -> api.post(events, app,
                ReputationIT.event(members.get(i * 7919 % MEMBERS), "post-upvoted", "single-" + run + "-" + i)),
                SINGLE_REQUESTS, THREADS);
        double batchesPerSecond = Bench.throughput(i -> {
            List<Map<String, Object>> batch = new ArrayList<>();
            for (int j = 0; j < BATCH_SIZE; j++) {
                batch.add(ReputationIT.event(members.get((i * BATCH_SIZE + j) * 104_729 % MEMBERS), "helpful-flag",
                        "batch-" + run + "-" + i + "-" + j));
            }
            return api.post(events, app, batch);
        }, BATCHES, THREADS);
        String reader = realm.token("reader");
        double batchEventsPerSecond = batchesPerSecond * BATCH_SIZE;

        double countMillis = Bench.medianMillis(i -> api.get(count, api.adminToken()), SAMPLES);
        double allMillis = Bench.medianMillis(i -> checked(api.get(realm.path("/leaderboard?period=all&max=20&first="
                + (Math.abs(i) * 13 % 1000)), reader)), SAMPLES);
        double weekMillis = Bench.medianMillis(i -> checked(api.get(realm.path("/leaderboard?period=week&max=20"), reader)),
                SAMPLES);

        System.out.printf("%nReputation benchmark: %d members, %d threads; ratios against GET /admin/realms/{realm}/users/count%n",
                MEMBERS, THREADS);
        System.out.printf("  %-48s %9.1f/s   ratio %s%n", "events, one per request", singlePerSecond,
                Bench.ratio(singlePerSecond, baselinePerSecond));
        System.out.printf("  %-48s %9.1f/s   ratio %s (events/s to requests/s)%n", "events, batches of " + BATCH_SIZE,
                batchEventsPerSecond, Bench.ratio(batchEventsPerSecond, baselinePerSecond));
        System.out.printf("  %-48s %9.1f/s   ratio 1.00%n", "users/count (Keycloak baseline)", baselinePerSecond);
        System.out.printf("  %-48s %9.1f ms  ratio %s%n", "leaderboard, all time (max=20), median", allMillis,
                Bench.ratio(allMillis, countMillis));
        System.out.printf("  %-48s %9.1f ms  ratio %s%n", "leaderboard, week (max=20), median", weekMillis,
                Bench.ratio(weekMillis, countMillis));
        System.out.printf("  %-48s %9.1f ms  ratio 1.00%n", "users/count (Keycloak baseline), median", countMillis);
        Bench.reportRate("reputation events, one per request, one node", singlePerSecond, "users/count", baselinePerSecond);
        Bench.reportRate("reputation events, batches of " + BATCH_SIZE + ", one node", batchEventsPerSecond, "users/count",
                baselinePerSecond);
        Bench.report("leaderboard all time (" + MEMBERS + " members), median", String.format("%.1f ms", allMillis),
                String.format("%.1f ms users/count", countMillis), Bench.ratio(allMillis, countMillis));
        Bench.report("leaderboard week (" + MEMBERS + " members), median", String.format("%.1f ms", weekMillis),
                String.format("%.1f ms users/count", countMillis), Bench.ratio(weekMillis, countMillis));
    }

    private static Api.Reply checked(Api.Reply reply) {
        if (reply.status() == 200) {
            assertEquals(20, reply.json().get("entries").size(), reply::toString);
        }
        return reply;
    }

    /** Members with totals, mirrored attributes and one event this week each, inserted in batches. */
    private static List<String> seed(String realmId) throws Exception {
        List<String> ids = new ArrayList<>();
        Random random = new Random(7);
        try (Connection c = RealKeycloak.server().connect(KeycloakServer.PG_DATABASE)) {
            c.setAutoCommit(false);
            try (PreparedStatement user = c.prepareStatement("insert into user_entity (id, username, realm_id, enabled, email_verified, created_timestamp, not_before, email_constraint) values (?, ?, ?, true, true, ?, 0, ?)");
                 PreparedStatement attribute = c.prepareStatement("insert into user_attribute (id, name, value, user_id) values (?, ?, ?, ?)");
                 PreparedStatement membership = c.prepareStatement("insert into community_member (id, realm_id, user_id, status, requested_at, joined_at, version, reputation, points_day, points_today) values (?, ?, ?, 'ACTIVE', ?, ?, 0, ?, 0, 0)");
                 PreparedStatement event = c.prepareStatement("insert into community_reputation_event (id, realm_id, user_id, source, type, requested_points, points, balance, event_key, created_at) values (?, ?, ?, 'seed', 'post-upvoted', ?, ?, ?, ?, ?)")) {
                long now = System.currentTimeMillis();
                for (int i = 0; i < MEMBERS; i++) {
                    String id = UUID.randomUUID().toString();
                    ids.add(id);
                    int total = random.nextInt(5000);
                    user.setString(1, id); user.setString(2, "member-" + i); user.setString(3, realmId); user.setLong(4, now); user.setString(5, id);
                    user.addBatch();
                    for (String[] a : new String[][] {{"handle", "member-" + i}, {"memberSince", "2026-01-01T00:00:00Z"},
                            {"reputation", Integer.toString(total)}}) {
                        attribute.setString(1, UUID.randomUUID().toString()); attribute.setString(2, a[0]);
                        attribute.setString(3, a[1]); attribute.setString(4, id);
                        attribute.addBatch();
                    }
                    membership.setString(1, UUID.randomUUID().toString()); membership.setString(2, realmId); membership.setString(3, id);
                    membership.setLong(4, now - i); membership.setLong(5, now - i); membership.setInt(6, total);
                    membership.addBatch();
                    int points = 1 + random.nextInt(50);
                    event.setString(1, UUID.randomUUID().toString()); event.setString(2, realmId); event.setString(3, id);
                    event.setInt(4, points); event.setInt(5, points); event.setInt(6, total); event.setString(7, "seed-" + i);
                    event.setLong(8, now - random.nextInt(6 * 86_400_000));
                    event.addBatch();
                    if (i % 1000 == 999) {
                        user.executeBatch(); attribute.executeBatch(); membership.executeBatch(); event.executeBatch();
                    }
                }
            }
            c.commit();
            c.setAutoCommit(true);
            try (var statement = c.createStatement()) {
                statement.execute("analyze user_entity, user_attribute, community_member, community_reputation_event");
            }
        }
        return ids;
    }
}
