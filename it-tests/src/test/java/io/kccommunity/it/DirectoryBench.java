package io.kccommunity.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Benchmark, not a test: the member directory over 10,000 members against Keycloak's own listings
 * measured in the same run. Seeds straight into PostgreSQL, so run it with
 * {@code mvn -B verify -Pbench -Dit.db=postgres}. Prints a table; asserts only on result sizes.
 */
@ExtendWith(RealKeycloak.class)
class DirectoryBench {

    static final int MEMBERS = 10_000;
    static final int SAMPLES = 200;

    @Test
    void directoryPagesOverTenThousandMembers() throws Exception {
        Assumptions.assumeTrue(RealKeycloak.server().database() == Database.POSTGRES,
                "the directory benchmark seeds PostgreSQL directly: run with -Dit.db=postgres");
        Api api = Api.forServer();
        TestRealm realm = TestRealm.create(api, "bench");
        realm.enableCommunity(Map.of());
        realm.createUser("reader");
        Expect.ok(api.post(realm.path("/membership"), realm.token("reader"), null), 201);
        Expect.ok(api.updateAccount(realm.name, realm.token("reader"), Map.of("handle", List.of("reader"))), 204);
        String realmId = api.get("/admin/realms/" + realm.name, api.adminToken()).json().get("id").asText();
        seed(realmId);

        String member = realm.token("reader");
        List<String[]> rows = new ArrayList<>();
        double directory = median(i -> api.get(realm.path("/members?first=" + (i * 37 % 9_000) + "&max=20"), member), 20);
        double search = median(i -> api.get(realm.path("/members?search=member-" + (i % 90 + 10) + "&max=20"), member), -1);
        double users = median(i -> api.get("/admin/realms/" + realm.name + "/users?first=" + (i * 37 % 9_000) + "&max=20", api.adminToken()), 20);
        double account = median(i -> api.get("/realms/" + realm.name + "/account/", member), -1);
        rows.add(new String[] {"community directory page (max=20)", fmt(directory), ratio(directory, users)});
        rows.add(new String[] {"community directory search", fmt(search), ratio(search, users)});
        rows.add(new String[] {"Keycloak admin user list page (max=20)", fmt(users), "1.00"});
        rows.add(new String[] {"Keycloak account endpoint", fmt(account), ratio(account, users)});
        System.out.println("\nDirectory benchmark: " + MEMBERS + " members, " + SAMPLES + " requests each, median ms"
                + " (ratio = time / Keycloak's admin user list)");
        for (String[] row : rows) {
            System.out.printf("  %-42s %8s ms   %s%n", row[0], row[1], row[2]);
        }
        Bench.report("directory page (" + MEMBERS + " members), median", fmt(directory) + " ms", fmt(users) + " ms admin user list",
                ratio(directory, users));
        Bench.report("directory search, median", fmt(search) + " ms", fmt(users) + " ms admin user list", ratio(search, users));
    }

    private static double median(IntFunction<Api.Reply> request, int expectedSize) {
        return Bench.medianMillis(i -> {
            Api.Reply reply = request.apply(Math.abs(i));
            if (expectedSize >= 0 && reply.status() == 200) {
                assertEquals(expectedSize, reply.json().size());
            }
            return reply;
        }, SAMPLES);
    }

    /** Users, profile attributes, memberships and handles, inserted in batches. */
    private static void seed(String realmId) throws Exception {
        try (Connection c = RealKeycloak.server().connect(KeycloakServer.PG_DATABASE)) {
            c.setAutoCommit(false);
            try (PreparedStatement user = c.prepareStatement("insert into user_entity (id, username, realm_id, enabled, email_verified, created_timestamp, not_before, email_constraint) values (?, ?, ?, true, true, ?, 0, ?)");
                 PreparedStatement attribute = c.prepareStatement("insert into user_attribute (id, name, value, user_id) values (?, ?, ?, ?)");
                 PreparedStatement membership = c.prepareStatement("insert into community_member (id, realm_id, user_id, status, requested_at, joined_at, version) values (?, ?, ?, 'ACTIVE', ?, ?, 0)");
                 PreparedStatement handle = c.prepareStatement("insert into community_handle (id, realm_id, user_id, handle) values (?, ?, ?, ?)")) {
                long now = System.currentTimeMillis();
                String[] topics = {"getting-started", "how-to", "showcase", "events", "feedback"};
                for (int i = 0; i < MEMBERS; i++) {
                    String id = UUID.randomUUID().toString();
                    String name = "member-" + i;
                    user.setString(1, id); user.setString(2, name); user.setString(3, realmId); user.setLong(4, now); user.setString(5, id);
                    user.addBatch();
                    for (String[] a : new String[][] {{"handle", name}, {"displayName", "Member " + i},
                            {"profileVisibility", i % 10 == 0 ? "private" : "members"}, {"interests", topics[i % topics.length]},
                            {"bio", "Seeded member number " + i}}) {
                        attribute.setString(1, UUID.randomUUID().toString()); attribute.setString(2, a[0]);
                        attribute.setString(3, a[1]); attribute.setString(4, id);
                        attribute.addBatch();
                    }
                    membership.setString(1, UUID.randomUUID().toString()); membership.setString(2, realmId); membership.setString(3, id);
                    membership.setLong(4, now); membership.setLong(5, now);
                    membership.addBatch();
                    handle.setString(1, UUID.randomUUID().toString()); handle.setString(2, realmId); handle.setString(3, id); handle.setString(4, name);
                    handle.addBatch();
                    if (i % 1000 == 999) {
                        user.executeBatch(); attribute.executeBatch(); membership.executeBatch(); handle.executeBatch();
                    }
                }
            }
            c.commit();
            // what autovacuum does on a live database after a bulk load: fresh planner statistics
            c.setAutoCommit(true);
            try (var statement = c.createStatement()) {
                statement.execute("analyze user_entity, user_attribute, community_member, community_handle");
            }
        }
    }

    private static String fmt(double millis) {
        return String.format("%.1f", millis);
    }

    private static String ratio(double ours, double baseline) {
        return Bench.ratio(ours, baseline);
    }
}
