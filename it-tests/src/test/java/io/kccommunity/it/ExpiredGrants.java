package io.kccommunity.it;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Real work for the timed sweep: a realm with thousands of members whose moderator grants have all
 * expired, written over JDBC in one transaction (users, memberships, role mappings, holdings), so the
 * whole batch falls due at one instant. What the sweep did is read back from the same tables.
 */
final class ExpiredGrants {

    /** What the expiries in the role history show: how many, for how many members, first and last. */
    record Revocations(int count, int members, long first, long last) {
    }

    final TestRealm realm;
    final String realmId;
    private final String roleId;
    private final int members;

    private ExpiredGrants(TestRealm realm, String realmId, String roleId, int members) {
        this.realm = realm;
        this.realmId = realmId;
        this.roleId = roleId;
        this.members = members;
    }

    /** A new realm with a community and {@code members} members who hold nothing yet. */
    static ExpiredGrants realm(Api api, String prefix, int members) {
        TestRealm realm = TestRealm.create(api, prefix);
        realm.enableCommunity(Map.of());
        String realmId = api.get("/admin/realms/" + realm.name, api.adminToken()).json().get("id").asText();
        String roleId = api.get("/admin/realms/" + realm.name + "/roles/community-moderator", api.adminToken()).json()
                .get("id").asText();
        return new ExpiredGrants(realm, realmId, roleId, members);
    }

    /** Writes the members and their grants, expired a minute ago, in one transaction; returns when it committed. */
    long seed() throws Exception {
        long now = System.currentTimeMillis();
        try (Connection db = connect()) {
            db.setAutoCommit(false);
            try (PreparedStatement user = db.prepareStatement("INSERT INTO USER_ENTITY (ID, USERNAME, REALM_ID, ENABLED,"
                    + " EMAIL_VERIFIED, CREATED_TIMESTAMP, NOT_BEFORE, EMAIL_CONSTRAINT) VALUES (?, ?, ?, ?, ?, ?, 0, ?)");
                 PreparedStatement member = db.prepareStatement("INSERT INTO COMMUNITY_MEMBER (ID, REALM_ID, USER_ID, STATUS,"
                         + " REQUESTED_AT, JOINED_AT, VERSION, REPUTATION, POINTS_DAY, POINTS_TODAY)"
                         + " VALUES (?, ?, ?, 'ACTIVE', ?, ?, 0, 0, 0, 0)");
                 PreparedStatement mapping = db.prepareStatement("INSERT INTO USER_ROLE_MAPPING (ROLE_ID, USER_ID) VALUES (?, ?)");
                 PreparedStatement holding = db.prepareStatement("INSERT INTO COMMUNITY_ROLE_HOLDING (ID, REALM_ID, USER_ID,"
                         + " ROLE_NAME, SOURCE, SINCE, EXPIRES_AT) VALUES (?, ?, ?, 'moderator', 'manual', ?, ?)")) {
                for (int i = 0; i < members; i++) {
                    String id = UUID.randomUUID().toString();
                    user.setString(1, id);
                    user.setString(2, "expiring-" + i);
                    user.setString(3, realmId);
                    user.setBoolean(4, true);
                    user.setBoolean(5, true);
                    user.setLong(6, now);
                    user.setString(7, id);
                    user.addBatch();
                    member.setString(1, UUID.randomUUID().toString());
                    member.setString(2, realmId);
                    member.setString(3, id);
                    member.setLong(4, now - 86_400_000L);
                    member.setLong(5, now - 86_400_000L);
                    member.addBatch();
                    mapping.setString(1, roleId);
                    mapping.setString(2, id);
                    mapping.addBatch();
                    holding.setString(1, UUID.randomUUID().toString());
                    holding.setString(2, realmId);
                    holding.setString(3, id);
                    holding.setLong(4, now - 3_600_000L);
                    holding.setLong(5, now - 60_000L);
                    holding.addBatch();
                }
                for (PreparedStatement batch : List.of(user, member, mapping, holding)) {
                    batch.executeBatch();
                }
            }
            db.commit();
        }
        return System.currentTimeMillis();
    }

    /** The expiries committed so far, from the role history. */
    Revocations revocations() throws Exception {
        try (Connection db = connect(); PreparedStatement query = db.prepareStatement("SELECT COUNT(*), COUNT(DISTINCT USER_ID),"
                + " MIN(OCCURRED_AT), MAX(OCCURRED_AT) FROM COMMUNITY_ROLE_HISTORY WHERE REALM_ID = ? AND SOURCE = 'expiry'")) {
            query.setString(1, realmId);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return new Revocations(row.getInt(1), row.getInt(2), row.getLong(3), row.getLong(4));
            }
        }
    }

    /** Grants still held, and moderator role mappings still in Keycloak, in this realm. */
    int[] left() throws Exception {
        try (Connection db = connect()) {
            return new int[] {count(db, "SELECT COUNT(*) FROM COMMUNITY_ROLE_HOLDING WHERE REALM_ID = ?", realmId),
                    count(db, "SELECT COUNT(*) FROM USER_ROLE_MAPPING WHERE ROLE_ID = ?", roleId)};
        }
    }

    /** This realm's entries in the sweep log, oldest first (column names upper case). */
    List<Map<String, Object>> logEntries() throws Exception {
        return SweepLog.entries("SELECT * FROM COMMUNITY_SWEEP_RUN WHERE REALM_ID = ? ORDER BY STARTED_AT", realmId);
    }

    void delete(Api api) {
        api.delete("/admin/realms/" + realm.name, api.adminToken());
    }

    static Connection connect() throws Exception {
        return RealKeycloak.server().connect(KeycloakServer.PG_DATABASE);
    }

    private static int count(Connection db, String sql, String parameter) throws Exception {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    static List<Map<String, Object>> rows(ResultSet result) throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        while (result.next()) {
            Map<String, Object> row = new java.util.HashMap<>();
            for (int c = 1; c <= result.getMetaData().getColumnCount(); c++) {
                row.put(result.getMetaData().getColumnLabel(c).toUpperCase(java.util.Locale.ROOT), result.getObject(c));
            }
            rows.add(row);
        }
        return rows;
    }
}
